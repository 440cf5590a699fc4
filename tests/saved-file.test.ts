import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Dossier } from '../src/engine/dossier.js';
import { silentLogger } from '../src/log.js';
import { cacheFolder, makeFolders, removeStaleSaves, writeSave } from '../src/saved-file.js';
import { capturingLogger } from './support/log.js';
import { note, tempCorpusAndCache } from './support/corpus.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** A process id no process has (above Linux's largest). */
const GONE = 2 ** 31 - 2;

describe('removeStaleSaves', () => {
  it("removes the corpus folder's saves of other versions and half-writes whose writer is gone", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dossier-saves-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const kept = [
      'index-v12-aaa111.bin',
      'index-v11-bbb222.bin',
      'corpus-v7-aaa111.bin',
      `index-v12-aaa111.bin.${process.pid}.tmp`,
      `index-v12-bbb222.bin.${GONE}.tmp`,
      'notes.txt',
    ];
    const removed = ['index-v11-aaa111.bin', 'index-v9-aaa111.bin', `index-v11-aaa111.bin.${GONE}.tmp`];
    for (const name of [...kept, ...removed]) await writeFile(join(folder, name), 'x');

    await removeStaleSaves(join(folder, 'index-v12-aaa111.bin'), silentLogger());

    expect((await readdir(folder)).sort()).toEqual([...kept].sort());
  });

  it('leaves a folder it cannot read alone', async () => {
    await expect(removeStaleSaves('/nonexistent-dossier/index-v1-abc.bin', silentLogger())).resolves.toBeUndefined();
  });
});

describe('writeSave', () => {
  it('writes a save into folders it makes, leaves no half-write, and removes what the save makes stale', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dossier-saves-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const cache = join(folder, 'a', 'cache');
    makeFolders(cache);
    await writeFile(join(cache, 'index-v1-abc123.bin'), 'old');

    await writeSave(join(cache, 'index-v2-abc123.bin'), new TextEncoder().encode('new'), silentLogger());

    expect(await readdir(cache)).toEqual(['index-v2-abc123.bin']);
    await writeSave(join(folder, 'b', 'index-v2-abc123.bin'), new Uint8Array([1]), silentLogger());
    expect(await readdir(join(folder, 'b'))).toEqual(['index-v2-abc123.bin']);
  });

  it('removes its temp file when the save fails', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dossier-saves-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    // A folder in the save's place: the rename fails after the temp file is written, as a full disk fails the write.
    makeFolders(join(folder, 'index-v2-abc123.bin', 'inside'));

    await expect(writeSave(join(folder, 'index-v2-abc123.bin'), new Uint8Array([1]), silentLogger())).rejects.toThrow();

    expect(await readdir(folder)).toEqual(['index-v2-abc123.bin']);
  });
});

describe('a saved corpus and index of an earlier version', () => {
  it('are removed once this version has saved its own', async () => {
    const { cacheDir, ...corpus } = await tempCorpusAndCache({
      'fares.md': note('Ferry fares', 'The ferry fare rose to 4.20 dollars in March.'),
    });
    cleanups.push(corpus.cleanup);
    await Dossier.open({ corpusDir: corpus.dir, cacheDir });
    const current = (await readdir(cacheDir)).sort();
    expect(current.map((f) => f.replace(/-v\d+-/, '-v*-'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^corpus-v\*-/), expect.stringMatching(/^index-v\*-/)]),
    );
    // As an older release left them: the same corpus folder's saves under version 1.
    const older = current.map((f) => f.replace(/-v\d+-/, '-v1-'));
    for (const [i, f] of current.entries()) await rename(join(cacheDir, f), join(cacheDir, older[i]!));

    const dossier = await Dossier.open({ corpusDir: corpus.dir, cacheDir });

    expect(dossier.documents.length).toBe(1);
    expect((await readdir(cacheDir)).sort()).toEqual(current);
  });
});

describe('makeFolders', () => {
  it('makes a folder and those missing above it; one already there, or made meanwhile, is no error', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dossier-folders-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    makeFolders(join(folder, 'a', 'b', 'c'));
    expect(statSync(join(folder, 'a', 'b', 'c')).isDirectory()).toBe(true);
    expect(() => makeFolders(join(folder, 'a', 'b'))).not.toThrow();
    await writeFile(join(folder, 'file'), '');
    expect(() => makeFolders(join(folder, 'file', 'd'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  // Node's `mkdirSync(…, { recursive: true })` never returned here; tests/lifecycle.integration.test.ts times it.
  it.skipIf(!existsSync('/proc/self'))('names the error of a folder the system will not make (under /proc)', () => {
    expect(() => makeFolders('/proc/dossier-nowhere/data')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

describe('cacheFolder', () => {
  it('makes a missing cache folder and gives it back, saying nothing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dossier-cache-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const { log, lines } = capturingLogger();
    expect(cacheFolder(join(folder, 'new', 'cache'), log)).toBe(join(folder, 'new', 'cache'));
    expect(statSync(join(folder, 'new', 'cache')).isDirectory()).toBe(true);
    expect(lines).toEqual([]);
  });

  it('gives none for a file or a path through one, with one warning saying why in words', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dossier-cache-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const file = join(folder, 'taken');
    await writeFile(file, '');
    const { log, lines } = capturingLogger();
    expect(cacheFolder(file, log)).toBeUndefined();
    expect(cacheFolder(join(file, 'below'), log)).toBeUndefined();
    const after = '; the corpus will be indexed at every start';
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, `the cache folder ${file} cannot be used (it is not a folder)${after}`],
      [40, `the cache folder ${join(file, 'below')} cannot be used (a part of the path is not a folder)${after}`],
    ]);
  });
});
