import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus, SourceDocument } from '../../src/corpus/types.js';
import { paragraphKey, rawParagraphs } from '../support/corpus.js';
import { HAS_SEEDS, SEEDS } from '../support/shared.js';

// The seeds are others' writing: this file names their paragraphs by sha1 prefix (paragraphKey), never by their text.

interface SeedExpectation {
  passages: number;
  meta: { author?: string; date?: string; publisher?: string };
  /** sha1 prefix of the headline paragraph; 'opening words' where the page has no headline. */
  title: string;
  /** Paragraphs that must not be passages: short page furniture written out, anything longer by sha1 prefix. */
  dropped: Record<string, string>;
  /** Paragraphs kept without a sentence at their end: sha1 prefix → what was cut. */
  trimmed?: Record<string, RegExp>;
}

const EXPECTED: Record<string, SeedExpectation> = {
  '000_1ab79d2201abf210.txt': {
    passages: 16,
    meta: { author: 'Earl Anthony Wayne', date: '2017-10-30', publisher: undefined },
    title: 'a686fd52e2',
    dropped: {
      '6678e0c1ec': 'site chrome: date, Topic:, Region:, Tags: fields (gives the date)',
      bdfb8b8468: 'the lede shown alone, then again as the start of the next paragraph',
      'Image: Reuters': 'picture credit',
      Recommended: 'header of links to other articles',
      '784625b6c8': 'recommended headline',
      '9af9ae190e': 'recommended headline',
      bf4549abfc: 'recommended headline',
    },
  },
  '001_b6f5f2d056723f22.txt': {
    passages: 80,
    // The only date with a year is a study's release date inside a list item, not the article's.
    meta: { author: 'Earl Anthony Wayne', date: undefined, publisher: undefined },
    title: '2eff91f511',
    dropped: {
      'Photo: businessinsider.com': 'picture credit',
      '557d522f62': 'byline (gives the author)',
      '3 comments': 'comment widget',
      'Leave a Reply': 'comment widget',
    },
  },
  '002_ac9b7df4cd5eeb3f.txt': {
    passages: 18,
    meta: { author: 'Earl Anthony Wayne', date: undefined, publisher: 'Pulse News Mexico' },
    title: 'opening words',
    dropped: {
      a2588546e3: 'picture credit naming the photographer',
      '483e82be8f': 'byline (gives the author)',
      '5d3d73433f': 'republication note (gives the publisher)',
      'Leave a Reply': 'comment widget',
    },
  },
  '003_bf1c57b45627abbf.txt': {
    passages: 16,
    // No byline and no closing bio: the page does not say who wrote it. Its one full date dates the quoted speech.
    meta: { author: undefined, date: undefined, publisher: 'Mexico Institute' },
    title: '8dea7eeddf',
    dropped: {
      'Image removed.': 'placeholder of a picture',
      'Mexico Institute': "the site's name, before and after its blurb (gives the publisher)",
      b4ffec81e1: 'the institute\'s blurb ending in "Read more"',
    },
  },
  '004_ecd69d84742c5bcb.txt': {
    passages: 18,
    meta: { author: 'Earl Anthony Wayne', date: undefined, publisher: 'The Hill' },
    title: '4cfe438c3e',
    dropped: {
      '2c7c09fa14': "contributors' disclaimer (gives the publisher)",
      'Getty Images': 'picture credit',
      d466a3e469: 'tags list',
      '1f7d0d0071': 'copyright line',
      'Most Popular': 'header of links to other articles',
      'Load more': 'page control',
    },
    trimmed: { '48707b0710': /^ Follow him on Twitter @\w+\.$/ },
  },
};

const BOILERPLATE = [
  'Leave a Reply',
  '3 comments',
  'Recommended',
  'Image: Reuters',
  'Getty Images',
  'Image removed',
  'Photo:',
  'Copyright',
  'All rights reserved',
  'views expressed',
  'Most Popular',
  'Load more',
  'Read more',
  'Follow him',
  'Topic:',
  'Region:',
  'Tags',
  'first appeared',
  'republished',
];

let corpus: Corpus;
const raw = new Map<string, string>();

const doc = (name: string): SourceDocument => {
  const found = corpus.documents.find((d) => d.source === name);
  if (!found) throw new Error(`${name} not loaded`);
  return found;
};

describe.runIf(HAS_SEEDS)('the seed articles', () => {
  beforeAll(async () => {
    corpus = await loadCorpus(SEEDS);
    for (const name of Object.keys(EXPECTED)) raw.set(name, await readFile(join(SEEDS, name), 'utf8'));
  });

  it('load, all five, in order of source, without warnings', () => {
    expect(corpus.documents.map((d) => d.source)).toEqual(Object.keys(EXPECTED));
    expect(corpus.warnings).toEqual([]);
  });

  describe.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    it('keeps every body paragraph verbatim and drops exactly the listed furniture', () => {
      const d = doc(name);
      const texts = new Set(d.passages.map((p) => p.text));
      const headings = new Set(d.passages.flatMap((p) => (p.heading ? [p.heading] : [])));
      const trimmed = expected.trimmed ?? {};
      const unaccounted: string[] = [];
      for (const paragraph of rawParagraphs(raw.get(name)!)) {
        const key = paragraphKey(paragraph);
        if (texts.has(paragraph) || headings.has(paragraph) || paragraph === d.meta.title) continue;
        if (key in expected.dropped || paragraph in expected.dropped) continue;
        if (key in trimmed) {
          const kept = d.passages.find((p) => paragraph.startsWith(p.text) && p.text.length > paragraph.length / 2);
          expect(kept, `${key} kept without its last sentence`).toBeDefined();
          expect(paragraph.slice(kept!.text.length)).toMatch(trimmed[key]!);
          continue;
        }
        unaccounted.push(`${key} ${paragraph.slice(0, 30)}…`);
      }
      expect(unaccounted).toEqual([]);
    });

    it('lists only paragraphs that exist and are really dropped', () => {
      const d = doc(name);
      const paragraphs = rawParagraphs(raw.get(name)!);
      for (const entry of [...Object.keys(expected.dropped), ...Object.keys(expected.trimmed ?? {})]) {
        const matching = paragraphs.filter((p) => p === entry || paragraphKey(p) === entry);
        expect(matching.length, entry).toBeGreaterThan(0);
        for (const p of matching)
          expect(
            d.passages.some((passage) => passage.text === p),
            entry,
          ).toBe(false);
      }
    });

    it('has the expected number of passages, numbered 1.. with ids <source>#<paragraph>', () => {
      const d = doc(name);
      expect(d.passages).toHaveLength(expected.passages);
      d.passages.forEach((p, i) => {
        expect(p.paragraph).toBe(i + 1);
        expect(p.id).toBe(`${name}#${i + 1}`);
        expect(p.source).toBe(name);
      });
    });

    it('indexes no page furniture', () => {
      for (const p of doc(name).passages) for (const text of BOILERPLATE) expect(p.text, p.id).not.toContain(text);
    });

    it('states the metadata the page gives', () => {
      const d = doc(name);
      expect({ author: d.meta.author, date: d.meta.date, publisher: d.meta.publisher }).toEqual(expected.meta);
      if (expected.title === 'opening words') {
        const words = d.passages[0]!.sentences[0]!.text.split(' ');
        expect(d.meta.title).toBe(`${words.slice(0, 8).join(' ').replace(/,$/, '')}…`);
      } else {
        expect(paragraphKey(d.meta.title)).toBe(expected.title);
        expect(rawParagraphs(raw.get(name)!)).toContain(d.meta.title);
      }
    });

    it('gives every passage sentences that are verbatim slices, in order, covering it', () => {
      for (const p of doc(name).passages) {
        expect(p.sentences.length, p.id).toBeGreaterThan(0);
        let end = 0;
        for (const s of p.sentences) {
          expect(p.text.slice(s.start, s.start + s.text.length)).toBe(s.text);
          expect(p.text.slice(end, s.start).trim(), p.id).toBe('');
          end = s.start + s.text.length;
        }
        expect(p.text.slice(end).trim(), p.id).toBe('');
      }
    });

    it('hashes the file bytes', async () => {
      const bytes = await readFile(join(SEEDS, name));
      expect(doc(name).hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    });
  });

  it('keeps the closing author bios as the last passages', () => {
    for (const name of [
      '000_1ab79d2201abf210.txt',
      '001_b6f5f2d056723f22.txt',
      '002_ac9b7df4cd5eeb3f.txt',
      '004_ecd69d84742c5bcb.txt',
    ]) {
      expect(doc(name).passages.at(-1)!.text).toMatch(
        /^(?:Former U\.S\. Ambassador )?(?:Earl Anthony Wayne|EARL ANTHONY WAYNE) (?:is|was) /,
      );
    }
  });

  it(
    'files the testimony under its section headings, each list item with the ' + 'sentence that leads into its list',
    () => {
      const d = doc('001_b6f5f2d056723f22.txt');
      const paragraphs = rawParagraphs(raw.get('001_b6f5f2d056723f22.txt')!);
      const headings = [...new Set(d.passages.flatMap((p) => (p.heading ? [p.heading] : [])))];
      expect(headings).toHaveLength(10);
      for (const heading of headings) expect(paragraphs).toContain(heading);
      const items = d.passages.filter((p) => p.context);
      expect(items).toHaveLength(8 + 4 + 19);
      for (const item of items) {
        const leadIn = d.passages.slice(0, item.paragraph - 1).findLast((p) => !p.context)!;
        expect(leadIn.text.endsWith(':')).toBe(true);
        expect(leadIn.sentences.at(-1)!.text).toBe(item.context);
      }
      // The eight pillars' lead-in is the last sentence of a longer paragraph, not the paragraph.
      expect(new Set(items.map((i) => i.context)).size).toBe(3);
      expect(items.filter((i) => !paragraphs.includes(i.context!))).toHaveLength(8);
    },
  );
});
