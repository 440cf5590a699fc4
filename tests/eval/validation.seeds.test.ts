import { beforeAll, describe, expect, it } from 'vitest';
import { norm } from '../../bench/stats.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { HAS_SEEDS, SEEDS } from '../support/shared.js';
import {
  expandValidationSet,
  kindOf,
  readSeeds,
  readValidationSet,
  resolveRef,
  TUNING_FILE,
  type ScoreCase,
  type SeedDocument,
  type ValidationSet,
  type ValidationSetName,
  VALIDATION_SETS,
} from './cases.js';

/**
 * What each held-out set must hold: validation what issue 12 asks for; validation-b, validation-c and validation-d
 * what their briefs ask for, with about ten questions (at least ten for validation-c and -d) on each of the five
 * articles.
 */
const HOLDS: Record<ValidationSetName, { ask: number; perArticle: number; figures: number; cite: number }> = {
  validation: { ask: 60, perArticle: 1, figures: 15, cite: 15 },
  'validation-b': { ask: 50, perArticle: 8, figures: 10, cite: 12 },
  'validation-c': { ask: 60, perArticle: 10, figures: 15, cite: 12 },
  'validation-d': { ask: 50, perArticle: 10, figures: 15, cite: 12 },
};
const SETS = Object.entries(VALIDATION_SETS) as [ValidationSetName, string][];
/** The tuning set's references are checked against the seeds as the held-out sets' are. */
const SEED_CHECKED: [ValidationSetName | 'tuning', string][] = [...SETS, ['tuning', TUNING_FILE]];
const perArticle = (name: ValidationSetName | 'tuning') => (name === 'tuning' ? 1 : HOLDS[name].perArticle);

// The references are checked against ../shared/seeds, which a lone clone does not have (see tests/support/shared.ts).
describe.runIf(HAS_SEEDS)('the held-out sets against the seeds', () => {
  let seeds: Map<string, SeedDocument>;
  let corpus: Awaited<ReturnType<typeof loadCorpus>>;
  beforeAll(async () => {
    seeds = await readSeeds(SEEDS);
    corpus = await loadCorpus(SEEDS);
  });

  describe.each(SEED_CHECKED)('%s', (name, file) => {
    let set: ValidationSet;
    let cases: ScoreCase[];
    beforeAll(async () => {
      set = await readValidationSet(file);
      cases = expandValidationSet(set, seeds);
    });

    it('resolves every reference to a seed paragraph and every word range inside it', () => {
      // expandValidationSet throws on the first reference that does not resolve; this names every one that fails.
      const refs = [
        ...set.ask.flatMap((c) => [c.answer, ...(c.alsoOk ?? [])]),
        ...set.figures.flatMap((c) => [...c.expect, ...(c.optional ?? [])].map((f) => f.in)),
        ...set.cite.map((c) => c.span),
      ];
      const broken = refs.flatMap((ref) => {
        try {
          resolveRef(seeds, ref);
          return [];
        } catch (e) {
          return [(e as Error).message];
        }
      });
      expect(broken).toEqual([]);
      expect(cases).toHaveLength(set.ask.length + set.offTopic.length + set.figures.length + set.cite.length);
    });

    it(`asks at least ${perArticle(name)} questions about each of the five articles`, () => {
      const docs = cases.filter((c) => kindOf(c) === 'ask').map((c) => (c as { doc: string }).doc);
      const files = [...seeds.values()].map((s) => s.file).sort();
      expect([...new Set(docs)].sort()).toEqual(files);
      const thin = files.filter((f) => docs.filter((d) => d === f).length < perArticle(name));
      expect(thin).toEqual([]);
    });

    it('expects passages Dossier indexes: every span is inside a passage, never in dropped page furniture', () => {
      const passages = corpus.documents.flatMap((d) => d.passages.map((p) => ({ doc: d.source, text: norm(p.text) })));
      const spans = cases.flatMap((c) => {
        if (c.kind === 'figures') return [];
        const wanted = [
          { doc: c.doc, passage: c.passage },
          ...((c.alsoOk as { doc: string; passage: string }[]) ?? []),
        ];
        return wanted.filter((w) => w.doc).map((w) => ({ id: c.id, ...w }));
      });
      const outside = spans.filter((s) => !passages.some((p) => p.doc === s.doc && p.text.includes(norm(s.passage))));
      expect(outside.map((s) => s.id)).toEqual([]);
    });

    it('gives each figure as printed in its paragraph', () => {
      const missing = set.figures.flatMap((c) =>
        [...c.expect, ...(c.optional ?? [])].filter((f) => !norm(resolveRef(seeds, f.in).text).includes(norm(f.value))),
      );
      expect(missing).toEqual([]);
    });

    it('copies no seed text: no question or chat wrapper holds a run of six words of the seeds', () => {
      const words = (text: string) => norm(text).match(/[\p{L}\p{N}]+/gu) ?? [];
      const runs = (ws: string[]) => ws.slice(5).map((_, i) => ws.slice(i, i + 6).join(' '));
      const seedRuns = new Set(
        [...seeds.values()].flatMap((s) => [...s.paragraphs.values()].flatMap((p) => runs(words(p)))),
      );
      // Figure values are facts quoted as printed ("$500 million to over $1 billion"), so they are not checked.
      const written = [
        ...[...set.ask, ...set.offTopic, ...set.figures].map((c) => c.q),
        ...set.cite.flatMap((c) => c.do.flatMap((e) => (e[0] === 'wrap' || e[0] === 'swap' ? [String(e.at(-1))] : []))),
      ];
      const copied = written.flatMap((text) => runs(words(text)).filter((r) => seedRuns.has(r)));
      expect(copied).toEqual([]);
    });
  });
});
