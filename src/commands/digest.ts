import * as z from 'zod';
import { asShown } from '../corpus/text.js';
import { fold } from '../search/analyzer.js';
import { errorReply, said, text, textReply, type Reply, type RichText, type Span } from '../answer/reply.js';
import { typed } from '../errors.js';
import { describeDays, isValidTimeZone, nextSlot, parseDays, parseTime } from '../schedule.js';
import { CHANNEL, howToAsk, opening, placeOf, type Asking } from './asking.js';
import { actionProblem, defineCommand, type CommandContext, type IssueParams, type Place } from './command.js';
import type { ChannelDigest, Requester } from './digest-desk.js';
import { MAX_TOPICS } from './limits.js';

const MAX_TOPIC_LENGTH = 100;
const ACTIONS = ['subscribe', 'unsubscribe', 'pause', 'list', 'preview'] as const;
/** What may follow "digest": the command line refuses `--topics` after any but preview by name. */
export const DIGEST_ACTIONS: readonly string[] = ACTIONS;

/**
 * "ferry fares, harbour dredging" → ["ferry fares", "harbour dredging"]: each topic once, as it is first shown back,
 * without mentions (`@here`, `<@U123>`), which address people rather than name a topic: "@everyone" alone was
 * subscribed to, and previewed with a passage from the archive. Topics are the same as search and Discord's topic
 * suggestions hold them (`fold`: in any case, with or without accents or invisible characters): "Zürich" and "zurich"
 * were two topics of one digest.
 */
export const splitTopics = (topics: string | undefined): string[] => {
  const seen = new Set<string>();
  return (topics ?? '')
    .split(/[,;]/)
    .map(asShown)
    .filter((topic) => topic && !seen.has(fold(topic)) && seen.add(fold(topic)));
};

/** The first comma-separated part of a day spec that is not a day, e.g. "blursday" in "mon,blursday". */
const badDayPart = (spec: string) =>
  spec
    .split(',')
    .map((p) => p.trim())
    .find((p) => !parseDays(p)) ?? spec;

type ScheduleField = 'at' | 'days' | 'tz';
/** What each schedule value is, in a refusal's words. */
const SCHEDULE_WORD: Record<ScheduleField, string> = { at: 'time', days: 'days', tz: 'time zone' };

const DigestArgs = z
  .object({
    action: z
      .enum(ACTIONS, { error: (issue) => actionProblem(issue.input, ACTIONS) })
      .describe('What to do with this channel’s digest'),
    topics: z
      .string()
      // Also Discord's option length; zod's own message ("Too big: expected string to have <=510 characters") was
      // the reply to a long topic typed in Slack or the terminal.
      .max(MAX_TOPICS * (MAX_TOPIC_LENGTH + 2), {
        error: (issue) =>
          `keep the topics to at most ${MAX_TOPICS}, of up to ${MAX_TOPIC_LENGTH} characters each (these have ` +
          `${String(issue.input).length} characters)`,
      })
      .optional()
      .describe('Saved queries, separated by commas: ferry fares, harbour dredging'),
    at: z.string().optional().describe('Local time to send it, e.g. 07:30 or 7:30am (default 08:00)'),
    days: z.string().optional().describe('weekdays (default), daily, weekends, or mon,wed,fri'),
    tz: z.string().optional().describe('IANA time zone, e.g. Europe/London (default: the bot’s)'),
  })
  .superRefine((a, ctx) => {
    const topics = splitTopics(a.topics);
    const fail = (path: string, message: string, params?: IssueParams) =>
      ctx.addIssue({ code: 'custom', path: [path], message, ...(params ? { params } : {}) });
    if (a.action === 'subscribe' && topics.length === 0)
      fail('topics', 'name at least one topic to subscribe to, separated by commas', { missing: true });
    // Said rather than ignored, as for every command that takes nothing (NO_ARGUMENTS): the words meant something.
    if (
      (a.action === 'list' || a.action === 'unsubscribe' || a.action === 'pause') &&
      [a.topics, a.at, a.days, a.tz].some((v) => v)
    ) {
      const aboutOne = (place: Place) =>
        `"digest ${a.action}" takes nothing after it: it is about ${place.name}’s one digest`;
      fail('topics', aboutOne(CHANNEL), { worded: aboutOne });
    }
    // A preview is the digest as it would be now: a time, days or time zone would change nothing it shows, and one
    // left out silently would look honoured. Checked before the values' own forms, so that "at 25:00" is told this.
    const scheduled = (['at', 'days', 'tz'] as const).find((field) => a[field] !== undefined);
    if (a.action === 'preview' && scheduled)
      fail(
        scheduled,
        `"digest preview" shows the digest as it would be now, so it takes topics and no ${SCHEDULE_WORD[scheduled]}` +
          `${a[scheduled] ? ` ("${typed(a[scheduled])}")` : ''}: a digest’s schedule is set with \`digest subscribe\``,
      );
    // A topic with no letter or digit (`🙂`, `???`) can match no passage: subscribed, it would send nothing, ever.
    const wordless = topics.find((t) => !/[\p{L}\p{N}]/u.test(t));
    if (wordless !== undefined)
      fail('topics', `"${typed(wordless)}" is not a topic: it has no word to search for, e.g. ferry fares`);
    // A time typed before the topics (`subscribe 07:30 ferry fares`) would be kept as the first topic's first word, and
    // the digest set for the default 08:00 without a word; a clock time opens no topic, as `at 07:30` anywhere says.
    const leadingTime = topics[0]?.split(/\s+/)[0];
    if (a.action === 'subscribe' && leadingTime !== undefined && isClockShaped(leadingTime))
      fail(
        'topics',
        `"${typed(leadingTime)}" is a time, not a topic: name the topics first, then "at ${typed(leadingTime)}"`,
      );
    if (topics.length > MAX_TOPICS) fail('topics', `at most ${MAX_TOPICS} topics, separated by commas`);
    if (topics.some((t) => t.length > MAX_TOPIC_LENGTH))
      fail('topics', `keep each topic to at most ${MAX_TOPIC_LENGTH} characters`);
    if (a.at !== undefined && !parseTime(a.at))
      fail(
        'at',
        a.at.trim()
          ? `"${typed(a.at)}" is not a time: use e.g. 07:30 or 7:30am`
          : '"at" needs a time: use e.g. 07:30 or 7:30am',
      );
    if (a.days !== undefined && !parseDays(a.days))
      fail(
        'days',
        `${a.days.trim() ? `"${typed(badDayPart(a.days))}" is not a day` : '"on" needs days'}: use weekdays, daily, ` +
          `weekends or days like mon,wed,fri`,
      );
    if (a.tz !== undefined && !isValidTimeZone(a.tz))
      fail(
        'tz',
        `${a.tz.trim() ? `"${typed(a.tz)}" is not a time zone` : '"in" needs a time zone'}: use an IANA name such as ` +
          `America/Chicago`,
      );
  });

/** Words that introduce a schedule value. A Map, so `constructor` and friends are not keywords. */
const KEYWORDS = new Map<string, ScheduleField>([
  ['at', 'at'],
  ['on', 'days'],
  ['in', 'tz'],
  ['tz', 'tz'],
]);

const withoutTrailingComma = (word: string) => word.replace(/[,;]+$/, '');
const keywordOf = (word: string | undefined) =>
  word === undefined ? undefined : KEYWORDS.get(withoutTrailingComma(word).toLowerCase());
/**
 * Shapes only: whether the value is valid is the schema's job, so `25:00` and `Mars/Base` count. A clock is `07:30` or
 * a 12-hour time (`7am`, `7:30pm`); `19h`, `0730` and an hour alone are times only after `at`, since a topic may end
 * in a number (`covid 19`, `ISO 9001`).
 */
const isClockShaped = (word: string) => /^\d+:\d+$/.test(word) || /^\d+(?:[:.]\d+)?[ap]\.?m\.?$/i.test(word);
/** `am` or `pm` typed apart from its hour (`7 am`, `7:30 p.m.`): two words of one time. */
const isMeridiem = (word: string | undefined) => word !== undefined && /^[ap]\.?m\.?,?$/i.test(word);
/**
 * `noon` or `midnight`, alone or after its hour (`12 noon`). A time only after `at`, like an hour alone: a topic may
 * end in either word (`high noon`).
 */
const isNamedTime = (word: string | undefined) => word !== undefined && /^(?:12)?(?:noon|midnight),?$/i.test(word);
const isHour = (word: string | undefined) => word !== undefined && /^\d+(?:[:.]\d+)?$/.test(word);
/** Whether a clock time begins at words[i] after `at`: in one word, or an hour and its am, pm, noon or midnight. */
const clockAt = (words: string[], i: number) =>
  isClockShaped(withoutTrailingComma(words[i] ?? '')) ||
  isNamedTime(words[i]) ||
  (isHour(words[i]) && (isMeridiem(words[i + 1]) || isNamedTime(words[i + 1])));
const isZoneShaped = (word: string) =>
  /^(utc|gmt)$/i.test(word) || /^\p{L}[\p{L}\d_+-]*(\/[\p{L}\d_+-]+)+$/u.test(word);
const isDayShaped = (word: string) => word.split(/[,-]/).some((part) => part !== '' && parseDays(part) !== undefined);
/** Which field a bare schedule word fills, by its shape. */
const fieldOf = (word: string): ScheduleField =>
  /^\d/.test(word) ? 'at' : word.includes('/') || /^(utc|gmt)$/i.test(word) ? 'tz' : 'days';

/**
 * Where the schedule begins in the words after the action, or `words.length` when there is none.
 * Topics come first, separated by commas; the schedule begins at the earliest of
 * - `at` followed by a clock time (`at 07:30`), anywhere: no topic holds a clock time;
 * - `at` or `on` in the last topic (after the last word ending in a comma);
 * - the run of words at the end shaped like a time, days (`daily`, `mon,wed`) or a zone
 *   (`Europe/London`, `UTC`), each perhaps after its keyword (`on`, `in`, `tz`).
 * A topic list ending in a comma therefore has no schedule: `attacks on pipelines,` is a topic.
 */
function scheduleStart(words: string[]): number {
  const lastTopic = words.findLastIndex((w) => /[,;]$/.test(w)) + 1;
  let start = words.length;
  for (let i = words.length - 1; i >= lastTopic; i--) {
    const word = words[i]!;
    if (isMeridiem(word) && i > lastTopic && isHour(words[i - 1])) i--;
    else if (!isClockShaped(word) && !isZoneShaped(word) && !isDayShaped(word)) break;
    start = i > lastTopic && keywordOf(words[i - 1]) ? --i : i;
  }
  const clock = words.findIndex((w, i) => keywordOf(w) === 'at' && clockAt(words, i + 1));
  const keyword = words.findIndex((w, i) => i >= lastTopic && (keywordOf(w) === 'at' || keywordOf(w) === 'days'));
  return Math.min(start, ...[clock, keyword].filter((i) => i >= 0));
}

/**
 * The schedule words as raw `at`, `days` and `tz` values, for the schema to validate. A value
 * given twice is kept as both (`07:30 09:00`), so the error names them; a keyword with nothing
 * after it gives an empty value; `mon, wed` is the day list `mon,wed`.
 */
function readSchedule(words: string[]): Partial<Record<ScheduleField, string>> {
  const schedule: Partial<Record<ScheduleField, string>> = {};
  for (let i = 0; i < words.length;) {
    const keyword = keywordOf(words[i]);
    if (keyword) i++;
    let value = words[i++] ?? '';
    const field = keyword ?? fieldOf(value);
    if (field === 'at' && isHour(value) && (isMeridiem(words[i]) || isNamedTime(words[i]))) value += ` ${words[i++]}`;
    if (field === 'days') {
      while (value.endsWith(',') && i < words.length && !keywordOf(words[i]) && fieldOf(words[i]!) === 'days')
        value += words[i++];
    }
    value = withoutTrailingComma(value);
    schedule[field] = schedule[field] === undefined ? value : `${schedule[field]} ${value}`;
  }
  return schedule;
}

/**
 * `subscribe ferry fares, harbour dredging at 07:30 mon,wed,fri Europe/London`: the topics, then the
 * schedule in any order (see scheduleStart for where one ends and the other begins).
 */
export function digestFromText(rest: string): Record<string, unknown> {
  // `digest` alone lists the channel's digest, as `feeds` alone lists the feeds: asking what there is changes nothing.
  const [action = 'list', ...words] = rest.trim().split(/\s+/).filter(Boolean);
  const start = scheduleStart(words);
  const topics = words.slice(0, start).join(' ');
  return { action: action.toLowerCase(), ...(topics ? { topics } : {}), ...readSchedule(words.slice(start)) };
}

export const digestCommand = defineCommand({
  name: 'digest',
  summary: (place) => `A morning digest of new passages on saved topics, posted to ${place.name}`,
  usage: 'digest subscribe|unsubscribe|pause|list|preview [topics, …] [at time] [on days] [in time zone]',
  details: (asking) => {
    const example =
      asking.platform === 'discord'
        ? howToAsk(asking, 'digest', [
            ['action', 'subscribe'],
            ['topics', 'ferry fares, bus lanes'],
            ['at', '7:30am'],
            ['days', 'mon,wed,fri'],
            ['tz', 'Europe/London'],
          ])
        : howToAsk(asking, 'digest subscribe ferry fares, bus lanes at 7:30am on mon,wed,fri in Europe/London');
    return (
      'Times: 07:30, 7:30am, 7am, 19h, 19h30, 0730, noon or midnight, 24-hour or with am/pm (not 730 or 13pm; ' +
      'default 08:00). ' +
      'Days: weekdays (default), daily, weekends, mon-fri or mon,wed,fri. ' +
      `Time zone: an IANA name such as Europe/London (default: the bot’s). For example: \`${example}\``
    );
  },
  subcommands: {
    subscribe: {
      usage: 'digest subscribe <topics, …> [at time] [on days] [in time zone]',
      options: ['topics', '[at]', '[days]', '[tz]'],
      summary: (place) =>
        `Send ${place.name} a digest of those topics (default 08:00 on weekdays), replacing any it has`,
    },
    list: {
      usage: 'digest list',
      options: [],
      summary: (place) => `${opening(place)}’s digest: its topics, when it comes and who set it up`,
    },
    unsubscribe: { usage: 'digest unsubscribe', options: [], summary: (place) => `Stop ${place.name}’s digest` },
    pause: {
      usage: 'digest pause',
      options: [],
      summary: (place) => `Pause ${place.name}’s digest, keeping its topics and schedule; subscribing again resumes it`,
    },
    preview: {
      usage: 'digest preview <topics, …>',
      options: ['topics'],
      // Where nobody else is (the terminal), there is no one it is kept from.
      summary: (place) => `The digest of those topics as it would be now${place.shared ? ', shown to you alone' : ''}`,
      inChannel: (place) => `Without topics, it shows ${place.name}’s own digest as it would be now.`,
    },
  },
  args: DigestArgs,
  fromText: digestFromText,
  run: async (args, ctx) => {
    const service = ctx.digest;
    if (!service)
      return errorReply(
        'digest-unavailable',
        'Digests are not available here: they need the bot running with its database (`npm start`).',
      );
    // A digest where the bot cannot post would be accepted now and paused at its first slot: said now instead.
    const cannotPost = args.action === 'subscribe' ? await ctx.channel.cannotPost?.() : undefined;
    if (cannotPost) return errorReply('cannot-post-here', cannotPost);
    // Asked only for a change that needs it: on Slack the answer costs API calls.
    const changes = args.action === 'subscribe' || args.action === 'unsubscribe' || args.action === 'pause';
    const canManageChannel =
      changes && service.needsManager(ctx.platform) ? ((await ctx.user.canManageChannel?.()) ?? false) : undefined;
    const who: Requester = { platform: ctx.platform, channelId: ctx.channel.id, userId: ctx.user.id, canManageChannel };
    // Where the digest goes, as the replies name it: "this channel" in chat, "this terminal" in the terminal bot.
    const place = placeOf(ctx);
    const here = opening(place);
    switch (args.action) {
      case 'subscribe': {
        // Read before subscribing, with no await between, so the reply names what was really replaced.
        const previous = service.subscription(ctx.platform, ctx.channel.id);
        const sub = service.subscribe(who, {
          topics: splitTopics(args.topics),
          time: args.at,
          days: args.days === undefined ? undefined : parseDays(args.days),
          timeZone: args.tz,
        });
        const plan = `a digest on ${quoted(sub.topics)}, ${schedule(sub)}. Next: ${next(sub, ctx)}.`;
        if (!previous) {
          const subscribed = `${here} will get ${plan}`;
          return toldToChannel(message('Digest subscribed', subscribed), 'set up', subscribed, ctx);
        }
        // The same digest typed again (its command pasted twice, or to check it took) replaced nothing: said so, where
        // "Replaced … with …" named one digest twice and offered the way back to what it already was.
        if (sameDigest(previous, sub)) {
          if (previous.state !== 'paused') return message('Digest unchanged', `${here} already gets ${plan}`);
          const resumed =
            `${here}’s digest on ${quoted(sub.topics)}, ${schedule(sub)}, is taken up again. ` +
            `Next: ${next(sub, ctx)}.`;
          return toldToChannel(message('Digest resumed', resumed), 'resumed', resumed, ctx);
        }
        // One mistyped topic or time replaces the whole digest: the way back is given, ready to paste.
        return toldToChannel(
          message(
            'Digest replaced',
            withSubscribe(
              `Replaced ${place.name}’s digest on ${quoted(previous.topics)}, ${schedule(previous)}: it will now ` +
                `get ${plan} To put the old one back: `,
              previous,
              ctx,
            ),
          ),
          'changed',
          `${here} will now get ${plan}`,
          ctx,
        );
      }
      case 'unsubscribe': {
        // Read before unsubscribing, with no await between, so the channel is told which digest it lost.
        const previous = service.subscription(ctx.platform, ctx.channel.id);
        if (!service.unsubscribe(who)) return message('No digest', `${here} has no digest to unsubscribe from.`);
        const stopped = `${here} will get no more digests.`;
        return toldToChannel(
          message('Digest unsubscribed', stopped),
          'stopped',
          previous ? `${here} will get no more digests on ${quoted(previous.topics)}.` : stopped,
          ctx,
        );
      }
      case 'pause': {
        const sub = service.pause(who);
        if (!sub) return message('No digest', `${here} has no digest to pause.`);
        return toldToChannel(
          message(
            'Digest paused',
            withSubscribe(
              `${here}’s digest on ${quoted(sub.topics)}, ${schedule(sub)}, is paused. To resume it: `,
              sub,
              ctx,
            ),
          ),
          'paused',
          `${here}’s digest on ${quoted(sub.topics)}, ${schedule(sub)}, is paused until it is subscribed again.`,
          ctx,
        );
      }
      case 'list': {
        const sub = service.subscription(ctx.platform, ctx.channel.id);
        if (!sub)
          return message(
            'No digest',
            said(
              `${here} has no digest. Start one with \`${howToAsk(ctx, 'digest', [
                ['action', 'subscribe'],
                ['topics', 'ferry fares, harbour dredging'],
              ])}\`.`,
            ),
          );
        const listed: RichText = [
          { text: `${quoted(sub.topics)}, ${schedule(sub)}, set up by ` },
          await setUpBy(sub, ctx),
          { text: '.' },
        ];
        if (sub.state !== 'paused')
          return message(`${here}’s digest`, [...listed, ...text(` Next: ${next(sub, ctx)}.`)]);
        // As `digest pause` answers: the subscribe that resumes it, ready to paste, where "subscribe again to resume"
        // left the channel to type its topics and schedule again. A reason is a sentence of its own, stop and all.
        const why = (sub.pausedReason ?? 'the bot could not post here').replace(/\.$/, '');
        return message(`${here}’s digest`, [...listed, ...withSubscribe(` Paused: ${why}. To resume it: `, sub, ctx)]);
      }
      case 'preview': {
        const reply = service.preview(ctx.platform, ctx.channel.id, splitTopics(args.topics), ctx.postFits);
        return (
          reply ??
          errorReply(
            'no-topics',
            `${here} has no digest: give topics to preview, e.g. \`${howToAsk(ctx, 'digest', [
              ['action', 'preview'],
              ['topics', 'ferry fares'],
            ])}\`.`,
          )
        );
      }
    }
  },
});

/**
 * Who set `sub` up, as the platform shows them; where it will not say (Slack without `users:read`), the member by
 * their id for a platform that can name them so (`Span.member`), shown elsewhere by the name the asker came with if
 * they set it up themselves (as the channel's note names them, `toldToChannel`), else by the id.
 */
async function setUpBy(sub: ChannelDigest, ctx: CommandContext): Promise<Span> {
  const name = await ctx.nameOf?.(sub.subscriberId).catch(() => undefined);
  if (name) return { text: name };
  const own = sub.subscriberId === ctx.user.id ? ctx.user.name : undefined;
  return { text: own ?? sub.subscriberId, member: sub.subscriberId };
}

/** `lead`, then the command that subscribes the channel to `sub` again as code, ready to paste. */
const withSubscribe = (lead: string, sub: ChannelDigest, asking: Asking): RichText => [
  ...text(lead),
  { text: subscribeAgain(sub, asking), code: true },
  { text: '.' },
];

/** The command that subscribes the channel to `sub` again, as it is asked for here. */
function subscribeAgain(sub: ChannelDigest, asking: Asking): string {
  const topics = sub.topics.join(', ');
  if (asking.platform === 'discord')
    return howToAsk(asking, 'digest', [
      ['action', 'subscribe'],
      ['topics', topics],
      ['at', sub.time],
      ['days', describeDays(sub.days)],
      ['tz', sub.timeZone],
    ]);
  const line = (listed: string) => `subscribe ${listed} at ${sub.time} on ${describeDays(sub.days)} in ${sub.timeZone}`;
  // A last topic with a schedule word in it ("attacks on pipelines") would be read as the schedule's start; a comma
  // after the topics ends them (see scheduleStart).
  const readBack = splitTopics(String(digestFromText(line(topics)).topics ?? ''));
  const whole = readBack.join('\n') === sub.topics.join('\n');
  return howToAsk(asking, 'digest', [['line', line(whole ? topics : `${topics},`)]]);
}

const quoted = (topics: string[]) => topics.map((t) => `“${t}”`).join(', ');
/** Whether two digests are the same: their topics (in any case, as they are kept once) and their schedule. */
const sameDigest = (a: ChannelDigest, b: ChannelDigest): boolean =>
  schedule(a) === schedule(b) &&
  a.topics.length === b.topics.length &&
  a.topics.every((topic, i) => topic.toLocaleLowerCase() === b.topics[i]!.toLocaleLowerCase());

const schedule = (sub: ChannelDigest) => `${describeDays(sub.days)} at ${sub.time} (${sub.timeZone})`;

function next(sub: ChannelDigest, ctx: CommandContext): string {
  const slot = nextSlot(sub, ctx.now());
  if (!slot) return 'not scheduled';
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: sub.timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(slot);
}

/** A reply of one paragraph: `body` as plain text (it quotes topics people typed), or the bot's own rich text. */
const message = (title: string, body: string | RichText): Reply => textReply(title, body);

/**
 * `reply`, to the asker alone, with a note of the change for the whole channel (`Reply.channelNote`): who made it
 * (`Digest set up by Ana`) and what the channel now gets, as plain text. The others in a channel learnt of a digest
 * set up only from its first post, and of one stopped never. The member is named as the platform shows them, never
 * mentioned (the renderers write a name out inert). Where nobody else sees the place (the terminal), there is no note.
 */
async function toldToChannel(reply: Reply, what: string, body: string, ctx: CommandContext): Promise<Reply> {
  if (!placeOf(ctx).shared) return reply;
  const by = (await ctx.nameOf?.(ctx.user.id).catch(() => undefined)) ?? ctx.user.name ?? ctx.user.id;
  return { ...reply, channelNote: textReply(`Digest ${what} by ${by}`, body) };
}
