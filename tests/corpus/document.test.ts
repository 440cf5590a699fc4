import { describe, expect, it } from 'vitest';
import type { Block, ParsedDocument } from '../../src/corpus/block.js';
import { buildDocument } from '../../src/corpus/document.js';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const h = (text: string): Block => ({ kind: 'heading', text });
const parsed = (blocks: Block[], over: Partial<ParsedDocument> = {}): ParsedDocument => ({
  blocks,
  meta: {},
  metaProblems: [],
  ...over,
});
const titleOf = (blocks: Block[], source = 'orchards/late-frost_notes.txt') =>
  buildDocument(source, 'hash', parsed(blocks)).meta.title;

describe('buildDocument', () => {
  it('titles a document by its headline, else its opening words, else its file name', () => {
    expect(titleOf([h('Frost in the orchard'), p('Growers lit fires.')])).toBe('Frost in the orchard');
    expect(titleOf([p('Growers lit fires. They waited.')])).toBe('Growers lit fires');
    expect(titleOf([p('Growers lit small fires between the rows of pear trees all night.')])).toBe(
      'Growers lit small fires between the rows of…',
    );
    expect(titleOf([])).toBe('Late frost notes');
    // A date or a span of years keeps its hyphens; the words around it are spaced.
    expect(titleOf([], 'frost-log_2024-04-02.md')).toBe('Frost log 2024-04-02');
    expect(titleOf([], 'pickers-by-season-2023-24.csv')).toBe('Pickers by season 2023-24');
  });

  it("layers what is stated: the format's fallback, the text's own lines, the format's fields, the sidecar", () => {
    const document = buildDocument(
      'frost.md',
      'hash',
      parsed([h('Frost in the orchard'), p('By Ana Lind'), p('Growers lit fires.')], {
        meta: { date: '2024-04-02' },
        fallbackMeta: {
          title: 'A fallback title',
          publisher: 'Valley Press',
          author: 'Nobody',
        },
      }),
      { title: 'From the sidecar', tags: ['frost'] },
    );
    expect(document.meta).toEqual({
      title: 'From the sidecar',
      author: 'Ana Lind',
      publisher: 'Valley Press',
      date: '2024-04-02',
      tags: ['frost'],
    });
    expect(document.passages.map((passage) => [passage.id, passage.text])).toEqual([
      ['frost.md#1', 'Growers lit fires.'],
    ]);
  });

  it("leaves a press release's label out of its title", () => {
    expect(titleOf([h('PRESS RELEASE: Orchard fair returns'), p('The fair is back.')])).toBe('Orchard fair returns');
    expect(titleOf([h('News release – Cider barn opens'), p('It opened.')])).toBe('Cider barn opens');
    expect(titleOf([h('FOR IMMEDIATE RELEASE: PRESS RELEASE: Pickers wanted'), p('Apply.')])).toBe('Pickers wanted');
    // A title that is only the label keeps it; "release" elsewhere is the subject's own word.
    expect(titleOf([h('Press release'), p('Apply.')])).toBe('Press release');
    expect(titleOf([h('Release of the spring lambs'), p('Apply.')])).toBe('Release of the spring lambs');
    const emailed = buildDocument(
      'fair.txt',
      'hash',
      parsed([h('Orchard fair returns'), p('The fair is back on Saturday.')], {
        meta: { title: 'PRESS RELEASE: Orchard fair returns' },
      }),
    );
    expect(emailed.meta.title).toBe('Orchard fair returns');
  });

  it('gives a document no tags when none are stated', () => {
    expect(buildDocument('a.txt', 'hash', parsed([p('One line.')])).meta.tags).toEqual([]);
  });
});
