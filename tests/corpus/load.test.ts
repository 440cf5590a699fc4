import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, loadDocument } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { DossierError } from '../../src/errors.js';
import { namedPipe, tempCorpus } from '../support/corpus.js';
import { capturingLogger } from '../support/log.js';
import { makePdf } from './make-pdf.js';
import { BRIEFING_META, HARBOUR_META } from './formats/fixtures.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function corpusOf(files: Record<string, string | Uint8Array>): Promise<string> {
  const { dir, cleanup } = await tempCorpus(files);
  cleanups.push(cleanup);
  return dir;
}

/** A plain-text note that loads cleanly: its first line is its title. */
const QUAY_NOTES = 'Quay Notes\n\nThe quay is open again.';

const bySource = (corpus: Corpus, source: string) => corpus.documents.find((d) => d.source === source)!;

describe('loadCorpus over the format fixtures', () => {
  // Loaded once for the file's tests, before any of them, so that each passes alone or in any order.
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus(join(FIXTURES, 'formats'));
  });

  it(
    'loads .md, .html and .txt files recursively, sorted by source, skipping ' + 'dotfiles, sidecars and synonyms.yaml',
    () => {
      expect(corpus.dir).toBe(join(FIXTURES, 'formats'));
      expect(corpus.documents.map((d) => d.source)).toEqual([
        'briefing.md',
        'field-notes.txt',
        'harbour.html',
        'memo.txt',
        'sub/tide-table.txt',
      ]);
      expect(corpus.warnings).toEqual([]);
    },
  );

  it('takes markdown front matter as metadata and headings, lists and lead-ins as structure', () => {
    const doc = bySource(corpus, 'briefing.md');
    expect(doc.meta).toEqual(BRIEFING_META);
    expect(doc.passages.map((p) => [p.paragraph, p.heading, p.context, p.text])).toEqual([
      [
        1,
        undefined,
        undefined,
        'The council approved the restoration of the harbour lights in March, after a survey found rust in every lamp.',
      ],
      [2, 'Costs', undefined, 'The work cost about 40,000 pounds. The budget had three parts:'],
      [3, 'Costs', 'The budget had three parts:', 'Lamps and wiring from a local firm.'],
      [4, 'Costs', 'The budget had three parts:', 'Labour, mostly volunteers.'],
      [5, 'Costs', 'The budget had three parts:', 'Paint, donated by the yacht club.'],
      [6, 'Next steps', undefined, 'Paint the housings before winter.'],
      [7, 'Next steps', undefined, 'Test the lamps every month.'],
      [8, 'Next steps', undefined, 'Volunteers meet on the quay at 9 a.m. on Saturdays.'],
    ]);
  });

  it('keeps only the article of an HTML page, its photo credit cleaned away', () => {
    const doc = bySource(corpus, 'harbour.html');
    expect(doc.meta).toEqual(HARBOUR_META);
    expect(doc.passages.map((p) => p.text)).toEqual([
      'The old harbour lights shone again on Friday evening after a two-year ' +
        'restoration that cost the town about 40,000\u00a0pounds.',
      'Engineers fitted new lamps. The council set three goals:',
      'Halve the running costs.',
      'Keep the original brass housings.',
      'Residents gathered on the quay to watch, and the mayor thanked the volunteers who raised part of the money.',
    ]);
    expect(doc.passages[2]).toMatchObject({ heading: 'What changed', context: 'The council set three goals:' });
  });

  it('lets a <file>.meta.yaml sidecar override what the text says, field by field', async () => {
    const doc = bySource(corpus, 'field-notes.txt');
    // Title, publisher and tags from the sidecar; author and date from the text's byline and dateline.
    expect(doc.meta).toEqual({
      title: 'Field Notes on the Lamp Housings',
      author: "Jane O'Neill-Roe",
      date: '2021-03-03',
      publisher: 'Harbour Volunteers',
      tags: ['volunteers'],
    });
    expect(doc.passages.map((p) => p.text)).toEqual([
      'We scraped the first lamp housing on a cold morning. The brass under ' +
        'the green paint was in better shape than the survey said.',
      'The second housing had a cracked lens, which the glazier will replace next week.',
    ]);
    const bytes = [
      await readFile(join(FIXTURES, 'formats/field-notes.txt')),
      await readFile(join(FIXTURES, 'formats/field-notes.txt.meta.yaml')),
    ];
    expect(doc.hash).toBe(createHash('sha256').update(bytes[0]!).update(bytes[1]!).digest('hex'));
  });

  it('accepts a <name>.meta.yaml sidecar too', () => {
    expect(bySource(corpus, 'memo.txt').meta).toEqual({
      title: 'Budget Memo',
      author: 'The Treasurer',
      date: '2021-05-20',
      tags: [],
    });
  });

  it("names sources by their path under the corpus folder, with '/'", () => {
    expect(bySource(corpus, 'sub/tide-table.txt').passages[0]!.id).toBe('sub/tide-table.txt#1');
  });
});

describe('loadCorpus with PDFs', () => {
  it('loads a text PDF, its info as fallback metadata, and a sidecar over both', async () => {
    const dir = await corpusOf({
      'report.pdf': makePdf(['Quay Report', '', 'The lamps were tested on the first', 'day of May.'], {
        Author: 'jroe',
        CreationDate: 'D:20210303120000Z',
      }),
      'report.pdf.meta.yaml': 'author: Jane Roe\n',
    });
    const [doc] = (await loadCorpus(dir)).documents;
    expect(doc!.meta).toEqual({ title: 'Quay Report', author: 'Jane Roe', date: '2021-03-03', tags: [] });
    expect(doc!.passages.map((p) => p.text)).toEqual(['The lamps were tested on the first day of May.']);
  });
});

describe('loadCorpus with a CSV file', () => {
  it('loads each row as a passage under its file name, and a sidecar names its source', async () => {
    const dir = await corpusOf({
      'quay-lamps.csv': 'lamp,tested,working\nNorth steps,May 1,yes\nOld crane,May 2,"no, bulb gone"\n',
      'quay-lamps.csv.meta.yaml': 'publisher: Harbour Office\n',
    });
    const [doc] = (await loadCorpus(dir)).documents;
    expect(doc!.meta).toEqual({ title: 'Quay lamps', publisher: 'Harbour Office', tags: [] });
    expect(doc!.passages.map((p) => p.text).join('\n')).toContain(
      'lamp: Old crane — tested: May 2; working: no, bulb gone',
    );
  });
});

describe('loadCorpus with metadata that does not validate', () => {
  it('warns about bad front matter or a bad sidecar, naming the file, line and field, and loads the text', async () => {
    const { log, lines } = capturingLogger();
    const corpus = await loadCorpus(join(FIXTURES, 'bad-metadata'), { log });
    expect(corpus.documents.map((d) => [d.source, d.meta.title, d.passages.length])).toEqual([
      ['bad-sidecar.txt', 'Ferry Timetable', 1],
      ['broken-front-matter.md', 'Quay Repairs', 1],
    ]);
    expect(corpus.warnings).toEqual([
      {
        source: 'bad-sidecar.txt',
        code: 'bad-metadata',
        message: 'bad-sidecar.txt bad-sidecar.txt.meta.yaml line 1, url: expected a link such as https://… (left out)',
      },
      {
        source: 'broken-front-matter.md',
        code: 'bad-metadata',
        message:
          'broken-front-matter.md front matter line 2, title: expected text (left out); ' +
          'front matter line 3, date: "someday" is not a date (left out)',
      },
    ]);
    expect(lines.map((l) => [l.level, l.code, l.msg]).sort()).toEqual(
      corpus.warnings.map((w) => [40, w.code, w.message]).sort(),
    );
  });
});

describe('loadCorpus reusing saved documents', () => {
  it('says bad front matter once per change of the file, but a file left out at every load', async () => {
    const dir = join(FIXTURES, 'bad-metadata');
    const first = await loadCorpus(dir);
    const saved = new Map(first.documents.map((d) => [d.source, d]));
    const left = {
      source: 'broken-front-matter.md',
      code: 'empty' as const,
      message: 'broken-front-matter.md is empty',
    };
    const { log, lines } = capturingLogger();
    // Files unchanged since they were saved, as SavedCorpus reuses them: one indexed with its metadata's warning, one
    // (as if it had been empty then) left out.
    const reuse = (source: string) =>
      source === 'bad-sidecar.txt'
        ? { document: saved.get(source)!, warning: first.warnings.find((w) => w.source === source) }
        : { warning: left };
    await loadCorpus(dir, { log, reuse });
    expect(lines.map((l) => l.code)).not.toContain('bad-metadata');
    expect(lines.map((l) => l.msg)).toEqual(['broken-front-matter.md is empty']);
  });
});

describe('loadCorpus with no documents', () => {
  it('warns in one line naming the folder, whether it is empty or holds nothing it can read', async () => {
    for (const files of [{}, { 'notes.docx': 'not a supported format' }] as Record<string, string>[]) {
      const dir = await corpusOf(files);
      const { log, lines } = capturingLogger();
      expect((await loadCorpus(dir, { log })).documents).toEqual([]);
      const empty = lines.filter((l) => l.code === 'corpus-empty');
      expect(empty).toHaveLength(1);
      expect(empty[0]).toMatchObject({
        level: 40,
        msg: expect.stringContaining(`The corpus folder ${dir} holds no documents: add .txt, .md`),
      });
    }
  });

  it('says nothing of the kind when a document loads', async () => {
    const { log, lines } = capturingLogger();
    await loadCorpus(await corpusOf({ 'a.txt': QUAY_NOTES }), { log });
    expect(lines).toEqual([]);
  });
});

/**
 * One good file beside bad ones: empty, blank, binary, a corrupt PDF, a format the loader does not read, and
 * locked.txt, which the test's reader refuses. The test adds the bad files no content makes: a dangling link
 * and a file too large.
 */
const BAD_FILES: Record<string, string | Uint8Array> = {
  'good.txt': QUAY_NOTES,
  'empty.txt': '',
  'blank.md': '\n  \n',
  'binary.txt': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  'corrupt.pdf': '%PDF-1.4\nnot really a PDF at all\n%%EOF\n',
  'locked.txt': 'Readable on disk, refused by the reader.',
  'slides.pptx': 'not a format the loader reads',
};

describe('loadCorpus with bad files', () => {
  it('warns about each bad file by name, logs it, and loads the rest', async () => {
    const dir = await corpusOf(BAD_FILES);
    // Tests may run as root, whom chmod does not stop: unreadable
    // files are a dangling link and a reader that refuses one file.
    await symlink(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
    await writeFile(join(dir, 'huge.txt'), '');
    await truncate(join(dir, 'huge.txt'), 50 * 1024 * 1024);
    const refuse = async (path: string) => {
      if (path.endsWith('locked.txt'))
        throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      return readFile(path);
    };
    const { log, lines } = capturingLogger();

    const corpus = await loadCorpus(dir, { log, readFile: refuse });

    expect(corpus.documents.map((d) => d.source)).toEqual(['good.txt']);
    expect(corpus.warnings.map((w) => [w.source, w.code])).toEqual([
      ['binary.txt', 'binary'],
      ['blank.md', 'empty'],
      ['corrupt.pdf', 'corrupt'],
      ['dangling.txt', 'unreadable'],
      ['empty.txt', 'empty'],
      ['huge.txt', 'too-large'],
      ['locked.txt', 'unreadable'],
      ['slides.pptx', 'unsupported'],
    ]);
    for (const w of corpus.warnings) {
      expect(w.message.startsWith(`${w.source} `)).toBe(true);
      expect(w.message).not.toContain('\n');
    }
    expect(corpus.warnings.find((w) => w.code === 'too-large')!.message).toBe(
      'huge.txt is 50 MB, over the 20 MB limit',
    );
    // Each warning reads as a sentence about its file.
    expect(corpus.warnings.find((w) => w.code === 'unsupported')!.message).toMatch(
      /^slides\.pptx is not a supported format \(\.txt, /,
    );
    expect(corpus.warnings.find((w) => w.source === 'dangling.txt')!.message).toBe(
      `dangling.txt is a link to ${join(dir, 'gone.txt')}, which does not exist`,
    );
    // The file named once, and why in words: not Node's "EACCES: permission denied, open '/…/locked.txt'".
    expect(corpus.warnings.find((w) => w.source === 'locked.txt')!.message).toBe(
      'locked.txt cannot be read (permission denied)',
    );
    expect(lines.filter((l) => l.level === 40).map((l) => l.source)).toEqual(corpus.warnings.map((w) => w.source));
  });

  it('logs the files it skips by path, whatever order they are read in, or taken from a saved state', async () => {
    const dir = await corpusOf({
      'a-blank.txt': '\n\n',
      'b-minutes.txt': QUAY_NOTES,
      'c-slides.pptx': 'not a format the loader reads',
      'notes/d-empty.md': '',
      'z-blank.md': '  \n',
    });
    // The first file is read last, and the last one is taken from a saved state before any file is read.
    const slowFirst = async (path: string) => {
      if (path.endsWith('a-blank.txt')) await new Promise((resolve) => setTimeout(resolve, 50));
      return readFile(path);
    };
    const saved = { source: 'z-blank.md', code: 'empty' as const, message: 'z-blank.md has no text to index' };
    const reuse = (source: string) => (source === 'z-blank.md' ? { warning: saved } : undefined);
    const { log, lines } = capturingLogger();

    await loadCorpus(dir, { log, readFile: slowFirst, reuse });

    expect(lines.map((l) => l.msg)).toEqual([
      'a-blank.txt has no text to index',
      'c-slides.pptx is not a supported format (.txt, .md, .markdown, .html, .htm, .pdf, .csv)',
      'notes/d-empty.md is empty',
      'z-blank.md has no text to index',
    ]);
  });

  it('says a link to a folder is not read, rather than calling it a file of the wrong format', async () => {
    const dir = await corpusOf({ 'good.txt': QUAY_NOTES });
    const elsewhere = await corpusOf({ 'other.txt': QUAY_NOTES });
    await symlink(elsewhere, join(dir, 'shared'));
    await symlink(dir, join(dir, 'loop.md'));

    const corpus = await loadCorpus(dir);

    expect(corpus.documents.map((d) => d.source)).toEqual(['good.txt']);
    expect(corpus.warnings.map((w) => [w.source, w.code])).toEqual([
      ['loop.md', 'unsupported'],
      ['shared', 'unsupported'],
    ]);
    for (const w of corpus.warnings)
      expect(w.message).toBe(
        `${w.source} is a link to a folder, which is not read: ` +
          'move the folder itself into the corpus, or link its files',
      );
  });

  it.skipIf(process.platform === 'win32')(
    'reports a named pipe, or a link to one, by name rather than leaving it out unsaid',
    async () => {
      const dir = await corpusOf({ 'good.txt': QUAY_NOTES });
      expect(spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status).toBe(0);
      await symlink(join(dir, 'pipe.txt'), join(dir, 'link.md'));

      const corpus = await loadCorpus(dir);

      expect(corpus.documents.map((d) => d.source)).toEqual(['good.txt']);
      expect(corpus.warnings.map((w) => [w.source, w.code, w.message])).toEqual([
        ['link.md', 'unreadable', 'link.md is not a file (a pipe, socket or device), so it is not read'],
        ['pipe.txt', 'unreadable', 'pipe.txt is not a file (a pipe, socket or device), so it is not read'],
      ]);
    },
  );

  it.skipIf(process.platform === 'win32')(
    'loads a document whose sidecar is a named pipe, naming the sidecar, rather than waiting on it for ever',
    { timeout: 10_000 },
    async () => {
      const dir = await corpusOf({ 'quay.txt': QUAY_NOTES });
      const pipe = namedPipe(join(dir, 'quay.txt.meta.yaml'));
      try {
        const corpus = await loadCorpus(dir);
        expect(corpus.documents.map((d) => [d.source, d.meta.title])).toEqual([['quay.txt', 'Quay Notes']]);
        expect(corpus.warnings.map((w) => [w.source, w.code, w.message])).toEqual([
          [
            'quay.txt',
            'bad-metadata',
            'quay.txt quay.txt.meta.yaml cannot be read (not a file: a pipe, socket or device)',
          ],
        ]);
      } finally {
        pipe.release();
      }
    },
  );

  it('takes its size limit from the options', async () => {
    const dir = await corpusOf({ 'small.txt': 'Short text.', 'big.txt': `${'A long line of text. '.repeat(100)}` });
    const corpus = await loadCorpus(dir, { maxBytes: 1000 });
    expect(corpus.documents.map((d) => d.source)).toEqual(['small.txt']);
    expect(corpus.warnings.map((w) => [w.source, w.code])).toEqual([['big.txt', 'too-large']]);
  });

  it('throws corpus-missing, naming the folder in one line, when the folder is missing or a file', async () => {
    const dir = await corpusOf({ 'file.txt': 'Text.' });
    for (const path of [join(dir, 'nowhere'), join(dir, 'file.txt')]) {
      const error = await loadCorpus(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DossierError);
      expect(error).toMatchObject({ code: 'corpus-missing' });
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('loadDocument', () => {
  it('loads one file as loadCorpus does, and nothing for a sidecar or a dotfile', async () => {
    const dir = await corpusOf({
      'notes/quay.txt': QUAY_NOTES,
      'notes/quay.txt.meta.yaml': 'author: Jane Roe\n',
      '.hidden.txt': 'Hidden.',
    });
    const { document, warning } = await loadDocument(dir, join(dir, 'notes/quay.txt'));
    expect(warning).toBeUndefined();
    expect(document).toEqual((await loadCorpus(dir)).documents[0]);
    expect(document!.meta).toMatchObject({ title: 'Quay Notes', author: 'Jane Roe' });
    expect(await loadDocument(dir, join(dir, 'notes/quay.txt.meta.yaml'))).toEqual({});
    expect(await loadDocument(dir, join(dir, '.hidden.txt'))).toEqual({});
  });

  it(
    'changes the hash when the sidecar changes, and returns a warning rather ' + 'than throwing for a bad file',
    async () => {
      const dir = await corpusOf({ 'a.txt': 'Text here.', 'a.meta.yaml': 'title: One\n' });
      const before = (await loadDocument(dir, join(dir, 'a.txt'))).document!;
      await writeFile(join(dir, 'a.meta.yaml'), 'title: Two\n');
      const after = (await loadDocument(dir, join(dir, 'a.txt'))).document!;
      expect([before.meta.title, after.meta.title]).toEqual(['One', 'Two']);
      expect(after.hash).not.toBe(before.hash);
      await mkdir(join(dir, 'gone'));
      expect(await loadDocument(dir, join(dir, 'gone/missing.txt'))).toMatchObject({
        warning: { source: 'gone/missing.txt', code: 'unreadable' },
      });
    },
  );
});
