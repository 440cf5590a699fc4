import type { Block } from '../../../src/corpus/block.js';

/**
 * The metadata the format fixtures in tests/fixtures/corpus/formats state, as each parser reads it and as the
 * loaded document carries it.
 */
export const BRIEFING_META = {
  title: 'Harbour Restoration Briefing',
  author: 'Mara Quill',
  publisher: 'Coastal Council',
  date: '2021-06-04',
  url: 'https://example.org/briefing',
  tags: ['harbour', 'lights'],
};

export const HARBOUR_META = {
  title: 'Harbour Lights Return',
  author: 'Tom Reed',
  publisher: 'The Coastal Gazette',
  date: '2021-06-05',
  url: 'https://example.org/news/harbour-lights',
  tags: ['harbour', 'restoration'],
};

/**
 * Blocks one a line, a heading after `# `, a list item after `- ` and a paragraph as it is: what a parser read,
 * written so that the expectation reads as the document does.
 */
export const outline = (blocks: readonly Block[]): string[] =>
  blocks.map(({ kind, text }) => `${kind === 'heading' ? '# ' : kind === 'item' ? '- ' : ''}${text}`);
