import { describe, expect, it } from 'vitest';
import { neutralise } from '../../../adapters/discord/escape.js';

describe('neutralise', () => {
  it('keeps mass mentions, user, role and channel mentions from acting', () => {
    expect(neutralise('@everyone and @here')).toBe('@\u200beveryone and @\u200bhere');
    expect(neutralise('ask <@123>, <@&456> in <#789>')).toBe('ask \\<@123>, \\<@&456> in \\<#789>');
  });

  it('escapes Markdown that would change the layout', () => {
    expect(neutralise('*bold* _it_ ~~gone~~ `code` ||spoiler||')).toBe(
      '\\*bold\\* \\_it\\_ \\~\\~gone\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|',
    );
    expect(neutralise('[click](https://evil.example)')).toBe('\\[click\\](https://evil.example)');
    expect(neutralise('> quote\n# heading\n- item\n1. first')).toBe('\\> quote\n\\# heading\n\\- item\n1\\. first');
    expect(neutralise('a > b - c #1')).toBe('a > b - c #1');
  });

  it('leaves a web address as it is, but for brackets, backticks and backslashes, so its link works', () => {
    const timetable = 'Timetable: https://example.com/ferry_times/*all*~2|x.pdf, see page 2';
    expect(neutralise(timetable)).toBe(timetable);
    expect(neutralise('(https://example.com/a_b) and <@123>')).toBe('(https://example.com/a_b) and \\<@123>');
    expect(neutralise('https://example.com/a_b<@123>')).toBe('https://example.com/a_b\\<@123>');
    expect(neutralise('[ferry](https://evil.example/x_y)')).toBe('\\[ferry\\](https://evil.example/x_y)');
    expect(neutralise('https://example.com/[ferry](https://evil.example)')).toBe(
      'https://example.com/\\[ferry\\](https://evil.example)',
    );
    expect(neutralise('https://example.com/a`b\\<@123>')).toBe('https://example.com/a\\`b\\\\\\<@123>');
    expect(neutralise('https://example.com/@everyone_x')).toBe('https://example.com/@\u200beveryone_x');
    // Glued to a word, it may not be read as an address: escaped as text.
    expect(neutralise('ferryhttps://example.com/a_b')).toBe('ferryhttps://example.com/a\\_b');
  });
});
