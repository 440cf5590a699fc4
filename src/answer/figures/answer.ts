import { ROW_NAME_SEPARATOR, TOTAL_ROW_NAME } from '../../corpus/block.js';
import { asEchoed } from '../../corpus/text.js';
import type { Passage } from '../../corpus/types.js';
import { analyseQuery, answerable, coverage, floored, stepDown, unmentioned, type Match } from '../../search/query.js';
import type { RankingOptions } from '../../search/ranking.js';
import { asAsked, asksMoney, heldOnlyAs, readOf, type Asked } from '../asked.js';
import type { Library } from '../library.js';
import { adjustScores, askedTimes, asksLength, echoedFigure, echoedYear, givenNumbers, ratePeriod } from './adjust.js';
import { figureClauses, scoreClauses, type FoundFigure, type Scored } from './clauses.js';
import { matchFor, type Searched } from './decide.js';
import type { FigureUnit, FigureValue } from './grammar/index.js';
import { closeValues, MeasureIndex, type MeasureGroup, type Series } from './group.js';
import type { PassageFigure } from './passage.js';
import { aboutWhat, MONEY_UNITS, unsaidUnit } from './topic.js';

export type { FoundFigure } from './clauses.js';

export interface FiguresOptions {
  /** How many figures at most (default 10). */
  limit?: number;
}

/** The JSON form of one figure: what `dossier figures --json` prints and the evaluation reads. */
export interface FigureJson {
  text: string;
  value: FigureValue;
  unit: FigureUnit;
  measure: string | null;
  /** The unit of measure a bare number's label gives it in brackets ("tonnes"; `Figure.units`). */
  units: string | null;
  /** The table row the figure stands in, where its column is its measure (`Figure.row`). */
  row: string | null;
  when: string | null;
  period: string | null;
  hedge: string | null;
  source: string;
  /** Counted from the document's start, as every citation shows it; `heading` names the section it is in. */
  paragraph: number;
  heading: string | null;
  sentence: string;
  score: number;
}

/**
 * The figures on a topic, most relevant first and grouped by what they measure, with the groups on
 * which sources disagree and a series to chart. Its JSON form is `{ query, match, figures }`.
 */
export class FiguresAnswer {
  constructor(
    readonly query: string,
    /** In the order shown: groups by their best figure, figures by relevance within a group. */
    readonly figures: FoundFigure[],
    readonly groups: MeasureGroup<FoundFigure>[],
    /**
     * For each group (same index), the figures sources give differently for it, which may include other
     * groups' figures for an overlapping measure; empty where they agree.
     */
    readonly disagreements: FoundFigure[][],
    /** The most relevant group's figures over time, when they form a series. */
    readonly series: Series<FoundFigure> | undefined,
    /** How well the best figure's passage covers the topic (`decide`, as for ask); `none` with no figures. */
    readonly match: Match = 'none',
    /** For a partial match: the topic's words the best figure's passage does not mention, as typed. */
    readonly unmatched: string[] = [],
    /** The topic's words are all too common to look for ("how much"), so nothing was searched (as for ask). */
    readonly onlyCommonWords = false,
    /** For a partial match: what the topic asks for that the closest figures' passages do not give (`asAsked`). */
    readonly lacks: Omit<Asked, 'match'> = {},
    /** For a partial match: the topic's words the best figure's passage holds only as a related word (`heldOnlyAs`). */
    readonly heldAs: [word: string, as: string][] = [],
  ) {}

  toJSON(): { query: string; match: Match; figures: FigureJson[] } {
    return {
      query: this.query,
      match: this.match,
      figures: this.figures.map((f) => ({
        text: f.text,
        value: f.value,
        unit: f.unit,
        measure: f.measure ?? null,
        units: f.units ?? null,
        row: f.row ?? null,
        when: f.when ?? null,
        period: f.period ?? null,
        hedge: f.hedge ?? null,
        source: f.source,
        paragraph: f.passage.paragraph,
        heading: f.passage.heading ?? null,
        sentence: f.sentence.text,
        score: Math.round(f.score * 1000) / 1000,
      })),
    };
  }
}

/**
 * The figures relevant to `topic`. Reads the corpus through the engine only; no side effects. Whether to
 * answer is ask's decision (`decide`) on the best figure's coverage: a confident answer lists the figures
 * that are about the topic; a partial one, when no figure reaches that, only the closest, said to match partly.
 */
export function answerFigures(dossier: Library, topic: string, { limit = 10 }: FiguresOptions = {}): FiguresAnswer {
  const shown = asEchoed(topic);
  const nothing = new FiguresAnswer(shown, [], [], [], undefined);
  const { index, ranking } = dossier;
  const query = aboutWhat(analyseQuery(topic, index, ranking.query), ranking.figures.changeWeight);
  if (!answerable(query))
    return query.words.length ? nothing : new FiguresAnswer(shown, [], [], [], undefined, 'none', [], true);
  const matched = matchFor(dossier, query);
  if (!matched) return nothing;
  const { clauses, under } = figureClauses(dossier, query, matched);
  // A length that says when its clause happened ("over the past 10 years") answers only a topic asking how long.
  const found = scoreClauses(dossier, query, clauses).filter((f) => !f.figure.frames || asksLength(query.text));
  if (!found.length) return nothing;
  adjustScores(dossier, query, found);
  const { closest, passages, without } = matched;
  // A topic asking for a time or an amount ("how many pupils") is answered one step less surely, as ask's question,
  // when neither the passages the decision read nor the first figure's give that kind of answer.
  const best = found.reduce((a, b) => (b.figure.score > a.figure.score ? b : a)).figure.passage;
  // Every figure is read from one of `passages` (`figureClauses`).
  const first = passages.find((p) => p.hit.passage.id === best.id)!;
  const read = (cover: (p: Searched) => number, to: Searched) =>
    [...passages.filter((p) => cover(p) === cover(to)), first].map(readOf);
  // Figures only from passages under the threshold match the topic partly, however well the closest passage covers it.
  // A topic asking for figures in a unit the corpus never writes ("hectares of poppy eradicated") is answered one step
  // less surely, as a question asking what its passages do not give (`asAsked`): the closest figures are in others.
  const unit = unsaidUnit(query, (term) => index.knows(term));
  const decided = (m: Match) => {
    const said = under ? 'partial' : m;
    return unit ? stepDown(said) : said;
  };
  // A topic naming money ("cost of the new pier") asks for a sum, as "how much does the pier cost" does.
  const asking = !query.asks && asksMoney(query) ? { ...query, asks: 'amount' as const } : query;
  const { match, ...lacks } = asAsked(
    dossier,
    asking,
    decided(matched.match),
    read((p) => p.cover, closest),
  );
  // As without the corpus's lexicon, if it would give nothing (`floored`).
  const bare =
    without &&
    asAsked(
      dossier,
      query.withoutLexicon!,
      decided(without.match),
      read((p) => p.bare!, without.closest),
    );
  if (floored(match, bare ? bare.match : match) === 'none') return nothing;
  const measures = new MeasureIndex(index.analyzer, (term) => index.bridges.sameAs(term), ranking.figures);
  // A topic asking by a period ("parcels each month") asks for a table's rows by that period, each of them.
  const rows = ratePeriod(query.text) ? Infinity : Math.ceil(limit * ranking.figures.tableRowsShare);
  // A year the topic names answers no topic asking when (`echoedYear`): weighed as another kind of figure, it still
  // sets the cut the others are listed by, as the best figure or beside one, but is not shown.
  const times = askedTimes(query.text, ranking.figures.boundWords);
  // So is a figure the topic itself gives on a topic asking when ("the 12k passengers were counted to which month").
  const given = givenNumbers(query.text);
  const listed = listFigures(dossier, found, match, limit, rows).filter(
    (f) => !echoedYear(query, f, times) && !echoedFigure(query, f, given),
  );
  const groups = measures.group(listed);
  const gaps = match === 'partial' ? unmentioned(query, closest.hit.terms, closest.amounts) : [];
  return new FiguresAnswer(
    shown,
    groups.flatMap((g) => g.figures),
    groups,
    measures.disagreements(groups),
    groups.map((g) => measures.series(g)).find(Boolean),
    match,
    gaps.map((w) => w.word),
    false,
    lacks,
    match === 'partial' ? heldOnlyAs(dossier, query, closest.hit.passage, closest.hit.terms, gaps) : [],
  );
}

/**
 * The figures to show, best first: those within `minRelative` of the best score (`partialRelative` for a partial
 * match, but in the best figure's own passage; `unmeasuredRelative` at least for a figure with no measure), with other
 * sources' estimates of the best one, at most `limit`; past the first `rows` of one document's table rows, the rest
 * after other passages' figures scored alike.
 */
function listFigures(dossier: Library, found: Scored[], match: Match, limit: number, rows: number): FoundFigure[] {
  const { minRelative, partialRelative, unmeasuredRelative } = dossier.ranking.figures;
  // Equal scores: a table's total row before the rows it sums (a column's topic asks for the whole first, its parts
  // after), then the passage the search ranks higher first.
  const sorted = found.sort(
    (a, b) =>
      b.figure.score - a.figure.score ||
      Number(totalRow(b.figure.passage)) - Number(totalRow(a.figure.passage)) ||
      b.searchScore - a.searchScore,
  );
  // One document's table rows past the first `rows` (`tableRowsShare` of the page) go after other passages' figures
  // scored alike.
  const seen = new Map<string, number>();
  const past = new Set<Scored>();
  for (const f of sorted) {
    if (!tableRow(f.figure.passage) || totalRow(f.figure.passage)) continue;
    const before = seen.get(f.figure.source) ?? 0;
    seen.set(f.figure.source, before + 1);
    if (before >= rows) past.add(f);
  }
  const ranked = sorted.sort((a, b) => b.figure.score - a.figure.score || Number(past.has(a)) - Number(past.has(b)));
  const top = ranked[0]!.figure;
  const best = top.score;
  // A partial match shows only the figures closest to the best: those of other passages are further still from what
  // was asked. The best figure's own passage is the closest the corpus comes to the topic, so its other figures are as
  // near as their own clauses say, and need only what a confident match's do.
  const least = (f: FoundFigure) =>
    match === 'partial' && f.passage.id !== top.passage.id ? partialRelative : minRelative;
  // A figure with no measure says nothing itself of what it counts: only the words of its sentence tie it to the
  // topic, so it is shown only when they tie it nearly as well as the best figure's.
  const cut = (f: FoundFigure) => f.score >= (f.measure ? least(f) : Math.max(least(f), unmeasuredRelative)) * best;
  const listed = ranked.map((f) => f.figure).filter(cut);
  // Equal scores keep their order: a figure restated stays before its restatements.
  return [...listed, ...otherEstimates(dossier, listed[0]!, listed, dossier.ranking.figures)]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/**
 * A table's row of totals, as `tableRow` writes one: its first cell "Total", "Totals" or "Grand total", perhaps under
 * its column's header ("month: Total — parcels: 3,874; …").
 */
const TOTAL_ROW = new RegExp(`^(?:[^${ROW_NAME_SEPARATOR}:]+: )?${TOTAL_ROW_NAME} ${ROW_NAME_SEPARATOR} `, 'i');

/** Whether a passage is a table's row of totals. */
const totalRow = (passage: Passage): boolean => TOTAL_ROW.test(passage.text);

/** A table's row, as `tableRow` writes one: its first cell, the dash, then its cells under their headers. */
const TABLE_ROW = new RegExp(`^[^${ROW_NAME_SEPARATOR}]+ ${ROW_NAME_SEPARATOR} [^:]+: `);

/** Whether a passage is a table's row. */
const tableRow = (passage: Passage): boolean => TABLE_ROW.test(passage.text);

/**
 * Other sources' figures for the best figure's quantity, which the topic may word unlike them: sources seldom give one
 * estimate in the same words ("the profits from ferry tickets in the country are estimated at between $18 and
 * $30 billion", "ferry tickets in the country ... provide some $20 to $30 billion in revenue"), but they give it
 * in the same unit, at a close value (`estimateSpread`), in a sentence that says much of what the other's says
 * (`restated` of its weight). Each scores as the figure it restates. Only the best figure is restated: one further
 * down the list is less surely about the topic, and its echoes were mostly about something else in the tuning topics.
 */
function otherEstimates(
  dossier: Library,
  best: FoundFigure,
  listed: FoundFigure[],
  { estimateSpread, restated, restatedCandidates }: RankingOptions['figures'],
): FoundFigure[] {
  // Another source's close date is another event's as often as the same one's.
  if (!/\d/.test(best.text) || best.unit === 'date') return [];
  const key = (passage: Passage, f: PassageFigure) => `${passage.id}:${f.sentence.start + f.start}`;
  const known = new Set(listed.map((f) => key(f.passage, f)));
  const sentence = analyseQuery(best.sentence.text, dossier.index, dossier.ranking.query);
  // The figure's numbers are compared by value (below): they say nothing more of whether another sentence restates
  // it, which gives it in its own ("some $7 billion" of "between $6 and $8 billion").
  const own = new Set(dossier.index.analyzer.terms(best.text).filter((t) => /\d/.test(t)));
  const said = { ...sentence, words: sentence.words.filter((w) => !own.has(w.term)) };
  const amounts = { figure: true, money: MONEY_UNITS.has(best.unit) };
  const found = new Map<string, FoundFigure>();
  for (const { passage } of dossier.search(sentence, { limit: restatedCandidates })) {
    if (passage.source === best.source) continue;
    for (const other of dossier.figures.of(passage)) {
      const at = key(passage, other);
      if (known.has(at) || found.has(at) || other.unit !== best.unit || other.per !== best.per) continue;
      if (!closeValues(best.value, other.value, estimateSpread)) continue;
      if (coverage(said, dossier.index.analyzer.terms(other.sentence.text), amounts) < restated) continue;
      const citation = dossier.citation(passage);
      found.set(at, { ...other, source: passage.source, passage, citation, score: best.score });
    }
  }
  return [...found.values()];
}
