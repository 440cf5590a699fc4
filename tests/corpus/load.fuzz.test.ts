import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../adapters/slack/render.js';
import { ask, askReply } from '../../src/answer/ask.js';
import { CorruptFileError } from '../../src/corpus/block.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { parseHtml } from '../../src/corpus/formats/html.js';
import { parseMarkdown } from '../../src/corpus/formats/markdown.js';
import { parsePdf } from '../../src/corpus/formats/pdf.js';
import { decodeText, parseText } from '../../src/corpus/formats/text.js';
import type { Corpus } from '../../src/corpus/types.js';
import { Dossier } from '../../src/engine/dossier.js';
import { anyInput, fuzz, HOSTILE_CORPUS, hostileText } from '../support/arbitraries.js';
import { tempCorpus } from '../support/corpus.js';
import { expectInertSlack } from '../support/inert.js';
import { makePdf } from './make-pdf.js';

const PDF = makePdf(['Harbour Report', '', 'The harbour dredging cost 4 million', 'in 2019, said the council.'], {
  Author: 'A. Writer',
});
const ORIGINALS: Uint8Array[] = [...Object.values(HOSTILE_CORPUS).map((s) => Buffer.from(s, 'utf8')), PDF];

/** What can go wrong with a file's bytes: cut short, saved in another encoding, damaged, or not text at all. */
const damaged: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.tuple(fc.constantFrom(...ORIGINALS), fc.nat()).map(([bytes, n]) => bytes.subarray(0, n % (bytes.length + 1))),
  fc
    .constantFrom(...ORIGINALS)
    .chain((bytes) =>
      fc
        .constantFrom<BufferEncoding>('latin1', 'utf16le', 'ucs2')
        .map((enc) => Buffer.from(Buffer.from(bytes).toString('utf8'), enc)),
    ),
  fc.constantFrom(...ORIGINALS).map((bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])),
  fc
    .tuple(
      fc.constantFrom(...ORIGINALS),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 30 }),
    )
    .map(([bytes, flips]) => {
      const copy = Uint8Array.from(bytes);
      for (const [at, value] of flips) copy[at % copy.length] = value;
      return copy;
    }),
  fc.uint8Array({ maxLength: 3000 }),
  anyInput(8000).map((s) => Buffer.from(s, 'utf8')),
);

const file = fc.record({
  name: fc.constantFrom('a', 'b', 'sub/c', 'd'),
  ext: fc.constantFrom('.md', '.txt', '.html', '.pdf'),
  bytes: damaged,
});

/** Every invariant a loaded corpus keeps, whatever its files held. */
function expectSoundCorpus(corpus: Corpus, sources: string[]): void {
  for (const source of sources) {
    const loaded = corpus.documents.some((d) => d.source === source);
    const skipped = corpus.warnings.some((w) => w.source === source && w.code !== 'bad-metadata');
    expect(loaded !== skipped, `${source} is either loaded or skipped with a warning`).toBe(true);
  }
  for (const w of corpus.warnings) {
    expect(w.message.startsWith(`${w.source} `)).toBe(true);
    expect(w.message).not.toMatch(/[\r\n]/);
  }
  for (const doc of corpus.documents) {
    expect(doc.passages.length).toBeGreaterThan(0);
    expect(doc.meta.title.trim()).not.toBe('');
    doc.passages.forEach((p, i) => {
      expect(p.paragraph).toBe(i + 1);
      expect(p.text.trim()).not.toBe('');
      expect(p.text).not.toContain('\u0000');
      for (const s of p.sentences) expect(p.text.slice(s.start, s.start + s.text.length)).toBe(s.text);
    });
  }
}

describe('format parsers, fuzzed', () => {
  it('decode and parse any text as plain text, Markdown or HTML without throwing', () => {
    const markdown = fc
      .tuple(
        fc.constantFrom(
          '',
          '---\n',
          '---\ntitle: ',
          '---\ntitle: [\n---\n',
          '---\ndate: 99-99-99\nurl: <!here>\n---\n',
        ),
        hostileText(),
        anyInput(3000),
      )
      .map((parts) => parts.join('\n'));
    const tag = fc.constantFrom(
      '<p>',
      '</p>',
      '<article>',
      '<h1>',
      '<li>',
      '<script>',
      '</script>',
      '<!--',
      '-->',
      '<meta name="author" content="',
      '">',
      '<title>',
      '<br>',
      '<![CDATA[',
      '&lt;',
      '&#0;',
      '&#xD800;',
      '<a href="javascript:x">',
    );
    const html = fc.array(fc.oneof(tag, hostileText(3)), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), anyInput(), markdown, html, (bytes, text, md, page) => {
        const decoded = decodeText(bytes);
        if (decoded !== undefined) parseText(decoded);
        parseText(text);
        parseMarkdown(md);
        parseHtml(page);
      }),
      fuzz(150),
    );
  });

  it('turn a truncated or damaged PDF into a CorruptFileError or a document, never another crash', async () => {
    const pdf = fc.oneof(
      fc.nat(PDF.length).map((n) => PDF.subarray(0, n)),
      fc
        .array(fc.tuple(fc.nat(PDF.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })
        .map((flips) => {
          const copy = Uint8Array.from(PDF);
          for (const [at, value] of flips) copy[at] = value;
          return copy;
        }),
    );
    await fc.assert(
      fc.asyncProperty(pdf, async (bytes) => {
        await parsePdf(bytes).then(
          (parsed) => expect(Array.isArray(parsed.blocks)).toBe(true),
          (error: unknown) => expect(error).toBeInstanceOf(CorruptFileError),
        );
      }),
      fuzz(40),
    );
  });
});

describe('loadCorpus, fuzzed', () => {
  it(
    'loads or skips each truncated, mis-encoded or binary file by name, ' +
      'never throws, and what it loads can be searched and shown',
    async () => {
      const seen = { loaded: 0, skipped: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(file, { minLength: 1, maxLength: 4, selector: (f) => f.name + f.ext }),
          async (files) => {
            const named = Object.fromEntries(files.map((f) => [f.name + f.ext, f.bytes]));
            const { dir, cleanup } = await tempCorpus(named);
            try {
              const corpus = await loadCorpus(dir);
              expectSoundCorpus(corpus, Object.keys(named));
              seen.loaded += corpus.documents.length;
              seen.skipped += corpus.warnings.length;
              const dossier = Dossier.fromCorpus(corpus);
              const reply = askReply(ask(dossier, 'harbour dredging cost'));
              expectInertSlack(renderSlack(reply));
            } finally {
              await cleanup();
            }
          },
        ),
        fuzz(30),
      );
      // Both outcomes were exercised, so the invariants were checked on real documents too.
      expect(seen.loaded).toBeGreaterThan(10);
      expect(seen.skipped).toBeGreaterThan(10);
    },
  );
});
