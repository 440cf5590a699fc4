import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../adapters/slack/render.js';
import { runCommand, runText } from '../../src/commands/index.js';
import type { Feeds } from '../../src/ingest/feeds.js';
import { commandContext } from '../support/commands.js';
import { corpusForSuite, note, SILT } from '../support/corpus.js';

const harbour = corpusForSuite({ 'silt.md': note('Silt', SILT) });
const noFeeds = { list: () => [] } as unknown as Feeds;

describe('feeds list', () => {
  it('with no feeds, shows how to follow one as a command of this platform, in code', async () => {
    const asked = async (platform: 'slack' | 'discord' | 'terminal') =>
      (await runText('feeds list', commandContext(harbour(), { platform, feeds: noFeeds }))).blocks;
    const shown = async (platform: 'slack' | 'discord' | 'terminal') =>
      (await asked(platform)).flatMap((b) => (b.type === 'text' ? b.text.filter((s) => s.code) : []));
    expect(await shown('slack')).toEqual([{ text: '/brief feeds add https://…/feed.xml', code: true }]);
    expect(await shown('discord')).toEqual([{ text: '/brief feeds action:add url:https://…/feed.xml', code: true }]);
    expect(await shown('terminal')).toEqual([{ text: 'feeds add https://…/feed.xml', code: true }]);
    const slack = renderSlack(await runText('feeds', commandContext(harbour(), { platform: 'slack', feeds: noFeeds })));
    expect(JSON.stringify(slack.blocks)).toContain('No feeds yet: `/brief feeds add https://…/feed.xml` follows one.');
  });
});

describe('feeds add', () => {
  it('without a link, says how to give one as a command of this platform', async () => {
    const refused = async (platform: 'slack' | 'discord' | 'terminal', raw: Record<string, unknown>) =>
      (await runCommand('feeds', raw, commandContext(harbour(), { platform, feeds: noFeeds }))).error;
    expect(await refused('discord', { action: 'add' })).toEqual({
      code: 'bad-arguments',
      message: 'Give the feed’s link: `/brief feeds action:add url:https://…/feed.xml`.',
    });
    expect((await refused('slack', { action: 'remove' }))?.message).toBe(
      'Give the feed’s link: `/brief feeds remove https://…/feed.xml`.',
    );
    expect((await refused('terminal', { action: 'add' }))?.message).toBe(
      'Give the feed’s link: `feeds add https://…/feed.xml`.',
    );
  });

  it('says how often the feed is polled in words that agree with the number', async () => {
    const following = (pollMinutes: number) =>
      ({
        settings: { pollMinutes },
        follow: async () => ({ feed: { url: 'https://example.org/feed.xml', title: 'Harbour' }, entries: 2 }),
      }) as unknown as Feeds;
    const added = async (pollMinutes: number) =>
      (
        await runText(
          'feeds add https://example.org/feed.xml',
          commandContext(harbour(), { feeds: following(pollMinutes) }),
        )
      ).blocks;
    expect(JSON.stringify(await added(1))).toContain('and new ones every minute.');
    expect(JSON.stringify(await added(60))).toContain('and new ones every 60 minutes.');
  });
});
