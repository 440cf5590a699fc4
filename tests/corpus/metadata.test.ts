import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/corpus/block.js';
import { clean } from '../../src/corpus/clean.js';
import {
  bioAuthor,
  bylineOf,
  datelineOf,
  deriveMeta,
  mergeMeta,
  readStatedMeta,
  titleCaseName,
} from '../../src/corpus/metadata.js';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const h = (text: string): Block => ({ kind: 'heading', text });
const derive = (blocks: Block[]) => {
  const cleaned = clean(blocks);
  return deriveMeta(cleaned.blocks, cleaned.notes);
};

describe('names', () => {
  it('title-cases names written in capitals, and only those', () => {
    expect(titleCaseName('JANE ROE')).toBe('Jane Roe');
    expect(titleCaseName("MAEVE O'NEILL-ROE")).toBe("Maeve O'Neill-Roe");
    expect(titleCaseName('JOHN SMITH III')).toBe('John Smith III');
    expect(titleCaseName('Ann McDonald')).toBe('Ann McDonald');
    expect(titleCaseName('J.R. HARTLEY')).toBe('J.R. Hartley');
  });

  it('reads a byline, with or without a role or date after the name', () => {
    expect(bylineOf('By JANE ROE, former harbour master')).toEqual({ author: 'Jane Roe', date: undefined });
    expect(bylineOf('By Tom Reed | March 3, 2021')).toEqual({ author: 'Tom Reed', date: '2021-03-03' });
    expect(bylineOf('By Ann Lee and Bo Park')).toEqual({ author: 'Ann Lee and Bo Park', date: undefined });
    expect(bylineOf('By the end of the year the lamps were lit again.')).toBeUndefined();
    // A page's field line, dated before its byline.
    expect(bylineOf('Posted on 2 November 2026 by Parish Clerk')).toEqual({
      author: 'Parish Clerk',
      date: '2026-11-02',
    });
    expect(bylineOf('Lamps lit by Jane Roe')).toBeUndefined();
    // Dated, the byline may name an office: the line is the page's, no paragraph of its text.
    expect(bylineOf('Published 2 October 2026 by the Press Office')).toEqual({
      author: 'Press Office',
      date: '2026-10-02',
    });
    expect(bylineOf('Updated 3 May 2026 by the end of the day')).toBeUndefined();
    expect(bylineOf('By the Harbour Board')).toBeUndefined();
  });

  it('finds the author a closing bio names', () => {
    expect(bioAuthor('Jane Roe is a retired harbour master and a fellow of the Coastal Museum.')).toBe('Jane Roe');
    expect(bioAuthor('Former Ambassador TOM REED is a diplomat-in-residence at Harbour College.')).toBe('Tom Reed');
    expect(bioAuthor('Port Ellen is a small town with a busy harbour.')).toBeUndefined();
    expect(bioAuthor('The council said the work was done.')).toBeUndefined();
  });
});

describe('dates', () => {
  it('reads a dateline, labelled or not, and nothing that merely starts with a date', () => {
    expect(datelineOf('March 3, 2021')).toBe('2021-03-03');
    expect(datelineOf('Published: 3 March 2021')).toBe('2021-03-03');
    expect(datelineOf('Updated on Wednesday, Mar. 3, 2021 at 10:15 a.m. EST')).toBe('2021-03-03');
    expect(datelineOf('March 3, 2021 was the day the lamps came back on the quay.')).toBeUndefined();
    expect(datelineOf('Dec. 12')).toBeUndefined();
    for (const day of ['Sunday', 'Monday', 'Tuesday', 'Thursday', 'Friday', 'Saturday'])
      expect(datelineOf(`${day}, 7 March 2021`), day).toBe('2021-03-07');
    expect(datelineOf('Someday, 7 March 2021')).toBeUndefined();
    expect(datelineOf('February 30, 2021')).toBeUndefined();
  });
});

describe('deriveMeta', () => {
  it('takes the headline, byline and dateline out of the body', () => {
    const { meta, body } = derive([
      h('Lamps Return to the Quay'),
      p('Photo: Tom Reed'),
      p('By JANE ROE, harbour volunteer'),
      p('March 3, 2021'),
      p('The lamps shone again on Friday.'),
    ]);
    expect(meta).toMatchObject({ title: 'Lamps Return to the Quay', author: 'Jane Roe', date: '2021-03-03' });
    expect(body).toEqual([p('The lamps shone again on Friday.')]);
  });

  it('leaves a first heading other than the title the format states as a section heading', () => {
    const blocks = [h('Background'), p('The quay was built in 1890.')];
    const derived = deriveMeta(blocks, [], 'Quay History');
    expect(derived.meta.title).toBeUndefined();
    expect(derived.body).toEqual(blocks);
    expect(deriveMeta([h('Quay History'), ...blocks], [], 'Quay History').body).toEqual(blocks);
  });

  it('dates a page by its field line, not by dates in its prose', () => {
    const { meta } = derive([
      h('Lamps Return'),
      p('March 3, 2021 Topic: Harbours Region: Coast'),
      p('The survey of June 4, 2019 found rust in every lamp.'),
    ]);
    expect(meta.date).toBe('2021-03-03');
    expect(
      derive([h('Lamps Return'), p('The survey of June 4, 2019 found rust in every lamp.')]).meta.date,
    ).toBeUndefined();
  });

  it('dates a document by a heading under its title that gives a whole date, as minutes head their record', () => {
    const minutes = [h('ELMSTEAD ROWING CLUB'), h('Minutes of the meeting held on 5 May 2026 at the boathouse')];
    const derived = derive([...minutes, p('The roof is to be mended in June.')]);
    expect(derived.meta).toMatchObject({ title: 'ELMSTEAD ROWING CLUB', date: '2026-05-05' });
    // It stays the heading of the paragraphs under it.
    expect(derived.body.map((b) => b.kind)).toEqual(['heading', 'paragraph']);
    // A later heading's date, or one in a paragraph, dates what it reports on, not the document.
    const later = [h('Boathouse'), p('The roof leaks.'), h('The storm of 3 March 2021'), p('It blew the doors in.')];
    expect(derive(later).meta.date).toBeUndefined();
    expect(derive([h('Boathouse'), p('The storm of 3 March 2021 blew the doors in.')]).meta.date).toBeUndefined();
    // A month alone is no whole date.
    expect(derive([h('Boathouse'), h('Repairs in June 2026'), p('The roof leaks.')]).meta.date).toBeUndefined();
  });

  it('reads an office named on a line of its own over the date under the title as its author, no passage', () => {
    const { meta, body } = derive([
      h('Mooring fees for 2027'),
      h('Elmstead Harbour Office, Moorings'),
      p('Published 4 May 2026'),
      p('Fees rise by 3 per cent.'),
    ]);
    expect(meta).toMatchObject({ author: 'Elmstead Harbour Office, Moorings', date: '2026-05-04' });
    expect(body).toEqual([p('Fees rise by 3 per cent.')]);
    // A heading over a paragraph is the paragraph's heading still, and so is one over a date that names no office.
    expect(derive([h('Mooring fees'), h('Harbour Office'), p('Fees rise.')]).body[0]).toEqual(h('Harbour Office'));
    expect(derive([h('Mooring fees'), h('Fees rise in 2027'), p('4 May 2026'), p('By 3%.')]).meta.author).toBe(
      undefined,
    );
  });

  it('dates a page by a dateline closing it, and keeps that line out of the body', () => {
    const closing = [h('Lamps Return'), p('The lamps shone again on Friday.'), p('Last updated: 3 November 2026')];
    expect(derive(closing)).toMatchObject({
      meta: { date: '2026-11-03' },
      body: [p('The lamps shone again on Friday.')],
    });
    // A dateline opening the page dates it first.
    expect(derive([closing[0]!, p('March 3, 2021'), ...closing.slice(1)]).meta.date).toBe('2021-03-03');
  });

  it('names the publisher from a republication note, a disclaimer, or the site name closing the page', () => {
    expect(
      derive([
        p('Text.'),
        p(
          'The above article first appeared in The Gazette and is being republished in Coastal Weekly with permission.',
        ),
      ]).meta.publisher,
    ).toBe('Coastal Weekly');
    expect(derive([p('Text.'), p('This article first appeared in The Gazette.')]).meta.publisher).toBe('The Gazette');
    expect(
      derive([p('The views expressed by contributors are their own and not the view of Harbour Voice'), p('Text.')])
        .meta.publisher,
    ).toBe('Harbour Voice');
    const closing = derive([
      p('Text.'),
      h('Harbour Trust'),
      p('The Harbour Trust restores old lights along the coast. Read more'),
      h('Harbour Trust'),
    ]);
    expect(closing.meta.publisher).toBe('Harbour Trust');
    expect(closing.body).toEqual([p('Text.')]);
  });

  it('keeps a short closing line that is no site name as a paragraph', () => {
    expect(derive([p('Text.'), h('See you on the quay')]).body).toEqual([p('Text.'), p('See you on the quay')]);
  });

  it('takes the author from a closing bio when there is no byline, and keeps the bio as body', () => {
    const bio = p('Jane Roe is a retired harbour master and a fellow of the Coastal Museum.');
    const { meta, body } = derive([h('Lamps Return'), p('Text.'), bio]);
    expect(meta.author).toBe('Jane Roe');
    expect(body).toContainEqual(bio);
  });
});

describe('stated metadata', () => {
  it('validates front matter or sidecar fields, allowing other keys', () => {
    const yaml = 'title: Lamps\nauthor: [Ann Lee, Bo Park]\ndate: March 3, 2021\ntags: harbour, lamps\nlayout: post';
    expect(readStatedMeta(yaml, 'front matter')).toEqual({
      meta: { title: 'Lamps', author: 'Ann Lee, Bo Park', date: '2021-03-03', tags: ['harbour', 'lamps'] },
      problems: [],
    });
    expect(readStatedMeta('', 'front matter')).toEqual({ meta: {}, problems: [] });
    expect(readStatedMeta('title:\ndate:', 'front matter')).toEqual({ meta: {}, problems: [] });
  });

  it('keeps the valid fields when one does not validate, naming its line and field', () => {
    expect(readStatedMeta('title: Quay Lamps\ndate: someday\nurl: not a link', 'x.meta.yaml')).toEqual({
      meta: { title: 'Quay Lamps' },
      problems: [
        'x.meta.yaml line 2, date: "someday" is not a date (left out)',
        'x.meta.yaml line 3, url: expected a link such as https://… (left out)',
      ],
    });
  });

  it('keeps the valid fields around a syntax error and names the line of the broken field, in the file', () => {
    // The parser notices the unclosed list on the next line; the report points at the field that opened it.
    const { meta, problems } = readStatedMeta(
      'title: Quay Lamps\nauthor: [Ann Lee\ndate: 2021-03-03',
      'front matter',
      2,
    );
    expect(meta).toEqual({ title: 'Quay Lamps', date: '2021-03-03' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^front matter line 3, author: [^\n]*\] \(left out\)$/);

    const quote = readStatedMeta(
      'title: "A title whose closing quote went missing\nauthor: Ann Lee',
      'front matter',
      2,
    );
    expect(quote.meta).toEqual({ author: 'Ann Lee' });
    expect(quote.problems).toEqual([
      'front matter line 2, title: its value opens a double quote (") and never closes it (left out)',
    ]);
  });

  it('says what is wrong in a writer’s words, not the YAML parser’s, in the order of the file’s lines', () => {
    const { problems } = readStatedMeta(
      [
        'title: "Harbour report',
        'author: Ann Lee',
        'date: 2025-13-40',
        'tags: [harbour, ships',
        'publisher: @Portside',
        "url: 'https://example.org",
      ].join('\n'),
      'front matter',
      2,
    );
    expect(problems).toEqual([
      'front matter line 2, title: its value opens a double quote (") and never closes it (left out)',
      'front matter line 4, date: "2025-13-40" is not a date (left out)',
      'front matter line 5, tags: its list opens with [ and never closes with ] (left out)',
      'front matter line 6, publisher: a value cannot start with @; put the value in quotes (left out)',
      "front matter line 7, url: its value opens a single quote (') and never closes it (left out)",
    ]);
    expect(readStatedMeta('title: "a\\qb"\n\tauthor: x', 'front matter', 2).problems).toEqual([
      'front matter line 2, title: a backslash in double quotes starts no escape YAML knows; use single quotes, or ' +
        'write \\\\ (left out)',
    ]);
    for (const problem of readStatedMeta('title: {Harbour\nauthor: Ann\n  - Lee', 'front matter', 2).problems)
      expect(problem).not.toMatch(/Flow|mapping|Implicit|block|scalar/i);
  });

  it('says to quote a value holding a colon and a space, which YAML reads as a field of its own', () => {
    const { meta, problems } = readStatedMeta(
      'title: Electric buses: first year\nauthor: Ann Lee\npublisher: Town Hall: "press" office',
      'front matter',
      2,
    );
    expect(meta).toEqual({ author: 'Ann Lee' });
    expect(problems).toEqual([
      'front matter line 2, title: a colon and a space inside a value start another field; put the value in quotes: ' +
        'title: "Electric buses: first year" (left out)',
      'front matter line 4, publisher: a colon and a space inside a value start another field; put the value in ' +
        'quotes: publisher: "Town Hall: \\"press\\" office" (left out)',
    ]);
  });

  it('says so in one line when the YAML is not a set of fields, and when a field is given twice', () => {
    expect(readStatedMeta('- a\n- list', 'front matter', 2)).toEqual({
      meta: {},
      problems: ['front matter line 2: expected fields such as `title: …`, not a list (ignored)'],
    });
    expect(readStatedMeta('title: First\ntitle: Second', 'front matter', 2)).toEqual({
      meta: { title: 'Second' },
      problems: ['front matter line 3, title: given again after line 2; this one is used'],
    });
  });

  it('merges layers field by field, later over earlier', () => {
    expect(mergeMeta({ title: 'A', author: 'X' }, { title: 'B', author: undefined }, { date: '2021-01-01' })).toEqual({
      title: 'B',
      author: 'X',
      date: '2021-01-01',
    });
  });
});
