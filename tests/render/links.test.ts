import { describe, expect, it } from 'vitest';
import { safeLink } from '../../src/render/links.js';

describe('safeLink', () => {
  it('keeps only absolute http(s) addresses without a user name or password', () => {
    expect(safeLink('https://news.example/a')).toBe('https://news.example/a');
    for (const bad of ['javascript:alert(1)', 'ftp://x.example/', '/relative', 'not a url', '', undefined])
      expect(safeLink(bad)).toBeUndefined();
    expect(safeLink('https://trusted.example@evil.example/')).toBeUndefined();
  });

  it('encodes every character that could end or bend a link on some platform', () => {
    expect(safeLink('https://news.example/a (1)|b>c')).toBe('https://news.example/a%20%281%29%7Cb%3Ec');
    expect(safeLink('https://news.example/q?x=[1]&y="2"')).toBe('https://news.example/q?x=%5B1%5D&y=%222%22');
  });
});
