import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/corpus/formats/markdown.js';
import { BRIEFING_META, outline } from './fixtures.js';

const FIXTURE = new URL('../../fixtures/corpus/formats/briefing.md', import.meta.url);

describe('parseMarkdown', () => {
  it('reads front matter and turns headings, lists and inline markup into blocks of plain text', async () => {
    const { blocks, meta, metaProblems } = parseMarkdown(await readFile(FIXTURE, 'utf8'));
    expect(meta).toEqual(BRIEFING_META);
    expect(metaProblems).toEqual([]);
    expect(outline(blocks)).toEqual([
      '# Harbour Restoration Briefing',
      'The council approved the restoration of the harbour lights in March, after a survey found rust in every lamp.',
      '# Costs',
      'The work cost about 40,000 pounds. The budget had three parts:',
      '- Lamps and wiring from a local firm.',
      '- Labour, mostly volunteers.',
      '- Paint, donated by the yacht club.',
      '# Next steps',
      '- Paint the housings before winter.',
      '- Test the lamps every month.',
      'Volunteers meet on the quay at 9 a.m. on Saturdays.',
    ]);
  });

  it('reads underlined headings, quotes, code and escapes; drops rules, comments and fences', () => {
    const md =
      'Quay Works\n==========\n\n> A quoted *line*\n> that ' +
      'wraps.\n\n---\n\n<!-- a note to self -->\n```\nlet lamps = ' +
      '3;\n```\n\nUse `lamps` \\*not\\* snake_case_names.';
    expect(outline(parseMarkdown(md).blocks)).toEqual([
      '# Quay Works',
      'A quoted line that wraps.',
      'let lamps = 3;',
      'Use lamps *not* snake_case_names.',
    ]);
  });

  it("keeps a footnote's text as a paragraph, without its label or its mark in the text, and drops a link's", () => {
    const md =
      'The quay took 1,240 boats last year,[^1] a record [^note].\n\n[harbour]: https://example.org/harbour\n' +
      '[^1]: Counted by the harbour master.\n[^note]: Yachts and ferries alike.\n';
    expect(outline(parseMarkdown(md).blocks)).toEqual([
      'The quay took 1,240 boats last year, a record.',
      'Counted by the harbour master.',
      'Yachts and ferries alike.',
    ]);
  });

  it('reads a byline and a date in emphasis under the title, with no blank line between, as lines of their own', () => {
    const md = 'Verge mowing\n============\n*By Jane Roe*\n_3 May 2026_\n\nThe verge on Mill Lane is mown in May.\n';
    expect(outline(parseMarkdown(md).blocks)).toEqual([
      '# Verge mowing',
      'By Jane Roe',
      '3 May 2026',
      'The verge on Mill Lane is mown in May.',
    ]);
  });

  it('reads each row of a pipe table as an item, its cells under their columns, not one passage of pipes', () => {
    const md =
      'Ferry hours:\n\n| pier | weekdays | Sundays |\n|:---|---:|---|\n| North Pier | 6am to 10pm | closed |\n' +
      '| Quay \\| Steps | **7am** to 9pm | |\nSea | 1 | 2\n\nFares are on the board.\n\nbay | price\n--- | ---\n' +
      'Long Bay | £3';
    const { blocks } = parseMarkdown(md);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Ferry hours:'],
      ['item', 'pier: North Pier — weekdays: 6am to 10pm; Sundays: closed'],
      ['item', 'pier: Quay | Steps — weekdays: 7am to 9pm'],
      ['item', 'pier: Sea — weekdays: 1; Sundays: 2'],
      ['paragraph', 'Fares are on the board.'],
      ['item', 'bay: Long Bay — price: £3'],
    ]);
    // A line with a pipe over a rule of dashes alone is an underlined heading, as before.
    expect(parseMarkdown('Tides | times\n---\n\nHigh at noon.').blocks[0]).toEqual({
      kind: 'heading',
      text: 'Tides | times',
    });
  });

  it('reports front matter that does not validate or parse by file line and field, and reads the body anyway', () => {
    const bad = parseMarkdown('---\ntitle: [a, list]\ndate: 2021-03-03\n---\n\nBody text.');
    expect(bad.meta).toEqual({ date: '2021-03-03' });
    expect(bad.metaProblems).toEqual(['front matter line 2, title: expected text (left out)']);
    expect(outline(bad.blocks)).toEqual(['Body text.']);
    expect(parseMarkdown('---\nauthor: Ann Lee\ntitle: "unclosed\n---\n\nBody.').metaProblems).toEqual([
      'front matter line 3, title: its value opens a double quote (") and never closes it (left out)',
    ]);
  });

  it('warns about front matter never closed, and reads its fields up to the first blank line', () => {
    const unclosed = parseMarkdown('---\ntitle: Never closed\nauthor: Ann Lee\n\nThe body starts here.');
    expect(unclosed.meta).toEqual({ title: 'Never closed', author: 'Ann Lee' });
    expect(outline(unclosed.blocks)).toEqual(['The body starts here.']);
    expect(unclosed.metaProblems).toEqual([
      'front matter line 1: opened with --- but never closed; lines 2–3 are ' +
        'read as its fields (close them with a --- line)',
    ]);
  });

  it('reads a leading --- followed by prose as a rule, not as front matter', () => {
    const ruled = parseMarkdown('---\nThe lamps were lit at dusk.\n\nAnd put out at dawn.');
    expect(ruled.meta).toEqual({});
    expect(ruled.metaProblems).toEqual([]);
    expect(ruled.blocks.map((b) => b.text)).toEqual(['The lamps were lit at dusk.', 'And put out at dawn.']);
  });
});
