import type { Sentence } from './types.js';
import { tokenOffsets, wink } from './wink.js';

/**
 * A split wink-nlp makes inside a sentence: the next part starts in lower case ("career ambassador
 * (ret.) | from the U.S."), an abbreviation was cut after a hyphen ("Canada-U. | S. talks"), or a dot joins two digits
 * with nothing between, as in a version, whose every dot wink ends a sentence at ("v4. | 2. | 0 shipped"). A number
 * glued after a word's full stop is a note's ("the disease.3 Trials"), and starts the sentence it seems to.
 */
function isFalseBreak(before: string, after: string, glued: boolean): boolean {
  return (
    (glued && /\d\.$/.test(before) && /^\d/.test(after)) ||
    /^\p{Ll}/u.test(after) ||
    (/\b\p{Lu}\.$/u.test(before) && /^\p{Lu}\.(?:\s|$)/u.test(after))
  );
}

/**
 * Splits a paragraph into sentences with wink-nlp, which knows that "U.S. Congress", "Dec. 12" and
 * "Mr. Holt" do not end a sentence, mending the few splits it gets wrong (isFalseBreak). Each
 * sentence is a slice of `text` at its own offset.
 */
export function splitSentences(text: string): Sentence[] {
  const nlp = wink('sentences');
  const doc = nlp.readDoc(text);
  const { starts, ends } = tokenOffsets(text, doc.tokens().out() as string[]);
  const spans = doc.sentences().out(nlp.its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  for (const [first, last] of spans) {
    const start = starts[first]!;
    const sentence = text.slice(start, ends[last]);
    const previous = sentences.at(-1);
    const glued = !!previous && start === previous.start + previous.text.length;
    if (previous && isFalseBreak(previous.text, sentence, glued))
      previous.text = text.slice(previous.start, ends[last]);
    else if (sentence) sentences.push({ text: sentence, start });
  }
  return sentences;
}
