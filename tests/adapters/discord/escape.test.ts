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
});
