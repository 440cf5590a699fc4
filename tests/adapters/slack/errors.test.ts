import { describe, expect, it } from 'vitest';
import { describeSlackFailure } from '../../../adapters/slack/errors.js';

describe('describeSlackFailure', () => {
  it('names the problem and what to do', () => {
    const platform = (error: string) => Object.assign(new Error(error), { data: { ok: false, error } });
    expect(describeSlackFailure(platform('not_in_channel'), 'C9')).toBe(
      'The bot is not a member of channel C9 (not_in_channel): invite it there with /invite @Dossier.',
    );
    expect(describeSlackFailure(platform('invalid_auth'), 'C9')).toContain('check SLACK_BOT_TOKEN');
    expect(describeSlackFailure(new Error('socket hang up'), 'C9')).toBe(
      'Slack call for channel C9 failed: socket hang up',
    );
  });
});
