import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/corpus/block.js';
import { boilerplateKind, clean, dropRepeats } from '../../src/corpus/clean.js';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const h = (text: string): Block => ({ kind: 'heading', text });
const kept = (blocks: Block[]) => clean(blocks).blocks.map((b) => b.text);

describe('boilerplateKind', () => {
  it.each([
    ['Photo: Jane Roe/Harbour Office', 'credit'],
    ['Image: AFP', 'credit'],
    ['Getty Images', 'credit'],
    ['AP Photo/Tom Reed', 'credit'],
    ['Image removed.', 'credit'],
    ['Leave a Reply', 'comments'],
    ['12 comments', 'comments'],
    ['Read more', 'control'],
    ['Load more', 'control'],
    ['Share this article', 'control'],
    ['We use cookies to improve your experience.', 'control'],
    ['This site uses cookies to remember your settings and measure how the site is used.', 'control'],
    ['Was this page helpful? Yes No', 'control'],
    ['Was this helpful?', 'control'],
    ['Copyright 2024 Coastal Media Ltd. All rights reserved.', 'copyright'],
    ['© 2024 The Coastal Gazette', 'copyright'],
    ['The views expressed by contributors are their own and not the view of The Gazette', 'disclaimer'],
    ['Tags Harbour Lamps Volunteers Town Council', 'tags'],
    ['Tags: harbour, lamps', 'tags'],
    ['March 3, 2021 Topic: Harbours Region: Coast Tags: lamps', 'chrome'],
    ['The above article first appeared in The Gazette and is republished here with permission.', 'republication'],
    ['This article was originally published by Coastal Weekly.', 'republication'],
    ['The Harbour Trust restores old lights along the coast with volunteers and donations. Read more', 'teaser'],
  ])('%s → %s', (text, kind) => {
    expect(boilerplateKind(text)).toBe(kind);
  });

  it.each([
    'Reuters reported on Tuesday that the ferry would stop for a month, citing two officials.',
    'The council read more than two hundred letters before it voted.',
    'Comments from residents were mostly warm, and some asked for longer hours.',
    'Photographs taken in 1950 show the lamps in their original green.',
    'Tags on each lamp record when it was last serviced.',
    'All rights to the quay were given to the town in 1890, the deed says.',
    'We use cookies from the orchard to make the fair’s cakes, as every year.',
    'Was this page helpful to the survey? Two in three readers said so.',
    'Was this helpful to the harbour trust? The minutes do not say.',
  ])('keeps article prose: %s', (text) => {
    expect(boilerplateKind(text)).toBeUndefined();
  });
});

describe('clean', () => {
  it('drops a "Recommended" header with the headlines listed under it, up to the next long paragraph', () => {
    const blocks = [
      p('The last paragraph of the article ends here.'),
      h('Recommended'),
      h('Storm Closes the Ferry'),
      p('Why Do Gulls Follow Boats?'),
      p(
        'A long paragraph that follows the list of links is text again and so it ' +
          'is kept as it is, whatever comes before it.',
      ),
    ];
    expect(kept(blocks)).toEqual([
      'The last paragraph of the article ends here.',
      'A long paragraph that follows the list of links is text again and so it ' +
        'is kept as it is, whatever comes before it.',
    ]);
  });

  it('cuts a "Follow … on Twitter" sentence and keeps the rest of the bio', () => {
    const { blocks, notes } = clean([
      p('Jane Roe is a harbour historian at the Coastal Museum. Follow her on Twitter @janeroe.'),
      p('Follow us on Instagram'),
    ]);
    expect(blocks).toEqual([p('Jane Roe is a harbour historian at the Coastal Museum.')]);
    expect(notes.map((n) => n.kind)).toEqual(['social', 'social']);
  });

  it('returns what it removed as notes, for the metadata they state', () => {
    const { notes } = clean([
      p('Image: AFP'),
      p('The ferry runs daily.'),
      p('The views expressed by contributors are their own and not the view of The Gazette'),
    ]);
    expect(notes).toEqual([
      { kind: 'credit', text: 'Image: AFP' },
      { kind: 'disclaimer', text: 'The views expressed by contributors are their own and not the view of The Gazette' },
    ]);
  });
});

describe('dropRepeats', () => {
  it('keeps the first of verbatim repeats, and drops a repeat of the title', () => {
    expect(dropRepeats([h('Harbour News'), p('One.'), p('Two.'), p('One.')], 'Harbour News')).toEqual([
      p('One.'),
      p('Two.'),
    ]);
  });

  it('drops a lede shown alone before the paragraph that starts with it', () => {
    const lede = 'The lamps are back.';
    expect(dropRepeats([p(lede), p(`${lede} They shone on Friday for the first time in two years.`)])).toEqual([
      p(`${lede} They shone on Friday for the first time in two years.`),
    ]);
    expect(dropRepeats([p('The lamp'), p('The lamps are back.')])).toHaveLength(2);
  });

  it('drops a pull quote that repeats whole sentences of a paragraph, before or after it, quote marks aside', () => {
    const said = '"We opened the gates at dawn," said the keeper. "Nobody had seen so many boats in the harbour."';
    const quote = p('"Nobody had seen so many boats in the harbour."');
    expect(dropRepeats([p(said), quote, p('The tide turned at noon.')])).toEqual([
      p(said),
      p('The tide turned at noon.'),
    ]);
    expect(dropRepeats([p('Nobody had seen so many boats in the harbour.'), p(said)])).toEqual([p(said)]);
  });

  it('keeps a block that is no whole sentence of another, or that only a heading holds', () => {
    const said = 'Nobody had seen so many boats in the harbour before the regatta.';
    expect(dropRepeats([p(said), p('Nobody had seen so many boats.')])).toHaveLength(2);
    expect(dropRepeats([p(said), p('so many boats in the harbour before the regatta.')])).toHaveLength(2);
    expect(dropRepeats([p(said), p('Nobody had seen so many boats in the harbour')])).toHaveLength(2);
    expect(dropRepeats([h('The boats came in. Nobody had seen so many.'), p('Nobody had seen so many.')])).toHaveLength(
      2,
    );
  });

  it('keeps repeated section headings', () => {
    expect(dropRepeats([h('Summary'), p('A.'), h('Summary'), p('B.')])).toHaveLength(4);
  });
});
