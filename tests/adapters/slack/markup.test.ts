import { describe, expect, it } from 'vitest';
import { slackToPlain } from '../../../adapters/slack/markup.js';

describe('slackToPlain', () => {
  it('turns Slack’s markup in typed text back into what the person saw', () => {
    expect(slackToPlain('<@U1|ann> asked about <#C1|harbour> &amp; <https://x.example/a|the memo> &lt;3 <!here>')).toBe(
      '@ann asked about #harbour & the memo <3 @here',
    );
    expect(slackToPlain('<@UBOT>   how much\n did it cost?')).toBe('how much did it cost?');
  });
});
