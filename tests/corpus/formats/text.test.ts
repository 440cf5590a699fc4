import { describe, expect, it } from 'vitest';
import { decodeText, groupLines, isHeadingLine, parseText } from '../../../src/corpus/formats/text.js';
import { outline } from './fixtures.js';

describe('decodeText', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeText(Buffer.from('\ufeffMérida — “quoted”', 'utf8'))).toBe('Mérida — “quoted”');
  });

  it('refuses bytes with a NUL or many undecodable bytes', () => {
    expect(decodeText(Buffer.from([0x48, 0x69, 0x00, 0x21]))).toBeUndefined();
    expect(decodeText(Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0xff : 0x41))))).toBeUndefined();
  });

  it('keeps a long text with one stray bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('a'.repeat(500)), Buffer.from([0xff]), Buffer.from('b'.repeat(500))]);
    expect(decodeText(bytes)).toBe(`${'a'.repeat(500)}\ufffd${'b'.repeat(500)}`);
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
});
