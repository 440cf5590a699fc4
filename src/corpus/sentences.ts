import type { Sentence } from './types.js';
import { tokenOffsets, wink } from './wink.js';

/**
 * A split wink-nlp makes inside a sentence: the next part starts in lower case ("career ambassador
 * (ret.) | from the U.S."), or an abbreviation was cut after a hyphen ("Canada-U. | S. talks").
 */
function isFalseBreak(before: string, after: string): boolean {
  return /^\p{Ll}/u.test(after) || (/\b\p{Lu}\.$/u.test(before) && /^\p{Lu}\.(?:\s|$)/u.test(after));
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
    if (previous && isFalseBreak(previous.text, sentence)) previous.text = text.slice(previous.start, ends[last]);
    else if (sentence) sentences.push({ text: sentence, start });
  }
  return sentences;
}
