import { describe, expect, it } from 'vitest';
import { TEXT_DEFAULTS, decodeText, groupLines, isHeadingLine, parseText } from '../../../src/corpus/formats/text.js';
import { buildDocument } from '../../../src/corpus/document.js';
import { outline } from './fixtures.js';

describe('decodeText', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeText(Buffer.from('\ufeffMérida — “quoted”', 'utf8'))).toBe('Mérida — “quoted”');
  });

  it('refuses bytes with a NUL, many undecodable bytes or many control characters', () => {
    expect(decodeText(Buffer.from([0x48, 0x69, 0x00, 0x21]))).toBeUndefined();
    const utf8 = Buffer.from('é'.repeat(100));
    expect(decodeText(Buffer.concat([utf8, Buffer.from(Array.from({ length: 100 }, () => 0xff))]))).toBeUndefined();
    expect(decodeText(Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x81 : 0x41))))).toBeUndefined();
  });

  it('keeps a long UTF-8 text with one stray bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('é'.repeat(500)), Buffer.from([0xff]), Buffer.from('b'.repeat(500))]);
    expect(decodeText(bytes)).toBe(`${'é'.repeat(500)}\ufffd${'b'.repeat(500)}`);
  });

  it('reads UTF-16 with its byte-order mark, as Notepad saves "Unicode", and refuses it when it is no text', () => {
    const text = 'Tree planting week\r\n\r\nVolunteers plant 120 trees – “by the bypass”.\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(le)).toBe(text);
    expect(decodeText(Buffer.from([0xfe, 0xff, ...Buffer.from(le.subarray(2)).swap16()]))).toBe(text);
    // Control characters, U+0001 to U+0003, behind a mark: bytes of something else.
    expect(
      decodeText(Buffer.from([0xff, 0xfe, ...Array.from({ length: 40 }, (_, i) => (i % 2 ? 0 : 1 + (i % 3)))])),
    ).toBeUndefined();
  });

  it('reads bytes that are not UTF-8 and hold no UTF-8 character beyond ASCII as Windows-1252 (Latin-1)', () => {
    // "Café licence: £250 a year – “agreed”" as an older editor saves it, one byte a character.
    const bytes = Buffer.from([
      ...Buffer.from('Caf'),
      0xe9,
      ...Buffer.from(' licence: '),
      0xa3,
      ...Buffer.from('250 a year '),
      0x96,
      0x20,
      0x93,
      ...Buffer.from('agreed'),
      0x94,
    ]);
    expect(decodeText(bytes)).toBe('Café licence: £250 a year – “agreed”');
  });
});

describe('groupLines', () => {
  it('joins the hard-wrapped lines of a paragraph with one space and keeps the text otherwise verbatim', () => {
    expect(outline(groupLines('  The lamps  were lit\non Friday,\u00a0at dusk.  \n\n\nNext one.\r\n'))).toEqual([
      'The lamps  were lit on Friday,\u00a0at dusk.',
      'Next one.',
    ]);
  });

  it('makes each bulleted or numbered line an item without its marker; unmarked lines continue the item', () => {
    const text =
      'The plan:\n• Paint the\n  housings.\n- Test lamps.\n* Clean lenses.\n  1. First step;\n2) Second step.';
    expect(outline(groupLines(text))).toEqual([
      'The plan:',
      '- Paint the housings.',
      '- Test lamps.',
      '- Clean lenses.',
      '- First step;',
      '- Second step.',
    ]);
  });

  it('takes a lone short unpunctuated line for a heading when asked to', () => {
    const blocks = parseText('Costs and Timing\n\nIt cost a lot.\n\nA short line\nthat wraps\n\nIs it done?').blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
  });
});

describe('numbered sections', () => {
  it('reads a numbered line standing alone between blank lines as a heading, as minutes number their sections', () => {
    const text = [
      'Minutes of the orchard club',
      '1. PRUNING DAYS',
      'We agreed to prune in February.',
      '2) New ladders',
      'The treasurer will buy two.',
    ].join('\n\n');
    expect(outline(parseText(text).blocks)).toEqual([
      '# Minutes of the orchard club',
      '# PRUNING DAYS',
      'We agreed to prune in February.',
      '# New ladders',
      'The treasurer will buy two.',
    ]);
    // A list spaced out by blank lines (its last item too, before a paragraph) and a numbered sentence stay items.
    const list = 'Bring these:\n\n1. Gloves\n\n2. Secateurs\n\nThat is all.\n\n3. We meet at noon.\n\nSee you there.';
    expect(parseText(list).blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'item',
      'item',
      'paragraph',
      'item',
      'paragraph',
    ]);
  });
});

describe('isHeadingLine', () => {
  it.each([
    ['Pillar IV: Building Resilient Communities', true],
    ['The “Quay” Years', true],
    ['It was done.', false],
    ['The eight parts are:', false],
    ['Was it done?', false],
    ['lower-case start', false],
    [`${'Word '.repeat(21)}End`, false],
  ])('%s → %s', (line, expected) => {
    expect(isHeadingLine(line)).toBe(expected);
  });
});

describe('parseText', () => {
  it('reads lines of columns aligned by spaces or apart by tabs as a table, a row an item, its caption above', () => {
    // A county's bus journeys as a text export sets them (numbers set right), and a club's budget typed with tabs.
    const journeys = [
      'Bus journeys by year (millions):',
      'year       journeys   change',
      '2022           38.1     +4%',
      '2023           41.2     +8%',
    ].join('\n');
    const budget = 'item\t2025\t2026\nPitch hire\t£1,200\t£1,350\nKit\t£400\t£450';
    const { blocks } = parseText(`Transport and sport\n\n${journeys}\n\n${budget}\n`);
    expect(blocks.slice(1)).toEqual([
      { kind: 'paragraph', text: 'Bus journeys by year (millions):', introduces: true },
      { kind: 'item', text: '2022 — journeys: 38.1; change: +4%' },
      { kind: 'item', text: '2023 — journeys: 41.2; change: +8%' },
      { kind: 'item', text: 'item: Pitch hire — 2025: £1,200; 2026: £1,350' },
      { kind: 'item', text: 'item: Kit — 2025: £400; 2026: £450' },
    ]);
  });

  it('reads a table whose first line is a row of amounts as rows alone, with no header', () => {
    // A landlord's letter of our own: each line a charge and its amount; a year's columns still head their table.
    const charges = [
      'Rent              £98.10 a week',
      'Water rates       £4.20 a week',
      'Total to pay      £102.30 a week',
    ];
    const { blocks } = parseText(`Your charges\n\nYour charges are below.\n\n${charges.join('\n')}\n`);
    expect(blocks.slice(-3)).toEqual([
      { kind: 'item', text: 'Rent — £98.10 a week' },
      { kind: 'item', text: 'Water rates — £4.20 a week' },
      { kind: 'item', text: 'Total to pay — £102.30 a week' },
    ]);
    const years = parseText('Spending\n\nitem      2025     2026\nKit       £400     £450\nHire      £90      £95\n');
    expect(years.blocks.at(-1)).toEqual({ kind: 'item', text: 'item: Hire — 2025: £90; 2026: £95' });
  });

  it('reads a table typed with spaces whose row has a cell a space out of line, its gap one space, as a table', () => {
    // A swimming pool's visits of our own: February's lessons and March's swims typed a space to the left.
    const visits = [
      'month     swims  lessons',
      'January   1,204  88',
      'February  1,310 91',
      'March    1,402   97',
      'April     1,388  95',
    ];
    expect(outline(parseText(`Pool visits\n\n${visits.join('\n')}\n`).blocks)).toEqual([
      '# Pool visits',
      '- January — swims: 1,204; lessons: 88',
      '- February — swims: 1,310; lessons: 91',
      '- March — swims: 1,402; lessons: 97',
      '- April — swims: 1,388; lessons: 95',
    ]);
  });

  it('reads a heading-shaped line right above a table as its caption, the paragraphs after in their section', () => {
    const rents = ['Flat size    Weekly rent', 'One bedroom  £96.40', 'Two bedrooms  £108.75'];
    const table = ['Table 2: Rents by size, 2025', ...rents].join('\n');
    const text = `Rents\n\nRents rose this year.\n\n${table}\n\nThey rise again in April.`;
    expect(outline(parseText(text).blocks)).toEqual([
      '# Rents',
      'Rents rose this year.',
      'Table 2: Rents by size, 2025',
      '- Flat size: One bedroom — Weekly rent: £96.40',
      '- Flat size: Two bedrooms — Weekly rent: £108.75',
      'They rise again in April.',
    ]);
  });

  it('reads a table drawn with pipes and rules as rows, its header the rows above the first rule between rows', () => {
    // A rowing club's prices of our own, boxed with no header, and its spending boxed with one and a total row, then a
    // Markdown table typed into the text file.
    const prices = [
      '+----------------+-----------+',
      '| Joining fee    | £40       |',
      '| Yearly fee     | £180      |',
      '+----------------+-----------+',
    ];
    const spending = [
      'Spending, 2025:',
      '+-----------+---------+',
      '| item      | cost    |',
      '+===========+=========+',
      '| Oars      | £1,200  |',
      '| Trailer   | £3,400  |',
      '+-----------+---------+',
      '| Total     | £4,600  |',
      '+-----------+---------+',
    ];
    const crews = ['| crew | rowers |', '|:-----|-------:|', '| Junior | 8 |', '| Masters | 4 |'];
    const text = ['Club prices', prices.join('\n'), spending.join('\n'), crews.join('\n'), 'Fees rise in May.'];
    expect(outline(parseText(text.join('\n\n')).blocks)).toEqual([
      '# Club prices',
      '- Joining fee — £40',
      '- Yearly fee — £180',
      'Spending, 2025:',
      '- item: Oars — cost: £1,200',
      '- item: Trailer — cost: £3,400',
      '- item: Total — cost: £4,600',
      '- crew: Junior — rowers: 8',
      '- crew: Masters — rowers: 4',
      'Fees rise in May.',
    ]);
  });

  it('leaves lines holding pipes but no rule, or rows of unequal cells, as paragraphs', () => {
    const piped = '| Oars | £1,200 |\n| Trailer | £3,400 |';
    const ragged = '+------+\n| Oars | £1,200 |\n| Trailer |\n+------+';
    expect(outline(parseText(`Kit\n\n${piped}\n\n${ragged}\n`).blocks)).toEqual([
      '# Kit',
      piped.replace(/\n/g, ' '),
      ragged.replace(/\n/g, ' '),
    ]);
  });

  it('leaves prose set with two spaces after a sentence, or lines that do not line up, as paragraphs', () => {
    const prose =
      'The pitch was reseeded.  Games resumed in May.\nThe club met twice.  Both meetings were short.\n' +
      'Fees rose.  Members agreed.';
    const ragged = 'Kit and balls  £400\nPitch hire for the season  £1,200\nFirst aid  £90';
    expect(outline(parseText(`${prose}\n\n${ragged}\n`).blocks)).toEqual([
      prose.replace(/\n/g, ' '),
      ragged.replace(/\n/g, ' '),
    ]);
  });

  it('reads a title, byline and date on lines of their own with no blank line between as their own', () => {
    // A notice of our own, typed as press notices are; its body may follow the date at once or after a blank line.
    const head = 'Footbridge closure on the towpath\r\nBy MARTA OKONJO, Rivers Desk\r\n14 March 2026';
    const body = 'The footbridge at Lock Seven will close\r\nfor six weeks.\r\n\r\nWalkers use Mill Lane.';
    for (const text of [`${head}\r\n\r\n${body}`, `${head}\r\n${body}`]) {
      const parsed = parseText(text);
      expect(outline(parsed.blocks)).toEqual([
        '# Footbridge closure on the towpath',
        'By MARTA OKONJO, Rivers Desk',
        '14 March 2026',
        'The footbridge at Lock Seven will close for six weeks.',
        'Walkers use Mill Lane.',
      ]);
      const { meta, passages } = buildDocument('notice.txt', 'h', parsed);
      expect(meta).toMatchObject({
        title: 'Footbridge closure on the towpath',
        author: 'Marta Okonjo',
        date: '2026-03-14',
      });
      expect(passages.map((p) => p.paragraph)).toEqual([1, 2]);
    }
    // A date under two lines of a paragraph, or under a line longer than a title, stays in its paragraph.
    const wrapped =
      'The trust counted walkers on the towpath\nevery day of the winter, and its last count was on\n1 March 2026';
    const long = `${'The trust counted walkers on the towpath every day of the winter, '.repeat(2)}\n1 March 2026`;
    for (const prose of [wrapped, long])
      expect(outline(parseText(`${prose}\n\nMore.`).blocks)[0]).toBe(prose.replace(/ ?\n/g, ' '));
  });

  it('reads a title wrapped over two lines above a byline as the title, never the first sentence of the body', () => {
    // A notice of our own whose title did not fit on one line.
    const text =
      'Footbridge closure on the towpath and the\nnew diversion route\nBy MARTA OKONJO, Rivers Desk\n' +
      '14 March 2026\n\nThe footbridge at Lock Seven will close for six weeks.';
    const parsed = parseText(text);
    expect(outline(parsed.blocks)).toEqual([
      '# Footbridge closure on the towpath and the new diversion route',
      'By MARTA OKONJO, Rivers Desk',
      '14 March 2026',
      'The footbridge at Lock Seven will close for six weeks.',
    ]);
    expect(buildDocument('notice.txt', 'h', parsed).meta).toMatchObject({
      title: 'Footbridge closure on the towpath and the new diversion route',
      author: 'Marta Okonjo',
      date: '2026-03-14',
    });
    // Two short lines that end a sentence, or run on into a lowercase "by", are the body; so are three lines.
    for (const body of [
      'The footbridge at Lock Seven will close\nfor six weeks from Monday.\nBy Marta Okonjo',
      'Photographs of the towpath were taken\nfor the parish newsletter\nby Jane Roe',
      'Footbridge closure on the towpath\nand the new diversion route\nfor walkers\nBy Marta Okonjo',
    ])
      expect(outline(parseText(`${body}\n\nMore.`).blocks)[0]).toBe(body.replace(/\n/g, ' '));
  });

  const abstract =
    'Municipal composting was piloted in three districts. Food waste collected rose by a third. Costs fell.';

  it('takes a one-sentence first line before a longer paragraph for the title, full stop and all', () => {
    const [title, body] = parseText(
      `Composting pilots in three districts reduce landfill use.\n\n${abstract}\n`,
    ).blocks;
    expect(title).toEqual({ kind: 'heading', text: 'Composting pilots in three districts reduce landfill use.' });
    expect(body).toEqual({ kind: 'paragraph', text: abstract });
  });

  it('keeps a first paragraph of two sentences, or one wrapped over lines, as a paragraph', () => {
    expect(parseText(`The pilot ran for a year. It worked.\n\n${abstract}`).blocks[0]!.kind).toBe('paragraph');
    expect(parseText(`The pilot ran for a year\nin three districts.\n\n${abstract}`).blocks[0]!.kind).toBe('paragraph');
  });

  it('takes two or three short lines in capitals opening the document for its title, not a paragraph', () => {
    // A rowing club's minutes of our own: the club and its committee typed over two lines.
    const minutes = 'ELMSTEAD ROWING CLUB\nBOATHOUSE COMMITTEE\n\nMinutes of the meeting of 3 May.\n\nThe roof leaks.';
    expect(parseText(minutes).blocks[0]).toEqual({
      kind: 'heading',
      text: 'ELMSTEAD ROWING CLUB BOATHOUSE COMMITTEE',
    });
    // A line in small letters under it, or a sentence, leaves the block a paragraph.
    const mixed = 'ELMSTEAD ROWING CLUB\nMinutes of the boathouse committee\n\nThe roof leaks. It will be mended.';
    expect(parseText(mixed).blocks[0]!.kind).toBe('paragraph');
  });

  it('takes at most TEXT_DEFAULTS.titleMaxLines such lines for the title', () => {
    const lines = 'ELMSTEAD ROWING CLUB\nBOATHOUSE COMMITTEE\nSPRING MEETING\nMAIN HALL\n';
    const minutes = `${lines}\nMinutes of the meeting of 3 May.\n\nThe roof leaks.`;
    expect(TEXT_DEFAULTS.titleMaxLines).toBe(3);
    expect(parseText(minutes).blocks[0]!.kind).toBe('paragraph');
    const before = TEXT_DEFAULTS.titleMaxLines;
    TEXT_DEFAULTS.titleMaxLines = 4;
    try {
      expect(parseText(minutes).blocks[0]!.kind).toBe('heading');
    } finally {
      TEXT_DEFAULTS.titleMaxLines = before;
    }
  });

  it('reads a text of many lines and no blank line at once, where a pattern over its lines backtracked forever', () => {
    // Forty lines of a notice of our own with no blank line: no email header, and no line pattern tried every way.
    const lines = Array.from({ length: 40 }, (_, i) => `Pier lamp ${i} relit by the harbour crew`).join('\n');
    const parsed = parseText(lines);
    expect(parsed.meta.title).toBeUndefined();
    expect(parsed.blocks.map((b) => b.text).join(' ')).toContain('Pier lamp 39 relit');
  });

  it('reads an email saved as text by its header: the subject its title, the sender its author, its date', () => {
    // A rowing club's email of our own, as a mail program saves it.
    const email = [
      'From: "Jo Marsh" <secretary@elmsteadrowing.org>',
      'To: Boathouse committee',
      'Date: Tue, 5 May 2026 18:02',
      'Subject: Re: Roof repair quote',
      '',
      'Hi all,',
      '',
      'The roofer quoted £2,400 to mend the boathouse roof, and can start in June.',
      '',
    ].join('\n');
    const { blocks, meta } = parseText(email);
    expect(meta).toEqual({ title: 'Re: Roof repair quote', author: 'Jo Marsh', date: '2026-05-05' });
    // The greeting is no title: a line ending in a comma never is.
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Hi all,' },
      { kind: 'paragraph', text: 'The roofer quoted £2,400 to mend the boathouse roof, and can start in June.' },
    ]);
    // A sender given by address alone names nobody; a first paragraph with a line of no field is no header.
    expect(
      parseText(email.replace('"Jo Marsh" <secretary@elmsteadrowing.org>', 'sec@elmstead.org')).meta.author,
    ).toBeUndefined();
    const note = 'Subject: Roof repair quote\nThe roofer came on Tuesday.\n\nThe roof leaks.';
    expect(parseText(note).meta).toEqual({});
  });

  it("leaves an email's signature, the few lines under its '-- ' line, out of the body", () => {
    // A rowing club's email of our own, signed as mail programs sign: the name and the club no paragraph of it.
    const email = (signature: string[]) =>
      [
        'From: Jo Marsh <secretary@elmsteadrowing.org>',
        'Date: Tue, 5 May 2026 18:02',
        'Subject: Roof repair quote',
        '',
        'The roofer quoted £2,400 to mend the boathouse roof.',
        '',
        ...signature,
      ].join('\r\n');
    const body = (signature: string[]) => parseText(email(signature)).blocks.map((b) => b.text);
    const quote = 'The roofer quoted £2,400 to mend the boathouse roof.';
    expect(body(['-- ', 'Jo Marsh', 'Secretary, Elmstead Rowing Club'])).toEqual([quote]);
    expect(body(['--', 'Jo Marsh'])).toEqual([quote]);
    // Under a separator, more lines than a signature has are the body's own, as is a dash typed in a paragraph.
    const long = [
      '--',
      'The crane arrives at eight.',
      '',
      'The yard opens at nine.',
      'Then the roof.',
      'Then',
      'lunch.',
    ];
    expect(body(long).at(-1)).toBe('The yard opens at nine. Then the roof. Then lunch.');
    expect(body(['Costs -- and the date -- are agreed.'])).toEqual([quote, 'Costs -- and the date -- are agreed.']);
  });
});
