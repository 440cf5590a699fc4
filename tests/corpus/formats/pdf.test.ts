import { describe, expect, it } from 'vitest';
import { CorruptFileError } from '../../../src/corpus/block.js';
import { parsePdf } from '../../../src/corpus/formats/pdf.js';
import { makePdf } from '../make-pdf.js';
import { outline } from './fixtures.js';

describe('parsePdf', () => {
  it('reads the text with its paragraphs (blank lines) and joins wrapped lines', async () => {
    const pdf = makePdf([
      'Quay Report',
      '',
      'The lamps were tested on the first',
      'day of May (all of them).',
      '',
      'The council will pay for paint.',
    ]);
    const { blocks } = await parsePdf(pdf);
    expect(outline(blocks)).toEqual([
      '# Quay Report',
      'The lamps were tested on the first day of May (all of them).',
      'The council will pay for paint.',
    ]);
  });

  it("reads a table's cells set apart on a page as a table, a row an item, when each row holds a number", async () => {
    // A club's budget of our own, its cells 150 pt apart; then two columns of prose side by side, no table.
    const pdf = makePdf([
      'Club budget',
      '',
      ['item', '2025', '2026'],
      ['Pitch hire', '1,200', '1,350'],
      ['Kit', '400', '450'],
      '',
      ['The club met twice', 'and agreed the fees'],
      ['for the new season', 'without a vote'],
      ['in the village hall', 'on a wet evening'],
    ]);
    expect(outline((await parsePdf(pdf)).blocks)).toEqual([
      '# Club budget',
      '- item: Pitch hire — 2025: 1,200; 2026: 1,350',
      '- item: Kit — 2025: 400; 2026: 450',
      'The club met twice and agreed the fees for the new season without a vote in the village hall on a wet ' +
        'evening',
    ]);
  });

  it('offers the info dictionary as fallback metadata, but not a title that is a file name', async () => {
    const info = {
      Title: 'Quay Report',
      Author: 'Jane Roe',
      CreationDate: 'D:20210303120000Z',
      Keywords: 'harbour; lamps',
    };
    expect((await parsePdf(makePdf(['Text.'], info))).fallbackMeta).toEqual({
      title: 'Quay Report',
      author: 'Jane Roe',
      date: '2021-03-03',
      tags: ['harbour', 'lamps'],
    });
    expect(
      (await parsePdf(makePdf(['Text.'], { Title: 'Microsoft Word - quay.docx' }))).fallbackMeta?.title,
    ).toBeUndefined();
  });

  it('does not alter the bytes it is given', async () => {
    const pdf = makePdf(['Text.']);
    const copy = Buffer.from(pdf);
    await parsePdf(pdf);
    expect(pdf.equals(copy)).toBe(true);
  });

  it('throws CorruptFileError for bytes that are no PDF', async () => {
    await expect(parsePdf(Buffer.from('%PDF-1.4\nthis is not really a PDF'))).rejects.toBeInstanceOf(CorruptFileError);
    await expect(parsePdf(makePdf(['Text.']).subarray(0, 200))).rejects.toBeInstanceOf(CorruptFileError);
    // PDF.js's sentence is quoted as the reason, in brackets that end no sentence of their own.
    await expect(parsePdf(Buffer.from('%PDF-1.4 garbage'))).rejects.toThrow(
      /^not a readable PDF \(Invalid PDF structure\)$/,
    );
  });
});
