import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../adapters/slack/buttons.js';

describe('parseRequest', () => {
  it('reads back the requests the buttons hold and nothing else', () => {
    expect(parseRequest('{"t":"harbour"}')).toEqual({ t: 'harbour' });
    expect(parseRequest('{"c":"ask","a":{"question":"harbour","offset":3}}')).toEqual({
      c: 'ask',
      a: { question: 'harbour', offset: 3 },
    });
    expect(parseRequest('not json')).toBeUndefined();
    expect(parseRequest('{"c":"ask"}')).toBeUndefined();
    expect(parseRequest(undefined)).toBeUndefined();
  });
});
