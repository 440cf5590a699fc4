import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/corpus/block.js';
import { toPassages } from '../../src/corpus/passages.js';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const h = (text: string): Block => ({ kind: 'heading', text });
const li = (text: string): Block => ({ kind: 'item', text });
const shape = (blocks: Block[]) =>
  toPassages('notes/quay.txt', blocks).map(({ id, paragraph, heading, context, text }) => ({
    id,
    paragraph,
    heading,
    context,
    text,
  }));

describe('toPassages', () => {
  it('numbers paragraphs and items 1.. with ids <source>#<paragraph>; headings label them and are not passages', () => {
    expect(shape([p('Intro.'), h('Costs'), p('It cost a lot.'), h('Plans'), p('More work.')])).toEqual([
      { id: 'notes/quay.txt#1', paragraph: 1, heading: undefined, context: undefined, text: 'Intro.' },
      { id: 'notes/quay.txt#2', paragraph: 2, heading: 'Costs', context: undefined, text: 'It cost a lot.' },
      { id: 'notes/quay.txt#3', paragraph: 3, heading: 'Plans', context: undefined, text: 'More work.' },
    ]);
  });

  /** What each case shows, its blocks, and each passage's heading and context. */
  it.each<[string, Block[], [heading: string | undefined, context: string | undefined][]]>([
    [
      "gives each list item its list's lead-in sentence as context, not the whole paragraph",
      [
        p('The work took a year. The budget had two parts:'),
        li('Lamps;'),
        li('Labour.'),
        p('It was finished in May.'),
        li('A stray item.'),
      ],
      [
        [undefined, undefined],
        [undefined, 'The budget had two parts:'],
        [undefined, 'The budget had two parts:'],
        [undefined, undefined],
        [undefined, undefined],
      ],
    ],
    [
      'carries a lead-in over the headed lists it introduces, until the next paragraph',
      [
        p('Highlights include:'),
        h('Part I'),
        li('One.'),
        h('Part II'),
        li('Two.'),
        h('Other Matters'),
        p('Text.'),
        li('Three.'),
      ],
      [
        [undefined, undefined],
        ['Part I', 'Highlights include:'],
        ['Part II', 'Highlights include:'],
        ['Other Matters', undefined],
        ['Other Matters', undefined],
      ],
    ],
    [
      'ends a list at the next heading when its lead-in did not announce headed sections',
      [p('The budget had two parts:'), li('Lamps.'), h('Next Steps'), li('Paint the housings.')],
      [
        [undefined, undefined],
        [undefined, 'The budget had two parts:'],
        ['Next Steps', undefined],
      ],
    ],
    [
      "gives a table's rows its caption as context, as a lead-in, though it ends without a colon",
      [
        { kind: 'paragraph', text: 'Ferry fares from 1 April 2026', introduces: true },
        li('crossing: Mill Quay — adult: £3.20'),
        p('Bicycles travel free.'),
        li('A stray item.'),
      ],
      [
        [undefined, undefined],
        [undefined, 'Ferry fares from 1 April 2026'],
        [undefined, undefined],
        [undefined, undefined],
      ],
    ],
  ])('%s', (_what, blocks, expected) => {
    expect(shape(blocks).map((x) => [x.heading, x.context])).toEqual(expected);
  });

  it('splits every passage into sentences', () => {
    const [passage] = toPassages('a.txt', [p('One here. Two there.')]);
    expect(passage!.sentences).toEqual([
      { text: 'One here.', start: 0 },
      { text: 'Two there.', start: 10 },
    ]);
  });
});
