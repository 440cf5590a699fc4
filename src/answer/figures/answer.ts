import { asShown } from '../../corpus/text.js';
import type { Passage, Sentence } from '../../corpus/types.js';
import type { SearchHit } from '../../search/index.js';
import type { Library } from '../library.js';
import type { Analyzer } from '../../search/analyzer.js';
import { CURRENCIES } from '../../search/english.js';
import { stemWord } from '../../search/analyzer.js';
import { amountsIn, analyseQuery, answerable, coverage, decide, evidence, missing } from '../../search/query.js';
import type { Amounts, AnalysedQuery, Match, QueryWord } from '../../search/query.js';
import type { Citation } from '../reply.js';
import type { RankingOptions } from '../../search/ranking.js';
import type { FigureUnit, FigureValue } from './grammar.js';
import { closeValues, MeasureIndex, type MeasureGroup, type Series } from './group.js';
import type { PassageFigure } from './passage.js';

export interface FiguresOptions {
  /** How many figures at most (default 10). */
  limit?: number;
}

/** A figure found for a topic: where it stands and how relevant it is (0 to 1). */
export interface FoundFigure extends PassageFigure {
  source: string;
  passage: Passage;
  citation: Citation;
  score: number;
}

/** The JSON form of one figure: what `dossier figures --json` prints and the evaluation reads. */
export interface FigureJson {
  text: string;
  value: FigureValue;
  unit: FigureUnit;
  measure: string | null;
  when: string | null;
  period: string | null;
  hedge: string | null;
  source: string;
  paragraph: number;
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
        when: f.when ?? null,
        period: f.period ?? null,
        hedge: f.hedge ?? null,
        source: f.source,
        paragraph: f.passage.paragraph,
        sentence: f.sentence.text,
        score: Math.round(f.score * 1000) / 1000,
      })),
    };
  }
}

/**
 * Words that ask for figures rather than say what about: every `figures` topic asks for numbers,
 * so "results of X", "X statistics" and "the X rate" are about X.
 */
const FIGURE_WORDS = new Set([
  'number',
  'numbers',
  'figure',
  'figures',
  'statistic',
  'statistics',
  'stats',
  'data',
  'amount',
  'amounts',
  'total',
  'totals',
  'count',
  'counts',
  'level',
  'levels',
  'result',
  'results',
  'outcome',
  'outcomes',
  'estimate',
  'estimates',
  'trend',
  'trends',
  'key',
  'rate',
  'rates',
  'share',
  'shares',
  'proportion',
  'proportions',
  'ratio',
  'ratios',
  'percentage',
  'percentages',
]);

/**
 * Words that ask how a figure moved, compares or when it stands rather than what it counts: "X compared with last
 * year", "growth of X", "X per month", "X now" ("vs" and "versus" are stop words). A figure says that by its own
 * numbers and times, often in other words ("up 30 percent", "from 9,000"), so they do not decide which figures are
 * about the topic.
 */
const CHANGE_WORDS = new Set(
  [
    'compared',
    'comparison',
    'change',
    'growth',
    'grow',
    'rise',
    'increase',
    'decrease',
    'decline',
    'drop',
    'fall',
    'jump',
    'higher',
    'lower',
    'less',
    'fewer',
    'per',
    'each',
    'every',
    'annual',
    'yearly',
    'monthly',
    'daily',
    'ago',
    'now',
    'today',
    'current',
    'latest',
    'recent',
    'percent',
  ].map(stemWord),
);

const MONEY_UNITS = new Set<FigureUnit>(CURRENCIES.map((c) => c.unit));
const PARTS = new Set<FigureUnit>(['percent', 'ratio']);

/**
 * The query without the words that only ask for figures ("statistics", "how big"), which every figure answers, and
 * with those that ask how one changed or compares, and the numbers the corpus lacks ("fy2019": a time its figures
 * write otherwise), weighing `aside` as much: they tell figures on the topic apart, not the topic. Unless nothing
 * else is left.
 */
function aboutWhat(query: AnalysedQuery, aside: number): AnalysedQuery {
  const words = query.words
    .filter((w) => !FIGURE_WORDS.has(w.word.toLowerCase()) && w.quantity !== 'figure')
    .map((w) => (CHANGE_WORDS.has(w.term) || (/\d/.test(w.term) && !w.known) ? { ...w, weight: w.weight * aside } : w));
  return words.some((w) => w.weight > 0) ? { ...query, words: words.filter((w) => w.weight > 0) } : query;
}

/**
 * The figures relevant to `topic`. Reads the corpus through the engine only; no side effects. Whether to
 * answer is ask's decision (`decide`) on the best figure's coverage: a confident answer lists the figures
 * that are about the topic; a partial one, when no figure reaches that, only the closest, said to match partly.
 */
export function answerFigures(dossier: Library, topic: string, { limit = 10 }: FiguresOptions = {}): FiguresAnswer {
  const {
    candidates,
    minRelative,
    partialRelative,
    sentenceWeight,
    measureWeight,
    following,
    wordedCount,
    otherTime,
    otherKind,
    otherPart,
    changeWeight,
    minCoverage,
  } = dossier.ranking.figures;
  const nothing = new FiguresAnswer(asShown(topic), [], [], [], undefined);
  const query = aboutWhat(analyseQuery(topic, dossier.index, dossier.ranking.query), changeWeight);
  if (!answerable(query)) return nothing;
  const analyzer = dossier.index.analyzer;
  // Whether to answer is ask's decision on the same passages: the best passage's coverage of the topic.
  const searched = dossier.search(query, { limit: candidates }).map((hit) => {
    const amounts = amountsIn(hit.passage.text);
    return { hit, amounts, cover: coverage(query, hit.terms, amounts) };
  });
  const bestOf = (list: typeof searched) =>
    list.reduce<(typeof list)[number] | undefined>((a, b) => (!a || b.cover > a.cover ? b : a), undefined);
  const direct = searched.filter(({ hit }) => dossier.figures.of(hit.passage).length > 0);
  const passages = withContinuations(dossier, query, searched, direct);
  const closest = bestOf(passages);
  // A topic is a short noun phrase, not a question: its figures answer on less of it (`figures.minCoverage`).
  const rule = { ...dossier.ranking.answer, minCoverage };
  const decision = (p: (typeof searched)[number] | undefined, options = rule) =>
    p ? decide(p.cover, options, evidence(query, p.cover)) : 'none';
  // Ask's answer to the same topic decides whether the corpus speaks of it at all; the closest passage with figures
  // then decides how well its figures match. When that one is too far, the corpus may speak of the topic only where it
  // gives no figures: the closest figures are shown as a partial match, if ask itself would answer the topic.
  const top = bestOf(searched);
  const asked = decision(top);
  const own = decision(closest);
  const spoken = () => decision(top, dossier.ranking.answer) !== 'none';
  const match: Match = !closest || asked === 'none' ? 'none' : own !== 'none' ? own : spoken() ? 'partial' : 'none';
  if (!closest || match === 'none') return nothing;
  // Each figure's clause: its sentence (with the heading and list lead-in over it), or with the sentence before
  // when only that one names the topic.
  const clauses: { figure: PassageFigure; hit: SearchHit; terms: string[]; whole: string[]; factor: number }[] = [];
  // A partial answer on rare words (`evidence`) may rest on a passage under the threshold: it, at least, counts.
  const threshold = Math.min(dossier.ranking.answer.minCoverage, (bestOf(direct) ?? closest).cover);
  for (const { hit, cover, lead } of passages) {
    if (cover < threshold) continue;
    const passage = hit.passage;
    const frame = analyzer.terms([passage.heading, passage.context].filter(Boolean).join('\n'));
    const whole = [...frame, ...(lead ? analyzer.terms(lead.text) : []), ...analyzer.terms(passage.text)];
    const own = new Map<Sentence, { terms: string[]; factor: number } | undefined>();
    const figures = dossier.figures.of(passage);
    for (const figure of figures) {
      if (!own.has(figure.sentence))
        own.set(figure.sentence, clauseOf(query, analyzer, passage, figure.sentence, frame, following));
      const clause = own.get(figure.sentence);
      // A measure carried from the sentence before ("... rise in ferry passengers. ... 12,000 in July, up from 9,000")
      // is the figure's own description: naming the topic there is naming it in the figure's clause.
      const measure = figure.measure ? analyzer.terms(figure.measure) : [];
      const named = measure.length > 0 && coverage(query, measure) > 0;
      if (!clause && !named) continue;
      const sentence = clause?.terms ?? [...frame, ...analyzer.terms(figure.sentence.text)];
      const theirs = figure.measure ? othersMeasures(analyzer, figures, figure, [...frame, ...measure]) : new Set();
      const terms = [...sentence.filter((t) => !theirs.has(t)), ...measure];
      // A figure with no measure of its own ("Records show a drop of 6 percent") is about what the sentence
      // before named: that sentence is its clause as much as its own.
      const factor = named || !figure.measure ? 1 : clause!.factor;
      clauses.push({ figure, hit, whole, terms, factor });
    }
  }
  const found: {
    figure: FoundFigure;
    searchScore: number;
    named: number;
    held: Set<QueryWord>;
    /** Whether its clause names what the topic is about, not only a time or a change it names. */
    onSubject: boolean;
  }[] = [];
  for (const { figure, hit, terms, whole, factor } of clauses) {
    const amounts = { figure: true, money: MONEY_UNITS.has(figure.unit) };
    const own = factor * coverage(query, terms, amounts);
    const cover = sentenceWeight * own + (1 - sentenceWeight) * coverage(query, whole, amounts);
    // A figure whose measure names the topic is about it; one whose measure names something else is less so.
    const measure = figure.measure ? analyzer.terms(figure.measure) : [];
    const named = figure.measure ? coverage(query, measure, amounts) : own;
    // A share in words ("nearly half") is as exact as one in digits.
    const worded = !/\d/.test(figure.text) && figure.unit !== 'ratio';
    const score = cover * (1 - measureWeight + measureWeight * named) * (worded ? wordedCount : 1);
    const passage = hit.passage;
    found.push({
      figure: { ...figure, source: passage.source, passage, citation: dossier.citation(passage), score },
      searchScore: hit.score,
      named,
      held: heldBy(query, measure, amounts),
      onSubject: [...heldBy(query, terms)].some((w) => !/\d/.test(w.term) && !CHANGE_WORDS.has(w.term)),
    });
  }
  if (!found.length) return nothing;
  const beside = besideTopic(analyzer, found);
  for (const f of found) if (beside.has(f.figure)) f.figure.score *= otherPart;
  // A topic that names a time ("in 2019", "fy22", "last 12 months") asks for the figures its sentences give for it,
  // when some of those are on its subject; the others stand for other times. A figure on something else that only
  // shares the year ("52,000 tonnes of silt dredged in 2019" on "cargo thefts in 2019") is no sign that the topic's
  // figures give times.
  const times = query.text.match(/\d+/g) ?? [];
  const onTime = (f: FoundFigure) => timeHeld(f.passage, f.sentence, times);
  if (found.some((f) => f.onSubject && onTime(f.figure)))
    for (const f of found) if (!onTime(f.figure)) f.figure.score *= otherTime;
  // "How many" asks for a count: a sum of money answers "how much".
  if (query.wantsCount) for (const f of found) if (MONEY_UNITS.has(f.figure.unit)) f.figure.score *= otherKind;
  // "What share", "percent", "%" ask for a part of a whole: a count or a sum is another kind of figure.
  if (query.wantsShare) for (const f of found) if (!PARTS.has(f.figure.unit)) f.figure.score *= otherKind;
  // Equal scores: the passage the search ranks higher first.
  const ranked = found.sort((a, b) => b.figure.score - a.figure.score || b.searchScore - a.searchScore);
  const best = ranked[0]!.figure.score;
  const cut = (f: FoundFigure) => f.score >= (match === 'partial' ? partialRelative : minRelative) * best;
  const listed = ranked.map((f) => f.figure).filter(cut);
  // Equal scores keep their order: a figure restated stays before its restatements.
  const kept = [...listed, ...otherEstimates(dossier, listed[0]!, listed, dossier.ranking.figures)]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
  const measures = new MeasureIndex(analyzer, (term) => dossier.index.bridges.sameAs(term), dossier.ranking.figures);
  const groups = measures.group(kept);
  return new FiguresAnswer(
    asShown(topic),
    groups.flatMap((g) => g.figures),
    groups,
    measures.disagreements(groups),
    groups.map((g) => measures.series(g)).find(Boolean),
    match,
    match === 'partial' ? missing(query, closest.hit.terms, closest.amounts).map((w) => w.word) : [],
  );
}

/**
 * Other sources' figures for the best figure's quantity, which the topic may word unlike them: sources seldom give one
 * estimate in the same words ("the profits from illegal drug sales in the country are estimated at between $18 and
 * $30 billion", "illegal drug sales in the country ... provide some $20 to $30 billion in revenue"), but they give it
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
  if (!/\d/.test(best.text)) return [];
  const key = (passage: Passage, f: PassageFigure) => `${passage.id}:${f.sentence.start + f.start}`;
  const known = new Set(listed.map((f) => key(f.passage, f)));
  const sentence = analyseQuery(best.sentence.text, dossier.index, dossier.ranking.query);
  const amounts = { figure: true, money: MONEY_UNITS.has(best.unit) };
  const found = new Map<string, FoundFigure>();
  for (const { passage } of dossier.search(sentence, { limit: restatedCandidates })) {
    if (passage.source === best.source) continue;
    for (const other of dossier.figures.of(passage)) {
      const at = key(passage, other);
      if (known.has(at) || found.has(at) || other.unit !== best.unit || other.per !== best.per) continue;
      if (!closeValues(best.value, other.value, estimateSpread)) continue;
      if (coverage(sentence, dossier.index.analyzer.terms(other.sentence.text), amounts) < restated) continue;
      const citation = dossier.citation(passage);
      found.set(at, { ...other, source: passage.source, passage, citation, score: best.score });
    }
  }
  return [...found.values()];
}

/** A passage searched for figures, with its coverage of the topic and, when it continues one, the paragraph before. */
interface Searched {
  hit: SearchHit;
  amounts: Amounts;
  cover: number;
  lead?: Passage;
}

/**
 * The passages with figures among the hits (`direct`), and the paragraph after a hit with none that continues it under
 * the same heading: a paragraph that names the topic without a figure ("Ferry traffic to the islands kept growing.")
 * often gives them in the next ("In July the ferries carried 12,000 passengers"). Only a hit that covers more of the
 * topic than every passage with figures leads on so: in the tuning topics, weaker ones led mostly to figures on
 * something else. The continuation is read with its lead as one passage; its figures still count only where their
 * own clause or measure names the topic.
 */
function withContinuations(
  dossier: Library,
  query: AnalysedQuery,
  searched: Searched[],
  direct: Searched[],
): Searched[] {
  const byId = new Map(direct.map((s) => [s.hit.passage.id, s]));
  const wanted = new Set(query.words.flatMap((w) => w.terms));
  const best = Math.max(0, ...direct.map((s) => s.cover));
  for (const { hit, cover: led } of searched) {
    if (led <= best) continue;
    const lead = hit.passage;
    const doc = dossier.document(lead.source);
    const next = doc?.passages[lead.paragraph];
    if (!doc || !next || next.heading !== lead.heading || dossier.figures.of(lead).length) continue;
    if (!dossier.figures.of(next).length) continue;
    // The lead's terms include the document's title, which the continuation shares.
    const own = dossier.index.analyzer.terms(`${next.context ?? ''}\n${next.text}`).filter((t) => wanted.has(t));
    const terms = [...new Set([...hit.terms, ...own])];
    const amounts = amountsIn(next.text);
    const cover = coverage(query, terms, amounts);
    const seen = byId.get(next.id);
    if (!seen || cover > seen.cover)
      byId.set(next.id, { hit: { ...hit, id: next.id, passage: next, terms }, amounts, cover, lead });
  }
  return [...byId.values()];
}

/**
 * The terms of the clause a figure stands in, or none when it is not about the topic. The heading and list
 * lead-in (`frame`) frame every sentence under them, but only a sentence that names part of the topic, or
 * follows one that does ("This is reflected in rising violence. So far this year, homicides are up ..."), is
 * about it, the latter counting `following` as much: a section on violence holds figures on other things too.
 */
function clauseOf(
  query: AnalysedQuery,
  analyzer: Analyzer,
  passage: Passage,
  sentence: Sentence,
  frame: string[],
  following: number,
): { terms: string[]; factor: number } | undefined {
  const terms = analyzer.terms(sentence.text);
  if (coverage(query, terms) > 0) return { terms: [...frame, ...terms], factor: 1 };
  const previous = passage.sentences[passage.sentences.indexOf(sentence) - 1];
  const before = previous ? analyzer.terms(previous.text) : [];
  if (coverage(query, before) > 0) return { terms: [...frame, ...before, ...terms], factor: following };
  // "## Ferry passengers" over "In 2019 the service carried 41,000": a heading says what the figures under it count,
  // when they say nothing else; one with a measure of its own counts it `following` as much.
  return coverage(query, frame) > 0 ? { terms: [...frame, ...terms], factor: following } : undefined;
}

/**
 * The figures whose sentence gives another figure with a measure that names more of the topic (`named`: how much of it
 * a figure's measure names, `held`: which of its words), when theirs is not the whole that one is part of: "over 900 of
 * those from trucks and some 300 from buses" on "bus crashes" sets the trucks' count beside the topic, while "9,000
 * crashes" before them is all of them, buses included. A measure naming a word of the topic the other's does not is
 * a part the topic asks for too ("crashes involving trucks or buses": both counts are wanted).
 */
export function besideTopic<F extends PassageFigure>(
  analyzer: Analyzer,
  figures: { figure: F; named: number; held: Set<QueryWord> }[],
): Set<F> {
  const beside = new Set<F>();
  for (const f of figures) {
    if (!f.figure.measure) continue;
    const own = analyzer.terms(f.figure.measure);
    const part = (g: { figure: F; named: number; held: Set<QueryWord> }) =>
      g.figure.sentence === f.figure.sentence &&
      g.named > f.named &&
      !!g.figure.measure &&
      [...f.held].every((w) => g.held.has(w)) &&
      !own.every((t) => analyzer.terms(g.figure.measure!).includes(t));
    if (figures.some(part)) beside.add(f.figure);
  }
  return beside;
}

/** The words of the topic that a figure's measure names. */
export function heldBy(query: AnalysedQuery, measure: string[], amounts?: Amounts): Set<QueryWord> {
  const lacking = new Set(missing(query, measure, amounts));
  return new Set(query.words.filter((w) => !lacking.has(w)));
}

/**
 * Whether a figure's sentence is at one of `times`: when it names it, or names no year and an earlier sentence of its
 * paragraph does ("By the close of 2019 the fair had sold 7,400 tickets. ... volunteers parked over 2,600 cars"), a
 * year named first holding for the sentences after it until another year is named.
 */
function timeHeld(passage: Passage, sentence: Sentence, times: string[]): boolean {
  for (let i = passage.sentences.indexOf(sentence); i >= 0; i--) {
    const numbers = passage.sentences[i]!.text.match(/\d+(?:[.,]\d+)*/g) ?? [];
    if (numbers.some((n) => sameTime(n, times))) return true;
    if (numbers.some((n) => /^(19|20)\d\d$/.test(n))) return false;
  }
  return false;
}

/** Whether a sentence's number is one the topic names, or the year its two digits abbreviate ("fy22"). */
function sameTime(number: string, times: string[]): boolean {
  return times.some((t) => number === t || (t.length === 2 && /^(19|20)\d\d$/.test(number) && number.endsWith(t)));
}

/**
 * The words of other figures' measures in the same sentence, less `keep` (the figure's own measure and its frame):
 * they describe those figures, not this one. "8,000 road crashes, with over 1,200 from drunk drivers and some 900 from
 * speeders" says nothing of speeders about the 8,000. A figure with no measure of its own keeps all of its sentence,
 * which may describe it through another's ("some 300 ... and 2,000 passengers").
 */
function othersMeasures(
  analyzer: Analyzer,
  figures: PassageFigure[],
  figure: PassageFigure,
  keep: string[],
): Set<string> {
  const theirs = new Set<string>();
  for (const other of figures)
    if (other !== figure && other.sentence === figure.sentence && other.measure)
      for (const t of analyzer.terms(other.measure)) theirs.add(t);
  for (const t of keep) theirs.delete(t);
  return theirs;
}
