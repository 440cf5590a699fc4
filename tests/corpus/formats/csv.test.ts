import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/corpus/formats/csv.js';
import { buildDocument } from '../../../src/corpus/document.js';

const texts = (source: string) => parseCsv(source).blocks.map((b) => `${b.kind}: ${b.text}`);

describe('parseCsv', () => {
  it('reads each row as one item, each cell under its column', () => {
    expect(texts('route,sailings,cancelled\r\nNorth Pier,412,9\r\nSouth Quay,388,14\r\n')).toEqual([
      'item: route: North Pier — sailings: 412; cancelled: 9',
      'item: route: South Quay — sailings: 388; cancelled: 14',
    ]);
  });

  it('keeps commas, quotes and line breaks inside a quoted field, and skips blank lines', () => {
    expect(texts('item,note\n"Fares, adult","Up from ""£3"" to\n£3.40"\n\n,\nPass,£40\n')).toEqual([
      'item: item: Fares, adult — note: Up from "£3" to\n£3.40',
      'item: item: Pass — note: £40',
    ]);
  });

  it('reads a first row of amounts as data, and semicolons or tabs where the first line has no comma', () => {
    expect(texts('Harbour dues;£1,200\nPilotage;£800\n')).toEqual([
      'item: Harbour dues — £1,200',
      'item: Pilotage — £800',
    ]);
    expect(texts('month\tsailings\nMarch\t120\n')).toEqual(['item: March — sailings: 120']);
  });

  it('titles the document by its file name, not by its first row', () => {
    const doc = buildDocument('ferry-cancellations_2026.csv', 'h', parseCsv('month,cancelled\nJanuary,31\n'));
    expect(doc.meta.title).toBe('Ferry cancellations 2026');
    expect(doc.passages.map((p) => p.text).join(' ')).toContain('January — cancelled: 31');
  });

  it('gives no block for an empty or blank file', () => {
    expect(parseCsv('').blocks).toEqual([]);
    expect(parseCsv('\n,\n').blocks).toEqual([]);
  });
});
