import { errorLine } from '../../errors.js';
import { CorruptFileError, type ParsedDocument } from '../block.js';
import { parseDateValue } from '../dates.js';
import type { DocumentMeta } from '../types.js';
import { groupLines } from './text.js';

type Unpdf = typeof import('unpdf');

/** The part of a PDF.js text item that paragraph finding reads. */
interface PdfTextItem {
  str: string;
  transform: number[];
  height: number;
  /** Its width on the page: a space's, the gap it stands for. */
  width?: number;
  hasEOL: boolean;
}

/** Baselines farther apart than this many line heights start a new paragraph. */
const PARAGRAPH_GAP = 1.5;

/**
 * A gap on a line wider than this many line heights parts two cells of a table, written as a tab (`groupLines` reads
 * the table): a space between words is a third of a line height or so, a justified line's rarely one.
 */
const CELL_GAP = 2;

/** Info titles that name the file the PDF was made from rather than the document. */
const TOOL_TITLE = /^Microsoft (?:Word|PowerPoint) - |\.(?:docx?|pptx?|pdf|indd|odt|rtf|tex|txt)$/i;

let library: Promise<Unpdf> | undefined;

/** unpdf and its PDF.js bundle (a megabyte and a half of code): loaded on the first PDF only. */
function unpdf(): Promise<Unpdf> {
  library ??= (async () => {
    const lib = await import('unpdf');
    // unpdf 1.0.0's default loader imports a `resolvePDFJS` that its own
    // bundle does not export, so the bundle is handed over directly.
    await withoutPdfjsWarnings(() => lib.definePDFJSModule(() => import('unpdf/pdfjs')));
    return lib;
  })();
  return library;
}

/**
 * PDF.js prints "Warning: …" to stdout while its module loads, before a verbosity can be set; that
 * would corrupt the CLI's JSON output, so such lines are dropped while it loads.
 */
/* eslint-disable no-console -- this filters what PDF.js prints; it prints nothing of its own */
async function withoutPdfjsWarnings<T>(load: () => Promise<T>): Promise<T> {
  const print = console.log;
  console.log = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('Warning: '))) print(...args);
  };
  try {
    return await load();
  } finally {
    console.log = print;
  }
}
/* eslint-enable no-console */

/**
 * A PDF's text (unpdf, PDF.js), page by page. Lines come from PDF.js's end-of-line marks and
 * paragraphs from wider gaps between baselines; then it is read like plain text. A PDF that does
 * not parse throws CorruptFileError.
 */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedDocument> {
  const { getDocumentProxy } = await unpdf();
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js may take over the buffer it is given, so it gets a copy. isEvalSupported: false, since
    // PDFs come from links and chat now, and PDF.js would otherwise compile code from a font's data.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    throw new CorruptFileError(`not a readable PDF (${pdfjsReason(error)})`);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(pageText((content.items as object[]).filter((item): item is PdfTextItem => 'str' in item)));
    }
    const { info } = await pdf.getMetadata();
    // A gap read as a tab that parts no table's cells is the space PDF.js gave for it.
    const blocks = groupLines(pages.join('\n\n'), { inferHeadings: true, tables: 'figures' }).map((block) => ({
      ...block,
      text: block.text.replace(/\t/g, ' '),
    }));
    return {
      blocks,
      meta: {},
      fallbackMeta: infoMeta(info as Record<string, unknown>),
      metaProblems: [],
    };
  } catch (error) {
    throw new CorruptFileError(`a PDF whose pages cannot be read (${pdfjsReason(error)})`);
  } finally {
    await pdf.destroy();
  }
}

/** PDF.js's reason, quoted in brackets inside Dossier's line: without the full stop that ends its sentence. */
const pdfjsReason = (error: unknown) => errorLine(error).replace(/\.$/, '');

/** A page's lines, with a blank line where the gap between baselines says a paragraph ends. */
function pageText(items: PdfTextItem[]): string {
  const lines: { text: string; y: number; size: number }[] = [];
  let line: { text: string; y: number; size: number } | undefined;
  for (const item of items) {
    line ??= { text: '', y: item.transform[5] ?? 0, size: item.height || Math.abs(item.transform[3] ?? 0) };
    // PDF.js gives the gap between two runs of text on a line as a space of the gap's width.
    const cellGap = !item.str.trim() && (item.width ?? 0) > CELL_GAP * line.size;
    line.text += cellGap ? '\t' : item.str;
    if (item.hasEOL) {
      lines.push(line);
      line = undefined;
    }
  }
  if (line) lines.push(line);
  return lines
    .map((l, i) => {
      const previous = lines[i - 1];
      if (!previous) return l.text;
      const gap = Math.abs(previous.y - l.y) > PARAGRAPH_GAP * Math.max(previous.size, l.size);
      return `${gap ? '\n\n' : '\n'}${l.text}`;
    })
    .join('');
}

function infoMeta(info: Record<string, unknown>): Partial<DocumentMeta> {
  const field = (name: string): string | undefined =>
    (typeof info[name] === 'string' && info[name].trim()) || undefined;
  const title = field('Title');
  const date = field('CreationDate');
  const keywords = field('Keywords');
  return {
    title: title && !TOOL_TITLE.test(title) ? title : undefined,
    author: field('Author'),
    date: date ? parseDateValue(date) : undefined,
    tags: keywords
      ? keywords
          .split(/[,;]/)
          .map((t) => t.trim())
          .filter(Boolean)
      : undefined,
  };
}
