import { createRequire } from 'node:module';
import type WinkFn from 'wink-nlp';
import type { WinkMethods } from 'wink-nlp';

const require = createRequire(import.meta.url);
const readers: Partial<Record<WinkPipeline, WinkMethods>> = {};

/**
 * `sentences`: the sentence splitter alone, all that ingestion needs; `full`: also parts of speech
 * and entities, which reading figures needs and which cost several times more per text.
 */
export type WinkPipeline = 'sentences' | 'full';

/** wink-nlp with its English model, which takes a few hundred milliseconds to load: once per pipeline, on first use. */
export function wink(pipeline: WinkPipeline): WinkMethods {
  let reader = readers[pipeline];
  if (!reader) {
    const winkNLP = require('wink-nlp') as typeof WinkFn;
    const model = require('wink-eng-lite-web-model') as Parameters<typeof WinkFn>[0];
    reader = pipeline === 'sentences' ? winkNLP(model, ['sbd']) : winkNLP(model);
    readers[pipeline] = reader;
  }
  return reader;
}

/**
 * Whether English has this word, by the model's lexicon (lower-cased: the lexicon holds "Figures"
 * only as an unknown word). The model loads on first use.
 */
export function isEnglishWord(word: string): boolean {
  return !wink('sentences').readDoc('').isOOV(word.toLowerCase());
}

/** Longest run of white space expected between two tokens; a farther match is another occurrence. */
const MAX_GAP = 256;

/**
 * Where each of wink-nlp's tokens lies in the text it read. Tokens are found in order, separated
 * only by white space; a token wink-nlp spelled differently from the text (it should not) takes
 * no room rather than throwing later offsets off.
 */
export function tokenOffsets(text: string, tokens: string[]): { starts: number[]; ends: number[] } {
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
