import { tokenSentences, type Token } from './figures/tokens.js';

const NOUNS = new Set(['NOUN', 'PROPN']);

/**
 * The noun phrases of a text, verbatim: runs of nouns and proper nouns with the adjectives before
 * them ("road crash deaths", "Anglo-French tunnel", "ridership"), as wink-nlp tags the words.
 * What a corpus is about is named by such phrases; the other words of a sentence (its verbs,
 * adverbs, "even", "seems") are not topics in any corpus.
 */
export function nounPhrases(text: string): string[] {
  const phrases: string[] = [];
  for (const sentence of tokenSentences(text)) {
    let run: Token[] = [];
    const end = () => {
      while (run.length && !NOUNS.has(run[run.length - 1]!.pos)) run.pop();
      if (run.length) phrases.push(text.slice(run[0]!.start, run[run.length - 1]!.end));
      run = [];
    };
    sentence.forEach((token, i) => {
      const hasNoun = run.some((t) => NOUNS.has(t.pos));
      // A hyphen between two words written together keeps them one word: "Anglo-French".
      const joining = token.text === '-' && !token.spaced && sentence[i + 1]?.spaced === false && run.length > 0;
      if (NOUNS.has(token.pos) || joining) run.push(token);
      else if (token.pos === 'ADJ') {
        if (hasNoun) end();
        run.push(token);
      } else end();
    });
    end();
  }
  return phrases;
}
