/**
 * A minimal valid one-page PDF whose text is `lines` in Helvetica 12 pt on 14 pt leading; an empty
 * line leaves a blank line, as between paragraphs, and a line given as cells sets each 150 pt right of the one before,
 * as a table's columns. `info` fills the document information dictionary.
 */
export function makePdf(lines: (string | string[])[], info: Record<string, string> = {}): Buffer {
  const literal = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const show = (line: string | string[]) =>
    typeof line === 'string'
      ? `${literal(line)} '`
      : [`${literal(line[0]!)} '`, ...line.slice(1).map((cell) => `150 0 Td ${literal(cell)} Tj`)]
          .concat(`${-150 * (line.length - 1)} 0 Td`)
          .join('\n');
  const content = ['BT', '/F1 12 Tf', '14 TL', '72 720 Td', ...lines.map(show), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< ${Object.entries(info)
      .map(([key, value]) => `/${key} ${literal(value)}`)
      .join(' ')} >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f ` +
    `\n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf +=
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ` +
    `${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
