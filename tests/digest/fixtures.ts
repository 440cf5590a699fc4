import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Reply } from '../../src/answer/reply.js';
import { composeDigest, passageKey, type Digest, type DigestInput } from '../../src/digest/compose.js';
import { Dossier } from '../../src/engine/dossier.js';
import { DigestRuntime } from '../../src/digest/index.js';
import type { DigestService } from '../../src/digest/service.js';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.js';
import type { NewSubscription } from '../../src/digest/store.js';
import { DigestScheduler, type DigestPoster } from '../../src/digest/scheduler.js';
import type { Platform } from '../../src/commands/adapter.js';
import { silentLogger } from '../../src/log.js';
import { note, openCorpus } from '../support/corpus.js';

const beehiveFacts = [
  'Inspections of beehives in the valley rose sharply over the year.',
  'Inspectors found beehives hidden in the hedges behind a farm shop.',
  'Keepers said beehives with varroa mites were moved between orchards.',
  'A cooperative traced beehives sold through three weekly markets.',
  'Wardens fined four people for keeping beehives beside a school in the spring.',
  'Vets counted varroa in most of the beehives lost that winter.',
  'Keepers described how beehives are wrapped in straw against the frost.',
  'The ministry published new rules on varroa treatment for beehives.',
];
const cafeFacts = [
  'Café grants paid for new ovens in several villages.',
  'The council debated café grants for barista training courses.',
  'Auditors reviewed how café grants were spent on espresso machines.',
  'Café grants shifted toward rural owners after the first years.',
  'Critics said café grants lacked clear measures of success.',
  'Officials defended café grants as a way to keep high streets open.',
  'Café grants supported apprenticeships in some towns.',
  'A report tallied café grants across a decade of support.',
];

/** Two documents, eight distinct paragraphs on each topic: enough for three days of digests. */
export const CORPUS = {
  'beehives.md': note('Beehives in the valley', beehiveFacts.join('\n\n'), '2026-01-10'),
  'cafes.md': note('The café grant scheme', cafeFacts.join('\n\n'), '2026-01-12'),
};

const WEEK = [0, 1, 2, 3, 4, 5, 6];

export const newsroom: NewSubscription = {
  platform: 'slack',
  channelId: 'C-NEWS',
  subscriberId: 'U-EDITOR',
  topics: ['beehives', 'café grants'],
  time: '08:00',
  days: [0, 1, 2, 3, 4, 5, 6],
  timeZone: 'America/New_York',
};

/** A temp corpus, a Dossier over it and a digest database file; `reopen` simulates a restart. */
export async function digestWorld(files: Record<string, string> = CORPUS) {
  const corpus = await openCorpus(files);
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-digest-'));
  const dbPath = join(dataDir, 'dossier.db');
  const dossier = corpus.dossier;
  const stores: SqliteDigestStore[] = [];
  const openStore = () => {
    const s = new SqliteDigestStore(dbPath);
    stores.push(s);
    return s;
  };
  return {
    corpusDir: corpus.dir,
    dbPath,
    dossier,
    openStore,
    cleanup: async () => {
      for (const s of stores) s.close();
      rmSync(dataDir, { recursive: true, force: true });
      await corpus.cleanup();
    },
  };
}

export type DigestWorld = Awaited<ReturnType<typeof digestWorld>>;

/**
 * A fresh `digestWorld` of `files` for each test of the suite that calls this, made before the test and removed
 * after it: the returned function gives the current test's.
 */
export function eachDigestWorld(files?: Record<string, string>): () => DigestWorld {
  let world: DigestWorld | undefined;
  beforeEach(async () => {
    world = await digestWorld(files);
  });
  afterEach(() => world?.cleanup());
  return () => world!;
}

/** The digest of `world`'s corpus: on no topics, with nothing new and nothing seen, but for what `over` says. */
export const digestOf = (world: DigestWorld, over: Partial<DigestInput>): Digest =>
  composeDigest({ dossier: world.dossier, topics: [], newDocuments: [], seen: new Set(), ...over });

export const noWait = async () => {};
export const at = (s: string) => new Date(s);

/** The passages a digest quotes, as `source#paragraph`. */
export const quotedIds = (reply: Reply) =>
  reply.blocks.flatMap((b) =>
    b.type === 'excerpt' ? [`${b.excerpt.citation.source}#${b.excerpt.citation.paragraph}`] : [],
  );

/** What a channel is remembered as sent for a reply's excerpts (`passageKey`), in `dossier`. */
export const quotedKeys = (dossier: Dossier, reply: Reply) =>
  quotedIds(reply).map((id) => passageKey(dossier.passage(id)!));

/**
 * A town's ferries and, newest and on another subject, its bakeries: a digest of ferry topics must not quote the
 * bakeries, whatever it finds.
 */
export const FERRIES_AND_BAKERIES = {
  'ferries.md': note(
    'Harbour ferries',
    [
      'The harbour ferry fare rose to four dollars in March after the council vote.',
      'Commuters said the morning ferry was often late when fog covered the harbour.',
      'A new ferry terminal opened on the north shore with room for two boats.',
    ].join('\n\n'),
    '2026-03-01',
  ),
  'bakeries.md': note(
    'Town bakeries',
    [
      'Three bakeries on the high street now bake rye bread every morning.',
      'The oldest bakery sells sourdough loaves to the cafes along the square.',
    ].join('\n\n'),
    '2026-04-10',
  ),
};

/** Five subjects, one document each (`longTopicsCorpus`). */
export const FIVE_LONG_TOPICS = ['canal locks', 'orchard frost', 'tram depots', 'river gauges', 'quarry dust'] as const;

/**
 * Four paragraphs on each of FIVE_LONG_TOPICS, each of three sentences of `clauses` clauses of some ninety characters:
 * each topic's best passage fits in one message with the others', the second ones do not. Written for these tests.
 */
export const longTopicsCorpus = (clauses: number) =>
  Object.fromEntries(
    FIVE_LONG_TOPICS.map((topic, t) => [
      `${topic.replace(' ', '-')}.md`,
      note(
        `Notes on ${topic}`,
        [1, 2, 3, 4]
          .map((p) =>
            [1, 2, 3]
              .map((s) => {
                const clause = (c: number) =>
                  `, and in stretch ${c + 1} they compared the ${topic} with the drawings kept since survey ${c + p}`;
                const rest = Array.from({ length: clauses }, (_, c) => clause(c)).join('');
                return `In survey ${t + 1}.${p}.${s} a team of ${p + s + 2} people inspected the ${topic}${rest}.`;
              })
              .join(' '),
          )
          .join('\n\n'),
        '2026-02-01',
      ),
    ]),
  );

/**
 * A digest of FIVE_LONG_TOPICS posted to `channelId` through `poster` at 08:00 UTC on two mornings: what the channel is
 * recorded as sent after each, and every passage the whole digest of the first morning would quote.
 */
export async function twoLongMornings(platform: Platform, channelId: string, poster: DigestPoster, dossier: Dossier) {
  const store = new SqliteDigestStore(':memory:');
  try {
    const topics = [...FIVE_LONG_TOPICS];
    store.subscribe(
      { platform, channelId, subscriberId: 'U-EDITOR', topics, time: '08:00', days: WEEK, timeZone: 'UTC' },
      at('2026-03-03T07:00Z'),
    );
    const scheduler = new DigestScheduler({
      store,
      dossier,
      adapters: { [platform]: poster },
      log: silentLogger(),
      sleep: noWait,
    });
    const whole = composeDigest({ dossier, topics, newDocuments: [], seen: new Set() }).shownIds;
    const sentAfter = async (slot: string) => {
      const { sent } = await scheduler.tick(at(slot));
      if (sent !== 1) throw new Error(`the digest of ${slot} was not sent`);
      return [...store.sentItems(platform, channelId)];
    };
    return { whole, first: await sentAfter('2026-03-03T08:00Z'), second: await sentAfter('2026-03-04T08:00Z') };
  } finally {
    store.close();
  }
}

/**
 * A channel's digests across a restart, through `poster` (a real adapter against its platform's stand-in): a runtime on
 * a real SQLite file and an injected clock, the channel subscribed to `beehives` and `café grants` daily at 08:00 UTC
 * (by `subscribe`, given the service, else directly), posts the first morning's digest and stops; while the bot is
 * down, cafes.md is retitled and rewritten (its first paragraph changed, the seven others removed) and beehives.md is
 * deleted; a second runtime over the folder reopened posts the next morning's, which names both. The test reads the
 * posts from the stand-in.
 */
export async function changedWhileDown(
  platform: Platform,
  channelId: string,
  poster: DigestPoster,
  subscribe: (service: DigestService) => Promise<unknown> = async (service) =>
    service.subscribe({ platform, channelId, userId: 'U-EDITOR' }, { topics: ['beehives', 'café grants'], days: WEEK }),
): Promise<void> {
  const world = await digestWorld();
  let now = at('2026-03-02T12:00Z');
  const runtimeOn = (dossier: Dossier) =>
    new DigestRuntime({
      config: {
        DATABASE_PATH: world.dbPath,
        TZ_DEFAULT: 'UTC',
        DIGEST_MANAGE_SLACK: 'anyone',
        DIGEST_MANAGE_DISCORD: 'anyone',
        DIGEST_GRACE_MINUTES: 120,
      },
      dossier,
      adapters: { [platform]: poster },
      log: silentLogger(),
      now: () => now,
    });
  let reopened: Dossier | undefined;
  let runtime: DigestRuntime | undefined = runtimeOn(world.dossier);
  try {
    await runtime.start();
    await subscribe(runtime.service);
    await runtime.scheduler.tick(now);
    now = at('2026-03-03T08:00Z');
    if ((await runtime.scheduler.tick(now)).sent !== 1) throw new Error('the first digest was not sent');
    await runtime.stop();
    runtime = undefined;
    now = at('2026-03-03T20:00Z');
    writeFileSync(join(world.corpusDir, 'cafes.md'), note('Café grants, revised', 'Café grants were cut.'));
    rmSync(join(world.corpusDir, 'beehives.md'));
    reopened = await Dossier.open({ corpusDir: world.corpusDir });
    runtime = runtimeOn(reopened);
    await runtime.start();
    now = at('2026-03-04T08:00Z');
    if ((await runtime.scheduler.tick(now)).sent !== 1) throw new Error('the second digest was not sent');
  } finally {
    await runtime?.stop();
    reopened?.close();
    await world.cleanup();
  }
}

/** The lines `changedWhileDown`'s second digest says of the corpus, as plain text. */
export const CHANGED_WHILE_DOWN = [
  'Changed in the corpus: “Café grants, revised” ' +
    '(retitled from “The café grant scheme”; 1 paragraph changed, 7 removed).',
  'Removed from the corpus: “Beehives in the valley”.',
];
