import type { Token } from '../tokens.js';
import { DETERMINERS, CLAUSE_BREAKS } from './words.js';

/**
 * One sentence's tokens as the parts of the grammar read them: by position (an index past either end reads as
 * nothing), with the clause and the brackets each token stands in.
 */
export class Reading {
  /** The clause each token stands in, counted by the clause breaks before it (`CLAUSE_BREAKS`). */
  readonly segmentOf: number[] = [];
  /** Whether a token stands inside brackets: "(Wayne, The Hill, 2020)" dates a source, not a figure outside it. */
  readonly bracketed: boolean[] = [];

  constructor(
    readonly text: string,
    readonly t: Token[],
  ) {
    let segment = 0;
    let depth = 0;
    for (const [i, token] of t.entries()) {
      if (token.pos === 'PUNCT' && CLAUSE_BREAKS.has(token.text) && (token.spaced || token.text !== '–')) segment++;
      if (token.text === ')' || token.text === ']') depth = Math.max(0, depth - 1);
      this.segmentOf.push(segment);
      this.bracketed.push(depth > 0);
      // A sentence opening with a bracket is an aside of its own ("(The board met on 12 May 2010 …)"): what it says,
      // its times among it, is its own, not a source named beside other words.
      if ((token.text === '(' || token.text === '[') && i > 0) depth++;
    }
  }

  lower(i: number): string {
    return this.t[i]?.lower ?? '';
  }

  skipDeterminers(i: number): number {
    let k = i;
    while (DETERMINERS.has(this.lower(k)) || this.lower(k) === "'s" || this.lower(k) === '’s') k++;
    return k;
  }
}
