import { describe, expect, it } from 'vitest';
import { slackToPlain } from '../../../adapters/slack/markup.js';

describe('slackToPlain', () => {
  it('turns Slack’s markup in typed text back into what the person saw', () => {
    expect(slackToPlain('<@U1|ann> asked about <#C1|harbour> &amp; <https://x.example/a|the memo> &lt;3 <!here>')).toBe(
      '@ann asked about #harbour & the memo <3 @here',
    );
    // A person by id alone stays, for the command layer to name (Slack sends no name with it).
    expect(slackToPlain('what did <@U42>   say\n it cost?')).toBe('what did <@U42> say it cost?');
  });
});
