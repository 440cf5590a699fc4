import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Dossier } from '../../src/engine/dossier.js';
import { createLogger } from '../../src/log.js';
import { DEFAULT_RANKING } from '../../src/search/ranking.js';
import { holdersOf, postedIds, Strings } from '../../src/search/saved-index.js';
import { WORDNET_DIR } from '../../src/search/wordnet.js';
import { note, tempCorpus, tempCorpusAndCache } from '../support/corpus.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const FILES = {
  'ports.md': note(
    'Ports',
    'Customs inspected 4,200 containers at the port of Manzanillo.\n\nThe port handled more cargo.',
  ),
  'border.md': note('Border', 'The National Guard deployed 6,500 troops to the southern border in 2019.'),
  'aid.md': note('Aid', 'The Merida Initiative (MI) funded training for judges and police officers.'),
};

/** WordNet only where its dictionary is what is tested: reading it makes each open slower. */
async function setup({ wordnet = false } = {}) {
  const { cacheDir, ...corpus } = await tempCorpusAndCache(FILES);
  cleanups.push(corpus.cleanup);
  const logs: { level: number; msg: string }[] = [];
  const log = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
  const options = { corpusDir: corpus.dir, log, wordnet: wordnet ? WORDNET_DIR : undefined };
  const open = () => Dossier.open({ ...options, cacheDir });
  /** The index built and kept in memory, as it is with no cache folder. */
  const inMemory = () => Dossier.open(options);
  const savedIndex = async () =>
    join(
      cacheDir,
      (await readdir(cacheDir)).find((f) => f.startsWith('index-v'))!,
    );
  return { dir: corpus.dir, open, inMemory, savedIndex, logs };
}

const QUERIES = ['port containers', 'guard troops border', 'Merida training', 'MI judges', 'cargo'];
const hits = (dossier: Dossier, query: string) => dossier.search(query).map((h) => [h.id, h.score.toFixed(6), h.terms]);

describe('saved index', () => {
  it('answers from the saved bytes exactly as the index it was saved from', async () => {
    const { open, inMemory } = await setup({ wordnet: true });
    const built = await inMemory();
    // Opened anew, the index is built, saved and then answered from the saved copy, as when loaded again.
    const [first, loaded] = [await open(), await open()];
    expect([first.built, first.index.fromCache, loaded.built, loaded.index.fromCache]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(loaded.passageCount).toBe(built.passageCount);
    expect(loaded.index.terms).toBe(built.index.terms);
    for (const query of QUERIES) {
      expect(hits(loaded, query)).toEqual(hits(built, query));
      expect(hits(loaded, query).length).toBeGreaterThan(0);
    }
    for (const term of [...built.index.termsOf(built.passage('ports.md#1')!, built.document('ports.md')!.meta).any]) {
      expect(loaded.index.documentFrequency(term)).toBe(built.index.documentFrequency(term));
      expect(loaded.index.knows(term)).toBe(true);
    }
    expect(loaded.index.knows('absentterm')).toBe(false);
    for (const word of ['port', 'manzanillo', 'troops', 'zzzq'])
      expect(loaded.index.wordKind(word)).toBe(built.index.wordKind(word));
    for (const word of ['pulled', 'port', 'zzzq']) expect(loaded.index.vague(word)).toBe(built.index.vague(word));
    for (const [word, particle] of [
      ['looks', 'after'],
      ['port', 'in'],
    ] as const)
      expect(loaded.index.phrasal(word, particle)).toBe(built.index.phrasal(word, particle));
    expect(loaded.index.phrasal('looks', 'after')).toBe(true);
    expect(loaded.index.bridges.correct('contaniers', DEFAULT_RANKING.query.typos)).toBe('containers');
    // Typos searched fuzzily: the saved terms scanned for near ones find what MiniSearch's term tree finds.
    for (const typo of ['containrs', 'troopps bordr', 'Meridaa iniative', 'catgo'])
      expect(hits(loaded, typo)).toEqual(hits(built, typo));
  });

  it('takes documents added, changed and removed after loading', async () => {
    const { dir, open } = await setup();
    await open();
    const loaded = await open();
    loaded.remove('border.md');
    loaded.upsert((await Dossier.open({ corpusDir: dir })).document('ports.md')!);
    const extra = await tempCorpus({ 'drones.md': note('Drones', 'Drones carried fentanyl across the border.') });
    cleanups.push(extra.cleanup);
    loaded.upsert((await Dossier.open({ corpusDir: extra.dir })).document('drones.md')!);
    expect(loaded.search('troops')).toEqual([]);
    expect(loaded.search('drones fentanyl').map((h) => h.id)).toEqual(['drones.md#1']);
    expect(loaded.search('containers').map((h) => h.id)).toEqual(['ports.md#1']);
    expect(loaded.index.documentFrequency('troop')).toBe(0);
    expect(loaded.passageCount).toBe(4);
  });

  it('indexes the corpus again, with one line saying why, when the saved index is damaged', async () => {
    const { open, inMemory, savedIndex, logs } = await setup();
    // Kept in memory: an engine answering from the saved file reads it on demand, and the test damages it in place
    // (the engine itself only ever replaces it whole, by renaming a new file over it).
    const built = await inMemory();
    await open();
    const file = await savedIndex();
    const bytes = await readFile(file);
    for (const damaged of [bytes.subarray(0, bytes.length - 7), Buffer.from('not an index at all'), Buffer.alloc(0)]) {
      await writeFile(file, damaged);
      logs.length = 0;
      const reopened = await open();
      expect(reopened.built).toBe(true);
      const warnings = logs.filter((l) => l.level >= 40);
      expect(warnings.map((w) => w.msg)).toEqual(['the saved index cannot be read; indexing the corpus again']);
      for (const query of QUERIES) expect(hits(reopened, query)).toEqual(hits(built, query));
      // Saved anew: the next start reads it.
      expect((await open()).built).toBe(false);
    }
  });

  it('indexes again when a file changes', async () => {
    const { dir, open } = await setup();
    await open();
    await writeFile(join(dir, 'border.md'), note('Border', 'The National Guard sent 9,000 troops north.'));
    const reopened = await open();
    expect(reopened.built).toBe(true);
    expect(reopened.search('troops north').map((h) => h.passage.text)).toEqual([
      'The National Guard sent 9,000 troops north.',
    ]);
    expect((await open()).built).toBe(false);
  });
});

describe('postedIds', () => {
  it("reads the passages' short ids from a term's saved postings, field after field", () => {
    const json = Buffer.from(JSON.stringify({ 0: { 3: 1, 12: 2, 40123: 1 }, 2: { 12: 1, 7: 3 } }));
    expect([...postedIds(json)]).toEqual([3, 12, 40123, 7, 12]);
    expect([...postedIds(Buffer.from('{}'))]).toEqual([]);
  });
});

describe('holdersOf', () => {
  it('tells which passages a term holds, whether its ids are kept as bits or sorted, repeated ids and all', () => {
    const size = 1000;
    // 40 ids of 1000 passages are kept as bits (32 × 40 > 1000), 20 sorted; a passage in two fields is there twice.
    for (const count of [40, 20]) {
      const ids = Uint32Array.from({ length: count }, (_, i) => (i * 397 + 11) % size);
      const held = new Set([...ids, ids[0]!]);
      const holds = holdersOf(Uint32Array.from([...ids, ids[0]!]), size);
      for (let id = 0; id < size; id++) expect(holds(id)).toBe(held.has(id));
    }
    expect(holdersOf(new Uint32Array(0), size)(0)).toBe(false);
  });
});

describe('Strings.indexOf', () => {
  it('finds every key of a sorted list by its UTF-8 bytes, and nothing else', () => {
    // Prefixes of one another, accents, a letter beyond two bytes and a key longer than the buffer kept for keys.
    const long = 'x'.repeat(300);
    const keys = ['a', 'ab', 'abc', 'b', 'caf', 'café', 'cafés', 'z', 'ž', '\u{1d4b3}', long];
    const list = Strings.sorted(keys);
    for (const key of keys) expect(list.at(list.indexOf(key))).toBe(key);
    for (const absent of ['', 'aa', 'abd', 'cafe', 'café!', 'ζ', 'x'.repeat(299), `${long}x`])
      expect(list.indexOf(absent)).toBe(-1);
    expect(Strings.sorted([]).indexOf('a')).toBe(-1);
  });
});
