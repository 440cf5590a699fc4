import * as z from 'zod';
import type { Block } from './block.js';
import type { Note } from './clean.js';
import { findDate, parseDateValue } from './dates.js';
import { WEEKDAY_NAMES } from '../schedule.js';
import { readYamlMapping, type YamlEntry, type YamlError } from '../yaml.js';
import { isShortLine } from './text.js';
import type { DocumentMeta } from './types.js';

const text = z.union([z.string(), z.number()], { error: 'expected text' }).transform((v) => String(v).trim());
const list = z
  .union([z.array(text), text.transform((v) => v.split(','))])
  .transform((items) => items.map((s) => s.trim()).filter(Boolean));

/**
 * Metadata as a file states it in YAML (markdown front matter or a `.meta.yaml` sidecar). Every
 * field is optional; other keys are allowed and ignored. Several authors may be given as a list.
 */
const FIELDS = {
  title: text.pipe(z.string().min(1, 'expected text')),
  author: z.union([text, z.array(text).transform((names) => names.join(', '))]),
  publisher: text,
  date: z.union([z.string(), z.number().transform(String), z.date()]).transform((value, ctx) => {
    const iso = parseDateValue(value);
    if (iso === undefined) ctx.addIssue({ code: 'custom', message: `"${String(value)}" is not a date` });
    return iso ?? z.NEVER;
  }),
  url: z.url({ error: 'expected a link such as https://…' }),
  tags: list,
  /** When Dossier fetched the document from `url` (written by `add` and feeds). */
  fetched: z.iso.datetime({ offset: true, error: 'expected a date and time such as 2026-11-23T08:00:00Z' }),
} satisfies Record<keyof DocumentMeta, z.ZodType>;

/** The fields front matter and sidecars may state. */
export const STATED_FIELDS = Object.keys(FIELDS) as (keyof DocumentMeta)[];

const isField = (key: string): key is keyof DocumentMeta => Object.hasOwn(FIELDS, key);

/** What a file states about itself in YAML: the fields that are valid, and one line for each problem. */
export interface StatedMeta {
  meta: Partial<DocumentMeta>;
  problems: string[];
}

/**
 * Reads metadata stated in YAML. Each field stands on its own: one that does not parse or validate
 * is reported with its line and left out, and the others are kept. `where` names the YAML in the
 * report ("front matter", a sidecar's name); `firstLine` is the file's line number of the YAML's
 * first line, so that the reported lines are the file's.
 */
export function readStatedMeta(yaml: string, where: string, firstLine = 1): StatedMeta {
  // Each with its line, so that they are said in the file's order: syntax is found before values are checked.
  const found: { line: number; text: string }[] = [];
  const report = (line: number, field: string | undefined, what: string) =>
    found.push({ line, text: `${where} line ${firstLine + line}${field ? `, ${field}` : ''}: ${what}` });
  const whole = readYamlMapping(yaml);
  let entries: YamlEntry[] = [];
  if (!whole.errors.length && whole.entries) entries = whole.entries;
  else if (!whole.errors.length) {
    report(0, undefined, `expected fields such as \`title: …\`, not ${whole.shape} (ignored)`);
  } else {
    // The parser notices a syntax error where it stops making sense, often on a later field's line,
    // and gives up on the fields around it: read alone, each top-level field keeps or loses only itself.
    const seen = new Map<string, number>();
    for (const chunk of topLevelChunks(yaml)) {
      const read = readYamlMapping(chunk.text);
      const key = /^(["']?)([^"':#]+?)\1\s*:/.exec(chunk.text)?.[2];
      const error = read.errors[0];
      if (error) {
        // Keys Dossier does not read (a site generator's `layout`) are not its to report.
        const line = chunk.line + Math.min(error.line, chunk.lines - 1);
        if (key === undefined || isField(key)) report(line, key, `${syntaxProblem(chunk.text, error)} (left out)`);
        continue;
      }
      for (const entry of read.entries ?? []) {
        const earlier = seen.get(entry.key);
        if (earlier !== undefined && isField(entry.key))
          report(chunk.line + entry.line, entry.key, `given again after line ${firstLine + earlier}; this one is used`);
        seen.set(entry.key, chunk.line + entry.line);
        entries.push({ ...entry, line: chunk.line + entry.line });
      }
    }
  }
  const meta: Partial<Record<keyof DocumentMeta, unknown>> = {};
  for (const { key, value, line } of entries) {
    // An empty field (`date:`) states nothing, like a missing one.
    if (!isField(key) || value === null || value === undefined) continue;
    const parsed = FIELDS[key].safeParse(value);
    if (parsed.success) meta[key] = parsed.data;
    else report(line, key, `${parsed.error.issues[0]?.message ?? 'invalid'} (left out)`);
  }
  return { meta: meta as Partial<DocumentMeta>, problems: found.sort((a, b) => a.line - b.line).map((p) => p.text) };
}

/**
 * What is wrong with a field YAML could not read, in a writer's words: the library's own ("Flow sequence in block
 * collection must be sufficiently indented and end with a ]", "Nested mappings are not allowed in compact mappings")
 * name its parser's states. A plain value holding ": " (`title: Buses: the first year`, as titles are often written) is
 * read as a field inside a field; a writer needs the fix, the value in quotes (JSON's quoting is YAML's too).
 */
function syntaxProblem(field: string, error: YamlError): string {
  const plain = /^([^\s:#][^:]*?):[ \t]+([^\s"'[{|>&*!%@`].*?)\s*$/.exec(field);
  if (plain && /:(?:\s|$)/.test(plain[2]!))
    return (
      'a colon and a space inside a value start another field; put the value in quotes: ' +
      `${plain[1]}: ${JSON.stringify(plain[2])}`
    );
  const { code, message } = error;
  if (/closing "quote/.test(message)) return 'its value opens a double quote (") and never closes it';
  if (/closing 'quote/.test(message)) return "its value opens a single quote (') and never closes it";
  if (/^Flow sequence/.test(message)) return 'its list opens with [ and never closes with ]';
  if (/^Flow map/.test(message)) return 'its value opens with { and never closes with }';
  if (code === 'BAD_SCALAR_START') return `a value cannot start with ${message.at(-1)}; put the value in quotes`;
  if (code === 'BAD_DQ_ESCAPE')
    return 'a backslash in double quotes starts no escape YAML knows; use single quotes, or write \\\\';
  if (code === 'TAB_AS_INDENT') return 'a tab indents it, where YAML indents with spaces only';
  return 'YAML cannot read it: check its indentation, or put its value in quotes';
}

/** The text's top-level `key: value` entries, each with the lines that continue it (indented, or list items). */
function topLevelChunks(yaml: string): { text: string; line: number; lines: number }[] {
  const chunks: { lines: string[]; line: number }[] = [];
  yaml.split(/\r?\n/).forEach((line, i) => {
    if (/^[^\s#-]/.test(line)) chunks.push({ lines: [line], line: i });
    else chunks[chunks.length - 1]?.lines.push(line);
  });
  return chunks.map((c) => ({ text: c.lines.join('\n'), line: c.line, lines: c.lines.length }));
}

/** Later layers override earlier ones, field by field. */
export function mergeMeta(...layers: Partial<DocumentMeta>[]): Partial<DocumentMeta> {
  return Object.assign({}, ...layers.map(withoutUndefined)) as Partial<DocumentMeta>;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A capitalised name word: "Maren", "MAREN", "O'Brien", "Jean-Paul", an initial "W.". */
const NAME_WORD = "\\p{Lu}[\\p{L}'’-]*\\.?";
const NAME = `${NAME_WORD}(?:\\s+(?:(?:de|da|del|der|van|von|la|le|bin|al)\\s+)?${NAME_WORD}){0,4}`;
const PERSON = new RegExp(`^${NAME}(?:\\s+(?:and|&)\\s+${NAME})*$`, 'u');
const HONORIFICS =
  '(?:Former|Retired|Ambassador|Amb\\.|Dr\\.|Professor|Prof\\.|Mr\\.|Ms\\.|Mrs\\.|' +
  'General|Gen\\.|Senator|Sen\\.|Rep\\.|U\\.S\\.)';
/** "Maren Ella Holt is a …", "Former Harbour Master MAREN ELLA HOLT is a …". */
const BIO = new RegExp(
  `^(?:${HONORIFICS}\\s+)*(${NAME_WORD}(?:\\s+${NAME_WORD}){1,3})\\s+(?:is|was|has been|serves|served)\\b`,
  'u',
);
/** What a sentence about an author says they do, which a sentence about a place or an institution does not. */
const ROLE = new RegExp(
  String.raw`\b(?:ambassador|fellow|professor|director|editor|author|journalist|correspondent|reporter|` +
    String.raw`writer|columnist|researcher|analyst|scholar|diplomat|lecturer|founder|chair|served|career)\b`,
  'i',
);

/** A name written in capitals, as bylines often are, in title case: "MAREN ELLA HOLT" → "Maren Ella Holt". */
export function titleCaseName(name: string): string {
  return name.replace(/[\p{L}'’-]+/gu, (word) =>
    /\p{Lu}{2}/u.test(word) && !/\p{Ll}/u.test(word) && !/^(?:II|III|IV|VI|VII|VIII|IX)$/.test(word)
      ? word.toLowerCase().replace(/(^|[-'’])\p{Ll}/gu, (s) => s.toUpperCase())
      : word,
  );
}

/**
 * "By MAREN ELLA HOLT, former harbour master of Portsmouth" → the name (and a date, if the byline gives one). A
 * dateline may open it, as a page's field line does: "Posted on 2 November 2026 by Parish Clerk"; after one, the byline
 * may name an office ("Published 2 October 2026 by the Press Office"), which a dated field line can only mean: it had
 * been a passage of the page, saying nothing the citation does not.
 */
export function bylineOf(text: string): { author: string; date?: string } | undefined {
  const m = /^(?:(.+?)\s+)?by\s+(.+)$/i.exec(text);
  if (!m || !isShortLine(text)) return undefined;
  const dated = m[1] === undefined ? undefined : datelineOf(m[1]);
  if (m[1] !== undefined && dated === undefined) return undefined;
  const [name = '', ...rest] = m[2]!.split(/\s*(?:,|\s[|–—-]\s|\bon\b)\s*/);
  const office = dated === undefined ? undefined : DATED_OFFICE.exec(name)?.[1];
  if (office) return { author: office, date: dated };
  if (!PERSON.test(name)) return undefined;
  return { author: titleCaseName(name), date: dated ?? findDate(rest.join(' '))?.iso };
}

/** A block that is only a date, perhaps labelled: "Published: October 30, 2017", "Monday, 3 May 2021". */
export function datelineOf(text: string): string | undefined {
  const rest = text.replace(
    new RegExp(
      String.raw`^(?:(?:published|posted|updated|last updated|dated?)(?:\s+on)?\s*:?\s+)?` +
        String.raw`(?:(?:${WEEKDAY_NAMES.join('|')}),?\s+)?`,
      'i',
    ),
    '',
  );
  const found = findDate(rest);
  if (!found || found.index !== 0) return undefined;
  return /^\s*(?:(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$/i.test(rest.slice(found.end))
    ? found.iso
    : undefined;
}

/** The author a closing bio names: "Maren Ella Holt is a retired harbour master …". */
export function bioAuthor(text: string): string | undefined {
  const m = BIO.exec(text);
  return m && ROLE.test(text) ? titleCaseName(m[1]!) : undefined;
}

/** An organisation's name: capitalised words and the small words that join them ("Coastal News", "The Gazette"). */
const ORG_WORD = "\\p{Lu}[\\p{L}\\p{N}&'’.-]*";
const ORG = `${ORG_WORD}(?:\\s+(?:(?:of|and|for|the|on|&)\\s+)*${ORG_WORD})*`;
const PUBLISHER_SAYINGS: { kind: Note['kind']; pattern: RegExp }[] = [
  // Where this copy is published outranks where the text first appeared.
  { kind: 'republication', pattern: new RegExp(`\\brepublished (?:in|by|on) (?:the )?[“"]?(${ORG})`, 'u') },
  { kind: 'disclaimer', pattern: new RegExp(`\\b(?:views?|opinions?|positions?|those) of (${ORG})[\\s.]*$`, 'u') },
  {
    kind: 'republication',
    pattern: new RegExp(`\\b(?:first|originally) (?:appeared|published|ran) (?:in|on|by) [“"]?(${ORG})`, 'u'),
  },
];

function publisherFromNotes(notes: Note[]): string | undefined {
  for (const { kind, pattern } of PUBLISHER_SAYINGS) {
    for (const note of notes) {
      const m = note.kind === kind ? pattern.exec(note.text) : null;
      if (m) return m[1]!.replace(/(?<=\p{Ll})\.$/u, '');
    }
  }
  return undefined;
}

const WHOLE_ORG = new RegExp(`^${ORG}$`, 'u');
/** An organisation a dated byline names, perhaps after "the": "the Press Office". */
const DATED_OFFICE = new RegExp(`^(?:[Tt]he\\s+)?(${ORG})$`, 'u');

/** An office that issues a notice, perhaps with its department after a comma: "Marrowby Council, Streetscene". */
const ISSUER = new RegExp(`^${ORG}(?:,\\s+${ORG})?$`, 'u');

/**
 * Whether `block`, under the title, names the office that issued the document, on a line of its own right above its
 * date, as notices and results are headed ("Harbour Office" over "Published 4 May 2026"): no heading of the text under
 * it, which would frame every passage with the office's name, and the date under it no passage.
 */
function issuedAbove(block: Block, next: Block | undefined): boolean {
  return (
    block.kind === 'heading' && ISSUER.test(block.text) && !/\d/.test(block.text) && !!next && !!datelineOf(next.text)
  );
}

/** The most words read as a site's name: a longer capitalised line is more likely a heading. */
const SITE_NAME_MAX_WORDS = 6;

/** A site's name alone on a line at the end of a page: short, every main word capitalised, no figures. */
function isSiteName(text: string): boolean {
  return WHOLE_ORG.test(text) && text.split(/\s+/).length <= SITE_NAME_MAX_WORDS && !/\d/.test(text);
}

/**
 * Reads what the text states about itself and takes the lines that state it out of the body:
 * - title: the first heading before the body starts (the headline), unless the format names
 *   another title (`statedTitle`, from front matter or meta tags): then that heading opens a section;
 * - author: a byline ("By …") before the body, else a closing bio ("X is a retired ambassador …");
 * - date: a dateline before the body, in the page's field line or closing it ("Last updated: …"), never a date
 *   inside the article's prose, which dates what the article reports on, not the article;
 * - publisher: a republication note, a contributors' disclaimer, or a site name closing the page.
 */
export function deriveMeta(
  blocks: Block[],
  notes: Note[],
  statedTitle?: string,
): { meta: Partial<DocumentMeta>; body: Block[] } {
  const meta: Partial<DocumentMeta> = {};
  let start = 0;
  for (; start < blocks.length; start++) {
    const block = blocks[start]!;
    const byline = meta.author === undefined ? bylineOf(block.text) : undefined;
    const dateline = datelineOf(block.text);
    if (byline) {
      meta.author = byline.author;
      meta.date ??= byline.date;
    } else if (dateline) meta.date ??= dateline;
    else if (meta.title !== undefined && meta.author === undefined && issuedAbove(block, blocks[start + 1]))
      meta.author = block.text;
    else if (
      block.kind === 'heading' &&
      meta.title === undefined &&
      (statedTitle === undefined || block.text === statedTitle)
    )
      meta.title = block.text;
    else break;
  }
  // The page's closing lines: headings, and datelines ("Last updated: 3 November 2026"), which date the page.
  let end = blocks.length;
  while (end > start && (blocks[end - 1]!.kind === 'heading' || datelineOf(blocks[end - 1]!.text))) end--;
  const footer = blocks.slice(end).map((b) => b.text);
  const body = blocks.slice(start, end);
  // A closing heading-like line that is not a site's name is a short last paragraph: keep it.
  for (const line of footer) if (!isSiteName(line) && !datelineOf(line)) body.push({ kind: 'paragraph', text: line });

  meta.date ??= notes.flatMap((n) => (n.kind === 'chrome' ? [findDate(n.text)] : [])).find((d) => d?.index === 0)?.iso;
  meta.date ??= footer.map(datelineOf).find(Boolean);
  // A heading right under the title that gives a whole date says when the document was written or held, as minutes
  // head their record ("Minutes of the meeting held on 14 May 2026 at the Church Hall"): undated, every fixture's
  // minutes had no date in their citation.
  const under = blocks[start];
  if (meta.title !== undefined && start < end && under?.kind === 'heading') meta.date ??= findDate(under.text)?.iso;
  meta.publisher = publisherFromNotes(notes) ?? footer.find(isSiteName);
  if (meta.author === undefined) {
    const closing = body.filter((b) => b.kind === 'paragraph').slice(-2);
    meta.author = closing.map((b) => bioAuthor(b.text)).find(Boolean);
  }
  return { meta, body };
}
