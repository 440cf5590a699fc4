import { describe, expect, it } from 'vitest';
import { moreResults, resumeAt } from '../../src/render/paging.js';

describe('paging', () => {
  it('counts results in plain words', () => {
    expect(moreResults(1)).toBe('1 more result');
    expect(moreResults(3)).toBe('3 more results');
  });

  it('moves More results back to the first excerpt a message had no room for', () => {
    const next = { command: 'ask', args: { question: 'q', offset: 6 } };
    expect(resumeAt(next, 2)).toEqual({ command: 'ask', args: { question: 'q', offset: 4 } });
    expect(resumeAt(next, 0)).toBe(next);
    expect(resumeAt({ command: 'figures', args: { topic: 't' } }, 2)).toEqual({
      command: 'figures',
      args: { topic: 't' },
    });
    expect(resumeAt(undefined, 2)).toBeUndefined();
  });
});
