// The held-out validation sets (validation.yaml, validation-b.yaml, validation-c.yaml, validation-d.yaml) and their
// expansion into ../shared/eval/score.mjs's case format. A set names seed paragraphs by sha1 prefix and word ranges,
// never by their text: the seeds are others' writing. Expansion reads the seeds at run time and rebuilds the same
// cases every time.
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { paragraphKey, rawParagraphs } from '../support/corpus.js';
import { Edit, applyEdits } from './transforms.js';

const here = dirname(fileURLToPath(import.meta.url));
/**
 * The held-out sets by name. validation-b was written afresh from the seeds alone after validation's questions
 * leaked into a tuning set, so that one set nobody has fitted the engine to is left to report. validation-c was written
 * the same way later, after both had been measured through dozens of engine changes kept only when neither fell;
 * validation-d the same way again, as an estimate of unseen questions no engine change had yet been measured against.
 */
export const VALIDATION_SETS = {
  validation: resolve(here, 'validation.yaml'),
  'validation-b': resolve(here, 'validation-b.yaml'),
  'validation-c': resolve(here, 'validation-c.yaml'),
  'validation-d': resolve(here, 'validation-d.yaml'),
} as const;
export type ValidationSetName = keyof typeof VALIDATION_SETS;
export const VALIDATION_FILE = VALIDATION_SETS.validation;
/**
 * Chat-style questions of our own over the seeds, in the validation set's format, that the engine is tuned on.
 * Written without reading the validation set; a test keeps them from being near-copies of its questions.
 */
export const TUNING_FILE = resolve(here, 'tuning.yaml');

/** `004:9e9c0e7555:24-35`: seed file 004_…, the paragraph whose sha1 starts so, its words 24 up to (not incl.) 35. */
const SPAN = /^(\d{3}):([0-9a-f]{10}):(\d+)-(\d+)$/;
/** `004:9e9c0e7555`: a whole paragraph. */
const PARAGRAPH = /^(\d{3}):([0-9a-f]{10})$/;

/** `v-…` in the validation set, `t-…` in the tuning set. */
const Id = z.string().regex(/^[vt]-[a-z]+-\d{2,3}$/);
const Style = z.enum(['short', 'abbreviation', 'lowercase', 'typo', 'paraphrase', 'long']);
const Figure = z.strictObject({
  value: z.string().regex(/\d/, 'a figure the scorer can match has digits'),
  in: z.string().regex(PARAGRAPH),
});

const ValidationSet = z.strictObject({
  ask: z.array(
    z.strictObject({
      id: Id,
      q: z.string().min(1),
      /** What the question tests, for reading misses; the scorer ignores it. */
      style: z.array(Style).min(1),
      answer: z.string().regex(SPAN),
      alsoOk: z.array(z.string().regex(SPAN)).optional(),
    }),
  ),
  offTopic: z.array(z.strictObject({ id: Id, q: z.string().min(1), near: z.boolean() })),
  figures: z.array(
    z.strictObject({
      id: Id,
      q: z.string().min(1),
      expect: z.array(Figure).min(1),
      optional: z.array(Figure).optional(),
    }),
  ),
  /**
   * `figures` topics the corpus gives no figures on (tuning only), `near` when on the corpus's subject: what letting
   * figures answer on less of a topic costs.
   */
  offTopicFigures: z.array(z.strictObject({ id: Id, q: z.string().min(1), near: z.boolean() })).optional(),
  cite: z.array(
    z.strictObject({
      id: Id,
      span: z.string().regex(SPAN),
      do: z
        .array(Edit)
        .min(1)
        .refine((edits) => edits.every(([op], i) => op !== 'wrap' || i === edits.length - 1), 'wrap comes last'),
    }),
  ),
});
export type ValidationSet = z.infer<typeof ValidationSet>;

/** The file parsed and checked; a malformed entry throws naming its path in the file. */
export async function readValidationSet(file = VALIDATION_FILE): Promise<ValidationSet> {
  const parsed = ValidationSet.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface SeedDocument {
  file: string;
  paragraphs: Map<string, string>;
}

/** The seed files by their three-digit prefix, each with its raw paragraphs by sha1 prefix. */
export async function readSeeds(dir: string): Promise<Map<string, SeedDocument>> {
  const seeds = new Map<string, SeedDocument>();
  for (const file of (await readdir(dir)).filter((f) => /^\d{3}_/.test(f)).sort()) {
    const paragraphs = new Map(rawParagraphs(await readFile(join(dir, file), 'utf8')).map((p) => [paragraphKey(p), p]));
    seeds.set(file.slice(0, 3), { file, paragraphs });
  }
  return seeds;
}

export interface Resolved {
  doc: string;
  paragraph: string;
  /** The span's words joined by single spaces, without quotes, brackets or commas around its two ends. */
  text: string;
}

/** A paragraph or span reference read against the seeds; throws naming the reference when it does not resolve. */
export function resolveRef(seeds: Map<string, SeedDocument>, ref: string): Resolved {
  const m = SPAN.exec(ref) ?? PARAGRAPH.exec(ref);
  if (!m) throw new Error(`${ref}: not a reference`);
  const [, prefix, key, from, to] = m;
  const seed = seeds.get(prefix!);
  if (!seed) throw new Error(`${ref}: no seed file ${prefix}_…`);
  const paragraph = seed.paragraphs.get(key!);
  if (paragraph === undefined) throw new Error(`${ref}: ${seed.file} has no paragraph ${key}`);
  if (from === undefined) return { doc: seed.file, paragraph, text: paragraph };
  const words = paragraph.split(/\s+/);
  const [start, end] = [Number(from), Number(to)];
  if (start >= end || end > words.length) throw new Error(`${ref}: paragraph ${key} has ${words.length} words`);
  const text = words
    .slice(start, end)
    .join(' ')
    .replace(/^[\s"“”‘’'([,;:]+|[\s"“”‘’')\],;:]+$/g, '');
  return { doc: seed.file, paragraph, text };
}

/** A case as ../shared/eval/score.mjs reads it (see ../shared/eval/README.md). */
export type ScoreCase =
  | {
      id: string;
      kind: 'ask' | 'cite';
      query: string;
      doc: string | null;
      passage: string | null;
      [more: string]: unknown;
    }
  | { id: string; kind: 'figures'; query: string; expect: FigureCase[]; optional: FigureCase[] };
interface FigureCase {
  doc: string;
  value: string;
  ref: string;
}

/** The kinds one can score alone: answerable questions, off-topic ones, quotes and figure topics. */
export const KINDS = ['ask', 'offtopic', 'cite', 'figures'] as const;
export type Kind = (typeof KINDS)[number];
export const kindOf = (c: ScoreCase): Kind => (c.kind === 'ask' && c.doc === null ? 'offtopic' : c.kind);

/** The validation set as score.mjs cases, in the file's order: ask, off-topic, figures, cite. */
export function expandValidationSet(set: ValidationSet, seeds: Map<string, SeedDocument>): ScoreCase[] {
  const within = (id: string, ref: string) => {
    try {
      return resolveRef(seeds, ref);
    } catch (e) {
      throw new Error(`${id}: ${(e as Error).message}`);
    }
  };
  const figure = (id: string) => (f: { value: string; in: string }) => ({
    doc: within(id, f.in).doc,
    value: f.value,
    ref: f.in,
  });
  return [
    ...set.ask.map((c): ScoreCase => {
      const answer = within(c.id, c.answer);
      const alsoOk = (c.alsoOk ?? []).map((ref) => within(c.id, ref)).map((r) => ({ doc: r.doc, passage: r.text }));
      return { id: c.id, kind: 'ask', query: c.q, doc: answer.doc, passage: answer.text, alsoOk, style: c.style };
    }),
    ...set.offTopic.map((c): ScoreCase => ({ id: c.id, kind: 'ask', query: c.q, doc: null, passage: null })),
    ...set.figures.map((c): ScoreCase => ({
      id: c.id,
      kind: 'figures',
      query: c.q,
      expect: c.expect.map(figure(c.id)),
      optional: (c.optional ?? []).map(figure(c.id)),
    })),
    ...set.cite.map((c): ScoreCase => {
      const span = within(c.id, c.span);
      let query: string;
      try {
        query = applyEdits(span.text, c.do);
      } catch (e) {
        throw new Error(`${c.id}: ${(e as Error).message}`);
      }
      const variant = c.do.map(([op]) => op).join(', ');
      return { id: c.id, kind: 'cite', query, doc: span.doc, passage: span.text, variant };
    }),
  ];
}
