import type { Passage, Sentence } from '../../corpus/types.js';
import type { Analyzer } from '../../search/analyzer.js';
import { EVERY_UNIT, MINUTES_IN, SAID_BY_SOURCE } from '../../search/english.js';
import type { SearchHit } from '../../search/index.js';
import { coverage, missing, type Amounts, type AnalysedQuery, type QueryWord } from '../../search/query.js';
import { asksMoney } from '../asked.js';
import type { Library } from '../library.js';
import type { Citation } from '../reply.js';
import type { Matched } from './decide.js';
import type { PassageFigure } from './passage.js';
import { MONEY_UNITS, subjectOf } from './topic.js';

/** A figure found for a topic: where it stands and how relevant it is (0 to 1). */
export interface FoundFigure extends PassageFigure {
  source: string;
  passage: Passage;
  citation: Citation;
  score: number;
}

/** A figure with the words of its clause, which say whether it is about the topic. */
interface Clause {
  figure: PassageFigure;
  hit: SearchHit;
  /** The clause's terms: its sentence's (or sentences') under the heading, less other figures' measures. */
  terms: string[];
  /** The whole passage's terms, with its heading and the paragraph it continues. */
  whole: string[];
  /** How much the clause counts: less when only the sentence before or the heading names the topic. */
  factor: number;
  /** The figure's measure's terms (none when it has no measure). */
  measure: string[];
}

/**
 * A figure's clause as `clauseOf` reads it: `framed` when only the heading or list lead-in over it names the topic,
 * `borrowed` when only the sentence before does, for a figure with no measure.
 */
interface ClauseOf {
  terms: string[];
  factor: number;
  framed?: boolean;
  borrowed?: boolean;
}

/**
 * A text without its verbs of saying used of a source (`SAID_BY_SOURCE`): "the port reported a 40 percent rise in
 * cargo" says who gave the figure, not that it counts anything reported, so a topic on how often noise is reported
 * finds no figure of it through that word. Every figure's clause and passage are read so; the search is not.
 */
const unsaid = (text: string): string => text.replace(SAID_BY_SOURCE, ' ');

/** Whether a measure is only a name: every word capitalised ("Harbour Link", "Rural Schools Initiative"). */
const isName = (measure: string): boolean => measure.split(/\s+/).every((w) => /^\p{Lu}/u.test(w));

/** A figure scored for a topic, with what the later factors (`adjustScores`) weigh it by. */
export interface Scored {
  figure: FoundFigure;
  searchScore: number;
  /** How much of the topic the figure's measure names (its clause's coverage when it has no measure). */
  named: number;
  /** The topic's words its measure names. */
  held: Set<QueryWord>;
  /**
   * How much of what the topic is about its clause names: its coverage of the topic's words other than times and
   * changes (0 when it names only those).
   */
  subject: number;
  /** The same for its whole passage, with its heading and the paragraph it continues. */
  subjectAround: number;
  /** The topic's numbers (its times: "2019", "fy22") that its clause names. */
  times: Set<QueryWord>;
}

/**
 * Each figure's clause in the matched passages that reach the threshold: its sentence (with the heading and list
 * lead-in over it), or with the sentence before when only that one names the topic. Figures whose clause and measure
 * name none of it are left out. When no figure of those passages with a measure is left, the passages under the
 * threshold are read too (`under`): the decision found the topic spoken of, and where the passages that cover most of
 * it give no figure on it ("Funding was debated in committee" over "Parliament has voted £4 million for the ferry, of
 * which £3 million has been paid"), or only figures with no measure, which say nothing themselves of what they count
 * ("Records show a drop of 6 percent" after a sentence sharing a word with the topic), the figures of the ones further
 * off, on which the topic was also searched, are the closest the corpus has; the answer then matches only partly.
 */
export function figureClauses(
  dossier: Library,
  query: AnalysedQuery,
  { passages, threshold }: Matched,
): { clauses: Clause[]; under: boolean } {
  const over = clausesIn(
    dossier,
    query,
    passages.filter((p) => p.cover >= threshold),
  );
  if (over.some((c) => c.figure.measure)) return { clauses: over, under: false };
  const under = clausesIn(
    dossier,
    query,
    passages.filter((p) => p.cover < threshold),
  );
  return { clauses: [...over, ...under], under: under.length > 0 };
}

/** The clauses of the figures in `passages` that name the topic (`figureClauses`). */
function clausesIn(dossier: Library, query: AnalysedQuery, passages: Matched['passages']): Clause[] {
  const { following } = dossier.ranking.figures;
  const analyzer = dossier.index.analyzer;
  const clauses: Clause[] = [];
  for (const { hit, lead } of passages) {
    const passage = hit.passage;
    const frame = analyzer.terms([passage.heading, passage.context].filter(Boolean).join('\n'));
    const whole = [...frame, ...(lead ? analyzer.terms(lead.text) : []), ...analyzer.terms(unsaid(passage.text))];
    // Each sentence's clause read once for the figures with a measure, once for those with none.
    const own = [true, false].map(() => new Map<Sentence, ClauseOf | undefined>());
    const figures = dossier.figures.of(passage);
    // A topic asking when ("when did the ferry start") is answered by the dates the passage names, as figures.
    const dates = query.asks === 'time' ? dossier.figures.dates(passage) : [];
    // The passage's sums whose measure names the topic, read once, when a heading first asks (`fromHeading`).
    let topicSums: PassageFigure[] | undefined;
    const sumsOfTopic = () =>
      (topicSums ??= figures.filter((f) => isSum(f) && !!f.measure && coverage(query, analyzer.terms(f.measure)) > 0));
    for (const figure of [...figures, ...dates]) {
      const read = own[figure.measure ? 0 : 1]!;
      if (!read.has(figure.sentence))
        read.set(figure.sentence, clauseOf(query, analyzer, passage, figure, frame, following));
      const clause = read.get(figure.sentence);
      // A measure carried from the sentence before ("... rise in ferry passengers. ... 12,000 in July, up from 9,000")
      // is the figure's own description: naming the topic there is naming it in the figure's clause.
      const measure = figure.measure ? analyzer.terms(figure.measure) : [];
      const named = measure.length > 0 && coverage(query, measure) > 0;
      if (!clause && !named) continue;
      const sentence = clause?.terms ?? [...frame, ...analyzer.terms(unsaid(figure.sentence.text))];
      const theirs = figure.measure ? othersMeasures(analyzer, figures, figure, [...frame, ...measure]) : new Set();
      // "in the 12 months to September": a total over a year's length is a year's, however its words count it.
      const yearly = yearLong(figure.periodMinutes) ? YEAR_TERMS(analyzer) : [];
      const terms = [...sentence.filter((t) => !theirs.has(t)), ...measure, ...yearly];
      // A figure with no measure of its own ("Records show a drop of 6 percent") is about what the sentence
      // before named: that sentence is its clause as much as its own.
      // A measure that is only a name ("some $4.2 million for Harbour Link" under "## Costs and funding") says which
      // thing the figure is of, not what kind of quantity: a heading naming the topic says that, as for a figure with
      // no measure.
      // A sum's measure often says what is paid for, not what kind of sum it is ("An annual membership costs $65"
      // under "## Tickets", after "An adult ticket is $12"): when the passage gives another sum whose measure names
      // the topic, the heading says what kind of sum this one is too. A count names what it counts ("300 dock workers"
      // under "## Ferry passengers"), and a sum beside none of the topic's kind may be of anything ("The new café
      // cost $400,000" under "## Visitors").
      const fromHeading = (measure: string) =>
        clause!.framed && (isName(measure) || (isSum(figure) && sumsOfTopic().some((f) => f !== figure)));
      // A date is different: it says when its own sentence's event happened ("The port's new crane came in 2018.
      // During 2019 the dockers struck"), whatever the sentence before it named, so it counts only as such a clause.
      const dated = figure.unit === 'date' && !!clause?.borrowed;
      const factor =
        named || (!figure.measure && !dated) || (!!figure.measure && fromHeading(figure.measure)) ? 1 : clause!.factor;
      clauses.push({ figure, hit, whole, terms, factor, measure });
    }
  }
  return clauses;
}

/**
 * Whether a figure's period ("12 months", "twelve months", "52 weeks", "fiscal year") lasts a year, within a week: its
 * minutes as the grammar counted them (`periodMinutes`) come to one year's.
 */
function yearLong(minutes: number | undefined): boolean {
  return minutes !== undefined && Math.abs(minutes - MINUTES_IN.get('year')!) <= MINUTES_IN.get('week')!;
}

/** The terms of "year" and of the words saying every year ("annual", "yearly"), which a year-long total holds. */
const YEAR_TERMS = (analyzer: Analyzer): string[] =>
  analyzer.terms(['year', ...[...EVERY_UNIT].filter(([, unit]) => unit === 'year').map(([word]) => word)].join(' '));

/** Whether a figure is a sum of money. */
const isSum = (f: PassageFigure): boolean => MONEY_UNITS.has(f.unit);

/**
 * Each clause's figure scored by how much of the topic its clause covers (`sentenceWeight`) beside its whole passage,
 * and by how much its measure names (`measureWeight`).
 */
export function scoreClauses(dossier: Library, query: AnalysedQuery, clauses: Clause[]): Scored[] {
  const { sentenceWeight, measureWeight, wordedCount } = dossier.ranking.figures;
  const found: Scored[] = [];
  // A topic's word said mostly of money that the corpus never writes ("price per cubic metre" over "The volume charge
  // is £1.92 per cubic metre") names the kind of figure it asks for, as "how many" asks a count: a sum of money gives
  // it in other words, and another figure not at all. Whether to answer is decided before (`matchFor`), not on this.
  const priced = (w: QueryWord) => w.money && !w.known && !w.quantity;
  query = { ...query, words: query.words.map((w) => (priced(w) ? { ...w, quantity: 'money' as const } : w)) };
  const subject = subjectOf(query);
  const numbers = { ...query, words: query.words.filter((w) => /\d/.test(w.term)) };
  // A sum whose measure is a kind of money the topic's words modify ("Adoption fee: £75", "licence fees") is a price of
  // what the topic names, not a figure of it, where the topic asks no sum: read as naming the topic, a fee table's
  // every cell was a figure of 'adoptions', listed before the counts of them. Only the words before the measure's first
  // word of money: after it they say whose or from what the sum is ("profits from drug sales in the United States").
  const analyzer = dossier.index.analyzer;
  const asksSum = asksMoney(query) || query.asks === 'amount';
  const pricedBy = (figure: PassageFigure) => {
    if (asksSum || !isSum(figure)) return false;
    const words = figure.measure!.split(/\s+/);
    const money = words.findIndex((w) => dossier.index.money(w.toLowerCase().replace(/[^\p{L}]+/gu, '')));
    return money > 0 && coverage(query, analyzer.terms(words.slice(0, money).join(' '))) > 0;
  };
  for (const { figure, hit, terms, whole, factor, measure } of clauses) {
    const amounts = { figure: true, money: MONEY_UNITS.has(figure.unit) };
    const own = factor * coverage(query, terms, amounts);
    const cover = sentenceWeight * own + (1 - sentenceWeight) * coverage(query, whole, amounts);
    // A figure whose measure names the topic is about it; one whose measure names something else is less so. A price
    // of what the topic names is something else (`pricedBy`).
    const named = !figure.measure ? own : pricedBy(figure) ? 0 : coverage(query, measure, amounts);
    // A share in words ("nearly half") is as exact as one in digits.
    const worded = !/\d/.test(figure.text) && figure.unit !== 'ratio';
    const score = cover * (1 - measureWeight + measureWeight * named) * (worded ? wordedCount : 1);
    const passage = hit.passage;
    found.push({
      figure: { ...figure, source: passage.source, passage, citation: dossier.citation(passage), score },
      searchScore: hit.score,
      named,
      held: heldBy(query, measure, amounts),
      subject: subject.words.length ? factor * coverage(subject, terms) : 0,
      subjectAround: subject.words.length ? coverage(subject, whole) : 0,
      times: heldBy(numbers, terms),
    });
  }
  return found;
}

/**
 * The terms of the clause a figure stands in, or none when it is not about the topic. The heading and list
 * lead-in (`frame`) frame every sentence under them, but only a sentence that names part of the topic, or
 * follows one that does ("This is reflected in rising rents. So far this year, evictions are up ..."), is
 * about it, the latter counting `following` as much: a section on rents holds figures on other things too.
 */
function clauseOf(
  query: AnalysedQuery,
  analyzer: Analyzer,
  passage: Passage,
  { sentence, measure }: PassageFigure,
  frame: string[],
  following: number,
): ClauseOf | undefined {
  const terms = analyzer.terms(unsaid(sentence.text));
  const previous = passage.sentences[passage.sentences.indexOf(sentence) - 1];
  const before = previous ? analyzer.terms(unsaid(previous.text)) : [];
  // A figure with no measure of its own is about what the sentence before named, though its own sentence may name the
  // topic's time: "Rents rose again in the city. Records show a rise of 6 percent this year" on "city rents this year".
  const subject = subjectOf(query);
  if (!measure && coverage(subject, terms) === 0 && coverage(subject, before) > 0)
    return { terms: [...frame, ...before, ...terms], factor: following, borrowed: true };
  if (coverage(query, terms) > 0) return { terms: [...frame, ...terms], factor: 1 };
  // "## Ferry passengers" over "In 2019 the service carried 41,000": a heading says what the figures under it count,
  // when they say nothing else; one with a measure of its own counts it `following` as much. It is framed whether or
  // not the sentence before names the topic too: that sentence takes nothing from what the heading says.
  const framed = coverage(query, frame) > 0 || undefined;
  if (coverage(query, before) > 0) return { terms: [...frame, ...before, ...terms], factor: following, framed };
  return framed && { terms: [...frame, ...terms], factor: following, framed };
}

/** The words of the topic that a figure's measure names. */
export function heldBy(query: AnalysedQuery, measure: string[], amounts?: Amounts): Set<QueryWord> {
  const lacking = new Set(missing(query, measure, amounts));
  return new Set(query.words.filter((w) => !lacking.has(w)));
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
