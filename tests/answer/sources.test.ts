import { describe, expect, it } from 'vitest';
import { corpusSize, sourcesReply } from '../../src/answer/sources.js';
import type { Library } from '../../src/answer/library.js';
import type { SourceDocument } from '../../src/corpus/types.js';

const doc = (source: string, meta: Partial<SourceDocument['meta']>, passages: number): SourceDocument => ({
  source,
  hash: source,
  meta: { title: source, tags: [], ...meta },
  passages: Array.from({ length: passages }, (_, i) => ({
    id: `${source}#${i}`,
    source,
    paragraph: i + 1,
    text: 'Beekeepers moved the hives uphill.',
    sentences: [],
  })),
});

const library = (documents: SourceDocument[]) => ({ documents }) as unknown as Library;

describe('corpusSize', () => {
  it("writes a corpus's size with its nouns, plural but for one", () => {
    expect(corpusSize(1, 12)).toBe('1 document, 12 passages');
  });
});

describe('sourcesReply', () => {
  it('lists each document with its byline, passages and address, under the size of the corpus', () => {
    const reply = sourcesReply(
      library([
        doc('apiary.md', { title: 'Hives in winter', author: 'R. Okafor', date: '2025-11-02' }, 2),
        doc('swarm.txt', { title: 'Swarm season', url: 'https://bees.example/swarm' }, 1),
      ]),
    );
    expect(reply.status).toBe('ok');
    expect(reply.blocks).toEqual([
      { type: 'text', text: [{ text: '2 documents, 3 passages.' }] },
      {
        type: 'list',
        items: [
          [{ text: 'Hives in winter', strong: true }, { text: ' — R. Okafor, 2025-11-02 · 2 passages · apiary.md' }],
          [
            { text: 'Swarm season', strong: true },
            { text: ' — no author or date stated · 1 passage · https://bees.example/swarm' },
          ],
        ],
      },
    ]);
  });

  it('names the publisher once where the author already ends with it', () => {
    const team = { title: 'Damp', author: 'Property Services, Larchfield Homes', publisher: 'Larchfield Homes' };
    const reply = sourcesReply(library([doc('damp.md', { ...team, date: '2025-11-10' }, 1)]));
    expect(reply.blocks[1]).toMatchObject({
      items: [[{ text: 'Damp' }, { text: ' — Property Services, Larchfield Homes, 2025-11-10 · 1 passage · damp.md' }]],
    });
  });

  it('lists from a later document on, with what lists the rest, for a platform with no room for them all', () => {
    const docs = ['a.md', 'b.md', 'c.md'].map((source) => doc(source, {}, 1));
    expect(sourcesReply(library(docs)).rest).toEqual({ command: 'sources', args: { offset: 3 } });
    const later = sourcesReply(library(docs), 1);
    expect(later.blocks[0]).toEqual({ type: 'text', text: [{ text: '3 documents, 3 passages; from document 2:' }] });
    expect(later.blocks[1]).toMatchObject({
      items: [
        [{ text: 'b.md' }, {}],
        [{ text: 'c.md' }, {}],
      ],
    });
    expect(later.rest).toEqual({ command: 'sources', args: { offset: 3 } });
    expect(sourcesReply(library(docs), 3)).toMatchObject({ status: 'empty', title: 'Sources in the corpus' });
  });

  it('lists titles as a reader looks them up: numbers by value, case and accents aside, whatever the paths', () => {
    const titles = ['Bulletin 10', 'bulletin 2', 'Bulletin 1', 'Écluse repairs', 'Bulletin 100', 'ecology day'];
    const docs = titles.map((title, i) => doc(`notes/${String.fromCharCode(97 + i)}.md`, { title }, 1));
    const listed = (offset = 0) =>
      (sourcesReply(library(docs), offset).blocks[1] as { items: { text: string }[][] }).items.map((i) => i[0]!.text);
    const inOrder = ['Bulletin 1', 'bulletin 2', 'Bulletin 10', 'Bulletin 100', 'Écluse repairs', 'ecology day'];
    expect(listed()).toEqual(inOrder);
    // A later page goes on from the same order.
    expect(listed(4)).toEqual(inOrder.slice(4));
  });

  it('says how to fill an empty corpus', () => {
    const reply = sourcesReply(library([]));
    expect(reply.status).toBe('empty');
    expect(JSON.stringify(reply.blocks)).toContain('add .md, .txt, .html or .pdf files');
  });
});
