import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FigureCache } from '../../src/answer/figures/passage.js';
import { paragraphHash } from '../../src/digest/compose.js';
import { recordSightings } from '../../src/digest/sightings.js';
import { Dossier } from '../../src/engine/dossier.js';
import { note } from '../support/corpus.js';
import { turnCounter } from '../support/event-loop.js';
import { at, eachDigestWorld } from './fixtures.js';

const world = eachDigestWorld();

describe('recordSightings', () => {
  it('records the documents held now, then each one the engine adds, changes or drops, with its title', async () => {
    let now = at('2026-03-01T00:00Z');
    const store = world().openStore();
    const stop = await recordSightings(world().dossier, store, () => now);
    expect(store.seenSince(at('2026-02-28T00:00Z')).sort()).toEqual(['beehives.md', 'cafes.md']);

    now = at('2026-03-02T00:00Z');
    await writeFile(join(world().corpusDir, 'new.md'), note('Swarms', 'Keepers reported three swarms.'));
    await writeFile(join(world().corpusDir, 'cafes.md'), note('The café grant scheme', 'Café grants were cut.'));
    await rm(join(world().corpusDir, 'beehives.md'));
    expect(await world().dossier.rescan()).toEqual({
      added: ['new.md'],
      changed: ['cafes.md'],
      removed: ['beehives.md'],
    });
    expect(store.seenSince(at('2026-03-01T12:00Z'))).toEqual(['new.md']);
    expect(store.seenSince(at('2026-02-28T00:00Z')).sort()).toEqual(['cafes.md', 'new.md']);
    // Changed and removed since the morning before, each named as it was titled.
    expect(store.changedSince(at('2026-03-01T12:00Z'))).toEqual({
      changed: ['cafes.md'],
      removed: [{ source: 'beehives.md', title: 'Beehives in the valley' }],
    });

    stop();
    await writeFile(join(world().corpusDir, 'later.md'), note('Later', 'Filed once nobody was recording.'));
    await world().dossier.rescan();
    expect(store.seenSince(at('2026-03-01T12:00Z'))).toEqual(['new.md']);
  });

  it('at a start, names what changed and went while nobody recorded, not a file it could not read', async () => {
    const store = world().openStore();
    (await recordSightings(world().dossier, store, () => at('2026-03-01T00:00Z')))();
    store.markSeen('unreadable.md', at('2026-03-01T00:00Z'), 'Unreadable now');
    await writeFile(join(world().corpusDir, 'cafes.md'), note('The café grant scheme', 'Café grants were cut.'));
    await rm(join(world().corpusDir, 'beehives.md'));
    await writeFile(join(world().corpusDir, 'unreadable.md'), Buffer.from([0, 159, 146, 150, 0, 1, 2]));
    const restarted = await Dossier.open({ corpusDir: world().corpusDir });
    try {
      expect(restarted.skipped).toEqual(['unreadable.md']);
      (await recordSightings(restarted, store, () => at('2026-03-02T00:00Z')))();
      expect(store.changedSince(at('2026-03-01T12:00Z'))).toEqual({
        changed: ['cafes.md'],
        removed: [{ source: 'beehives.md', title: 'Beehives in the valley' }],
      });
      // A start that finds nothing changed says nothing.
      (await recordSightings(restarted, store, () => at('2026-03-03T00:00Z')))();
      expect(store.changedSince(at('2026-03-02T12:00Z'))).toEqual({ changed: [], removed: [] });
    } finally {
      restarted.close();
    }
  });

  it('at a start, keeps the paragraphs of a document known from before versions were kept, once', async () => {
    const store = world().openStore();
    // As a store migrated to keep versions finds a document it knew: seen, hashed, none of its paragraphs kept.
    const cafes = world().dossier.document('cafes.md')!;
    store.markSeen('cafes.md', at('2026-03-01T00:00Z'), cafes.meta.title, cafes.hash);
    (await recordSightings(world().dossier, store, () => at('2026-03-02T00:00Z')))();
    expect(store.versionAt('cafes.md', at('2026-03-01T12:00Z'))).toBeUndefined();
    expect(store.versionAt('cafes.md', at('2026-03-02T00:00Z'))).toEqual({
      paragraphs: cafes.passages.map((p) => paragraphHash(p.text)),
      title: 'The café grant scheme',
    });
    // Kept now, a later start finding it unchanged keeps no other.
    const keep = vi.spyOn(store, 'keepVersion');
    (await recordSightings(world().dossier, store, () => at('2026-03-03T00:00Z')))();
    expect(keep).not.toHaveBeenCalled();
  });

  it('at a start, yields to the event loop between slices, so a listening bot acks commands meanwhile', async () => {
    const store = world().openStore();
    const loop = turnCounter();
    (await recordSightings(world().dossier, store, () => at('2026-03-01T00:00Z'), { perTurn: 4 }))();
    loop.stop();
    // Two documents of eight paragraphs each kept, four documents and paragraphs a turn: a turn after each document.
    expect(loop.turns()).toBeGreaterThanOrEqual(2);
    expect(store.seenSince(at('2026-02-28T00:00Z')).sort()).toEqual(['beehives.md', 'cafes.md']);
    expect(store.versionedDocuments()).toEqual(new Set(['beehives.md', 'cafes.md']));
  });

  it('at a start, hashes one long document a slice at a time, as a change to it is hashed live', async () => {
    const store = world().openStore();
    const loop = turnCounter();
    const seenAt = new Map<string, number>();
    const keptAt = new Map<string, number>();
    const seen = store.markSeen.bind(store);
    vi.spyOn(store, 'markSeen').mockImplementation((source, ...rest) => {
      seenAt.set(source, loop.turns());
      seen(source, ...rest);
    });
    const keep = store.keepVersion.bind(store);
    vi.spyOn(store, 'keepVersion').mockImplementation((source, ...rest) => {
      keptAt.set(source, loop.turns());
      keep(source, ...rest);
    });
    // Larger than any document of the world's (eight paragraphs), so only hashing within a document can yield.
    (await recordSightings(world().dossier, store, () => at('2026-03-01T00:00Z'), { perTurn: 3 }))();
    loop.stop();
    // Eight paragraphs, three a turn: hashed over at least two turns after the document was noted, not in its turn.
    for (const source of ['beehives.md', 'cafes.md'])
      expect(keptAt.get(source)! - seenAt.get(source)!, source).toBeGreaterThanOrEqual(2);
    expect(store.versionAt('cafes.md', at('2026-03-01T00:00Z'))).toEqual({
      paragraphs: world()
        .dossier.document('cafes.md')!
        .passages.map((p) => paragraphHash(p.text)),
      title: 'The café grant scheme',
    });
  });

  it('at a start, hashes saved documents without reading their passages into memory to stay', async () => {
    const store = world().openStore();
    const cacheDir = await mkdtemp(join(tmpdir(), 'dossier-cache-'));
    // Opened from what it saved, as a restart is: each document's passages are read when first asked for.
    const restarted = await Dossier.open({ corpusDir: world().corpusDir, cacheDir });
    try {
      // Reading a saved document's passages primes its figures: at 1000x the pass held the whole corpus (+190 MB).
      const read = vi.spyOn(FigureCache.prototype, 'prime');
      (await recordSightings(restarted, store, () => at('2026-03-01T00:00Z')))();
      expect(read).not.toHaveBeenCalled();
      read.mockRestore();
      expect(store.versionAt('cafes.md', at('2026-03-01T00:00Z'))).toEqual({
        paragraphs: restarted.document('cafes.md')!.passages.map((p) => paragraphHash(p.text)),
        title: 'The café grant scheme',
      });
    } finally {
      restarted.close();
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('keeps the version of a long document changed live a slice at a time, not in its change’s listener', async () => {
    const store = world().openStore();
    const stop = await recordSightings(world().dossier, store, () => at('2026-03-02T00:00Z'), { perTurn: 4 });
    const loop = turnCounter();
    let changedAt = -1;
    const unsubscribe = world().dossier.onChange(() => (changedAt = loop.turns()));
    const keptAt: number[] = [];
    const keep = store.keepVersion.bind(store);
    vi.spyOn(store, 'keepVersion').mockImplementation((...args) => {
      keptAt.push(loop.turns());
      keep(...args);
    });
    const revised = Array.from({ length: 8 }, (_, i) => `Café grants were revised in round ${i + 1}.`);
    await writeFile(join(world().corpusDir, 'cafes.md'), note('Café grants, revised', revised.join('\n\n')));
    await world().dossier.rescan();
    await vi.waitFor(() => expect(keptAt).toHaveLength(1));
    loop.stop();
    unsubscribe();
    stop();
    // Eight paragraphs, four a turn: hashed over two turns after the change, not in it.
    expect(keptAt[0]).toBeGreaterThanOrEqual(changedAt + 2);
    expect(store.versionAt('cafes.md', at('2026-03-02T00:00Z'))).toEqual({
      paragraphs: revised.map((text) => paragraphHash(text)),
      title: 'Café grants, revised',
    });
  });

  it('tells of a long document’s version it could not keep, and keeps the next one', async () => {
    const store = world().openStore();
    const unkept: [string, unknown][] = [];
    const stop = await recordSightings(world().dossier, store, () => at('2026-03-02T00:00Z'), {
      perTurn: 4,
      unkept: (source, error) => unkept.push([source, error]),
    });
    const keep = store.keepVersion.bind(store);
    vi.spyOn(store, 'keepVersion')
      .mockImplementationOnce(() => {
        throw new Error('database is locked');
      })
      .mockImplementation(keep);
    const rounds = (n: number) => Array.from({ length: 8 }, (_, i) => `Café grants were revised in round ${i + n}.`);
    await writeFile(join(world().corpusDir, 'cafes.md'), note('Café grants, revised', rounds(1).join('\n\n')));
    await world().dossier.rescan();
    await vi.waitFor(() => expect(unkept).toEqual([['cafes.md', new Error('database is locked')]]));
    await writeFile(join(world().corpusDir, 'cafes.md'), note('Café grants, revised', rounds(2).join('\n\n')));
    await world().dossier.rescan();
    await vi.waitFor(() =>
      expect(store.versionAt('cafes.md', at('2026-03-02T00:00Z'))?.paragraphs).toEqual(
        rounds(2).map((text) => paragraphHash(text)),
      ),
    );
    stop();
  });

  it('at a start that finds no document at all, names none removed (a folder not there yet)', async () => {
    const store = world().openStore();
    (await recordSightings(world().dossier, store, () => at('2026-03-01T00:00Z')))();
    const empty = join(world().corpusDir, 'not-mounted-yet');
    await mkdir(empty);
    const restarted = await Dossier.open({ corpusDir: empty });
    try {
      expect(restarted.documents).toEqual([]);
      (await recordSightings(restarted, store, () => at('2026-03-02T00:00Z')))();
      expect(store.changedSince(at('2026-03-01T12:00Z'))).toEqual({ changed: [], removed: [] });
      expect(store.seenSince(at('2026-03-01T12:00Z'))).toEqual([]);
    } finally {
      restarted.close();
    }
  });
});
