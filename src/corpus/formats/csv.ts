import { headerless, tableRow, type Block, type ParsedDocument } from '../block.js';

/**
 * A spreadsheet saved as comma-separated values (RFC 4180: a field in double quotes may hold commas, line breaks and
 * `""` for a quote). Each row becomes one item in the table writer's words (`tableRow`), each cell under its column's
 * header, as a Markdown, HTML or plain-text table's rows do, so a row can be quoted and cited as the answer. The first
 * row is the header unless it reads as data (`headerless`). A tab or a semicolon separates the fields instead when the
 * first line holds one, as spreadsheets write them where a comma marks decimals or thousands ("£1,200"). The rows name
 * no title, so the document is titled by its file's name (`namedByFile`), not by its first row's words.
 */
export function parseCsv(source: string): ParsedDocument {
  // A byte-order mark is already gone: `decodeText` drops it.
  const rows = records(source, separator(source)).filter((row) => row.some(Boolean));
  const [header = [], ...data] = rows[0] && headerless(rows[0]) ? [[], ...rows] : rows;
  const blocks: Block[] = data.map((row) => ({ kind: 'item', text: tableRow(header, row) }));
  return { blocks, meta: {}, metaProblems: [], namedByFile: true };
}

/** The field separator: a tab or a semicolon if the first line holds one outside quotes, else a comma. */
function separator(source: string): string {
  const line = source.split(/\r?\n/, 1)[0]!.replace(/"[^"]*"/g, '');
  return line.includes('\t') ? '\t' : line.includes(';') ? ';' : ',';
}

/** The rows' fields, trimmed, read in one pass so that a quoted field may span lines. */
function records(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && !field.trim()) {
      field = '';
      quoted = true;
    } else if (c === sep) {
      row.push(field.trim());
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field.trim()]);
  return rows;
}
