import { describe, expect, it } from 'vitest';
import { replyOf } from '../../src/answer/reply.js';
import { moreResults, restOfList, resumeAt } from '../../src/render/paging.js';

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

  it('pages a list a message had no room for from its first item left out, and only a list that has a rest', () => {
    const listed = replyOf('Sources', [], { rest: { command: 'sources', args: { offset: 40 } } });
    expect(restOfList(listed, 15)).toEqual({ command: 'sources', args: { offset: 25 } });
    expect(restOfList(listed, 0)).toBeUndefined();
    expect(restOfList(replyOf('Sources', []), 15)).toBeUndefined();
  });
});
