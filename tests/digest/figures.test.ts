import { describe, expect, it } from 'vitest';
import { corpusFigures } from '../../src/digest/figures.js';
import { note } from '../support/corpus.js';
import { CORPUS, digestOf, eachDigestWorld } from './fixtures.js';

const world = eachDigestWorld({
  ...CORPUS,
  'appropriations.md': note(
    'Appropriations',
    'Congress approved $1.6 billion in Mérida funding in 2008.\n\nThe next ' +
      'budget added $400 million in Mérida funding for equipment.',
    '2026-02-01',
  ),
});

describe('corpusFigures', () => {
  it('gives each topic its key figures, verbatim and cited, under the topic’s passages', () => {
    const { reply } = digestOf(world(), { topics: ['Mérida funding'], figures: corpusFigures });
    const block = reply.blocks.find((b) => b.type === 'figures');
    expect(block?.type === 'figures' && block.items.map((i) => i.text)).toEqual(
      expect.arrayContaining(['$1.6 billion']),
    );
    if (block?.type === 'figures')
      for (const item of block.items) expect(item.citation.source).toBe('appropriations.md');
  });

  it('shows a new document’s figures after its opening, under the document’s title', () => {
    const doc = world().dossier.document('appropriations.md')!;
    const { reply } = digestOf(world(), { topics: ['fentanyl'], newDocuments: [doc], figures: corpusFigures });
    const figures = reply.blocks.find((b) => b.type === 'figures' && b.title === `Key figures: ${doc.meta.title}`);
    expect(figures?.type === 'figures' && figures.items.map((f) => f.text)).toEqual(['$1.6 billion', '$400 million']);
  });
});
