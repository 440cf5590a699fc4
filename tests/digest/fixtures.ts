import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Reply } from '../../src/answer/reply.js';
import { composeDigest, type Digest, type DigestInput } from '../../src/digest/compose.js';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.js';
import type { NewSubscription } from '../../src/digest/store.js';
import { note, openCorpus } from '../support/corpus.js';

const fentanylFacts = [
  'Seizures of fentanyl at the southern border rose sharply over the year.',
  'Customs officers found fentanyl hidden in the panels of a delivery van.',
  'Analysts said fentanyl precursors were shipped through several ports.',
  'A task force traced fentanyl profits through shell companies.',
  'Prosecutors charged four people with fentanyl trafficking in the spring.',
  'Health officials counted fentanyl in most overdose deaths that winter.',
  'Chemists described how fentanyl is pressed into counterfeit pills.',
  'The ministry published new rules on fentanyl precursor imports.',
];
const meridaFacts = [
  'Mérida funding paid for scanners at several crossings.',
  'Congress debated Mérida funding for police training programmes.',
  'Auditors reviewed how Mérida funding was spent on helicopters.',
  'Mérida funding shifted toward judicial reform after the first years.',
  'Critics said Mérida funding lacked clear measures of success.',
  'Officials defended Mérida funding as a shared responsibility.',
  'Mérida funding supported witness protection in some states.',
  'A report tallied Mérida funding across a decade of aid.',
];

/** Two documents, eight distinct paragraphs on each topic: enough for three days of digests. */
export const CORPUS = {
  'fentanyl.md': note('Fentanyl on the border', fentanylFacts.join('\n\n'), '2026-01-10'),
  'merida.md': note('The Mérida Initiative', meridaFacts.join('\n\n'), '2026-01-12'),
};

export const newsroom: NewSubscription = {
  platform: 'slack',
  channelId: 'C-NEWS',
  subscriberId: 'U-EDITOR',
  topics: ['fentanyl', 'Mérida funding'],
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
