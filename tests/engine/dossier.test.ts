import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dossier } from '../../src/engine/dossier.js';
import { note, corpusAndCachePerTest } from '../support/corpus.js';
import { capturingLogger } from '../support/log.js';

const setup = corpusAndCachePerTest();

describe('Dossier.reloadLexicon', () => {
  it('warns of a malformed corpus lexicon once, not at each rescan while it stays wrong the same way', async () => {
    const { dir, cacheDir } = await setup({
      'a.md': note('Ferries', 'The ferry fare rose.'),
      'synonyms.yaml': 'ferry: [boat\n',
    });
    const { log, lines } = capturingLogger();
    const warnings = () => lines.filter((l) => l.level === 40).map((l) => l.msg);
    const dossier = await Dossier.open({ corpusDir: dir, cacheDir, log });
    expect(warnings()).toHaveLength(1);
    // The watcher's first scan, just after start, and one for each document added: the file has not changed.
    await dossier.reloadLexicon();
    await dossier.reloadLexicon();
    expect(warnings()).toHaveLength(1);
    await writeFile(join(dir, 'synonyms.yaml'), '- ferry\n- boat\n');
    await dossier.reloadLexicon();
    await dossier.reloadLexicon();
    expect(warnings()).toHaveLength(2);
    expect(warnings()[1]).toMatch(/ignored: expected "term: \[synonym, …\]" entries$/);
  });

  it('warns once of a named lexicon lost while running, and again if it is lost after coming back', async () => {
    const { dir, cacheDir } = await setup({ 'a.md': note('Ferries', 'The ferry fare rose.') });
    const named = join(cacheDir, 'ferries.yaml');
    await writeFile(named, 'ferry: [boat]\n');
    const { log, lines } = capturingLogger();
    const warnings = () => lines.filter((l) => l.level === 40).map((l) => l.msg);
    const dossier = await Dossier.open({ corpusDir: dir, lexicon: named, log });
    await rm(named);
    await dossier.reloadLexicon();
    await dossier.reloadLexicon();
    expect(warnings()).toEqual([
      `Lexicon file not found: ${named} (name a YAML file of synonyms, or none): answering without it`,
    ]);
    await writeFile(named, 'ferry: [boat]\n');
    await dossier.reloadLexicon();
    await rm(named);
    await dossier.reloadLexicon();
    expect(warnings()).toHaveLength(2);
  });
});

describe('Dossier.open onIndexing', () => {
  it('is called once before indexing a corpus with nothing saved, not when it reads the saved index', async () => {
    const { dir, cacheDir } = await setup({ 'a.md': note('Ferries', 'The ferry fare rose.') });
    let calls = 0;
    const onIndexing = () => calls++;
    await Dossier.open({ corpusDir: dir, cacheDir, onIndexing });
    expect(calls).toBe(1);
    await Dossier.open({ corpusDir: dir, cacheDir, onIndexing });
    expect(calls).toBe(1);
    // The documents are saved, but the index saved is of another lexicon: indexed again, and said so.
    await writeFile(join(dir, 'synonyms.yaml'), 'ferry: [boat]\n');
    await Dossier.open({ corpusDir: dir, cacheDir, onIndexing });
    expect(calls).toBe(2);
  });

  it('is not called for a corpus folder with no documents, which is warned of by name instead', async () => {
    const { dir, cacheDir } = await setup({ 'notes.xyz': 'not a document', '.hidden.md': note('Ferries', 'Fares.') });
    const { log, lines } = capturingLogger();
    let calls = 0;
    await Dossier.open({ corpusDir: dir, cacheDir, log, onIndexing: () => calls++ });
    expect(calls).toBe(0);
    expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toContainEqual(
      expect.stringMatching(/^The corpus folder .+ holds no documents: add .+ files to it\.$/),
    );
    // A document added: the next start indexes it, and says so.
    await writeFile(join(dir, 'a.md'), note('Ferries', 'The ferry fare rose.'));
    await Dossier.open({ corpusDir: dir, cacheDir, onIndexing: () => calls++ });
    expect(calls).toBe(1);
  });
});

describe('Dossier.open, a cache folder that cannot be used', () => {
  it('warns once, saying why, and answers without saving', async () => {
    const { dir, cacheDir } = await setup({ 'a.md': note('Ferries', 'The ferry fare rose to 3 pounds.') });
    const taken = join(cacheDir, 'taken');
    await writeFile(taken, '');
    const { log, lines } = capturingLogger();
    const saving: boolean[] = [];

    const dossier = await Dossier.open({ corpusDir: dir, cacheDir: taken, log, onIndexing: (s) => saving.push(s) });

    expect(lines.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual([
      `the cache folder ${taken} cannot be used (it is not a folder); the corpus will be indexed at every start`,
    ]);
    expect(saving).toEqual([false]);
    expect(dossier.search('ferry fare').length).toBeGreaterThan(0);
  });

  it('is made when it does not exist yet, and the corpus saved in it', async () => {
    const { dir, cacheDir } = await setup({ 'a.md': note('Ferries', 'The ferry fare rose.') });
    const fresh = join(cacheDir, 'new', 'deeper');
    const saving: boolean[] = [];
    await Dossier.open({ corpusDir: dir, cacheDir: fresh, onIndexing: (s) => saving.push(s) });
    expect(saving).toEqual([true]);
    expect((await readdir(fresh)).some((name) => name.startsWith('index-'))).toBe(true);
  });
});

describe('Dossier.open, a corpus path that is no folder', () => {
  it('is refused in one line naming the problem, before its lexicon is looked for in it', async () => {
    const { dir } = await setup({ 'a.md': note('Ferries', 'The ferry fare rose.') });
    const { log, lines } = capturingLogger();
    const file = join(dir, 'a.md');
    await expect(Dossier.open({ corpusDir: file, log })).rejects.toMatchObject({
      code: 'corpus-missing',
      message: `The corpus path is not a folder: ${file}`,
    });
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });
});
