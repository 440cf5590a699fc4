import * as z from 'zod';
import { count, errorReply, replyOf, said, textReply, type Reply, type RichText } from '../answer/reply.js';
import type { Feed } from '../ingest/feeds.js';
import { contributor } from './add.js';
import { howToAsk, type Asking } from './asking.js';
import { actionProblem, defineCommand } from './command.js';
import { linkArg } from './limits.js';

const ACTIONS = ['add', 'list', 'remove'] as const;

/** `feeds add <url>`, `feeds list`, `feeds remove <url>`: the RSS and Atom feeds whose new items join the corpus. */
export const feedsCommand = defineCommand({
  name: 'feeds',
  summary: 'Follow RSS or Atom feeds: their new items are added to the corpus',
  usage: 'feeds add <url> | feeds list | feeds remove <url>',
  args: z
    .object({
      action: z
        .enum(ACTIONS, { error: (issue) => actionProblem(issue.input, ACTIONS) })
        .describe('Follow a feed, list them, or stop following one'),
      url: linkArg().optional().describe('The feed’s link (RSS or Atom), for add and remove'),
    })
    .superRefine((a, ctx) => {
      // Said rather than ignored, as for every command that takes nothing (NO_ARGUMENTS): the words meant something.
      if (a.action === 'list' && a.url)
        ctx.addIssue({
          code: 'custom',
          path: ['url'],
          message: '"feeds list" takes nothing after it: it lists them all',
        });
    }),
  fromText: (rest) => {
    const [action = 'list', ...words] = rest.split(/\s+/).filter(Boolean);
    return { action: action.toLowerCase(), ...(words.length ? { url: words.join(' ') } : {}) };
  },
  run: async ({ action, url }, ctx) => {
    // Here rather than in the schema, which cannot know the platform: a link missing is shown how it is given here
    // (Discord's `url:` option), where the schema's one line said `feeds add https://…` on every surface.
    if (action !== 'list' && !url)
      return errorReply(
        'bad-arguments',
        `Give the feed’s link: \`${howToAsk(ctx, 'feeds', [
          ['action', action],
          ['url', 'https://…/feed.xml'],
        ])}\`.`,
      );
    const feeds = ctx.feeds;
    if (!feeds)
      return errorReply(
        'feeds-unavailable',
        'Feeds are not available here: they need the bot running with its database (`npm start`).',
      );
    const who = contributor(ctx);
    switch (action) {
      case 'add': {
        const { feed, was, entries } = await feeds.follow(url!, who);
        const minutes = feeds.settings.pollMinutes;
        // FEED_POLL_MINUTES=1 read "every 1 minutes".
        const every = `new ones every ${minutes === 1 ? 'minute' : `${minutes} minutes`}`;
        return textReply(`Following: ${feedName(feed)}`, [
          {
            text:
              was === 'active'
                ? `Already following it (${count(feed.items, 'item')} added so far).`
                : `${count(entries, 'item')} in the feed now` +
                  `${was === 'paused' ? ' (it was paused; following it again)' : ''}: ` +
                  `they are being added to the corpus, and ${every}.`,
          },
        ]);
      }
      case 'remove': {
        const feed = await feeds.unfollow(url!, who);
        return textReply(`No longer following: ${feedName(feed)}`, [
          { text: `The ${count(feed.items, 'document')} it added stay in the corpus.` },
        ]);
      }
      case 'list':
        return listReply(feeds.list(), ctx);
    }
  },
});

const feedName = (feed: Feed) => feed.title ?? feed.url;

/** Each feed with its link, state, items taken, last poll and last error; with none, how to follow one here. */
function listReply(feeds: Feed[], asking: Asking): Reply {
  if (!feeds.length) {
    const follow = howToAsk(asking, 'feeds', [
      ['action', 'add'],
      ['url', 'https://…/feed.xml'],
    ]);
    return textReply('Feeds', said(`No feeds yet: \`${follow}\` follows one.`), { status: 'empty' });
  }
  const items: RichText[] = feeds.map((f) => [
    { text: feedName(f), strong: true },
    {
      text: [
        ` — ${f.url}`,
        f.state === 'paused' ? `paused after ${count(f.failures, 'failed poll')}` : 'active',
        `${count(f.items, 'item')} added`,
        f.lastPolledAt ? `last polled ${f.lastPolledAt.slice(0, 16).replace('T', ' ')} UTC` : 'not polled yet',
        ...(f.lastError ? [`last error: ${f.lastError}`] : []),
      ].join(' · '),
    },
  ]);
  return replyOf('Feeds', [{ type: 'list', items }]);
}
