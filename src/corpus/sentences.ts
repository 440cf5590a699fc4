import { createRequire } from 'node:module';
import type WinkFn from 'wink-nlp';
import type { WinkMethods } from 'wink-nlp';
import type { Sentence } from './types.js';

const require = createRequire(import.meta.url);
let nlp: WinkMethods | undefined;

/** wink-nlp with its English model takes a few hundred milliseconds to load: once, on first use. */
function wink(): WinkMethods {
  if (!nlp) {
    const winkNLP = require('wink-nlp') as typeof WinkFn;
    nlp = winkNLP(require('wink-eng-lite-web-model'), ['sbd']);
  }
  return nlp;
}

/**
 * A split wink-nlp makes inside a sentence: the next part starts in lower case ("career ambassador
 * (ret.) | from the U.S."), or an abbreviation was cut after a hyphen ("Mexico-U. | S. talks").
 */
function isFalseBreak(before: string, after: string): boolean {
  return /^\p{Ll}/u.test(after) || (/\b\p{Lu}\.$/u.test(before) && /^\p{Lu}\.(?:\s|$)/u.test(after));
}

/**
 * Splits a paragraph into sentences with wink-nlp, which knows that "U.S. Congress", "Dec. 12" and
 * "Mr. Barr" do not end a sentence, mending the few splits it gets wrong (isFalseBreak). Each
 * sentence is a slice of `text` at its own offset.
 */
export function splitSentences(text: string): Sentence[] {
  const nlp = wink();
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

/** Longest run of white space expected between two tokens; a farther match is another occurrence. */
const MAX_GAP = 256;

/**
 * Where each token lies in the text. Tokens are found in order, separated only by white space; a
 * token wink-nlp spelled differently from the text (it should not) takes no room rather than
 * throwing later offsets off.
 */
function tokenOffsets(text: string, tokens: string[]): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let cursor = 0;
  for (const token of tokens) {
    const at = text.indexOf(token, cursor);
    const found = at >= 0 && at - cursor <= MAX_GAP && /^\s*$/.test(text.slice(cursor, at));
    starts.push(found ? at : cursor);
    if (found) cursor = at + token.length;
    ends.push(cursor);
  }
  return { starts, ends };
}
