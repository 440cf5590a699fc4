import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Dossier } from '../../src/engine/dossier.js';
import { createLogger } from '../../src/log.js';
import { note, tempCorpusAndCache } from '../support/corpus.js';

/** Two notes, each with a figure. */
const TWO_NOTES = {
  'a.md': note('Seizures', 'Fentanyl seizures rose 80 percent in one year.'),
  'b.md': note('Deaths', 'About 64,070 overdose deaths were recorded in 2016.'),
};

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

describe('SavedCorpus', () => {
  it(
    'reuses parsed documents and their figures while the bytes are ' + 'unchanged, and re-parses a changed file',
    async () => {
      const { cacheDir, ...corpus } = await tempCorpusAndCache(TWO_NOTES);
      cleanups.push(corpus.cleanup);

      const first = await Dossier.open({ corpusDir: corpus.dir, cacheDir });
      expect((await readdir(cacheDir)).some((f) => f.startsWith('corpus-v'))).toBe(true);
      const second = await Dossier.open({ corpusDir: corpus.dir, cacheDir });
      expect(second.documents).toEqual(first.documents);
      const [passage] = second.document('b.md')!.passages;
      expect(second.figures.of(passage!).map((f) => f.text)).toEqual(['About 64,070 overdose deaths']);
      expect(second.figures.of(passage!)[0]!.sentence).toBe(passage!.sentences[0]);

      await writeFile(join(corpus.dir, 'a.md'), note('Seizures', 'Fentanyl seizures rose 90 percent in one year.'));
      const third = await Dossier.open({ corpusDir: corpus.dir, cacheDir });
      expect(third.document('a.md')!.passages[0]!.text).toContain('90 percent');
      expect(third.document('b.md')).toEqual(first.document('b.md'));
    },
  );

  it('saves a file skipped for its content too, so an unchanged corpus is never written again', async () => {
    const { cacheDir, ...corpus } = await tempCorpusAndCache({
      'a.md': TWO_NOTES['a.md'],
      'credits.txt': '© 2013 Test Desk. All rights reserved.\n',
    });
    cleanups.push(corpus.cleanup);
    const first = await Dossier.open({ corpusDir: corpus.dir, cacheDir });
    expect(first.corpus.warnings.map((w) => w.source)).toEqual(['credits.txt']);
    const saved = join(
      cacheDir,
      (await readdir(cacheDir)).find((f) => f.startsWith('corpus-v'))!,
    );
    const written = (await stat(saved)).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await Dossier.open({ corpusDir: corpus.dir, cacheDir });
    expect(second.corpus.warnings.map((w) => w.code)).toEqual(['empty']);
    expect((await stat(saved)).mtimeMs).toBe(written);
  });
  it('names the files it skips in the same words and order from the saved corpus as when it indexed them', async () => {
    const { cacheDir, ...corpus } = await tempCorpusAndCache({
      'a-credits.txt': '© 2013 Test Desk. All rights reserved.\n',
      'b.md': TWO_NOTES['b.md'],
      'c-empty.md': '',
      'd-slides.pptx': 'slides of the year\n',
    });
    cleanups.push(corpus.cleanup);
    // At indexing the first file is read last; from the saved corpus it is not read at all.
    const load = {
      readFile: async (path: string) => {
        if (path.endsWith('a-credits.txt')) await new Promise((resolve) => setTimeout(resolve, 50));
        return readFile(path);
      },
    };
    const said: string[][] = [];
    for (let start = 0; start < 2; start++) {
      const logs: { level: number; msg: string }[] = [];
      const log = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
      await Dossier.open({ corpusDir: corpus.dir, cacheDir, load, log });
      said.push(logs.filter((l) => l.level === 40).map((l) => l.msg));
    }
    expect(said[0]).toEqual([
      'a-credits.txt has no text to index',
      'c-empty.md is empty',
      'd-slides.pptx is not a supported format (.txt, .md, .markdown, .html, .htm, .pdf, .csv)',
    ]);
    expect(said[1]).toEqual(said[0]);
  });

  it('reads no file whose stamp is unchanged, and re-reads one touched or given a sidecar', async () => {
    const { cacheDir, ...corpus } = await tempCorpusAndCache(TWO_NOTES);
    cleanups.push(corpus.cleanup);
    const read: string[] = [];
    const load = {
      readFile: async (path: string) => {
        const bytes = await readFile(path);
        read.push(path.split('/').pop()!);
        return bytes;
      },
    };
    const first = await Dossier.open({ corpusDir: corpus.dir, cacheDir, load });
    expect(read.sort()).toEqual(['a.md', 'b.md']);

    read.length = 0;
    const second = await Dossier.open({ corpusDir: corpus.dir, cacheDir, load });
    expect(read).toEqual([]);
    expect(second.documents).toEqual(first.documents);
    expect(second.passage('b.md#1')?.text).toContain('64,070');
    expect(second.passage('b.md#2')).toBeUndefined();

    const later = new Date(Date.now() + 60_000);
    await utimes(join(corpus.dir, 'a.md'), later, later);
    await writeFile(join(corpus.dir, 'b.md.meta.yaml'), 'author: Test Desk\n');
    read.length = 0;
    const third = await Dossier.open({ corpusDir: corpus.dir, cacheDir, load });
    expect(read.sort()).toEqual(['a.md', 'b.md', 'b.md.meta.yaml']);
    expect(third.document('b.md')!.meta.author).toBe('Test Desk');

    read.length = 0;
    await Dossier.open({ corpusDir: corpus.dir, cacheDir, load });
    expect(read).toEqual([]);
  });

  it('parses every document again, with one line saying why, when the saved corpus is damaged', async () => {
    const { cacheDir, ...corpus } = await tempCorpusAndCache(TWO_NOTES);
    cleanups.push(corpus.cleanup);
    const logs: { level: number; msg: string }[] = [];
    const log = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
    // Parsed in memory: an engine answering from the saved file reads it on demand, and the test damages it in place.
    const first = await Dossier.open({ corpusDir: corpus.dir, log });
    await Dossier.open({ corpusDir: corpus.dir, cacheDir, log });
    const saved = join(
      cacheDir,
      (await readdir(cacheDir)).find((f) => f.startsWith('corpus-v'))!,
    );
    const bytes = await readFile(saved);
    for (const damaged of [bytes.subarray(0, bytes.length - 5), Buffer.from('{"not": "saved"}')]) {
      await writeFile(saved, damaged);
      logs.length = 0;
      const reopened = await Dossier.open({ corpusDir: corpus.dir, cacheDir, log });
      expect(logs.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual([
        'the saved corpus cannot be read; parsing every document again',
      ]);
      expect(reopened.documents).toEqual(first.documents);
      expect(reopened.passage('b.md#1')?.text).toContain('64,070');
    }
  });
});
