import stem from 'wink-porter2-stemmer';
import { monthNumber } from '../../corpus/dates.js';
import {
  CURRENCIES,
  NUMBER_SCALES as SCALES,
  NUMBER_WORDS as ENGLISH_NUMBER_WORDS,
  type CurrencyUnit,
} from '../../search/english.js';
import { tokenSentences, type Token } from './tokens.js';

/**
 * The figure grammar: the one place that decides what a figure is. It reads wink-nlp's tokens (and
 * its DATE and DURATION entities, for time) and joins what wink leaves apart: a hedge and its
 * number ("some $" + "1.6 billion"), the two ends of a range, a number and its scale, unit and noun.
 */

export type FigureUnit = CurrencyUnit | 'percent' | 'count' | 'multiple' | 'ratio';

/** A number, or the two ends of a range ("between $18 and $30 billion" is 18e9..30e9). */
export type FigureValue = number | { low: number; high: number };

export interface Figure {
  /** Verbatim: `sentence.slice(start, end)`. Counts and ratios keep their noun ("43 students"). */
  text: string;
  start: number;
  end: number;
  /** Money in units of its currency, percentages as written (72.9), ratios as a fraction (0.1). */
  value: FigureValue;
  unit: FigureUnit;
  /** The period of a rate: "month" for "$77 million a month". */
  per?: string;
  /** What the figure counts or measures, from the sentence ("road crash deaths in the county"). */
  measure?: string;
  /** The time the sentence gives for it, verbatim ("in 2016", "the 12 months ending in March 2022"). */
  when?: string;
  /**
   * The stretch of time the figure is a total over, when its time names where that stretch ends: "12 months"
   * for "the 12 months ending in March 2022", and for "up from 62,000 in March 2021" beside it; "fiscal year".
   */
  period?: string;
  /** How the source qualifies it: "some", "about", "over", "an estimated", "up to". */
  hedge?: string;
}

/** Every figure in `sentence`, in order. `sentence` may hold several sentences, read in turn. */
export function figuresInSentence(sentence: string): Figure[] {
  return figuresInSentences([sentence])[0]!;
}

/**
 * The figures of each of a passage's sentences, read in order, so that a figure whose sentence names
 * only its head noun ("over 70,000 deaths") takes the fuller noun phrase the sentence before gave it
 * ("deaths from collisions of heavy lorries").
 */
export function figuresInSentences(sentences: string[]): Figure[][] {
  let previous: SentenceReader | undefined;
  return sentences.map((text) =>
    tokenSentences(text).flatMap((tokens) => {
      const reader: SentenceReader = new SentenceReader(text, tokens, previous);
      previous = reader;
      return reader.figures();
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Word lists. Grammar, not topic: nothing here names a subject of the corpus.

/** English's number words (`search/english.ts`, where a question reads them too) as the numbers they are. */
const NUMBER_WORDS = new Map(Object.entries(ENGLISH_NUMBER_WORDS).map(([word, digits]) => [word, Number(digits)]));
const CURRENCY_SYMBOLS = new Map<string, FigureUnit>(CURRENCIES.flatMap((c) => c.signs.map((s) => [s, c.unit])));
const CURRENCY_WORDS = new Map<string, FigureUnit>(CURRENCIES.flatMap((c) => c.words.map((w) => [w, c.unit])));
/** Longest first, so "more than" wins over "more". */
const HEDGES = [
  'something around',
  'something like',
  'an estimated',
  'an average of',
  'upwards of',
  'upward of',
  'in excess of',
  'as many as',
  'as much as',
  'as few as',
  'more than',
  'less than',
  'fewer than',
  'at least',
  'at most',
  'up to',
  'close to',
  'just over',
  'just under',
  'well over',
  'a mere',
  'nearly',
  'almost',
  'about',
  'around',
  'roughly',
  'approximately',
  'some',
  'over',
  'under',
  'estimated',
  'only',
  'barely',
].map((h) => h.split(' '));
const CHANGE_MARKERS = new Set(['up', 'down']);
/** A share said in words, by the parts its whole is cut into: "half of", "a third of", "two-thirds of". */
const FRACTIONS = new Map(
  (
    [
      ['half', 2],
      ['third', 3],
      ['quarter', 4],
      ['fifth', 5],
      ['tenth', 10],
    ] as [string, number][]
  ).flatMap(([w, n]) => [
    [w, n],
    [w === 'half' ? 'halves' : `${w}s`, n],
  ]),
);
/** Words before a bare "half" that make it one part named, not a share: "the second half", "the other half". */
const NAMED_PARTS = new Set([
  'the',
  'a',
  'first',
  'second',
  'last',
  'latter',
  'other',
  'this',
  'that',
  'each',
  'every',
]);
/** Ordinals that count a part of a year: "the third quarter", "the second half". */
const PART_ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'final', 'last']);
const YEAR_PARTS = new Set(['quarter', 'half']);
/** Nouns that name a change ("a drop of 8 percent"): how a figure moved, not what it measures. */
export const CHANGE_NOUNS = new Set(
  ['increase', 'decrease', 'drop', 'rise', 'decline', 'fall', 'growth', 'reduction', 'jump', 'cut', 'gain', 'loss']
    .flatMap((w) => [w, `${w}s`])
    .concat(['growths', 'losses']),
);
const TIME_UNITS = new Set([
  'year',
  'years',
  'month',
  'months',
  'week',
  'weeks',
  'day',
  'days',
  'hour',
  'hours',
  'minute',
  'minutes',
  'decade',
  'decades',
  'century',
  'centuries',
  'quarter',
  'quarters',
]);
/** Units of measure: a count of them ("3.1 tonnes") measures what the sentence says stands at it. */
const MEASUREMENT_UNITS = new Set(
  (
    'tonne ton kilogram kilo kg gram ounce litre liter gallon barrel metre meter kilometre kilometer km mile foot ' +
    'yard acre hectare millimetre millimeter centimetre centimeter megawatt kilowatt gigawatt watt degree calorie'
  )
    .split(' ')
    .flatMap((w) => [w, `${w}s`])
    .concat(['feet', 'inch', 'inches']),
);
/** Nouns that name a stretch of time: "the same period" says when, not what a figure measures. */
const TIME_NOUNS = new Set([...TIME_UNITS, 'period', 'periods', 'time', 'season', 'seasons', 'interval', 'intervals']);
const RATE_WORDS = new Set(['a', 'an', 'per', 'each', 'every']);
/** Words after which a number is a label, not a quantity: "Pillar 1", "Section 3", "No. 5". */
const NUMBERING_WORDS = new Set([
  'pillar',
  'section',
  'chapter',
  'article',
  'part',
  'page',
  'pages',
  'paragraph',
  'para',
  'item',
  'point',
  'phase',
  'step',
  'stage',
  'title',
  'figure',
  'table',
  'volume',
  'vol',
  'issue',
  'no',
  'number',
  '#',
  'round',
  'act',
  'rule',
  'clause',
  'annex',
  'appendix',
  'level',
  'tier',
  'grade',
  'box',
  'footnote',
  'note',
  'line',
  'lines',
]);
const COMPARATIVES = new Set([
  'greater',
  'more',
  'higher',
  'larger',
  'bigger',
  'less',
  'smaller',
  'lower',
  'faster',
  'slower',
  'longer',
  'fewer',
]);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'our',
  'your',
  'this',
  'that',
  'these',
  'those',
  'more',
  'many',
  'most',
  'some',
  'all',
  'both',
  'other',
]);
/** "the two governments", "these three": a definite small number refers back; it is not a count. */
const DEFINITE = new Set([
  'the',
  'these',
  'those',
  'both',
  'its',
  'their',
  'his',
  'her',
  'our',
  'my',
  'your',
  "'s",
  '’s',
]);
const ANAPHORS = new Set(['those', 'them', 'these', 'which', 'whom']);
/** Pronouns that open a relative clause narrowing the noun before them: "farms that lack irrigation". */
const RELATIVES = new Set(['that', 'which', 'who']);
/**
 * Words after a noun that make the number after them a bound on what the noun counts, not a figure of its own:
 * "drivers under 25", "towns above 5,000"; and those that make it an age ("people aged 65", "adults older than 70").
 */
const BOUNDS = new Set(['under', 'over', 'above', 'below']);
const AGES = new Set(['aged', 'age', 'ages']);
/** The hedges, and the bounds that are none ("above 5,000"), read back from a number. */
const BOUND_HEDGES = [...HEDGES, ...[...BOUNDS].map((w) => [w])];
/** Hedges that make a count after "with" a bound on a class: "firms with fewer than 50 employees". */
const COMPARISONS = new Set([...BOUNDS, 'more than', 'fewer than', 'less than', 'at least', 'at most']);
/** Prepositions that carry a noun phrase's own qualifier ("deaths in the United States"). */
const QUALIFYING_PREPOSITIONS = new Set(['in', 'of', 'from', 'among', 'at', 'on', 'to', 'for', 'within', 'across']);
/** Prepositions that may join two parts of one noun phrase: "profits from drug sales in the United States". */
const NOUN_LINKS = new Set(['of', 'in', 'from', 'at', 'on', 'to', 'for', 'among', 'with', 'within', 'across']);
/**
 * Verbs (by lemma) whose subject is the quantity itself: "thefts reached 1,500", "the bill came to $3
 * million", "losses are $2 million". After any other verb the subject is who acts ("the ministry spent $4
 * million"), and the figure is not a measure of it.
 */
const QUANTITY_VERBS = new Set([
  'be',
  'become',
  'remain',
  'stay',
  'stand',
  'reach',
  'total',
  'number',
  'amount',
  'average',
  'top',
  'exceed',
  'surpass',
  'hit',
  'near',
  'approach',
  'equal',
  'represent',
  'account',
  'comprise',
  'constitute',
  'cost',
  'rise',
  'climb',
  'increase',
  'grow',
  'jump',
  'soar',
  'surge',
  'double',
  'triple',
  'swell',
  'fall',
  'drop',
  'decline',
  'decrease',
  'sink',
  'dip',
  'slip',
  'plunge',
  'plummet',
  'tumble',
  'shrink',
  'peak',
  'hover',
  'range',
  'run',
  'come',
  'go',
]);
/** Verbs (by lemma) of a quantity's change: "from A to B" after them gives where it moved from and to, not a range. */
const CHANGE_VERBS = new Set(
  (
    'rise climb increase grow jump soar surge swell fall drop decline decrease sink dip slip plunge plummet tumble ' +
    'shrink go change'
  ).split(' '),
);
/** Prepositions after a verb that make its subject the quantity: "fell to", "put at", "grew by". */
const QUANTITY_PREPOSITIONS = new Set(['at', 'to', 'by', 'of', 'in', 'from', 'for']);
/** Between a figure and the noun phrase it is said of: "plummeted by more than half to", "a drop of". */
const LINKING_WORDS = new Set([
  'at',
  'for',
  'to',
  'by',
  'of',
  'in',
  'up',
  'down',
  'a',
  'an',
  'than',
  'more',
  'less',
  'half',
  'third',
  'quarter',
  'much',
]);
const TIME_PREPOSITIONS = new Set([
  'in',
  'since',
  'during',
  'by',
  'until',
  'through',
  'throughout',
  'over',
  'from',
  'between',
  'before',
  'after',
  'within',
  'as',
]);
/** Words that belong to a time expression before its number or unit: "the last 15 years", "the first half". */
const TIME_QUALIFIERS = new Set(['the', 'last', 'past', 'next', 'first', 'previous', 'early', 'late', 'mid']);
/** Words that anchor a time to now: "last spring", "this year". */
const RELATIVE_TIMES = new Set(['this', 'last', 'past', 'next', 'previous']);
/** A season is a time after "last" or "this" (wink dates "last winter" but not "last spring" or "last fall"). */
const SEASONS = new Set(['spring', 'summer', 'autumn', 'fall', 'winter']);
const DROPPED_TIME_PREPOSITIONS = new Set(['for', 'of', 'at', 'to', 'on']);
const BASELINE_MARKERS = new Set(['than', 'versus', 'vs', 'vs.', 'above', 'below']);
/** Words joining a stretch of time to the date it ends on: "the 12 months ending in March 2022". */
const PERIOD_ENDS = new Set(['ending', 'ended', 'to', 'through', 'until']);
const CLAUSE_BREAKS = new Set([',', ';', ':', '(', ')', '—', '–', '[', ']', '“', '”', '"']);

/**
 * The most tokens a noun phrase is read back over ("the profits from drug sales in the city" is eight): further back is
 * another clause's.
 */
const NOUN_PHRASE_MAX_TOKENS = 14;
/**
 * How far before a noun phrase the relative pronoun of its clause may stand: "that" is two tokens before "a car" in
 * "households that own a car".
 */
const RELATIVE_MAX_TOKENS = 4;
const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const YEAR = /^(1[89]|20)\d\d$/;

interface Amount {
  first: number;
  /** Index after the amount's last token. */
  next: number;
  value: number;
  currency?: FigureUnit;
  percent: boolean;
  /** The product of its scale words: 1e9 for "1.6 billion", 1 for none. */
  scale: number;
  /** Written in words ("two"), not digits. */
  wordy: boolean;
}

/** A noun phrase of a sentence, kept for the figures of the next sentence that name only its head. */
interface Phrase {
  /** The stem of its head noun: wink tags a capitalised first word as a name and leaves its plural. */
  head: string;
  /** Index of its first token. */
  first: number;
  text: string;
  /** Words in it: a phrase of one word adds nothing to a bare head. */
  words: number;
}

interface TimeSpan {
  first: number;
  next: number;
  text: string;
  baseline: boolean;
  period?: string;
}

interface Match {
  first: number;
  next: number;
  figure: Omit<Figure, 'text' | 'start' | 'end'>;
  /**
   * Read from "of those" or an ellipsis ("and some 15,500 coming from heroin"): takes the time of the figure before.
   */
  anaphoric: boolean;
  /** The measure a later "of those" refers back to: this figure's own, before any qualifier was added. */
  base?: string;
}

/** A figure read from its own words, not referring back to the one before. */
function plainMatch(first: number, next: number, figure: Match['figure']): Match {
  return { first, next, figure, anaphoric: false };
}

/** Reads one sentence's tokens into figures. Indexes are token positions; offsets are in `text`. */
class SentenceReader {
  private readonly segmentOf: number[] = [];
  /** Whether a token stands inside brackets: "(Wayne, The Hill, 2020)" dates a source, not a figure outside it. */
  private readonly bracketed: boolean[] = [];
  private phraseList?: Phrase[];

  constructor(
    private readonly text: string,
    private readonly t: Token[],
    /** The sentence before, for figures that name only the head of a noun phrase it gave in full. */
    private readonly previous?: SentenceReader,
  ) {
    let segment = 0;
    let depth = 0;
    for (const token of t) {
      if (token.pos === 'PUNCT' && CLAUSE_BREAKS.has(token.text) && (token.spaced || token.text !== '–')) segment++;
      if (token.text === ')' || token.text === ']') depth = Math.max(0, depth - 1);
      this.segmentOf.push(segment);
      this.bracketed.push(depth > 0);
      if (token.text === '(' || token.text === '[') depth++;
    }
  }

  figures(): Figure[] {
    const matches: Match[] = [];
    for (let i = 0; i < this.t.length;) {
      const match = this.matchAt(i, matches);
      if (match) {
        this.resolveHead(match);
        matches.push(match);
        i = match.next;
      } else i++;
    }
    this.bindTimes(matches);
    this.relateBaselines(matches);
    return matches.map(({ first, next, figure }) => {
      const start = this.t[first]!.start;
      const end = this.t[next - 1]!.end;
      return { text: this.text.slice(start, end), start, end, ...figure };
    });
  }

  /** The sentence's noun phrases, read on first use (most sentences are never asked). */
  get phrases(): Phrase[] {
    if (!this.phraseList) {
      const phrases: Phrase[] = [];
      for (let i = 0; i < this.t.length;) {
        const opens = /^(NOUN|PROPN|ADJ)$/.test(this.t[i]!.pos) && !/^(NOUN|PROPN|ADJ)$/.test(this.t[i - 1]?.pos ?? '');
        const phrase = opens ? this.nounPhraseAt(i) : undefined;
        const text = phrase && this.measureText(phrase.first, phrase.next);
        if (phrase && text)
          phrases.push({
            head: stem(this.t[phrase.headNext - 1]!.lower),
            first: i,
            text,
            words: text.split(/\s+/).length,
          });
        i = phrase ? phrase.headNext : i + 1;
      }
      this.phraseList = phrases;
    }
    return this.phraseList;
  }

  /**
   * A measure that is a bare head noun ("over 70,000 deaths") means the fuller noun phrase with that head
   * said just before, in this sentence or the one before ("a rise in deaths from collisions of heavy
   * lorries"): the figure is of those, not of every death.
   */
  private resolveHead(match: Match): void {
    const bare = (measure: string | undefined): string | undefined => {
      const head = measure && !/\s/.test(measure) ? this.t.find((t) => t.text === measure) : undefined;
      if (!head || !/^(NOUN|PROPN)$/.test(head.pos)) return measure;
      const earlier = [
        ...this.phrases.filter((p) => p.first < match.first).reverse(),
        ...[...(this.previous?.phrases ?? [])].reverse(),
      ];
      return earlier.find((p) => p.head === stem(head.lower) && p.words > 1)?.text ?? measure;
    };
    match.figure.measure = bare(match.figure.measure);
    match.base = bare(match.base);
  }

  /**
   * A figure a change is counted from ("over 70,000 deaths in the 12 months to March, up from 62,000 a year
   * before") is of the same kind as the figure before it: it takes that figure's period where its own time
   * is as precise, and its measure where it names none.
   */
  private relateBaselines(matches: Match[]): void {
    matches.forEach((m, n) => {
      const before = matches[n - 1]?.figure;
      // "fell from 150 litres to 120 litres": the two ends of a change measure one thing, which the first is said of
      // (the second's words before it are the first figure's).
      const from = matches[n - 1];
      if (
        from?.figure.measure &&
        from.figure.unit === m.figure.unit &&
        from.next === m.first - 1 &&
        this.lower(from.next) === 'to' &&
        this.lower(from.first - 1) === 'from'
      )
        m.figure.measure = from.figure.measure;
      if (!before || before.unit !== m.figure.unit || !this.isBaseline(m.first)) return;
      m.figure.measure ??= before.measure;
      const months = (when: string | undefined) => !!when && when.split(/\s+/).some(isMonth);
      if (before.period && !m.figure.period && months(before.when) === months(m.figure.when))
        m.figure.period = before.period;
    });
  }

  /** "up from [figure]", "down from", "compared with", "versus", "than". */
  private isBaseline(first: number): boolean {
    const [one, two] = [this.lower(first - 1), this.lower(first - 2)];
    if (one === 'from') return CHANGE_MARKERS.has(two) || QUANTITY_VERBS.has(this.t[first - 2]?.lemma ?? '');
    if ((one === 'with' || one === 'to') && two === 'compared') return true;
    return BASELINE_MARKERS.has(one);
  }

  // -------------------------------------------------------------------------------------------
  // The figure itself.

  private matchAt(i: number, before: Match[]): Match | undefined {
    let k = i;
    // "made up 12 percent of cases" is a share, not a rise.
    if (CHANGE_MARKERS.has(this.lower(k)) && !this.isHedgeAt(k) && this.t[k - 1]?.lemma !== 'make') k++;
    const outerHedge = this.hedgeAt(k);
    if (outerHedge) k += outerHedge.length;
    const opener = this.lower(k);
    // "Nearly half of the farms", "two-thirds of voters": a share, of what follows "of" or what stands at it.
    const fraction = this.fractionAt(k);
    if (fraction)
      return this.finish(
        i,
        fraction.next,
        { hedge: outerHedge?.join(' '), value: fraction.value, unit: 'ratio' },
        before,
      );
    const range =
      opener === 'between' || opener === 'from'
        ? this.rangeAt(k + 1, opener === 'between' ? ['and'] : ['to', 'through'])
        : undefined;
    let low = range?.low ?? this.amountAt(k);
    if (!low || this.isLabel(low)) return undefined;
    let high = range?.high ?? this.rangeTailAt(low);
    // "fell from 150 to 120 litres", "rose from 3 to 5 percent": the two ends of a change are two figures, not a range.
    // Each is read at its own number, the first with the unit and scale of the second.
    const moved = (from: number) => this.lower(from) === 'from' && CHANGE_VERBS.has(this.t[from - 1]?.lemma ?? '');
    if (high && (moved(range ? k : i - 1) || inherit(low, high.amount) > high.amount.value)) {
      if (range) return undefined;
      const { currency, percent } = high.amount;
      low = {
        ...low,
        value: inherit(low, high.amount),
        currency: low.currency ?? currency,
        percent: low.percent || percent,
      };
      high = undefined;
    }
    let next = high?.amount.next ?? low.next;
    const currency = high?.amount.currency ?? low.currency;
    const percent = low.percent || !!high?.amount.percent;
    // "are estimated at between ...": the estimate is the hedge, though it stands outside the figure.
    const hedge =
      outerHedge?.join(' ') ??
      high?.hedge ??
      (this.lower(i - 1) === 'at' && this.lower(i - 2) === 'estimated' ? 'estimated' : undefined);
    let value: FigureValue = high ? { low: inherit(low, high.amount), high: high.amount.value } : low.value;
    const base = { hedge, value };

    if (currency || percent) {
      if (this.isBound(i, true)) return undefined;
      const per = this.rateAt(next);
      if (per) next = per.next;
      return this.finish(i, next, { ...base, unit: currency ?? 'percent', per: per?.period }, before);
    }
    if (this.lower(next) === 'times' && !high) {
      next++;
      const compared = this.comparisonAt(next);
      return this.finish(i, compared, { ...base, unit: 'multiple' }, before);
    }
    if (!high) {
      const ratio = this.ratioAt(low);
      if (ratio) {
        value = low.value / ratio.whole;
        const noun = this.nounPhraseAt(ratio.next);
        return plainMatch(i, noun?.headNext ?? ratio.next, {
          ...base,
          value,
          unit: 'ratio',
          measure: noun ? this.measureText(noun.first, noun.next) : undefined,
        });
      }
    }
    return this.countAt(i, next, low, base, before);
  }

  /** A count needs something counted: a noun, "of those", or (for digits) an elliptic "34,500 killed". */
  private countAt(
    i: number,
    next: number,
    low: Amount,
    base: Pick<Figure, 'hedge' | 'value'>,
    before: Match[],
  ): Match | undefined {
    if (
      this.isYear(low) ||
      this.isDuration(next) ||
      this.t[next]?.lower === '-' ||
      (low.value === 1 && low.scale === 1)
    )
      return undefined;
    const unit: FigureUnit = 'count';
    const noun = this.nounPhraseAt(next);
    const per = this.rateAt(noun?.headNext ?? next);
    if (noun) {
      if (TIME_UNITS.has(this.lower(noun.headNext - 1))) return undefined;
      // "the two governments" refers back; "the two ferries in Norway" says how many there are.
      if (low.wordy && this.isDefinite(i) && noun.next === noun.headNext) return undefined;
      if (this.isBound(i, true)) return undefined;
      // "Wheat yields averaged 3.1 tonnes": a unit of measure says how, not what; what stands at it does ("3.1 tonnes
      // of wheat" says it after the unit).
      const measured = MEASUREMENT_UNITS.has(this.lower(noun.headNext - 1)) && noun.next === noun.headNext;
      return plainMatch(i, per?.next ?? noun.headNext, {
        ...base,
        unit,
        per: per?.period,
        measure: (measured && this.subjectBefore(i)) || this.measureText(noun.first, noun.next),
      });
    }
    if (low.wordy || this.isBound(i, false)) return undefined;
    const antecedent = [...before].reverse().find((m) => m.figure.unit === 'count' && m.figure.measure);
    const referent = antecedent?.base ?? antecedent?.figure.measure;
    const partitive = this.lower(next) === 'of' && ANAPHORS.has(this.lower(next + 1));
    if (!partitive && this.lower(next) === 'of') {
      const whole = this.nounPhraseAt(this.skipDeterminers(next + 1));
      if (whole) return plainMatch(i, next, { ...base, unit, measure: this.measureText(whole.first, whole.next) });
    }
    // "over 20,000 of those coming from Dover", "and some 15,500 coming from Hull".
    const tail = this.participlePhraseAt(partitive ? next + 2 : next);
    // "The district will take in three towns and total about 45,000": a figure its sentence predicates of a
    // subject is that subject's, not more of the count before it.
    const subject = partitive ? undefined : this.subjectBefore(i);
    if (subject) return plainMatch(i, next, { ...base, unit, measure: subject });
    if (partitive || referent) {
      return {
        first: i,
        next,
        figure: { ...base, unit, measure: joinMeasure(referent, tail && this.measureText(tail.first, tail.next)) },
        anaphoric: true,
        base: referent,
      };
    }
    // "Some 4,000 were living in tents", "about 300 were children": a count that is its clause's subject counts what
    // the predicate says of it.
    const predicate = this.t[next]?.pos === 'AUX' ? this.predicateAt(next) : undefined;
    if (predicate) return { first: i, next, figure: { ...base, unit, measure: predicate }, anaphoric: false };
    // "34,500 killed": the participle reads as part of the figure, but it is no noun phrase to head a measure. After
    // "with" it counts what the phrase before says: "a record for road deaths with 912 killed".
    const participle = this.t[next];
    if (participle?.pos === 'VERB' && /(ed|en)$/.test(participle.lower)) {
      const by = this.lower(i - 1) === 'with' ? this.nounPhraseEnding(i - 1) : undefined;
      const measure = by && this.measureText(by.first, i - 1);
      return plainMatch(i, next + 1, { ...base, unit, measure });
    }
    // "Thefts fell to 950": what the count is of stands before it, or nothing says.
    return plainMatch(i, next, { ...base, unit });
  }

  private finish(first: number, next: number, figure: Omit<Match['figure'], 'measure'>, before: Match[]): Match {
    return plainMatch(first, next, { ...figure, measure: this.quantityMeasure(first, next, figure.unit, before) });
  }

  /** A number with its currency, scale and percent sign: "$1.6 billion", "72.9 percent", "one million". */
  private amountAt(i: number): Amount | undefined {
    let k = i;
    let currency = CURRENCY_SYMBOLS.get(this.lower(k));
    if (currency) k++;
    const token = this.t[k];
    if (!token) return undefined;
    let value: number;
    let wordy = false;
    if (token.type === 'number' && DIGITS.test(token.text)) value = Number(token.text.replace(/,/g, ''));
    else if (NUMBER_WORDS.has(token.lower) && token.pos === 'NUM') {
      value = NUMBER_WORDS.get(token.lower)!;
      wordy = true;
    } else return undefined;
    // "F-22", "COVID-19", "mid-2022": a number glued to a word is a name. One after its currency sign is read with it.
    const prev = this.t[k - 1];
    if (!currency && prev && !token.spaced && (prev.type === 'word' || prev.text === '-')) return undefined;
    if (!currency && CURRENCY_SYMBOLS.has(prev?.lower ?? '')) return undefined;
    k++;
    let scale = 1;
    for (let word = SCALES.get(this.lower(k)); word; word = SCALES.get(this.lower(k))) {
      scale *= word;
      wordy = false;
      k++;
    }
    value *= scale;
    if (!currency) {
      if (this.lower(k) === 'u.s.' && CURRENCY_WORDS.has(this.lower(k + 1))) k++;
      currency = CURRENCY_WORDS.get(this.lower(k));
      if (currency) k++;
    }
    let percent = false;
    if (this.lower(k) === '%' || this.lower(k) === 'percent' || this.lower(k) === 'pct') {
      percent = true;
      k++;
    } else if (this.lower(k) === 'per' && this.lower(k + 1) === 'cent') {
      percent = true;
      k += 2;
    } else if (this.lower(k) === 'percentage' && this.lower(k + 1) === 'points') {
      percent = true;
      k += 2;
    }
    return { first: i, next: k, value, currency, percent, scale, wordy: wordy && !currency && !percent };
  }

  /**
   * A share in words before "of" ("half of", "a third of", "two-thirds of"), as a fraction; not a part named ("the
   * second half of 2021"), a time ("half of 2021") nor an amount ("a quarter of a million").
   */
  private fractionAt(i: number): { value: number; next: number } | undefined {
    let k = i;
    let parts = 1;
    const word = this.lower(k);
    if (word === 'a' || word === 'one') k++;
    else if (NUMBER_WORDS.has(word) && this.t[k]!.pos === 'NUM') {
      parts = NUMBER_WORDS.get(word)!;
      k++;
    }
    if (k > i && this.lower(k) === '-' && !this.t[k]!.spaced) k++;
    const whole = FRACTIONS.get(this.lower(k));
    if (!whole || parts >= whole || this.lower(k + 1) !== 'of') return undefined;
    if (k === i && (whole !== 2 || NAMED_PARTS.has(this.lower(i - 1)))) return undefined;
    const after = this.lower(k + 2) === 'a' || this.lower(k + 2) === 'an' ? k + 3 : k + 2;
    if (SCALES.has(this.lower(after)) || this.isTimeAt(k + 2)) return undefined;
    return { value: parts / whole, next: k + 1 };
  }

  /** "between A and B" / "from A to B" after the opener. */
  private rangeAt(i: number, joiners: string[]): { low: Amount; high: { amount: Amount; hedge?: string } } | undefined {
    const low = this.amountAt(i);
    if (!low || !joiners.includes(this.lower(low.next))) return undefined;
    const high = this.secondAmountAt(low.next + 1);
    return high && compatible(low, high.amount) ? { low, high } : undefined;
  }

  /** "8 to 9 percent", "10 to 20 criminals", "5 or 6", "18-30". */
  private rangeTailAt(low: Amount): { amount: Amount; hedge?: string } | undefined {
    const joiner = this.t[low.next];
    if (!joiner) return undefined;
    const glued =
      (joiner.text === '-' || joiner.text === '–') && !joiner.spaced && this.t[low.next + 1]?.spaced === false;
    if (!glued && !['to', 'or'].includes(joiner.lower)) return undefined;
    const high = this.secondAmountAt(low.next + 1);
    if (!high || !compatible(low, high.amount) || this.isYear(low) || this.isYear(high.amount)) return undefined;
    return high;
  }

  private secondAmountAt(i: number): { amount: Amount; hedge?: string } | undefined {
    const hedge = this.hedgeAt(i);
    const amount = this.amountAt(i + (hedge?.length ?? 0));
    return amount && { amount, hedge: hedge?.join(' ') };
  }

  /** "one in 10", "29 of the 31", "3 out of 4". */
  private ratioAt(part: Amount): { whole: number; next: number } | undefined {
    if (part.scale !== 1 || part.currency || part.percent) return undefined;
    let k = part.next;
    if (this.lower(k) === 'in') k++;
    else if (this.lower(k) === 'out' && this.lower(k + 1) === 'of') k += 2;
    else if (this.lower(k) === 'of') k += this.lower(k + 1) === 'the' ? 2 : 1;
    else return undefined;
    const whole = this.amountAt(k);
    if (
      !whole ||
      whole.scale !== 1 ||
      whole.currency ||
      whole.percent ||
      this.isYear(whole) ||
      whole.value <= part.value
    )
      return undefined;
    return { whole: whole.value, next: whole.next };
  }

  /** "a month", "per year", "each day" after an amount. */
  private rateAt(i: number): { period: string; next: number } | undefined {
    const unit = this.lower(i + 1);
    if (!RATE_WORDS.has(this.lower(i)) || !TIME_UNITS.has(unit)) return undefined;
    return { period: unit.replace(/s$/, ''), next: i + 2 };
  }

  /** What follows "N times": "greater", "that much", "as many". */
  private comparisonAt(i: number): number {
    if (COMPARATIVES.has(this.lower(i))) return i + 1;
    if (
      (this.lower(i) === 'that' || this.lower(i) === 'as') &&
      (this.lower(i + 1) === 'much' || this.lower(i + 1) === 'many')
    )
      return i + 2;
    return i;
  }

  private hedgeAt(i: number): string[] | undefined {
    return HEDGES.find(
      (words) => words.every((w, j) => this.lower(i + j) === w) && this.startsAmount(i + words.length),
    );
  }

  private isHedgeAt(i: number): boolean {
    return HEDGES.some((words) => words.every((w, j) => this.lower(i + j) === w));
  }

  private startsAmount(i: number): boolean {
    return (
      !!this.amountAt(i) ||
      !!this.fractionAt(i) ||
      ((this.lower(i) === 'between' || this.lower(i) === 'from') && !!this.amountAt(i + 1))
    );
  }

  // -------------------------------------------------------------------------------------------
  // Not figures: years, dates, durations, numbering.

  private isYear(amount: Amount): boolean {
    const token = this.t[amount.next - 1]!;
    return amount.next - amount.first === 1 && YEAR.test(token.text);
  }

  private isDuration(next: number): boolean {
    return TIME_UNITS.has(this.lower(next)) || (this.lower(next) === '-' && TIME_UNITS.has(this.lower(next + 1)));
  }

  /** A number that names or orders something: a date, "Pillar 1", a list's "1." or "(3)", a span "2011–2015". */
  private isLabel(amount: Amount): boolean {
    if (amount.currency || amount.percent || amount.scale !== 1) return false;
    const i = amount.first;
    const token = this.t[i]!;
    const prev = this.t[i - 1];
    const next = this.t[i + 1];
    if (token.entity === 'DATE' || isMonth(prev?.lower) || isMonth(next?.lower)) return true;
    if (prev && NUMBERING_WORDS.has(prev.lower.replace(/\.$/, ''))) return true;
    if (
      (i === 0 || (i === 1 && prev?.text === '(') || this.startsLine(i)) &&
      (next?.text === '.' || next?.text === ')')
    )
      return true;
    if (prev?.text === '(' && next?.text === ')') return true;
    if (
      prev &&
      (prev.text === '–' || prev.text === '-') &&
      !token.spaced &&
      this.t[i - 2] &&
      YEAR.test(this.t[i - 2]!.text)
    )
      return true;
    if (next && /^(a\.m\.|p\.m\.|am|pm|o'clock|:)$/.test(next.lower)) return true;
    return false;
  }

  private startsLine(i: number): boolean {
    const start = this.t[i]!.start;
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    return /^\s*$/.test(this.text.slice(lineStart, start));
  }

  /**
   * A number at `i` that bounds a noun before it rather than counts anything: with nothing `counted`, "drivers under
   * 25", "people aged 65 and over"; with a noun counted (or a sum), a class "with fewer than 50 employees" ("firms",
   * plural: "the county, with over 9,000 residents" counts them) or "with incomes under $30,000".
   */
  private isBound(i: number, counted: boolean): boolean {
    // The high end of a bounded range ("aged 5 to 11"), read again from its own number.
    if (/^(to|and|or|-|–)$/.test(this.lower(i - 1)) && this.t[i - 2]?.pos === 'NUM')
      return this.isBound(i - 2, counted);
    // Read from its hedge ("under 25") or, once that match is refused, from its number ("above 5,000": no hedge).
    const words = this.hedgeAt(i) ?? BOUND_HEDGES.find((h) => h.every((w, j) => this.lower(i - h.length + j) === w));
    const k = this.hedgeAt(i) ? i : i - (words?.length ?? 0);
    const said = words?.join(' ') ?? '';
    const before = this.t[k - 1];
    const noun = (token: Token | undefined) =>
      !!token && /^(NOUN|PROPN)$/.test(token.pos) && !TIME_NOUNS.has(token.lower);
    if (AGES.has(before?.lower ?? '') || (before?.lower === 'than' && /^(older|younger)$/.test(this.lower(k - 2))))
      return true;
    if (!counted) return BOUNDS.has(said) && noun(before);
    // "households with incomes under $30,000": a bound on what a class has.
    if (BOUNDS.has(said) && noun(before) && this.lower(k - 2) === 'with') return true;
    return COMPARISONS.has(said) && before?.lower === 'with' && noun(this.t[k - 2]) && /s$/.test(this.lower(k - 2));
  }

  private isDefinite(i: number): boolean {
    return DEFINITE.has(this.lower(i - 1));
  }

  // -------------------------------------------------------------------------------------------
  // What a figure measures.

  /**
   * A noun phrase starting at `i`: adjectives, nouns and hyphenated compounds up to a head noun,
   * "and" joining a second noun, then one qualifying prepositional phrase that is not a time, with
   * its own "of" complement ("deaths from collisions of heavy lorries").
   * `headNext` ends the phrase before its qualifier; `next` after it.
   */
  private nounPhraseAt(i: number): { first: number; headNext: number; next: number } | undefined {
    const headNext = this.nounRunAt(i);
    if (headNext === undefined) return undefined;
    let next = headNext;
    const prep = this.lower(next);
    if (QUALIFYING_PREPOSITIONS.has(prep) && !this.isTimeAt(next + 1)) {
      const inner = this.nounRunAt(this.skipDeterminers(next + 1));
      if (inner !== undefined && (prep !== 'to' || this.t[next + 1]?.pos !== 'VERB')) {
        next = inner;
        const complement = this.lower(next) === 'of' && !this.isTimeAt(next + 1);
        next = (complement && this.nounRunAt(this.skipDeterminers(next + 1))) || next;
      }
    }
    return { first: i, headNext, next };
  }

  /** The end of a run of noun-phrase words from `i` whose last word is a noun, or undefined. */
  private nounRunAt(i: number): number | undefined {
    let lastNoun: number | undefined;
    for (let k = i; k < this.t.length; k++) {
      const token = this.t[k]!;
      const next = this.t[k + 1];
      const glue =
        k > i &&
        !token.spaced &&
        !!next &&
        (((token.text === '-' || token.text === '–') && !next.spaced) ||
          (/^['’]s?$/.test(token.text) && /^(NOUN|PROPN|ADJ)$/.test(next.pos)));
      // A word tagged as a verb straight after a preposition ("deaths from collisions") can only be a noun.
      const nominal = token.pos === 'VERB' && k === i && this.t[k - 1]?.pos === 'ADP' && !/ing$/.test(token.lower);
      const nounish = token.pos === 'NOUN' || token.pos === 'PROPN' || nominal;
      const modifier =
        token.pos === 'ADJ' ||
        (token.pos === 'VERB' && /^(NOUN|PROPN)$/.test(next?.pos ?? '') && !/ing$/.test(token.lower));
      // "coming" tagged as a noun before "from": a participle, not a head.
      const participle = nounish && /ing$/.test(token.lower) && next?.pos === 'ADP';
      const joins =
        (token.lower === 'and' || token.lower === 'or') &&
        lastNoun === k - 1 &&
        next?.pos !== 'PROPN' &&
        this.nounRunAt(k + 1) !== undefined;
      // "12,400 patients last winter": the time after the noun is the figure's, not part of what it counts.
      const dated = k > i && (token.entity === 'DATE' || token.entity === 'DURATION');
      if (
        (token.type !== 'word' && !glue) ||
        dated ||
        participle ||
        TIME_PREPOSITIONS.has(token.lower) ||
        DETERMINERS.has(token.lower)
      )
        break;
      if (!nounish && !modifier && !glue && !joins) break;
      if (nounish) {
        lastNoun = k;
        // "Three gangs control the harbour": a plural noun followed by another noun ends the phrase.
        if (/[^su]s$/.test(token.lower) && next?.pos === 'NOUN') break;
      }
    }
    return lastNoun === undefined ? undefined : lastNoun + 1;
  }

  /**
   * What a predicate from `at` says of its subject, as a measure: its participle's phrase ("were living in tents along
   * the river"), or the noun phrase after "be" ("were children"); none for a bare passive ("were killed in 2019").
   */
  private predicateAt(at: number): string | undefined {
    const tail = this.participlePhraseAt(at);
    if (tail) return this.measureText(tail.first, tail.next);
    let k = at;
    while (this.t[k + 1]?.pos === 'AUX' || this.t[k + 1]?.pos === 'ADV') k++;
    if (this.t[k]?.lemma !== 'be') return undefined;
    const noun = this.nounPhraseAt(this.skipDeterminers(k + 1));
    return noun && this.measureText(noun.first, noun.next);
  }

  /** "coming from heroin", "involving trucks": a participle, its preposition if any, and a noun phrase. */
  private participlePhraseAt(at: number): { first: number; next: number } | undefined {
    let i = at;
    while (this.t[i]?.pos === 'AUX') i++;
    const verb = this.t[i];
    if (!verb || !/(ing|ed)$/.test(verb.lower) || !['VERB', 'NOUN'].includes(verb.pos)) return undefined;
    // "involving trucks": a present participle may take its object with no preposition.
    const object = this.t[i + 1]?.pos !== 'ADP';
    if (object && !/ing$/.test(verb.lower)) return undefined;
    const noun = this.nounPhraseAt(this.skipDeterminers(i + (object ? 1 : 2)));
    return noun && { first: i, next: noun.next };
  }

  /**
   * The measure of money, a percentage or a multiple: a noun after it ("40 percent increase in ..."), a
   * noun after "in" or "of" ("$2.9 billion in aid", "72.9 percent of respondents"), and for money after
   * "on" or "for" ("$4 million on new boats"); else the noun phrase it is said of ("drug seizures up 28
   * percent"), or, for a sum with no noun of its own, the measure of the sum before it in the sentence
   * ("$2.9 billion in aid ... and $1.8 billion has been spent").
   */
  private quantityMeasure(first: number, next: number, unit: FigureUnit, before: Match[]): string | undefined {
    if (this.t[next]?.pos === 'NOUN' && !this.isTimeAt(next)) {
      const direct = this.nounPhraseAt(next);
      const measure = direct && this.measureText(direct.first, direct.next);
      if (measure) return measure;
      // "1,450 permits in 2022, a 12 percent increase": a bare change beside a figure is a change of what it counts.
      const beside = this.lower(first - 1) === 'a' && this.lower(first - 2) === ',' ? before.at(-1) : undefined;
      const clause = (k: number) => this.segmentOf[k]!;
      if (beside && CHANGE_NOUNS.has(this.lower(next)) && clause(beside.first) === clause(first - 2) - 1)
        return beside.figure.measure;
    }
    // "Household debt stood at 95 percent of income": what stands at the figure is the measure, not its base.
    const subject = this.subjectBefore(this.t[first - 1]?.text === '(' ? first - 1 : first);
    if (subject) return subject;
    const after = this.lower(next);
    const money = unit !== 'percent' && unit !== 'multiple';
    if (
      (after === 'in' || after === 'of' || (money && (after === 'on' || after === 'for'))) &&
      !this.isTimeAt(next + 1)
    ) {
      const noun = this.nounPhraseAt(this.skipDeterminers(next + 1));
      // "30 percent in Norway" says where, not what.
      const place = after === 'in' && noun && this.t.slice(noun.first, noun.headNext).every((t) => t.pos === 'PROPN');
      if (noun && !place) {
        // "90 percent of heroin used in the country": the share is of what the participle narrows.
        const end = after === 'of' ? (this.participlePhraseAt(noun.next)?.next ?? noun.next) : noun.next;
        const measure = this.measureText(noun.first, end);
        if (measure) return measure;
      }
    }
    return [...before].reverse().find((m) => m.figure.unit === unit && m.figure.measure)?.figure.measure;
  }

  /**
   * The noun phrase a figure is predicated of: "the profits from ... are estimated at [figure]", "drug
   * seizures up [figure]", "thefts reached [figure]". After any other verb the subject is who acts ("the
   * ministry has spent [figure]"): the sentence does not say what the figure is of, and the actor is not it.
   */
  private subjectBefore(i: number): string | undefined {
    // "and initially total some 50,000": a quantity verb right before a figure is a verb, however tagged.
    // So is one before its preposition ("small firms account for 45 percent", with "account" read as a noun).
    const verbal = (k: number) =>
      this.t[k]?.pos === 'VERB' ||
      (k >= 0 &&
        this.t.slice(k + 1, i).every((t) => LINKING_WORDS.has(t.lower)) &&
        QUANTITY_VERBS.has(this.t[k]!.lemma) &&
        this.t[k - 1]?.pos !== 'DET');
    // "Water use fell from 150 litres": where a quantity moved from is said of its subject as much as where it went.
    const linking = (k: number) =>
      LINKING_WORDS.has(this.lower(k)) ||
      (this.lower(k) === 'from' && this.t[k - 1]?.pos === 'VERB' && QUANTITY_VERBS.has(this.t[k - 1]!.lemma));
    // A noun phrase right before a figure is not what it is said of ("the report found 90 percent", with
    // "found" read as a noun), unless the figure is a change ("seizures up 28 percent") or stands in brackets.
    if (!/^(AUX|ADV|PART)$/.test(this.t[i - 1]?.pos ?? '') && !verbal(i - 1) && !linking(i - 1)) {
      if (!CHANGE_MARKERS.has(this.lower(i)) && this.t[i]?.text !== '(') return undefined;
    }
    let k = i - 1;
    let verb: Token | undefined;
    let preposition = false;
    while (k >= 0 && (/^(AUX|ADV|PART)$/.test(this.t[k]!.pos) || verbal(k) || linking(k))) {
      if (!verb && verbal(k)) verb = this.t[k];
      else if (!verb && QUANTITY_PREPOSITIONS.has(this.lower(k))) preposition = true;
      k--;
    }
    if (verb && !preposition && !QUANTITY_VERBS.has(verb.lemma)) return undefined;
    // "The new force would take in the police and initially total some 50,000": a second predicate joined
    // by "and" is said of the subject of the first, the noun phrase before its verbs.
    if (verb && (this.lower(k) === 'and' || this.lower(k) === 'or')) {
      let chain = k - 1;
      while (chain >= 0 && !/^(AUX|VERB)$/.test(this.t[chain]!.pos)) chain--;
      while (chain > 0 && /^(AUX|VERB|ADV)$/.test(this.t[chain - 1]!.pos)) chain--;
      const subject = chain > 0 ? this.nounPhraseEnding(chain) : undefined;
      return subject && this.measureText(subject.first, chain);
    }
    const phrase = this.nounPhraseEnding(k + 1);
    return phrase && this.measureText(phrase.first, k + 1);
  }

  /** The noun phrase that ends before token `end`, read backwards: "the profits from drug sales in the city". */
  private nounPhraseEnding(end: number): { first: number } | undefined {
    let first = end;
    for (let j = end - 1; j >= 0 && end - j <= NOUN_PHRASE_MAX_TOKENS; j--) {
      const token = this.t[j]!;
      const glued = (token.text === '-' || token.text === '–') && !token.spaced;
      const nounish =
        /^(NOUN|PROPN|ADJ|NUM|DET)$/.test(token.pos) ||
        token.lower === "'s" ||
        token.lower === '’s' ||
        glued ||
        (token.text === '.' && !token.spaced);
      const linking = NOUN_LINKS.has(token.lower) && first < end;
      // "heroin used in ...", or "of frozen fish": a participle after its noun, or before it after a preposition.
      const participle =
        token.pos === 'VERB' &&
        /(ed|en|ing)$/.test(token.lower) &&
        first < end &&
        (/^(NOUN|PROPN)$/.test(this.t[j - 1]?.pos ?? '') ||
          (first === j + 1 && /^(NOUN|PROPN|ADJ)$/.test(this.t[j + 1]!.pos) && this.t[j - 1]?.pos === 'ADP'));
      // "waits of over 4 hours": a hedged number inside the phrase, not a figure's own hedge.
      const hedged = first === j + 1 && this.t[first]!.pos === 'NUM' && HEDGES.some((h) => h.at(-1) === token.lower);
      // "Waits of ...": wink reads a capitalised first word before a preposition as a verb; there it is a noun.
      const opening = token.pos === 'VERB' && !j && first === 1 && NOUN_LINKS.has(this.lower(1));
      // "customs reports drug seizures": a plural noun before another noun ends the phrase.
      const plural =
        token.pos === 'NOUN' && /[^su]s$/.test(token.lower) && first < end && this.t[j + 1]?.pos === 'NOUN';
      if (!(nounish || linking || participle || hedged || opening) || plural) break;
      first = j;
      // An article opens its noun phrase, unless a preposition ties that phrase to one before.
      if (token.pos === 'DET' && !NOUN_LINKS.has(this.lower(j - 1))) break;
    }
    while (first < end && (DETERMINERS.has(this.lower(first)) || /^(ADP|PUNCT)$/.test(this.t[first]!.pos))) first++;
    // "Farms that lack irrigation fell to 3,000": the clause narrows the noun before it, which heads the phrase; the
    // clause's own words alone ("lack irrigation", "own a car") would be a verb phrase.
    const relative = this.relativeBefore(first);
    if (relative !== undefined) return this.nounPhraseEnding(relative) ?? (first < end ? { first } : undefined);
    return first < end ? { first } : undefined;
  }

  /**
   * The relative pronoun opening a clause that ends a noun phrase at `first` ("households that own a car", "farms that
   * lack irrigation", with "lack" read as a noun), when a noun stands before it; none for "said that prices rose".
   */
  private relativeBefore(first: number): number | undefined {
    for (let p = first - 1; p > 0 && first - p <= RELATIVE_MAX_TOKENS; p--) {
      if (RELATIVES.has(this.lower(p))) {
        const verb = this.t[p + 1]!;
        // A verb, or a word wink read as a noun that is no plural subject of a clause ("reports that prices rose").
        const verbal = /^(VERB|AUX|ADV)$/.test(verb.pos) || (/^(NOUN|ADJ)$/.test(verb.pos) && !/s$/.test(verb.lower));
        return verbal && /^(NOUN|PROPN)$/.test(this.t[p - 1]!.pos) ? p : undefined;
      }
      if (!/^(VERB|AUX|ADV|ADJ|DET|PART|NOUN)$/.test(this.t[p]!.pos)) return undefined;
    }
    return undefined;
  }

  private skipDeterminers(i: number): number {
    let k = i;
    while (DETERMINERS.has(this.lower(k)) || this.lower(k) === "'s" || this.lower(k) === '’s') k++;
    return k;
  }

  /**
   * The measure in tokens `first` to `next`: without its determiners, and cut before a verb that opens a
   * clause ("respondents said the city ...", "heroin ... is from"), so it is always a noun phrase. None
   * when no noun is left, or when every noun names a time ("the same period" says when, not what).
   */
  private measureText(first: number, next: number): string | undefined {
    let a = first;
    // A number before the noun is another figure ("from 5 or 6 main routes to upwards of 20"), not part of this one's.
    const numeral = (k: number) => this.t[k]?.pos === 'NUM' && !YEAR.test(this.t[k]!.text);
    while (
      a < next &&
      (DETERMINERS.has(this.lower(a)) || numeral(a) || (numeral(a - 1) && /^(or|to|and)$/.test(this.lower(a))))
    )
      a++;
    let end = a;
    while (end < next && !this.opensClause(end)) end++;
    // "electricity used in the region last year": the time ending it says when, and is the figure's `when`.
    const dated = (k: number) => this.t[k]!.entity === 'DATE' || this.t[k]!.entity === 'DURATION';
    while (end > a && (/^(ADP|DET|CCONJ|PUNCT|PART|SCONJ|PRON)$/.test(this.t[end - 1]!.pos) || dated(end - 1))) end--;
    const nouns = this.t.slice(a, end).filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
    // "The same period" says when, and a bare "drop" how a figure moved: neither says what it measures.
    if (
      nouns.every(
        (t) => TIME_NOUNS.has(t.lower) || CHANGE_NOUNS.has(t.lower) || t.entity === 'DATE' || t.entity === 'DURATION',
      )
    )
      return undefined;
    return this.text.slice(this.t[a]!.start, this.t[end - 1]!.end);
  }

  /**
   * A finite verb: an auxiliary, or an inflected verb after its subject ("respondents said the city ...").
   * A participle that narrows a noun ("heroin used in", "residents feeling unsafe"), one before a noun
   * ("armed groups"), or a noun read as a verb inside a compound ("road crash deaths") opens none.
   */
  private opensClause(k: number): boolean {
    const token = this.t[k]!;
    if (token.pos === 'AUX') return true;
    if (token.pos !== 'VERB' || /ing$/.test(token.lower) || /^(ADP|PART)$/.test(this.t[k + 1]?.pos ?? '')) return false;
    return token.lemma !== token.lower && /^(NOUN|PROPN)$/.test(this.t[k - 1]?.pos ?? '');
  }

  // -------------------------------------------------------------------------------------------
  // When.

  private isTimeAt(i: number): boolean {
    const token = this.t[this.skipDeterminers(i)];
    return (
      !!token &&
      (token.entity === 'DATE' || token.entity === 'DURATION' || YEAR.test(token.text) || isMonth(token.lower))
    );
  }

  /** Time expressions of the sentence: a year, month, "fiscal year 2022", "the 12 months ending in March 2022". */
  private timeSpans(): TimeSpan[] {
    const spans: TimeSpan[] = [];
    const t = this.t;
    for (let i = 0; i < t.length; i++) {
      if (!this.isTimeToken(i)) continue;
      let first = i;
      let next = i + 1;
      while (
        next < t.length &&
        (this.isTimeToken(next) || ((t[next]!.text === ',' || t[next]!.lower === 'of') && this.isTimeToken(next + 1)))
      )
        next++;
      // "the 12 months ending in March 2022": a period and the date it ends on are one time.
      let period: string | undefined;
      if (PERIOD_ENDS.has(this.lower(next))) {
        const date = this.lower(next + 1) === 'in' ? next + 2 : next + 1;
        const stretch = t.slice(first, next).filter((w) => !TIME_QUALIFIERS.has(w.lower));
        if (this.isTimeToken(date)) {
          if (stretch.some((w) => TIME_UNITS.has(w.lower)))
            period = this.text.slice(stretch[0]!.start, stretch.at(-1)!.end);
          next = date + 1;
          while (this.isTimeToken(next)) next++;
        }
      }
      if (this.lower(first - 1) === 'fiscal' || this.lower(first - 1) === 'calendar') first--;
      // A fiscal year is a stretch of its own, not the calendar year of the same number.
      if (this.lower(first) === 'fiscal' || /^fy\d/i.test(t[first]!.text)) period ??= 'fiscal year';
      while (first > 0 && (TIME_QUALIFIERS.has(this.lower(first - 1)) || this.t[first - 1]!.entity === 'DATE')) first--;
      // "the 2014 murder": a year that modifies a noun is the time without its article.
      if (this.lower(first) === 'the' && next - first === 2 && YEAR.test(t[first + 1]!.text)) first++;
      const words = t.slice(first, next);
      const anchored =
        words.some((w) => /\d/.test(w.text) || isMonth(w.lower)) ||
        words.some((w) => RELATIVE_TIMES.has(w.lower)) ||
        words.some((_, n) => this.isYearPart(first + n));
      if (!anchored || words.every((w) => w.entity === 'DURATION' && !/\d/.test(w.text))) {
        i = next - 1;
        continue;
      }
      let from = first;
      const prep = this.lower(first - 1);
      if (TIME_PREPOSITIONS.has(prep) && !DROPPED_TIME_PREPOSITIONS.has(prep)) from = first - 1;
      if (prep === 'of' && this.lower(first - 2) === 'as') from = first - 2;
      if (prep === 'far' && this.lower(first - 2) === 'so') from = first - 2;
      // "waits of over 4 hours", "a delay of 3 days": a length a noun has, not when anything happened.
      if (this.lower(from - 1) === 'of' && words.every((w) => w.entity === 'DURATION')) {
        i = next - 1;
        continue;
      }
      const baseline =
        BASELINE_MARKERS.has(prep) ||
        (this.lower(first - 2) === 'compared' && (prep === 'to' || prep === 'with')) ||
        (prep === 'from' && !words.some((w) => w.lower === 'to'));
      spans.push({ first: from, next, text: this.text.slice(t[from]!.start, t[next - 1]!.end), baseline, period });
      i = next - 1;
    }
    return spans;
  }

  private isTimeToken(i: number): boolean {
    const token = this.t[i];
    if (!token) return false;
    if (token.entity === 'DATE' || token.entity === 'DURATION') return true;
    if (SEASONS.has(token.lower) && RELATIVE_TIMES.has(this.lower(i - 1))) return true;
    if (this.isYearPart(i)) return true;
    if (
      YEAR.test(token.text) ||
      /^(mid|early|late)-(1[89]|20)\d\d$/i.test(token.text) ||
      /^fy\d{2,4}$/i.test(token.text)
    )
      return true;
    return isMonth(token.lower) && token.pos === 'PROPN';
  }

  /** "the third quarter", "the second half": a part of a year, counted, whose year the text may leave unsaid. */
  private isYearPart(i: number): boolean {
    const ordinal = (k: number) => PART_ORDINALS.has(this.lower(k));
    return (YEAR_PARTS.has(this.lower(i)) && ordinal(i - 1)) || (ordinal(i) && YEAR_PARTS.has(this.lower(i + 1)));
  }

  /**
   * Gives each figure the time its clause states; failing that, a time that opens the sentence
   * ("For the 12 months ending in March 2022, ..."), or one no other figure's clause holds.
   * A figure read from "of those" takes its antecedent's time.
   */
  private bindTimes(matches: Match[]): void {
    const spans = this.timeSpans().filter(
      (s) => !s.baseline && !matches.some((m) => s.first < m.next && m.first < s.next),
    );
    const segmentsWithFigures = new Set(matches.map((m) => this.segmentOf[m.first]));
    matches.forEach((m, n) => {
      const segment = this.segmentOf[m.first];
      const distance = (s: { first: number; next: number }) =>
        s.first >= m.next ? s.first - m.next : (m.first - s.next) * 2 + 1;
      // "2.5 times greater than the amount seized in fiscal year 2020": that year is the comparison's.
      const compared = (s: { first: number }) =>
        s.first >= m.next &&
        this.t.slice(m.next, s.first).some((t) => BASELINE_MARKERS.has(t.lower) || t.lower === 'compared');
      const own = spans
        .filter((s) => this.segmentOf[s.first] === segment && !compared(s))
        .sort((a, b) => distance(a) - distance(b));
      // A baseline ("up from 10,900") is of the figure's measure at another time: never its antecedent's time.
      const antecedent = m.anaphoric && !this.isBaseline(m.first) ? matches[n - 1]?.figure : undefined;
      const outside = (s: { first: number }) => !this.bracketed[s.first] || this.bracketed[m.first];
      const opening = spans.filter(
        (s) => this.segmentOf[s.first] === 0 && segment !== 0 && !segmentsWithFigures.has(0) && outside(s),
      );
      const free = spans
        .filter((s) => !segmentsWithFigures.has(this.segmentOf[s.first]) && outside(s))
        .sort((a, b) => distance(a) - distance(b));
      const inherited = antecedent?.when ? { text: antecedent.when, period: antecedent.period } : undefined;
      const time = own[0] ?? inherited ?? opening[0] ?? free[0];
      if (time) m.figure.when = time.text;
      if (time?.period) m.figure.period = time.period;
    });
  }

  private lower(i: number): string {
    return this.t[i]?.lower ?? '';
  }
}

/** The low end of a range takes the high end's scale where it has none: "$18 and $30 billion". */
function inherit(low: Amount, high: Amount): number {
  return low.scale === 1 ? low.value * high.scale : low.value;
}

function compatible(low: Amount, high: Amount): boolean {
  if (low.currency && high.currency && low.currency !== high.currency) return false;
  if (low.percent && !high.percent) return false;
  if ((low.currency && !high.currency) || (high.currency && !low.currency && low.percent)) return false;
  return true;
}

function joinMeasure(base: string | undefined, tail: string | undefined): string | undefined {
  if (!base) return tail;
  return tail ? `${base} ${tail}` : base;
}

function isMonth(word: string | undefined): boolean {
  return !!word && monthNumber(word) !== undefined;
}
