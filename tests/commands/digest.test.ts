import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain, type Reply } from '../../src/answer/reply.js';
import { digestFromText } from '../../src/commands/digest.js';
import { runCommand, runText, type CommandContext } from '../../src/commands/index.js';
import { DigestService } from '../../src/digest/service.js';
import { parseTime } from '../../src/schedule.js';
import type { SqliteDigestStore } from '../../src/digest/sqlite-store.js';
import type { NewSubscription } from '../../src/digest/store.js';
import { at, digestWorld } from '../digest/fixtures.js';

let world: Awaited<ReturnType<typeof digestWorld>>;
let store: SqliteDigestStore;
let service: DigestService;
const NOW = at('2026-03-03T10:00Z');
beforeEach(async () => {
  world = await digestWorld();
  store = world.openStore();
  service = new DigestService({ store, dossier: world.dossier, defaultTimeZone: 'America/New_York', now: () => NOW });
});
afterEach(() => world.cleanup());

const ctx = (over: Partial<CommandContext> = {}): CommandContext => ({
  dossier: world.dossier,
  platform: 'slack',
  user: { id: 'U-EDITOR' },
  channel: { id: 'C-NEWS' },
  now: () => NOW,
  digest: service,
  ...over,
});
const textOf = (r: Awaited<ReturnType<typeof runText>>) =>
  r.error?.message ?? r.blocks.map((b) => (b.type === 'text' ? plain(b.text) : '')).join(' ');

/** Each rule of the text form, with texts that show it and the arguments each reads as. */
const TEXT_FORM: Record<string, [text: string, reads: ReturnType<typeof digestFromText>][]> = {
  'takes schedule words from the end in any order and leaves the topics': [
    [
      'subscribe beehives, café grants, swarms at 07:30 mon,wed,fri Europe/London',
      {
        action: 'subscribe',
        topics: 'beehives, café grants, swarms',
        at: '07:30',
        days: 'mon,wed,fri',
        tz: 'Europe/London',
      },
    ],
    [
      'subscribe beehives in Asia/Tokyo daily at 6:00',
      { action: 'subscribe', topics: 'beehives', tz: 'Asia/Tokyo', days: 'daily', at: '6:00' },
    ],
    [
      'subscribe stings at fairs, North/South valley',
      { action: 'subscribe', topics: 'stings at fairs, North/South valley' },
    ],
    ['subscribe satellite monitoring', { action: 'subscribe', topics: 'satellite monitoring' }],
    ['LIST', { action: 'list' }],
  ],
  'reads anything schedule-shaped after the topics as the schedule, valid or not, so the schema can refuse it': [
    ['subscribe foo at 07:30 Mars/Base', { action: 'subscribe', topics: 'foo', at: '07:30', tz: 'Mars/Base' }],
    ['subscribe foo at 07:30 mon,blursday', { action: 'subscribe', topics: 'foo', at: '07:30', days: 'mon,blursday' }],
    ['subscribe foo on blursday', { action: 'subscribe', topics: 'foo', days: 'blursday' }],
    ['subscribe foo Mars/Base', { action: 'subscribe', topics: 'foo', tz: 'Mars/Base' }],
    ['subscribe foo blursday,mon', { action: 'subscribe', topics: 'foo', days: 'blursday,mon' }],
    ['subscribe foo at 7am', { action: 'subscribe', topics: 'foo', at: '7am' }],
    ['subscribe foo at', { action: 'subscribe', topics: 'foo', at: '' }],
  ],
  'reads a 12-hour time, in one word or with its am or pm apart, as a clock time like 07:30': [
    ['subscribe beehives at 7 am daily', { action: 'subscribe', topics: 'beehives', at: '7 am', days: 'daily' }],
    ['subscribe beehives 7:30pm', { action: 'subscribe', topics: 'beehives', at: '7:30pm' }],
    [
      'subscribe beehives 7 p.m. Europe/London',
      { action: 'subscribe', topics: 'beehives', at: '7 p.m.', tz: 'Europe/London' },
    ],
    ['subscribe beehives at 7 pm, daily', { action: 'subscribe', topics: 'beehives', at: '7 pm', days: 'daily' }],
  ],
  'reads noon and midnight, alone or after 12, as a time after at, and as a topic’s last word otherwise': [
    ['subscribe beehives at noon daily', { action: 'subscribe', topics: 'beehives', at: 'noon', days: 'daily' }],
    ['subscribe beehives at 12 midnight', { action: 'subscribe', topics: 'beehives', at: '12 midnight' }],
    ['subscribe beehives at 12 noon, mon', { action: 'subscribe', topics: 'beehives', at: '12 noon', days: 'mon' }],
    [
      'subscribe beehives at midnight, daily',
      { action: 'subscribe', topics: 'beehives', at: 'midnight', days: 'daily' },
    ],
    ['subscribe beehives at 7 noon', { action: 'subscribe', topics: 'beehives', at: '7 noon' }],
    ['subscribe high noon', { action: 'subscribe', topics: 'high noon' }],
  ],
  'reads an hour alone, 19h or 0730 as a time after at, and as a topic’s last word otherwise': [
    ['subscribe beehives at 7', { action: 'subscribe', topics: 'beehives', at: '7' }],
    ['subscribe beehives at 19h mon', { action: 'subscribe', topics: 'beehives', at: '19h', days: 'mon' }],
    ['subscribe beehives at 0730', { action: 'subscribe', topics: 'beehives', at: '0730' }],
    ['subscribe covid 19', { action: 'subscribe', topics: 'covid 19' }],
    ['subscribe ISO 9001, harbour dredging 2026', { action: 'subscribe', topics: 'ISO 9001, harbour dredging 2026' }],
  ],
  'takes a day list typed with spaces after its commas as one list': [
    ['subscribe foo at 07:30 mon, wed, fri', { action: 'subscribe', topics: 'foo', at: '07:30', days: 'mon,wed,fri' }],
    ['subscribe foo at 07:30 mon, blursday', { action: 'subscribe', topics: 'foo', at: '07:30', days: 'mon,blursday' }],
    [
      'subscribe foo at 07:30 on mon, wed Europe/London',
      { action: 'subscribe', topics: 'foo', at: '07:30', days: 'mon,wed', tz: 'Europe/London' },
    ],
  ],
  '`at` with a clock time starts the schedule even before a comma: no topic holds a clock time': [
    ['subscribe foo at 07:30, daily', { action: 'subscribe', topics: 'foo', at: '07:30', days: 'daily' }],
  ],
  'a value given twice is kept as both, so the error names them': [
    ['subscribe foo at 07:30 at 09:00', { action: 'subscribe', topics: 'foo', at: '07:30 09:00' }],
  ],
  'earlier topics (followed by a comma) may hold at, on and slashes': [
    [
      'subscribe attacks on pipelines, talks at the fair, US/Mexico trade, beehives at 07:30',
      {
        action: 'subscribe',
        topics: 'attacks on pipelines, talks at the fair, US/Mexico trade, beehives',
        at: '07:30',
      },
    ],
  ],
  'in the last topic, at and on begin the schedule': [
    [
      'subscribe beehives, attacks on pipelines',
      { action: 'subscribe', topics: 'beehives, attacks', days: 'pipelines' },
    ],
    ['subscribe talks at the fair', { action: 'subscribe', topics: 'talks', at: 'the', days: 'fair' }],
  ],
  'a last word shaped like days or a zone is the schedule; other last words are topic': [
    ['subscribe Black Friday', { action: 'subscribe', topics: 'Black', days: 'Friday' }],
    ['subscribe TCP/IP', { action: 'subscribe', tz: 'TCP/IP' }],
    ['subscribe violence in Sinaloa', { action: 'subscribe', topics: 'violence in Sinaloa' }],
    ['subscribe a,b', { action: 'subscribe', topics: 'a,b' }],
  ],
  'a topic list ending in a comma has no schedule in it, so any topic can be kept whole': [
    ['subscribe beehives, attacks on pipelines,', { action: 'subscribe', topics: 'beehives, attacks on pipelines,' }],
    ['subscribe Black Friday, TCP/IP,', { action: 'subscribe', topics: 'Black Friday, TCP/IP,' }],
    [
      'subscribe attacks on pipelines, at 07:30 on mon in UTC',
      { action: 'subscribe', topics: 'attacks on pipelines,', at: '07:30', days: 'mon', tz: 'UTC' },
    ],
  ],
};

describe('digest command: reading the text form', () => {
  it.each(
    Object.entries(TEXT_FORM).flatMap(([rule, cases]) => cases.map(([text, reads]) => [rule, text, reads] as const)),
  )('%s: %s', (_rule, text, reads) => {
    expect(digestFromText(text)).toEqual(reads);
  });
});

describe('digest command', () => {
  it.each<[what: string, texts: string[], stored: Partial<NewSubscription>, next: string]>([
    [
      'with the defaults: weekdays at 08:00 in the configured time zone',
      ['digest subscribe beehives, café grants'],
      {
        topics: ['beehives', 'café grants'],
        time: '08:00',
        days: [1, 2, 3, 4, 5],
        timeZone: 'America/New_York',
        subscriberId: 'U-EDITOR',
      },
      'Next: Tue 3 Mar, 08:00',
    ],
    [
      'with a time, days and time zone, and replaces an earlier subscription',
      ['digest subscribe beehives', 'digest subscribe swarms at 7:05 mon,wed in Europe/London'],
      { topics: ['swarms'], time: '07:05', days: [1, 3], timeZone: 'Europe/London' },
      'Next: Wed 4 Mar, 07:05',
    ],
    [
      'keeping a topic with at or on whole when the topic list ends in a comma',
      ['digest subscribe beehives, attacks on pipelines, at 07:30 on mon,wed'],
      { topics: ['beehives', 'attacks on pipelines'], time: '07:30', days: [1, 3] },
      'Next: Wed 4 Mar, 07:30',
    ],
    [
      'to each topic once (as search folds it: in any case, accents and invisible characters aside), without mentions',
      ['digest subscribe beehives <@U123>, BEEHIVES, @here, café  grants, cafe grants, Ca\u00adfé Grants'],
      { topics: ['beehives', 'café grants'], time: '08:00' },
      'Next: Tue 3 Mar, 08:00',
    ],
  ])('subscribes %s', async (_what, texts, stored, next) => {
    const replies = [];
    for (const text of texts) replies.push(await runText(text, ctx()));
    expect(replies.map((r) => r.status)).toEqual(texts.map(() => 'ok'));
    expect(store.subscriptions()).toHaveLength(1);
    expect(store.subscription('slack', 'C-NEWS')).toMatchObject(stored);
    expect(textOf(replies.at(-1)!)).toContain(next);
  });

  it.each([
    ['7am', '07:00'],
    ['7 am', '07:00'],
    ['7:30 pm', '19:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['noon', '12:00'],
    ['12 noon', '12:00'],
    ['Midnight', '00:00'],
    ['12 midnight', '00:00'],
    ['19h', '19:00'],
    ['0700', '07:00'],
    ['7', '07:00'],
    ['0', '00:00'],
  ])('subscribes at the time typed as %s, kept as %s', async (typed, time) => {
    const reply = await runText(`digest subscribe beehives at ${typed} daily UTC`, ctx());
    expect(reply.status).toBe('ok');
    expect(store.subscription('slack', 'C-NEWS')).toMatchObject({ topics: ['beehives'], time });
    expect(textOf(reply)).toContain(`daily at ${time} (UTC)`);
  });

  it('takes a 12-hour time as a Discord option the same way', async () => {
    const reply = await runCommand(
      'digest',
      { action: 'subscribe', topics: 'beehives', at: '7:30pm' },
      ctx({ platform: 'discord', user: { id: 'u', canManageChannel: async () => true } }),
    );
    expect(reply.status).toBe('ok');
    expect(store.subscription('discord', 'C-NEWS')).toMatchObject({ time: '19:30' });
  });

  it('says when a subscription replaces the channel’s earlier one, naming the old topics and schedule', async () => {
    const first = await runText('digest subscribe beehives, café grants at 09:00', ctx());
    expect(first.title).toBe('Digest subscribed');
    expect(textOf(first)).not.toMatch(/Replaced/);
    const second = await runText('digest subscribe swarms at 7:05 daily UTC', ctx());
    expect(second.title).toBe('Digest replaced');
    const replaced =
      // The old schedule written as the new one is, not in brackets holding the zone's own.
      'Replaced this channel’s digest on “beehives”, “café grants”, weekdays at 09:00 (America/New_York): ' +
      'it will now get a digest on “swarms”, daily at 07:05 (UTC). Next: ';
    expect(textOf(second).slice(0, replaced.length)).toBe(replaced);
    expect(textOf(second)).toContain(
      'To put the old one back: /brief digest subscribe beehives, café grants at 09:00 on weekdays in ' +
        'America/New_York.',
    );
    const elsewhere = await runText('digest subscribe beehives', ctx({ channel: { id: 'C-OTHER' } }));
    expect(elsewhere.title).toBe('Digest subscribed');
  });

  it('says the channel’s own digest subscribed again changes nothing, rather than that it replaced it', async () => {
    await runText('digest subscribe beehives, café grants at 09:00', ctx());
    const again = await runText('digest subscribe Beehives, café grants at 9am on weekdays', ctx());
    expect(again.title).toBe('Digest unchanged');
    expect(textOf(again)).toMatch(
      /^This channel already gets a digest on “Beehives”, “café grants”, weekdays at 09:00 \(America\/New_York\)\. /,
    );
    expect(textOf(again)).not.toMatch(/Replaced|put the old one back/);
    expect(store.subscriptions()).toHaveLength(1);
    // A paused one subscribed again is taken up again, as `digest list` says to do.
    store.pause(store.subscription('slack', 'C-NEWS')!.id, 'channel_not_found');
    const resumed = await runText('digest subscribe beehives, café grants at 09:00', ctx());
    expect(resumed.title).toBe('Digest resumed');
    expect(textOf(resumed)).toMatch(
      /^This channel’s digest on “beehives”, “café grants”, .* is taken up again\. Next: /,
    );
    expect(store.subscription('slack', 'C-NEWS')!.state).toBe('active');
  });

  it.each([
    ['slack', 'beehives, café grants at 09:00 on mon,wed in Asia/Tokyo'],
    ['terminal', 'attacks on pipelines, beehives at 7pm daily UTC'],
    ['terminal', 'beehives, attacks on pipelines, at 07:30 on weekends'],
  ] as const)('gives the way back from a replaced %s digest, which restores it exactly', async (platform, first) => {
    const here = ctx({ platform });
    expect((await runText(`digest subscribe ${first}`, here)).status).toBe('ok');
    const before = store.subscription(platform, 'C-NEWS');
    const typo = await runText('digest subscribe fentanil', here);
    expect(store.subscription(platform, 'C-NEWS')!.topics).toEqual(['fentanil']);
    const back = /To put the old one back: (.*)\.$/.exec(textOf(typo))?.[1];
    expect(back).toBeDefined();
    const command = platform === 'slack' ? back!.replace(/^\/brief /, '') : back!;
    expect((await runText(command, here)).title).toBe('Digest replaced');
    expect(store.subscription(platform, 'C-NEWS')).toEqual(before);
  });

  it('gives the way back from a replaced digest in Discord as the subcommand’s options', async () => {
    const here = ctx({ platform: 'discord', user: { id: 'u', canManageChannel: async () => true } });
    const options = { action: 'subscribe', topics: 'attacks on pipelines, beehives', at: '7pm', days: 'mon-fri' };
    await runCommand('digest', options, here);
    const typo = await runCommand('digest', { action: 'subscribe', topics: 'fentanil' }, here);
    expect(textOf(typo)).toContain(
      'To put the old one back: /brief digest action:subscribe topics:attacks on pipelines, beehives at:19:00 ' +
        'days:weekdays tz:America/New_York.',
    );
  });

  it('says how to subscribe when no topic is given: its usage, as this platform asks for it', async () => {
    const usage = 'digest subscribe <topics, …> [at time] [on days] [in time zone]';
    for (const [platform, text, shown] of [
      ['terminal', 'digest subscribe', usage],
      ['slack', 'digest subscribe at 07:00', `/brief ${usage}`],
    ] as const)
      expect((await runText(text, ctx({ platform }))).error).toEqual({
        code: 'bad-arguments',
        message: `Name at least one topic to subscribe to, separated by commas: \`${shown}\`.`,
      });
    const discord = ctx({ platform: 'discord', user: { id: 'u', canManageChannel: async () => true } });
    expect((await runCommand('digest', { action: 'subscribe' }, discord)).error?.message).toBe(
      'Name at least one topic to subscribe to, separated by commas: `/brief digest action:subscribe topics [at] ' +
        '[days] [tz]`.',
    );
  });

  it.each([
    ['a bad time zone', 'digest subscribe beehives Europe/Londn', /"Europe\/Londn" is not a time zone/],
    ['a bad time', 'digest subscribe beehives at 25:00', /"25:00" is not a time/],
    ['an empty topic list', 'digest subscribe at 07:00', /^Name at least one topic/],
    ['only commas for topics', 'digest subscribe , ,', /^Name at least one topic/],
    ['only mentions for topics', 'digest subscribe @everyone, <!channel> at 07:30', /^Name at least one topic/],
    ['too many topics', 'digest subscribe a, b, c, d, e, f', /^At most 5 topics/],
    [
      'topics longer than the five allowed in all',
      `digest subscribe ${'beehives '.repeat(70)}`,
      /^Keep the topics to at most 5, of up to 100 characters each \(these have 629 characters\)\.$/,
    ],
    [
      'a topic with no word in it',
      'digest subscribe 🙂',
      /^"🙂" is not a topic: it has no word to search for, e\.g\. ferry fares\.$/,
    ],
    [
      'a wordless topic among others',
      'digest subscribe ferry fares, ???, dredging at 07:30',
      /^"\?\?\?" is not a topic/,
    ],
    [
      'a time typed before the topics',
      'digest subscribe 07:30 ferry fares, dredging',
      /^"07:30" is a time, not a topic: name the topics first, then "at 07:30"\.$/,
    ],
    ['an unknown action', 'digest sometimes', /subscribe, unsubscribe, pause, list or preview/],
    [
      'a zone outside any IANA area',
      'digest subscribe foo at 07:30 Mars/Base',
      /"Mars\/Base" is not a time zone: use an IANA name such as America\/Chicago\.$/,
    ],
    [
      'a zone in an IANA area',
      'digest subscribe foo at 07:30 America/Nowhere',
      /"America\/Nowhere" is not a time zone/,
    ],
    ['a bare bad zone', 'digest subscribe foo Mars/Base', /"Mars\/Base" is not a time zone/],
    [
      'a day list with one bad day',
      'digest subscribe foo at 07:30 mon,blursday',
      /^"blursday" is not a day: use weekdays, daily, weekends or days like mon,wed,fri\.$/,
    ],
    [
      'a day list with spaces and one bad day',
      'digest subscribe foo at 07:30 mon, blursday',
      /^"blursday" is not a day/,
    ],
    ['a bad day after on', 'digest subscribe foo on blursday', /^"blursday" is not a day/],
    ['on with no days', 'digest subscribe foo on', /"on" needs days/],
    ['at with no time', 'digest subscribe foo at', /"at" needs a time/],
    ['an hour past 12 with pm', 'digest subscribe foo at 13pm', /^"13pm" is not a time: use e.g. 07:30 or 7:30am\.$/],
    ['an hour and pm past 12, typed apart', 'digest subscribe foo at 13 pm', /^"13 pm" is not a time/],
    ['three digits, which could be 7:30 or 73 minutes', 'digest subscribe foo at 730', /^"730" is not a time/],
    ['two times', 'digest subscribe foo at 07:30 at 09:00', /"07:30 09:00" is not a time/],
    ['an ambiguous last topic', 'digest subscribe beehives, attacks on pipelines', /"pipelines" is not a day/],
  ])('answers %s with one line and changes nothing', async (_what, text, message) => {
    await runText('digest subscribe beehives at 09:00', ctx());
    const before = store.subscriptions();
    const reply = await runText(text, ctx());
    expect(reply.status).toBe('error');
    expect(reply.error?.message).toMatch(message);
    expect(reply.error?.message).not.toContain('\n');
    expect(store.subscriptions()).toEqual(before);
  });

  it('takes topics whose only word is a number or has symbols about it', async () => {
    expect((await runText('digest subscribe C++, 5G, #2026', ctx())).status).toBe('ok');
    expect(store.subscription('slack', 'C-NEWS')).toMatchObject({ topics: ['C++', '5G', '#2026'] });
  });

  it('refuses a preview of a topic with no word in it, as a subscription', async () => {
    const reply = await runText('digest preview 🙂', ctx());
    expect(reply.error?.message).toMatch(/^"🙂" is not a topic/);
  });

  it('validates structured arguments (Discord options) the same way', async () => {
    const reply = await runCommand(
      'digest',
      { action: 'subscribe', topics: 'beehives', tz: 'Mars/Olympus_Mons' },
      ctx({ platform: 'discord', user: { id: 'u', canManageChannel: async () => true } }),
    );
    expect(reply.error?.message).toMatch(/is not a time zone/);
    expect(store.subscriptions()).toEqual([]);
  });

  it('on Discord, only members who can manage the channel may subscribe or unsubscribe by default', async () => {
    const denied = await runText(
      'digest subscribe beehives',
      ctx({ platform: 'discord', user: { id: 'u1', canManageChannel: async () => false } }),
    );
    expect(denied.error?.code).toBe('not-allowed');
    const unknown = await runText('digest subscribe beehives', ctx({ platform: 'discord', user: { id: 'u1' } }));
    expect(unknown.error?.code).toBe('not-allowed');
    expect(store.subscriptions()).toEqual([]);
    const allowed = await runText(
      'digest subscribe beehives',
      ctx({ platform: 'discord', user: { id: 'u2', canManageChannel: async () => true } }),
    );
    expect(allowed.status).toBe('ok');
    expect((await runText('digest unsubscribe', ctx({ platform: 'discord', user: { id: 'u1' } }))).error?.code).toBe(
      'not-allowed',
    );
    expect(store.subscriptions()).toHaveLength(1);
  });

  it('the policy is configurable: Slack restricted to managers', async () => {
    service = new DigestService({
      store,
      dossier: world.dossier,
      defaultTimeZone: 'UTC',
      policy: { slack: 'managers' },
    });
    expect((await runText('digest subscribe beehives', ctx())).error?.code).toBe('not-allowed');
  });

  it('lists and unsubscribes the channel’s digest', async () => {
    expect(textOf(await runText('digest list', ctx()))).toMatch(/has no digest/);
    await runText('digest subscribe beehives at 07:30 daily UTC', ctx());
    expect(textOf(await runText('digest list', ctx()))).toMatch(/“beehives”, daily at 07:30 \(UTC\)/);
    // Alone, as `feeds` alone lists the feeds.
    expect(await runText('digest', ctx())).toEqual(await runText('digest list', ctx()));
    expect(textOf(await runText('digest unsubscribe', ctx()))).toMatch(/no more digests/);
    expect(store.subscriptions()).toEqual([]);
    expect(textOf(await runText('digest unsubscribe', ctx()))).toMatch(/no digest/);
  });

  it('shows a paused subscription as paused', async () => {
    const sub = service.subscribe({ platform: 'slack', channelId: 'C-NEWS', userId: 'U1' }, { topics: ['beehives'] });
    store.pause(sub.id, 'channel_not_found');
    expect(textOf(await runText('digest list', ctx()))).toMatch(/Paused: channel_not_found/);
  });

  it('names who set it up by their id as a member where the platform will not say their name', async () => {
    service.subscribe({ platform: 'slack', channelId: 'C-NEWS', userId: 'U0ANA' }, { topics: ['beehives'] });
    const setUpBy = async (over: Partial<CommandContext>) => {
      const block = (await runText('digest list', ctx(over))).blocks[0]!;
      // The span after "…, set up by ".
      return block.type === 'text' ? block.text[block.text.findIndex((s) => s.text.endsWith('set up by ')) + 1] : 0;
    };
    const refused = async () => Promise.reject(new Error('missing_scope'));
    expect(await setUpBy({ nameOf: async () => 'Ana Ruiz' })).toEqual({ text: 'Ana Ruiz' });
    expect(await setUpBy({ nameOf: refused })).toEqual({ text: 'U0ANA', member: 'U0ANA' });
    // Asked by the member who set it up: shown elsewhere by the name they came with, as the channel's note names them.
    expect(await setUpBy({ nameOf: refused, user: { id: 'U0ANA', name: 'ana' } })).toEqual({
      text: 'ana',
      member: 'U0ANA',
    });
  });

  it('lists a digest paused for a refused post with the command that resumes it, ready to paste', async () => {
    const sub = service.subscribe({ platform: 'slack', channelId: 'C-NEWS', userId: 'U1' }, { topics: ['beehives'] });
    store.pause(sub.id, 'Slack channel C-NEWS was not found (channel_not_found).');
    expect(textOf(await runText('digest list', ctx()))).toBe(
      '“beehives”, weekdays at 08:00 (America/New_York), set up by U1. Paused: Slack channel C-NEWS was not found ' +
        '(channel_not_found). To resume it: /brief digest subscribe beehives at 08:00 on weekdays in America/New_York.',
    );
  });

  it('pauses the channel’s digest, keeping it, with the command that resumes it, which does', async () => {
    expect(textOf(await runText('digest pause', ctx()))).toMatch(/has no digest to pause/);
    await runText('digest subscribe beehives at 07:30 daily UTC', ctx());
    const paused = textOf(await runText('digest pause', ctx()));
    expect(paused).toBe(
      'This channel’s digest on “beehives”, daily at 07:30 (UTC), is paused. To resume it: ' +
        '/brief digest subscribe beehives at 07:30 on daily in UTC.',
    );
    expect(store.subscriptions()).toMatchObject([{ state: 'paused', topics: ['beehives'] }]);
    expect(textOf(await runText('digest list', ctx()))).toMatch(/Paused: paused with digest pause/);
    expect((await runText('digest pause now', ctx())).error?.message).toMatch(/"digest pause" takes nothing after it/);
    const resumed = await runText('digest subscribe beehives at 07:30 on daily in UTC', ctx());
    expect(resumed.title).toBe('Digest resumed');
    expect(store.subscriptions()).toMatchObject([{ state: 'active' }]);
  });

  it('previews the digest to the asker only and remembers nothing as sent', async () => {
    await runText('digest subscribe beehives', ctx());
    const reply = await runText('digest preview', ctx());
    expect(reply.onlyAsker).toBe(true);
    expect(reply.blocks.some((b) => b.type === 'excerpt')).toBe(true);
    expect(store.sentItems('slack', 'C-NEWS').size).toBe(0);
    const other = await runText('digest preview café grants', ctx({ channel: { id: 'C-OTHER' } }));
    expect(other.title).toContain('café grants');
    expect((await runText('digest preview', ctx({ channel: { id: 'C-OTHER' } }))).error?.code).toBe('no-topics');
  });

  it('previews what the digest would post: fitted as the platform fits a post, the rest said to come', async () => {
    await runText('digest subscribe beehives, café grants', ctx());
    const excerpts = (r: Reply) => r.blocks.filter((b) => b.type === 'excerpt').length;
    // A platform whose post holds two excerpts.
    const measured: Reply[] = [];
    const postFits = (r: Reply) => (measured.push(r), excerpts(r) <= 2);
    const reply = await runText('digest preview', ctx({ postFits }));
    expect(excerpts(reply)).toBe(2);
    expect(textOf(reply)).toMatch(/2 more results on these topics will come in a later digest\.$/);
    expect(measured.length).toBeGreaterThan(1);
    expect(excerpts(await runText('digest preview', ctx()))).toBe(4);
  });

  it.each([
    ['a time', 'digest preview beehives at 07:30', 'no time ("07:30")'],
    ['a time that is none', 'digest preview beehives at 25:00', 'no time ("25:00")'],
    ['days', 'digest preview beehives, café grants daily', 'no days ("daily")'],
    ['a time zone', 'digest preview beehives in Europe/London', 'no time zone ("Europe/London")'],
    ['"at" alone', 'digest preview beehives at', 'no time:'],
  ])('refuses a preview given %s in one line naming it, rather than ignore it', async (_what, text, named) => {
    await runText('digest subscribe beehives at 09:00', ctx());
    const reply = await runText(text, ctx());
    expect(reply.error?.code).toBe('bad-arguments');
    expect(reply.error?.message).toMatch(/^"digest preview" shows the digest as it would be now, so it takes topics/);
    expect(reply.error?.message).toContain(named);
    // The command to type, as it is typed here: `digest subscribe` alone is a message to the channel.
    expect(reply.error?.message).toMatch(/: a digest’s schedule is set with `\/brief digest subscribe`\.$/);
    expect(store.subscription('slack', 'C-NEWS')).toMatchObject({ time: '09:00' });
  });

  it('refuses a preview given a schedule as Discord options the same way', async () => {
    const reply = await runCommand(
      'digest',
      { action: 'preview', topics: 'beehives', tz: 'UTC' },
      ctx({ platform: 'discord', user: { id: 'u', canManageChannel: async () => true } }),
    );
    expect(reply.error?.message).toMatch(/^"digest preview" .+ no time zone \("UTC"\)/);
  });

  it('answers politely where digests are not available', async () => {
    const reply = await runText('digest subscribe beehives', ctx({ digest: undefined }));
    expect(reply.error?.code).toBe('digest-unavailable');
  });

  it('is in the command table and in help', async () => {
    const help = await runText('help', ctx());
    expect(JSON.stringify(help.blocks)).toContain('digest subscribe');
  });
});

describe('the terminal’s words', () => {
  it('speak of this terminal in help and digest replies, where chat speaks of this channel', async () => {
    const terminal = ctx({ platform: 'terminal', channel: { id: 'terminal' } });
    const listed = async (asked: CommandContext) => JSON.stringify((await runText('help', asked)).blocks);
    expect(await listed(terminal)).toContain(
      'A morning digest of new passages on saved topics, posted to this terminal',
    );
    expect(await listed(ctx())).toContain('saved topics, posted to this channel');
    // Nobody else is at a terminal, so a preview is not said to be shown to the asker alone.
    expect(textOf(await runText('help digest preview', terminal))).toBe(
      'digest preview <topics, …> — The digest of those topics as it would be now ' +
        'Without topics, it shows this terminal’s own digest as it would be now.',
    );
    for (const typed of ['', ' subscribe', ' list', ' unsubscribe'])
      expect(textOf(await runText(`help digest${typed}`, terminal))).not.toMatch(/channel|you alone/);
    const replies = [];
    for (const typed of ['list', 'preview', 'subscribe beehives at 07:30', 'list', 'unsubscribe', 'unsubscribe']) {
      const reply = await runText(`digest ${typed}`, terminal);
      replies.push(reply.error ? reply.error.message : `${reply.title}: ${textOf(reply)}`);
    }
    // Words after a subcommand that takes none: the refusal of the table's own check speaks of this terminal too.
    for (const typed of ['list now', 'unsubscribe ferry fares']) {
      const refused = (await runText(`digest ${typed}`, terminal)).error?.message;
      replies.push(refused);
      expect(refused).toMatch(/ takes nothing after it: it is about this terminal’s one digest\.$/);
    }
    expect(replies.join('\n')).not.toMatch(/channel/i);
    expect(replies).toEqual([
      'No digest: This terminal has no digest. Start one with digest subscribe ferry fares, harbour dredging.',
      'This terminal has no digest: give topics to preview, e.g. `digest preview ferry fares`.',
      expect.stringMatching(/^Digest subscribed: This terminal will get a digest on “beehives”, weekdays at 07:30 /),
      expect.stringMatching(/^This terminal’s digest: “beehives”, weekdays at 07:30 .* set up by /),
      'Digest unsubscribed: This terminal will get no more digests.',
      'No digest: This terminal has no digest to unsubscribe from.',
      expect.anything(),
      expect.anything(),
    ]);
    // Chat's words are the same as ever.
    const chat = await runText('digest list', ctx());
    expect(`${chat.title}: ${textOf(chat)}`).toMatch(/^No digest: This channel has no digest\. Start one with /);
  });
});

describe('help digest', () => {
  it('lists only times a subscription takes, and the forms the parser takes (noon, midnight, 19h30)', async () => {
    const help = textOf(await runText('help digest', ctx({ platform: 'terminal' })));
    const listed = /Times: (.+?), 24-hour/
      .exec(help)![1]!
      .split(/, | or /)
      .map((t) => t.trim());
    expect(listed).toEqual(expect.arrayContaining(['noon', 'midnight', '19h30']));
    for (const time of listed) {
      expect(parseTime(time), time).toBeDefined();
      expect(digestFromText(`subscribe beehives at ${time}`), time).toEqual({
        action: 'subscribe',
        topics: 'beehives',
        at: time,
      });
    }
  });

  it('says which times, days and zones are taken, with an example that subscribes as it says', async () => {
    const help = textOf(await runText('help digest', ctx({ platform: 'terminal' })));
    expect(help).toContain('Times: 07:30, 7:30am, 7am, 19h, 19h30, 0730, noon or midnight');
    expect(help).toContain('not 730 or 13pm');
    expect(help).toContain('Days: weekdays (default), daily, weekends, mon-fri or mon,wed,fri');
    const example = /For example: (digest .+)$/.exec(help)![1]!;
    expect(example.split(' ', 2)).toEqual(['digest', 'subscribe']);
    expect(digestFromText(example.slice('digest '.length))).toEqual({
      action: 'subscribe',
      topics: 'ferry fares, bus lanes',
      at: '7:30am',
      days: 'mon,wed,fri',
      tz: 'Europe/London',
    });
    // In Discord, as its options are filled in.
    expect(textOf(await runText('help digest', ctx({ platform: 'discord' })))).toContain(
      'For example: /brief digest action:subscribe topics:ferry fares, bus lanes at:7:30am days:mon,wed,fri',
    );
  });
});

describe('a change to a channel’s digest', () => {
  const note = (reply: Reply) => reply.channelNote && [reply.channelNote.title, textOf(reply.channelNote)];
  const asker = () => ctx({ user: { id: 'U-EDITOR', name: 'editor' }, nameOf: async () => 'Ana Ruiz' });

  it('is told to the whole channel besides the asker’s own reply, naming who made it as shown there', async () => {
    const said = async (text: string) => note(await runText(text, asker()));
    expect(await said('digest subscribe beehives at 07:30 daily')).toEqual([
      'Digest set up by Ana Ruiz',
      'This channel will get a digest on “beehives”, daily at 07:30 (America/New_York). Next: Tue 3 Mar, 07:30.',
    ]);
    expect(await said('digest subscribe beehives at 07:30 daily')).toBeUndefined();
    expect(await said('digest subscribe beehives, swarms at 07:30 daily')).toEqual([
      'Digest changed by Ana Ruiz',
      'This channel will now get a digest on “beehives”, “swarms”, daily at 07:30 (America/New_York). ' +
        'Next: Tue 3 Mar, 07:30.',
    ]);
    expect(await said('digest pause')).toEqual([
      'Digest paused by Ana Ruiz',
      'This channel’s digest on “beehives”, “swarms”, daily at 07:30 (America/New_York), is paused until it is ' +
        'subscribed again.',
    ]);
    expect(await said('digest subscribe beehives, swarms at 07:30 daily')).toEqual([
      'Digest resumed by Ana Ruiz',
      'This channel’s digest on “beehives”, “swarms”, daily at 07:30 (America/New_York), is taken up again. Next: ' +
        'Tue 3 Mar, 07:30.',
    ]);
    expect(await said('digest list')).toBeUndefined();
    expect(await said('digest preview beehives')).toBeUndefined();
    expect(await said('digest unsubscribe')).toEqual([
      'Digest stopped by Ana Ruiz',
      'This channel will get no more digests on “beehives”, “swarms”.',
    ]);
    expect(await said('digest unsubscribe')).toBeUndefined();
    expect(await said('digest pause')).toBeUndefined();
  });

  it('names the member by the name the platform gave, else by their id, and tells a terminal nothing', async () => {
    const by = async (over: Partial<CommandContext>) =>
      (await runText('digest subscribe beehives', ctx(over))).channelNote?.title;
    expect(await by({ user: { id: 'U-EDITOR', name: 'editor' } })).toBe('Digest set up by editor');
    await runText('digest unsubscribe', ctx());
    expect(await by({ nameOf: async () => Promise.reject(new Error('users.info failed')) })).toBe(
      'Digest set up by U-EDITOR',
    );
    await runText('digest unsubscribe', ctx());
    expect(await by({ platform: 'terminal' })).toBeUndefined();
  });
});
