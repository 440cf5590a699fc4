import { createRequire } from 'node:module';
import type { Readability } from '@mozilla/readability';
import type { parseHTML as ParseHTML } from 'linkedom';
import { tableRow, type Block, type ParsedDocument } from '../block.js';
import { parseDateValue, YEAR_DIGITS, YEAR_SPAN } from '../dates.js';
import { titleCaseName } from '../metadata.js';
import { escapeRegExp } from '../text.js';
import type { DocumentMeta } from '../types.js';

// linkedom and Readability take a while to load; a corpus without HTML never needs them.
const require = createRequire(import.meta.url);
const dom = () => require('linkedom') as { parseHTML: typeof ParseHTML };
const readability = () => require('@mozilla/readability') as { Readability: typeof Readability };

/** The little of the DOM that the block walk reads (the project builds without the DOM lib). */
interface HtmlNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<HtmlNode>;
  /** An element's; a text node has none. */
  getAttribute?(name: string): string | null;
}

interface HtmlElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
}

interface HtmlDocument {
  title: string;
  body: HtmlNode;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const HEADING = /^H[1-6]$/;
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
/** Never text of the article: code, controls and navigation. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'BUTTON',
  'SELECT',
  'FORM',
  'NAV',
  'ASIDE',
]);

/**
 * An HTML page: its main content as Readability (over linkedom) finds it, without navigation,
 * sidebars and footers, split into blocks at block elements. White space is collapsed as a browser
 * shows it. Metadata comes from the page's meta tags.
 */
export function parseHtml(html: string): ParsedDocument {
  const document = dom().parseHTML(withDocumentTags(html)).document as unknown as HtmlDocument;
  // Readability rewrites the document it reads, so the head, and the headings that say the page's own title, first.
  const meta = headMeta(document);
  const witnesses = titleWitnesses(document);
  if (meta.title) meta.title = ownTitle(meta.title, witnesses);
  const titled = titledPublisher(document, witnesses);
  removeAds(document);
  const article = readArticle(document);
  meta.title ??= article?.title?.trim() || undefined;
  if (article?.byline && meta.author === undefined)
    meta.author = titleCaseName(article.byline.replace(/^by\s+/i, '').trim());
  meta.publisher ??= article?.siteName?.trim() || titled;
  meta.date ??= article?.publishedTime ? parseDateValue(article.publishedTime) : undefined;
  if (meta.title && meta.publisher) meta.title = withoutSiteName(meta.title, meta.publisher);
  const blocks: Block[] = [];
  collectBlocks(article?.content ?? document.body, 'paragraph', blocks);
  return { blocks, meta, metaProblems: [] };
}

/** linkedom builds a body only from explicit <html> and <body> tags, which a page may leave out. */
function withDocumentTags(html: string): string {
  const page = /<html[\s>]/i.test(html) ? html : `<html>${html}</html>`;
  if (/<body[\s>]/i.test(page)) return page;
  return /<\/head\s*>/i.test(page)
    ? page.replace(/<\/head\s*>/i, '$&<body>')
    : page.replace(/<html[^>]*>/i, '$&<body>');
}

/**
 * A class or id naming an advertisement slot: `ad`, `ads`, `advert…`, `ad-…`, `…-ad`, `sponsored`.
 * Whole words only, so `lead-paragraph`, `header` or `download` never match.
 */
const AD_NAME = /^(?:ads?|adverts?|advertis\w*|ad[-_]\w+|\w+[-_]ads?|sponsored)$/i;

/**
 * Removes advertisement slots before Readability reads the page: it keeps a short sibling that ends
 * like a sentence, which an ad's tagline often does.
 */
function removeAds(document: HtmlDocument): void {
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
    if (names.some((name) => AD_NAME.test(name))) element.remove();
  }
}

function readArticle(document: HtmlDocument): ReturnType<Readability<HtmlNode>['parse']> {
  try {
    // charThreshold 0: a short page is still an article, not a reason to fall back to the whole body.
    return new (readability().Readability)<HtmlNode>(document as never, {
      charThreshold: 0,
      serializer: (node) => node as unknown as HtmlNode,
    }).parse();
  } catch {
    return null;
  }
}

function headMeta(document: HtmlDocument): Partial<DocumentMeta> {
  const content = (selector: string): string | undefined =>
    document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const all = (selector: string): string[] =>
    Array.from(document.querySelectorAll(selector), (el) => el.getAttribute('content')?.trim() ?? '').filter(Boolean);
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? content('meta[property="og:url"]');
  const date =
    content('meta[property="article:published_time"]') ??
    content('meta[name="date"]') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    undefined;
  const author = content('meta[name="author"]');
  const keywords = content('meta[name="keywords"]');
  const meta: Partial<DocumentMeta> = {
    title: content('meta[property="og:title"]') ?? (document.title.trim() || undefined),
    author: author ? titleCaseName(author) : undefined,
    publisher: content('meta[property="og:site_name"]'),
    date: date ? parseDateValue(date) : undefined,
    url: url && URL.canParse(url) && /^https?:/.test(url) ? url : undefined,
  };
  const tags = keywords
    ? keywords
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
    : all('meta[property="article:tag"]');
  if (tags.length) meta.tags = tags;
  return meta;
}

/** What separates a page title's parts: its own title, the site's name, a section's ("News - … | Gazette"). */
const TITLE_SEPARATOR = /(\s+(?:[|–—•·»:-]|::)\s+)/;

/** The texts that may say a page's own title apart from its site's name: its top headings, `og:title` and `<title>`. */
function titleWitnesses(document: HtmlDocument): string[] {
  const texts = [
    ...Array.from(document.querySelectorAll('h1'), (h) => h.textContent ?? ''),
    document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '',
    document.title,
  ];
  return texts.map(sameText).filter(Boolean);
}

const sameText = (text: string): string => collapse(text).toLowerCase();

/**
 * A page's title without the site's or section's names it carries ("Harbour report | Portside Gazette"), where the
 * page says which part is its own: the one part, or run of parts, that a top heading, `og:title` or `<title>` gives
 * alone. Where none does, or two different parts do (the site's logo is a heading too), the title is kept as it is:
 * no rule of length or position tells "Harbour report | Portside Gazette" from "Portside Gazette | Harbour report".
 */
function ownTitle(title: string, witnesses: string[]): string {
  const pieces = title.split(TITLE_SEPARATOR);
  const found = new Set<string>();
  // Parts sit at even indexes, separators between them; a run is kept as written, separators and all.
  for (let from = 0; from < pieces.length; from += 2)
    for (let to = from; to < pieces.length; to += 2) {
      if (from === 0 && to === pieces.length - 1) continue;
      const run = pieces.slice(from, to + 1).join('');
      if (witnesses.includes(sameText(run))) found.add(collapse(run));
    }
  return found.size === 1 ? [...found][0]! : title;
}

/**
 * The site's name a page's `<title>` carries beside its own title ("Harbour report | Portside Gazette"), where the page
 * itself names that part as its site: the text, image or title of a link to its home page (the logo's), or its
 * copyright line ("© 2026 Portside Gazette"). A part left beside the own title may be a section's ("News") or a page's
 * number, which no rule of position tells from a site's name, so a part the page does not name so is no publisher; one
 * page's own words, so the rule holds for a file alone, as the saved corpus and the watcher read it.
 */
function titledPublisher(document: HtmlDocument, witnesses: string[]): string | undefined {
  const title = collapse(document.title);
  const own = ownTitle(title, witnesses);
  if (own === title) return undefined;
  const at = title.indexOf(own);
  // Parts sit at even indexes, separators between them.
  const parts = [title.slice(0, at), title.slice(at + own.length)]
    .flatMap((rest) => rest.split(TITLE_SEPARATOR).filter((_, i) => i % 2 === 0))
    .map(collapse)
    .filter(Boolean);
  const homeNames = Array.from(document.querySelectorAll('a[href]'))
    .filter((a) => HOME_PAGE.test(a.getAttribute('href')!.trim()))
    .flatMap((a) => [
      a.textContent ?? '',
      a.getAttribute('title') ?? '',
      a.getAttribute('aria-label') ?? '',
      ...Array.from(a.querySelectorAll('img[alt]'), (img) => img.getAttribute('alt') ?? ''),
    ])
    .map(sameText);
  const body = collapse(document.body.textContent ?? '');
  return parts.find((part) => homeNames.includes(sameText(part)) || copyrightOf(part).test(body));
}

/** A link to a site's home page: "/", "./", "index.html", or an address that is a host alone. */
const HOME_PAGE = /^(?=.)(?:(?:https?:)?\/\/[^/?#]+)?(?:\.?\/)?(?:index\.html?)?$/i;

/** The years a copyright line gives before its holder, if any, read as any year or span is: "2026 ", "2019–2026, ". */
const YEARS = String.raw`(?:(?:${YEAR_SPAN}|${YEAR_DIGITS}),?\s*)?`;
/** A copyright line naming `holder`, perhaps after its years: "© 2026 Portside Gazette", "Copyright 2019–2026 …". */
const copyrightOf = (holder: string) =>
  new RegExp(String.raw`(?:©|\(c\)|\bcopyright\b)\s*${YEARS}${escapeRegExp(holder)}(?![\p{L}\p{N}])`, 'iu');

/** "Harbour Lights Return | The Coastal Gazette" → "Harbour Lights Return". */
function withoutSiteName(title: string, site: string): string {
  const m = new RegExp(`^(.+?)\\s+[|–—:-]\\s+${escapeRegExp(site)}$`).exec(title);
  return m ? m[1]! : title;
}

/**
 * Appends the blocks under `parent`: runs of text and inline elements become one block of `kind`;
 * a heading element a heading; each list item an item.
 */
function collectBlocks(parent: HtmlNode, kind: Block['kind'], blocks: Block[]): void {
  let run = '';
  const flush = (): void => {
    const text = collapse(run);
    if (text) blocks.push({ kind, text });
    run = '';
  };
  const visit = (node: HtmlNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) run += child.textContent ?? '';
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = child.nodeName.toUpperCase();
      if (SKIPPED_TAGS.has(tag)) continue;
      const rows = tag === 'TABLE' ? tableRows(child) : undefined;
      if (tag === 'BR') run += ' ';
      else if (rows) {
        flush();
        // The caption says what the table is, for each of its rows: "Ferry fares from 1 April 2026".
        const caption = Array.from(child.childNodes).find((n) => n.nodeName.toUpperCase() === 'CAPTION');
        const title = caption && collapse(caption.textContent ?? '');
        if (title) blocks.push({ kind: 'paragraph', text: title, introduces: true });
        // A row of one cell across the table is a title over the rows after it ("Capital spending"), as a caption is;
        // those before the header row are the table's own.
        const across = (row: Cell[]) => row.length === 1 && row[0]!.across === true;
        const titleRow = (row: Cell[]) => blocks.push({ kind: 'paragraph', text: row[0]!.text, introduces: true });
        const start = rows.findIndex((row) => !across(row));
        rows.slice(0, start < 0 ? rows.length : start).forEach(titleRow);
        const data = start < 0 ? [] : rows.slice(start);
        // The first rows name the columns when they stand in the table's head (`thead`, whatever their cells), or when
        // their cells are all headers (`th`) but for an empty corner over the rows' own names. A header of two rows, a
        // group spanning its sub-columns ("adult" over "single" and "return"), names each column by both: "adult
        // single".
        // A table of header cells alone keeps its first row as the header, as before, and its others as data.
        const heads = data.findIndex((row) => !row.every((cell) => cell.head || cell.header || !cell.text));
        const headerRows = data.slice(0, heads < 0 ? 1 : heads);
        const columns = Math.max(0, ...headerRows.map((row) => row.length));
        const header = Array.from({ length: columns }, (_, column) =>
          [...new Set(headerRows.map((row) => row[column]?.text).filter(Boolean))].join(' '),
        );
        for (const row of data.slice(headerRows.length)) {
          if (across(row)) {
            titleRow(row);
            continue;
          }
          const text = tableRow(
            header,
            row.map((cell) => cell.text),
          );
          if (text) blocks.push({ kind: 'item', text });
        }
      } else if (!BLOCK_TAGS.has(tag)) visit(child);
      else {
        flush();
        // A definition list's term captions its description, as a heading does: "Grey bin" over what goes in it. Read
        // as a paragraph, the term stood alone, a passage of two words, and its description without the words it is of.
        if (HEADING.test(tag) || tag === 'DT') {
          const text = collapse(child.textContent ?? '');
          if (text) blocks.push({ kind: 'heading', text });
        } else collectBlocks(child, tag === 'LI' ? 'item' : 'paragraph', blocks);
      }
    }
  };
  visit(parent);
  flush();
}

/** The most columns one cell is read to span: a larger colspan is a page's layout, not a table of data's. */
const MAX_COLSPAN = 50;
/** The most rows one cell is read to span, for the same reason. */
const MAX_ROWSPAN = 50;

/** A cell's `colspan` or `rowspan`: a whole number from 1 to `max`, 1 where it is missing or no number. */
const spanOf = (cell: HtmlNode, name: string, max: number): number =>
  Math.min(Math.max(Math.trunc(Number(cell.getAttribute?.(name))) || 1, 1), max);

/** A table's cell: its text, whether it is a header (`th`) and whether its row is in the table's head (`thead`). */
interface Cell {
  text: string;
  header: boolean;
  head: boolean;
  /** The row's only cell, spanning several columns. */
  across?: boolean;
}

/**
 * A table's rows of cells (`Cell`); undefined for a table laying out more than data, whose cells hold paragraphs, lists
 * or tables of their own, which are read as blocks as before.
 */
function tableRows(table: HtmlNode): Cell[][] | undefined {
  const rows: Cell[][] = [];
  const elements = (node: HtmlNode) => Array.from(node.childNodes).filter((n) => n.nodeType === ELEMENT_NODE);
  const holdsBlocks = (node: HtmlNode): boolean =>
    elements(node).some((n) => BLOCK_TAGS.has(n.nodeName.toUpperCase()) || holdsBlocks(n));
  // A cell spanning rows stands in its column in each of them ("Line 4" beside its weekday and its Sunday times), so
  // that each cell beside it is still in its own column: by column, the cell and how many rows below it still holds.
  const below: ({ cell: Cell; rows: number } | undefined)[] = [];
  for (const part of elements(table)) {
    const tag = part.nodeName.toUpperCase();
    const trs = tag === 'TR' ? [part] : /^(THEAD|TBODY|TFOOT)$/.test(tag) ? elements(part) : [];
    for (const tr of trs.filter((n) => n.nodeName.toUpperCase() === 'TR')) {
      const cells = elements(tr).filter((n) => /^(TD|TH)$/.test(n.nodeName.toUpperCase()));
      if (cells.some(holdsBlocks)) return undefined;
      const row: Cell[] = [];
      const fromAbove = (): void => {
        for (let held = below[row.length]; held && held.rows > 0; held = below[row.length]) {
          held.rows--;
          row.push(held.cell);
        }
      };
      for (const n of cells) {
        fromAbove();
        const cell: Cell = {
          text: collapse(n.textContent ?? ''),
          header: n.nodeName.toUpperCase() === 'TH',
          head: tag === 'THEAD',
        };
        // A cell spanning columns gives its text in each of them ("£2" under both "adult" and "child"), so that each
        // cell after it is still named by its own column's header.
        const span = spanOf(n, 'colspan', MAX_COLSPAN);
        const down = spanOf(n, 'rowspan', MAX_ROWSPAN) - 1;
        if (cells.length === 1 && span > 1 && !row.length) {
          row.push({ ...cell, across: true });
          continue;
        }
        for (let i = 0; i < span; i++) {
          if (down) below[row.length] = { cell, rows: down };
          row.push(cell);
        }
      }
      fromAbove();
      if (row.some((cell) => cell.text)) rows.push(row);
    }
  }
  return rows;
}

/** HTML white space collapses to one space, as a browser shows it; a no-break space inside the text stays. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}
