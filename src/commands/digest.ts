import { z } from 'zod';
import { errorReply, type Reply } from '../answer/reply.js';
import { MAX_TOPICS } from '../digest/compose.js';
import type { Requester } from '../digest/service.js';
import { describeDays, isValidTimeZone, nextSlot, parseDays, parseTime } from '../digest/slots.js';
import type { Subscription } from '../digest/store.js';
import { defineCommand, type CommandContext } from './command.js';

const MAX_TOPIC_LENGTH = 100;
const ACTIONS = ['subscribe', 'unsubscribe', 'list', 'preview'] as const;
/** IANA areas: `Europe/Londn` is a mistyped zone, `US/Mexico border` is a topic. */
const ZONE_LIKE = /^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/\S+$/i;

const looksLikeZone = (word: string, before?: string) =>
  /^(utc|gmt)$/i.test(word) || (word.includes('/') && (ZONE_LIKE.test(word) || isValidTimeZone(word) || before === 'in' || before === 'tz'));

/** "fentanyl, Mérida funding" → ["fentanyl", "Mérida funding"]. */
export const splitTopics = (topics: string | undefined): string[] =>
  (topics ?? '')
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean);

const DigestArgs = z
  .object({
    action: z.enum(ACTIONS, { error: 'say subscribe, unsubscribe, list or preview' }).describe('What to do with this channel’s digest'),
    topics: z.string().max(MAX_TOPICS * (MAX_TOPIC_LENGTH + 2)).optional().describe('Saved queries, separated by commas: fentanyl, Mérida funding'),
    at: z.string().optional().describe('Local time to send it, HH:MM (default 08:00)'),
    days: z.string().optional().describe('weekdays (default), daily, weekends, or mon,wed,fri'),
    tz: z.string().optional().describe('IANA time zone, e.g. Europe/London (default: the bot’s)'),
  })
  .superRefine((a, ctx) => {
    const topics = splitTopics(a.topics);
    if (a.action === 'subscribe' && topics.length === 0) ctx.addIssue({ code: 'custom', path: ['topics'], message: 'name at least one topic, e.g. `digest subscribe fentanyl, Mérida funding`' });
    if (topics.length > MAX_TOPICS) ctx.addIssue({ code: 'custom', path: ['topics'], message: `at most ${MAX_TOPICS} topics, separated by commas` });
    if (topics.some((t) => t.length > MAX_TOPIC_LENGTH)) ctx.addIssue({ code: 'custom', path: ['topics'], message: `keep each topic under ${MAX_TOPIC_LENGTH} characters` });
    if (a.at !== undefined && !parseTime(a.at)) ctx.addIssue({ code: 'custom', path: ['at'], message: `"${a.at}" is not a time: use HH:MM on a 24-hour clock, e.g. 07:30` });
    if (a.days !== undefined && !parseDays(a.days)) ctx.addIssue({ code: 'custom', path: ['days'], message: `"${a.days}" is not a set of days: use weekdays, daily, weekends or mon,wed,fri` });
    if (a.tz !== undefined && !isValidTimeZone(a.tz)) ctx.addIssue({ code: 'custom', path: ['tz'], message: `"${a.tz}" is not a time zone: use an IANA name such as Europe/London or America/New_York` });
  });

/**
 * `subscribe fentanyl, Mérida funding at 07:30 mon-fri Europe/London`: the schedule words are read
 * from the end, in any order, and the rest is the topic list.
 */
export function digestFromText(rest: string): Record<string, unknown> {
  const [action = '', ...words] = rest.trim().split(/\s+/).filter(Boolean);
  const args: Record<string, unknown> = { action: action.toLowerCase() };
  for (;;) {
    const last = words.at(-1);
    const before = words.at(-2)?.toLowerCase();
    if (last === undefined) break;
    if (before === 'at' && /^\d/.test(last) && args.at === undefined) {
      args.at = last;
      words.splice(-2);
    } else if (looksLikeZone(last, before) && args.tz === undefined) {
      args.tz = last;
      words.splice(before === 'in' || before === 'tz' ? -2 : -1);
    } else if (parseDays(last) && args.days === undefined) {
      args.days = last;
      words.splice(before === 'on' ? -2 : -1);
    } else break;
  }
  if (words.length) args.topics = words.join(' ');
  return args;
}

export const digestCommand = defineCommand({
  name: 'digest',
  summary: 'A morning digest of new passages on saved topics, posted to this channel',
  usage: 'digest subscribe|unsubscribe|list|preview [topics] [at HH:MM] [days] [time zone]',
  args: DigestArgs,
  fromText: digestFromText,
  run: async (args, ctx) => {
    const service = ctx.digest;
    if (!service) return errorReply('digest-unavailable', 'Digests are not available here: they need the bot running with its database (`npm start`).');
    const who: Requester = { platform: ctx.platform, channelId: ctx.channel.id, userId: ctx.user.id, canManageChannel: ctx.user.canManageChannel };
    switch (args.action) {
      case 'subscribe': {
        const sub = service.subscribe(who, { topics: splitTopics(args.topics), time: args.at, days: args.days === undefined ? undefined : parseDays(args.days), timeZone: args.tz });
        return message('Digest subscribed', `This channel will get a digest on ${quoted(sub.topics)}, ${schedule(sub)}. Next: ${next(sub, ctx)}.`);
      }
      case 'unsubscribe':
        return service.unsubscribe(who) ? message('Digest unsubscribed', 'This channel will get no more digests.') : message('No digest', 'This channel has no digest to unsubscribe from.');
      case 'list': {
        const sub = service.subscription(ctx.platform, ctx.channel.id);
        if (!sub) return message('No digest', 'This channel has no digest. Start one with `digest subscribe fentanyl, Mérida funding`.');
        const state = sub.state === 'paused' ? ` Paused: ${sub.pausedReason ?? 'the bot could not post here'}; subscribe again to resume.` : ` Next: ${next(sub, ctx)}.`;
        return message('This channel’s digest', `${quoted(sub.topics)}, ${schedule(sub)}, set up by ${sub.subscriberId}.${state}`);
      }
      case 'preview': {
        const reply = service.preview(ctx.platform, ctx.channel.id, splitTopics(args.topics));
        return reply ?? errorReply('no-topics', 'This channel has no digest: give topics to preview, e.g. `digest preview fentanyl`.');
      }
    }
  },
});

const quoted = (topics: string[]) => topics.map((t) => `“${t}”`).join(', ');
const schedule = (sub: Subscription) => `${describeDays(sub.days)} at ${sub.time} (${sub.timeZone})`;

function next(sub: Subscription, ctx: CommandContext): string {
  const slot = nextSlot(sub, ctx.now());
  if (!slot) return 'not scheduled';
  return new Intl.DateTimeFormat('en-GB', { timeZone: sub.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(slot);
}

function message(title: string, body: string): Reply {
  return { title, status: 'ok', blocks: [{ type: 'text', text: [{ text: body }] }], attachments: [], more: 0 };
}
