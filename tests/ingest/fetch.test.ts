import { describe, expect, it } from 'vitest';
import { FetchError, parseWebUrl } from '../../src/ingest/fetch.js';

/** What parseWebUrl refuses `input` with, or the address it returns. */
const parsed = (input: string, role?: string) => {
  try {
    return parseWebUrl(input, role).href;
  } catch (error) {
    return error instanceof FetchError ? [error.code, error.message] : error;
  }
};

describe('parseWebUrl', () => {
  it('takes an http(s) address, trimmed and without its fragment, which the server never sees', () => {
    expect(parsed('  https://rowing.example/results?year=2025#lane-b ')).toBe(
      'https://rowing.example/results?year=2025',
    );
    expect(parsed('http://rowing.example')).toBe('http://rowing.example/');
  });

  it('refuses in one line what is not a web address, another scheme, or a link with credentials', () => {
    expect(parsed('the regatta results')).toEqual([
      'bad-url',
      '"the regatta results" is not a web address: give a full https:// link.',
    ]);
    expect(parsed('file:///etc/passwd', 'the feed')).toEqual([
      'bad-url',
      'Only http and https links are fetched (the feed is file:).',
    ]);
    for (const credentials of ['https://cox:oar@rowing.example/', 'https://cox@rowing.example/'])
      expect(parsed(credentials)).toEqual(['bad-url', 'A link with a user name or password in it is not fetched.']);
  });

  it('says where a file given by its path or name goes; a link typed without its scheme is a link', () => {
    const file = (text: string) =>
      `"${text}" is a file, not a web address: copy it into the corpus folder, or share it with the bot in chat.`;
    for (const text of ['./regatta.md', '/srv/notes/regatta results.pdf', '~/regatta.txt', 'C:\\rowing\\a.htm'])
      expect(parsed(text)).toEqual(['bad-url', file(text)]);
    expect(parsed('Regatta.PDF')).toEqual(['bad-url', file('Regatta.PDF')]);
    expect(parsed('rowing.example/regatta.pdf')).toEqual([
      'bad-url',
      '"rowing.example/regatta.pdf" is not a web address: give a full https:// link.',
    ]);
  });

  it('quotes at most 200 characters of a pasted text that is no link', () => {
    const [, message] = parsed('word '.repeat(100)) as [string, string];
    expect(message).toBe(`"${'word '.repeat(40).slice(0, 199)}…" is not a web address: give a full https:// link.`);
  });
});
