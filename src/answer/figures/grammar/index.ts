import stem from 'wink-porter2-stemmer';
import { isMonth } from '../../../corpus/dates.js';
import { tokenSentences, type Token } from '../tokens.js';
import {
  CHANGE_MARKERS,
  COMPARATIVES,
  DETERMINERS,
  TIME_NOUNS,
  TIME_UNITS,
  SUBJECT_PRONOUNS,
  PERSONAL_SUBJECTS,
  PART_VERBS,
  MINUTES_IN,
  MEASUREMENT_UNITS,
  UNIT_MEASURES,
  ANAPHORS,
  CHANGE_VERBS,
  CHANGING_VERBS,
  COUNTED_BACK,
  PERIOD_ENDS,
  TIME_PREPOSITIONS,
  TIME_QUALIFIERS,
  RATE_WORDS,
  STRETCH_BOUNDS,
  isDash,
  isLabelColon,
  isRowSeparator,
  opensCell,
} from './words.js';
import type { Figure, FigureUnit, FigureValue, Match } from './types.js';
import { Reading } from './view.js';
import { bindTimes, datesIn, isBaseline, isTimeAt, isYearAt, relativePartAt } from './time.js';
import { looksPlural } from '../../../search/when.js';
import {
  type Amount,
  amountAt,
  plainNumber,
  fractionAt,
  rangeAt,
  rangeTailAt,
  hyphenated,
  ratioAt,
  rateAt,
  comparisonAt,
  hedgeAt,
  isHedgeAt,
  isYear,
  isDuration,
  isLabel,
  isBound,
  bracketUnit,
  bracketMeasureUnit,
  compoundUnitEnd,
  type LabelUnit,
  isDefinite,
  inherit,
  changeEndAt,
  withUnitOf,
  scaled,
} from './amounts.js';
import {
  nounPhraseAt,
  predicateAt,
  participlePhraseAt,
  quantityMeasure,
  subjectBefore,
  measuredSubjectBefore,
  nounPhraseEnding,
  measureText,
  changedBefore,
  clauseSubject,
  clauseSubjectEnd,
  rowKey,
  pastForm,
  participleShaped,
  OBJECT_POS,
} from './measure.js';

/**
 * The figure grammar: the one place that decides what a figure is. It reads wink-nlp's tokens (and
 * its DATE and DURATION entities, for time) and joins what wink leaves apart: a hedge and its
 * number ("some $" + "1.6 billion"), the two ends of a range, a number and its scale, unit and noun.
 *
 * Here: the sentence reader, which reads each figure by what it is and relates a sentence's figures. Its parts read
 * the same tokens (`view.ts`): `amounts.ts` the numbers, `measure.ts` what a figure measures, `time.ts` when; the
 * word lists are `words.ts`, data only.
 */

export type { Figure, FigureUnit, FigureValue } from './types.js';
export { CHANGE_NOUNS, MEASUREMENT_UNITS, RATE_WORDS, RELATIVE_TIMES, TIME_UNITS, UNIT_MEASURES } from './words.js';

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
  return readInTurn(sentences, (reader) => reader.figures());
}

/**
 * The dates each sentence names (`datesIn`: "in March 2009", "on 4 May 2015"), each a figure of unit `date` measuring
 * what its clause is about. Read apart from the figures, for a topic asking when only: a time is a figure's time
 * everywhere else.
 */
export function datesInSentences(sentences: string[]): Figure[][] {
  return readInTurn(sentences, (r) =>
    datesIn(r).map(({ first, next, figure }) => {
      const start = r.t[first]!.start;
      const end = r.t[next - 1]!.end;
      const measure = yearModifies(r, first, next) ?? clauseSubject(r, first) ?? r.referentAt(first);
      return { text: r.text.slice(start, end), start, end, ...figure, measure };
    }),
  );
}

/**
 * The noun phrase a year after a determiner modifies, which is what the date is of: "the 2014 flood of the old bridge"
 * in "The worst case was the 2014 flood of the old bridge", where the clause's subject ("worst case") names only how
 * the sentence sees it.
 */
function yearModifies(r: SentenceReader, first: number, next: number): string | undefined {
  if (next !== first + 1 || !DETERMINERS.has(r.lower(first - 1)) || !isYearAt(r, first)) return undefined;
  const phrase = nounPhraseAt(r, next);
  if (!phrase) return undefined;
  // "the 2014 flood of 40 homes in the old town": the count in its complement is the flood's, and so the date's.
  const counted =
    r.lower(phrase.next) === 'of' && r.t[phrase.next + 1]?.pos === 'NUM' && nounPhraseAt(r, phrase.next + 2);
  return r.text.slice(r.t[phrase.first]!.start, r.t[(counted || phrase).next - 1]!.end);
}

/**
 * What `read` finds in each sentence, read in order, each sentence's reader given the one before it, whose noun phrases
 * a figure naming only their head takes (`figuresInSentences`).
 */
function readInTurn(sentences: string[], read: (reader: SentenceReader) => Figure[]): Figure[][] {
  let previous: SentenceReader | undefined;
  return sentences.map((text) =>
    tokenSentences(text).flatMap((tokens) => {
      const reader: SentenceReader = new SentenceReader(text, tokens, previous);
      previous = reader;
      return read(reader);
    }),
  );
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
  /** Whether its head is plural, as "they" and not "it" would stand for it. */
  plural: boolean;
}

/** The count a part is read of, before it in its sentence or in the sentence before: what it counts, and when. */
interface Whole extends Pick<Figure, 'when' | 'period' | 'periodMinutes'> {
  measure: string;
}

/** The number or range a figure is read from (`quantityAt`). */
interface Quantity {
  low: Amount;
  /** A range's high end, with a hedge of its own ("between 5 and nearly 9"). */
  high?: { amount: Amount; hedge?: string };
  /** Index after its last token. */
  next: number;
  currency?: FigureUnit;
  percent: boolean;
  /** The hedge and value the figure takes. */
  base: Pick<Figure, 'hedge' | 'value'>;
}

/** Whether a match is a count with a measure: one a part may be of ("of them", "the 143 we refused"). */
const countsSomething = (m: Match): boolean => m.figure.unit === 'count' && !!m.figure.measure;
/** What a count counts, as a part of it names its whole: its own whole's measure when it is itself a part. */
const countedBy = (m: Match): string | undefined => m.base ?? m.figure.measure;

/** A figure read from its own words, not referring back to the one before. */
function plainMatch(first: number, next: number, figure: Match['figure']): Match {
  return { first, next, figure, anaphoric: false };
}

/** Reads one sentence's tokens into figures. Indexes are token positions; offsets are in `text`. */
class SentenceReader extends Reading {
  private phraseList?: Phrase[];
  /** The sentence's figures once read, for a count in the next sentence that is a part of one ("20,000 of them"). */
  private matchList?: Match[];

  constructor(
    text: string,
    t: Token[],
    /** The sentence before, for figures that name only the head of a noun phrase it gave in full. */
    private readonly previous?: SentenceReader,
  ) {
    super(text, t);
  }

  figures(): Figure[] {
    const matches: Match[] = [];
    const units = this.labelUnits();
    for (let i = 0; i < this.t.length;) {
      // "(£000)" says how much the figures under its label are, and is no figure of £0.
      const unit = units.find((u) => u.open === i);
      if (unit) {
        i = unit.close + 1;
        continue;
      }
      const interval = this.intervalAt(i);
      if (interval !== undefined) {
        i = interval;
        continue;
      }
      const match = this.matchAt(i, matches);
      if (match) {
        this.resolveHead(match);
        matches.push(match);
        i = match.next;
      } else i = this.refusedRangeEnd(i) ?? i + 1;
    }
    const row = matches.length ? rowKey(this) : undefined;
    const inCell = (m: Match) => row && this.t.slice(row.dash + 1, m.first).some(isLabelColon);
    // "Rent — £118.62 a week": a cell under no column's header (a table without one), the figure alone after the
    // row's dash or the cell before's semicolon, is of its row's name.
    const unheaded = (m: Match) => row && m.first > row.dash && opensCell(this.t[m.first - 1]) && !inCell(m);
    // "They numbered 12,000 in July": any other figure measuring nothing its sentence names is of what its pronoun
    // subject stands for. A length is not ("It took 12 years"): how long, not how many of anything.
    for (const m of matches) {
      if (m.figure.measure) continue;
      if (unheaded(m)) m.figure.measure = row!.measure;
      else if (!TIME_UNITS.has(this.lower(m.next - 1))) m.figure.measure = this.referentAt(m.first);
    }
    bindTimes(this, matches);
    this.relateBaselines(matches);
    // "plan: Starter — monthly fee: $19": a figure in a cell of a table row is its column's measure for that row, which
    // only the row's name tells apart from the same column's figure in the next row. A row of totals is named so in
    // every cell, under a time's label too ("budget line: Total — 2025-26: £42,500"): the whole, not a part.
    for (const m of matches)
      if (row && inCell(m) && (row.total || (m.figure.measure && m.figure.measure !== row.measure)))
        m.figure.row = row.name;
    // "Bus journeys (millions) — 2023: 41.2", "share (%): 41.5": a bare number under a label whose brackets give a
    // scale, a currency or a percent sign is that much, its own label's before its row's.
    // "weight (tonnes): 3", "Freight (tonnes) — 2023: 41.2": or a unit of measure, which it is counted in.
    const rowUnit = row && units.find((u) => u.close === row.dash - 1);
    for (const m of matches) {
      const unit = units.find((u) => u.labels === m.first) ?? (inCell(m) ? rowUnit : undefined);
      if (!unit || m.figure.unit !== 'count' || this.t[m.next - 1]!.type !== 'number') continue;
      if (unit.unit) applyUnit(m.figure, unit.unit);
      else m.figure.units = unit.units;
    }
    this.matchList = matches;
    return matches.map(({ first, next, figure }) => {
      const start = this.t[first]!.start;
      const end = this.t[next - 1]!.end;
      return { text: this.text.slice(start, end), start, end, ...figure };
    });
  }

  /**
   * The brackets of labels that give a unit (`bracketUnit`): tokens `open` to `close`, and `labels`, the token after
   * the label's colon, where its figure stands ("share (%): 41.5"); a row's name's ("Bus journeys (millions) — …"),
   * before its dash, labels none itself.
   */
  private labelUnits(): { open: number; close: number; labels?: number; unit?: LabelUnit; units?: string }[] {
    const found: { open: number; close: number; labels?: number; unit?: LabelUnit; units?: string }[] = [];
    for (let open = 0; open < this.t.length; open++) {
      if (this.t[open]!.text !== '(') continue;
      let close = open + 1;
      while (close < this.t.length && !/^\):?$/.test(this.t[close]!.text) && this.t[close]!.text !== '(') close++;
      const after = this.t[close + 1];
      const labels =
        this.t[close]?.text === '):' ? close + 1 : this.t[close]?.text === ')' && after?.text === ':' ? close + 2 : -1;
      const row = this.t[close]?.text === ')' && isRowSeparator(after);
      if (labels < 0 && !row) continue;
      const unit = bracketUnit(this, open, close);
      const units = unit ? undefined : bracketMeasureUnit(this, open, close);
      if (unit || units) found.push({ open, close, labels: labels >= 0 ? labels : undefined, unit, units });
    }
    return found;
  }

  /**
   * What "it" or "they", as the whole subject of the clause of token `at`, stands for: the one noun phrase of its
   * number the sentence before gives ("The ferry service opened in 1990. It was extended in May 2015."). None when that
   * sentence gives several of that number, which leaves a reader to guess, or none.
   */
  referentAt(at: number): string | undefined {
    const end = clauseSubjectEnd(this, at);
    const pronoun = end === undefined ? undefined : this.t[end - 1];
    const plural = pronoun?.pos === 'PRON' ? SUBJECT_PRONOUNS.get(pronoun.lower) : undefined;
    if (plural === undefined || !this.previous || this.t[end! - 2]?.pos === 'ADP') return undefined;
    const named = new Set(this.previous.phrases.filter((p) => p.plural === plural).map((p) => p.text));
    return named.size === 1 ? [...named][0] : undefined;
  }

  /** The sentence's noun phrases, read on first use (most sentences are never asked). */
  get phrases(): Phrase[] {
    if (!this.phraseList) {
      const phrases: Phrase[] = [];
      // A letter glued to a number is its scale or part of a name ("5m people", "3D printing"), no word of a phrase.
      const glued = (k: number) => this.t[k]?.spaced === false && this.t[k - 1]?.type === 'number';
      const nominal = (k: number) => /^(NOUN|PROPN|ADJ)$/.test(this.t[k]?.pos ?? '') && !glued(k);
      for (let i = 0; i < this.t.length;) {
        const opens = nominal(i) && !nominal(i - 1);
        const phrase = opens ? nounPhraseAt(this, i) : undefined;
        const text = phrase && measureText(this, phrase.first, phrase.next);
        if (phrase && text)
          phrases.push({
            head: stem(this.t[phrase.headNext - 1]!.lower),
            first: i,
            text,
            words: text.split(/\s+/).length,
            plural: looksPlural(this.t[phrase.headNext - 1]!.lower),
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
      // (the second's words before it are the first figure's). "The rate limit rises from 600 to 1,000 requests a
      // minute": where only the second names it, both count that, of the subject that changed.
      const from = matches[n - 1];
      if (
        from &&
        from.figure.unit === m.figure.unit &&
        from.next === m.first - 1 &&
        this.lower(from.next) === 'to' &&
        this.fromBefore(from.first) !== undefined
      ) {
        if (from.figure.measure) m.figure.measure = from.figure.measure;
        else if (m.figure.measure)
          from.figure.measure = m.figure.measure = this.ofChangedSubject(from.first, m.figure.measure);
      }
      if (!before || before.unit !== m.figure.unit || !isBaseline(this, m.first)) return;
      m.figure.measure ??= before.measure;
      const months = (when: string | undefined) => !!when && when.split(/\s+/).some(isMonth);
      if (before.period && !m.figure.period && months(before.when) === months(m.figure.when)) {
        m.figure.period = before.period;
        m.figure.periodMinutes = before.periodMinutes;
      }
    });
  }

  /**
   * Where the range whose low end stands at `i` ends, read whole and refused there ("every 7 to 10 days" says how
   * often, "within 3 to 5 days" frames its clause): its high end is no figure of its own, which it had been read as
   * once the range was refused ("10 days", "5 days"), as "every 10 days" gives none.
   */
  private refusedRangeEnd(i: number): number | undefined {
    const low = amountAt(this, i);
    return low && rangeTailAt(this, low)?.amount.next;
  }

  /**
   * The figure at token `i`, read by what it is: a share in words, a sum of money or a percentage, a multiple, a ratio
   * or a count. `before` holds the sentence's figures before it, which a figure with no measure of its own may share.
   */
  private matchAt(i: number, before: Match[]): Match | undefined {
    const statistic = this.statisticAt(i);
    if (statistic) return statistic;
    let k = i;
    // "made up 12 percent of cases" is a share, not a rise.
    if (CHANGE_MARKERS.has(this.lower(k)) && !isHedgeAt(this, k) && this.t[k - 1]?.lemma !== 'make') k++;
    const outerHedge = hedgeAt(this, k);
    if (outerHedge) k += outerHedge.length;
    // "Nearly half of the farms", "two-thirds of voters": a share, of what follows "of" or what stands at it.
    const fraction = fractionAt(this, k);
    if (fraction)
      return this.finish(
        i,
        fraction.next,
        { hedge: outerHedge?.join(' '), value: fraction.value, unit: 'ratio' },
        before,
      );
    const quantity = this.quantityAt(i, k, outerHedge);
    if (!quantity) return undefined;
    const { low, high, next, currency, percent, base } = quantity;
    if (currency || percent) return this.moneyOrPercentAt(i, next, currency ?? 'percent', base, before);
    if (high && this.namedByRangeAt(next)) return undefined;
    // "2.5 times greater", "three times as many": a multiple, with the words that say of what.
    if (this.lower(next) === 'times' && !high)
      return this.finish(i, comparisonAt(this, next + 1), { ...base, unit: 'multiple' }, before);
    if (high && hyphenated(this, low)) return this.hyphenatedCountAt(i, next, low, base);
    return (high ? undefined : this.ratioMatchAt(i, low, base)) ?? this.countAt(i, next, low, base, before);
  }

  /**
   * A statistic in its notation, a letter, a sign and a number: "n = 206" is a sample's size, a count of whatever was
   * sampled; "p < 0.001" a p-value, a probability. Neither is an amount of what the sentence measures, which the number
   * alone was read as ("(n = 206)" measured "weeks of sleep").
   */
  private statisticAt(i: number): Match | undefined {
    const written = this.t[i]!.text;
    const notation = STATISTIC_NOTATIONS.get(written.toLowerCase()) ?? RATIO_NOTATIONS.get(written);
    const signed = STATISTIC_SIGNS.get(this.t[i + 1]?.text ?? '');
    // A ratio's capitals need no sign ("OR 1.8"); a lone letter does ("n 3" is no sample).
    const sign = signed ?? (RATIO_NOTATIONS.has(written) ? null : undefined);
    if (!notation || this.t[i]!.type !== 'word' || sign === undefined) return this.namedRatioAt(i);
    const amount = amountAt(this, i + (sign === null ? 1 : 2));
    if (!amount || !plainNumber(amount)) return undefined;
    return plainMatch(i, amount.next, { value: amount.value, hedge: sign || undefined, ...notation });
  }

  /**
   * A ratio named in words right before its number, "odds ratio 2.1", "an adjusted hazard ratio of 0.72": how many
   * times one thing is another, measured by the ratio's name, where the number alone was a count of nothing.
   */
  private namedRatioAt(i: number): Match | undefined {
    const end = this.lower(i - 1) === 'of' || STATISTIC_SIGNS.get(this.t[i - 1]?.text ?? '') === '' ? i - 1 : i;
    if (!/^ratios?$/.test(this.lower(end - 1)) || this.t[i]!.type !== 'number') return undefined;
    const amount = amountAt(this, i);
    if (!amount || !plainNumber(amount)) return undefined;
    // The ratio's name is the words of a compound before it: "odds ratio", where a noun phrase ends at a plural noun.
    let first = end - 1;
    while (/^(NOUN|PROPN|ADJ)$/.test(this.t[first - 1]?.pos ?? '') && this.t[first - 1]!.type === 'word') first--;
    return plainMatch(i, amount.next, {
      value: amount.value,
      unit: 'multiple',
      measure: measureText(this, first, end),
    });
  }

  /**
   * A confidence interval, "95% CI 1.2 to 2.7", "95% confidence interval (CI) -0.26 to -0.08", "CI, 0.55-0.94": the
   * index after it. Its level says how sure, its ends how far the estimate before them may be off: no amount of
   * anything, which the ends were read as ("2.7" a count measured "CI 1.2").
   */
  private intervalAt(i: number): number | undefined {
    const level = amountAt(this, i);
    let k = level?.percent ? level.next : i;
    if (this.lower(k) === 'ci') k++;
    else if (this.lower(k) === 'confidence' && this.lower(k + 1) === 'interval') k += 2;
    else return undefined;
    if (this.t[k]?.text === '(' && this.lower(k + 1) === 'ci' && this.t[k + 2]?.text === ')') k += 3;
    if (/^[,:=]$/.test(this.t[k]?.text ?? '')) k++;
    const low = amountAt(this, k);
    if (!low) return k;
    const high =
      rangeTailAt(this, low)?.amount ?? (this.t[low.next]?.text === ',' ? amountAt(this, low.next + 1) : undefined);
    return (high ?? low).next;
  }

  /**
   * The number or range a figure at `i` is read from, at `k` after any change marker and `outerHedge`: one amount, or
   * the two ends of a range ("between $18 and $30 billion", "8 to 9 percent"), with the hedge and value they give it.
   */
  private quantityAt(i: number, k: number, outerHedge: string[] | undefined): Quantity | undefined {
    const opener = this.lower(k);
    const range =
      opener === 'between' || opener === 'from'
        ? (rangeAt(this, k + 1, opener === 'between' ? ['and'] : ['to', 'through']) ??
          (opener === 'between' ? this.dashedRangeAt(k + 1) : undefined))
        : undefined;
    let low = range?.low ?? amountAt(this, k);
    if (!low || isLabel(this, low)) return undefined;
    let high = range?.high ?? rangeTailAt(this, low);
    // "12–15 March" is a date, "9-11 am" a time.
    if (high && isLabel(this, high.amount)) return undefined;
    // "fell from 150 to 120 litres", "rose from 3 to 5 percent": the two ends of a change are two figures, not a range.
    // Each is read at its own number, the first with the unit and scale of the second.
    // So is "from" after a changed noun phrase ("a cut in the single fare from $2.50 to $1.75", "raised the price of a
    // loaf from $3 to $3.50") or a passive verb of change ("was cut from").
    const moved = (from: number) =>
      this.lower(from) === 'from' &&
      ((this.t[from - 1]?.pos === 'VERB' && CHANGING_VERBS.has(this.t[from - 1]!.lemma)) ||
        CHANGE_VERBS.has(this.t[from - 1]?.lemma ?? '') ||
        changedBefore(this, from) !== undefined);
    // "grew from 5 or 6 to upwards of 20": a change may start from an alternative, which is its first end, one figure
    // with the unit and scale of the end it moved to. Only "to" joins the ends of the change; a pair whose first
    // number is the larger is its two ends ("fell from $9-$7 million").
    const alternative = !!high && !range && this.lower(low.next) !== 'to' && moved(i - 1);
    const end = high && alternative ? changeEndAt(this, high.amount.next) : undefined;
    if (end && high) {
      low = withUnitOf(low, end);
      high = { ...high, amount: withUnitOf(high.amount, end) };
    } else if (high && ((!alternative && moved(range ? k : i - 1)) || inherit(low, high.amount) > high.amount.value)) {
      if (range) return undefined;
      low = withUnitOf(low, high.amount);
      high = undefined;
    }
    const next = high?.amount.next ?? low.next;
    const currency = high?.amount.currency ?? low.currency;
    const percent = low.percent || !!high?.amount.percent;
    // "are estimated at between ...": the estimate is the hedge, though it stands outside the figure.
    const hedge =
      outerHedge?.join(' ') ??
      high?.hedge ??
      (this.lower(i - 1) === 'at' && this.lower(i - 2) === 'estimated' ? 'estimated' : undefined);
    const value: FigureValue = high ? { low: inherit(low, high.amount), high: high.amount.value } : low.value;
    return { low, high, next, currency, percent, base: { hedge, value } };
  }

  /** "between 40–45 tonnes": a range written with a dash after "between", which stands for its "and". */
  private dashedRangeAt(i: number): { low: Amount; high: { amount: Amount; hedge?: string } } | undefined {
    const low = amountAt(this, i);
    const high = low && isDash(this.t[low.next] ?? { text: '' }) ? rangeTailAt(this, low) : undefined;
    return low && high && { low, high };
  }

  /** A sum of money or a percentage, with the period of its rate ("$77 million a month"); none that bounds a class. */
  private moneyOrPercentAt(
    i: number,
    next: number,
    unit: FigureUnit,
    base: Pick<Figure, 'hedge' | 'value'>,
    before: Match[],
  ): Match | undefined {
    if (isBound(this, i, true)) return undefined;
    // "95% CI 1.2-3.4", "a 95% confidence interval": the interval's level, no share of anything.
    if (unit === 'percent' && /^(ci|confidence)$/.test(this.lower(next))) return undefined;
    const per = rateAt(this, next);
    return this.finish(i, per?.next ?? next, { ...base, unit, per: per?.period }, before);
  }

  /** "one in 10", "29 of the 31 schools": a ratio, of the noun phrase after its whole. */
  private ratioMatchAt(i: number, low: Amount, base: Pick<Figure, 'hedge' | 'value'>): Match | undefined {
    const ratio = ratioAt(this, low);
    if (!ratio) return undefined;
    const noun = nounPhraseAt(this, ratio.next);
    return plainMatch(i, noun?.headNext ?? ratio.next, {
      ...base,
      value: low.value / ratio.whole,
      unit: 'ratio',
      measure: noun ? measureText(this, noun.first, noun.next) : undefined,
    });
  }

  /** A count needs something counted: a noun, "of those", or (for digits) an elliptic "34,500 killed". */
  private countAt(
    i: number,
    next: number,
    low: Amount,
    base: Pick<Figure, 'hedge' | 'value'>,
    before: Match[],
  ): Match | undefined {
    // "2 business days", "5 working days": a word that says which days or hours stands between a length's number and
    // its unit, and is no noun it counts; a word of a time ("4.3 last year", "40 previous years") says when.
    const kind = this.t[next];
    const unit =
      !isDuration(this, next) && /^(NOUN|ADJ)$/.test(kind?.pos ?? '') && !kind!.entity && !relativePartAt(this, next)
        ? next + 1
        : next;
    // "1 hour 52 minutes": a length in two units is a figure from its first number, though "1 hour" alone is "an hour".
    const length = isDuration(this, unit) ? this.lengthTailAt(unit, base.value) : undefined;
    // "by 2 hours 30 minutes": the smaller units of a length read as none are no length of their own.
    const unitBefore = this.lower(i - 1) === ',' || this.lower(i - 1) === 'and' ? i - 2 : i - 1;
    if (length && MINUTES_IN.has(this.lower(unitBefore)) && this.t[unitBefore - 1]?.type === 'number') return undefined;
    if (
      isYear(this, low) ||
      this.t[next]?.lower === '-' ||
      (this.t[next]?.text === '–' && !this.t[next]!.spaced) ||
      // "1 hour" is "an hour", though "1 to 2 days" is a range.
      (low.value === 1 && low.scale === 1 && typeof base.value === 'number' && !length?.tail) ||
      this.namesAt(i, low, next)
    )
      return undefined;
    if (length) return this.lengthAt(i, length.next - 1, { ...base, value: length.value });
    const noun = nounPhraseAt(this, next);
    if (noun) return this.countOfNounAt(i, low, base, noun);
    // "Since 7.2 shipped, 6.9 gets only fixes": a number with a fraction that is a verb's subject names a version or a
    // section, since nothing counted in fractions does anything; a count that does ("some 40 shipped") is whole.
    if (low.scale === 1 && !Number.isInteger(low.value) && /^(VERB|AUX)$/.test(this.t[next]?.pos ?? ''))
      return undefined;
    if ((low.wordy && !this.pointsBackAt(next, before)) || isBound(this, i, false)) return undefined;
    return this.countReferringAt(i, next, base, before) ?? this.countInClauseAt(i, next, base);
  }

  /**
   * Whether the word at `next`, after a range of counts, is a singular noun the range names a size or a kind of, no
   * count of it: "a 10–12 standard" (a nursery's size of tree, its stem's girth in centimetres), "the 18–30 bracket", a
   * noun or a word the tagger reads as an adjective, ending its phrase. A range counts a plural ("10–12 trees"), and a
   * unit of measure or of time is how much ("10–12 tonne trucks", "a 3–4 hour wait"), as is a comparative ("10–12
   * higher").
   */
  private namedByRangeAt(next: number): boolean {
    const word = this.t[next];
    // A word of one or two letters is a unit's symbol ("2.5 to 3.5 m tall").
    if (word?.type !== 'word' || word.text.length < 3 || looksPlural(word.lower) || word.entity) return false;
    if (MEASUREMENT_UNITS.has(word.lower) || TIME_UNITS.has(word.lower) || COMPARATIVES.has(word.lower)) return false;
    // A singular noun before another modifies it ("5 or 6 bus routes" counts routes).
    return /^(NOUN|ADJ)$/.test(word.pos) && !/^(NOUN|PROPN|ADJ)$/.test(this.t[next + 1]?.pos ?? '');
  }

  /**
   * Whether a count with no noun, after it at `next`, points back at what it counts, so that one written in words is a
   * figure as its digits are: a part "of them" ("nine of them", "twelve of those"), or a comparative after a count
   * in the sentence ("30 buses in 2024 and eleven fewer in 2025"). Any other count in words alone is elliptic and
   * stays out ("Five arrived", "where the two differ").
   */
  private pointsBackAt(next: number, before: Match[]): boolean {
    if (this.lower(next) === 'of' && ANAPHORS.has(this.lower(next + 1))) return true;
    return COMPARATIVES.has(this.lower(next)) && before.some(countsSomething);
  }

  /**
   * Whether the bare number `low` at `i` (digits, no hedge, scale, currency or percent sign) names something, and
   * counts nothing a memo would quote: digits right after a capitalised noun are part of a name ("Route 7 — 14 buses a
   * day", "Version 2.6 lifts the cap", "runs on Python 3.12", "Title 42"), and digits opening with a zero are a code,
   * as are those right after them ("01632 960 418"). Not a number with a thousands separator, which names nothing
   * ("Population 7,000"); not after a plural opening the sentence ("Undergraduates 15, postgraduates 30"), nor a whole
   * number before a noun it may count ("the Route 2 buses", as "Texas 40 people" counts people), nor one ending its
   * sentence after its first word ("Total 450"): those read as a label and its figure. A lowercase noun's number may be
   * an elliptic count ("postgraduates 30 and academic staff 50"), and is read as one.
   */
  private namesAt(i: number, low: Amount, next: number): boolean {
    if (i !== low.first || low.wordy || low.scale !== 1 || low.currency || low.percent) return false;
    let first = low.first;
    while (this.t[first - 1]?.type === 'number' && this.t[first]!.spaced) first--;
    if (/^0\d/.test(this.t[first]!.text)) return true;
    if (this.numbersNameAt(low, next)) return true;
    const name = this.t[low.first - 1];
    if (!name || !this.t[low.first]!.spaced || !/^\d+(\.\d+)?$/.test(this.t[low.first]!.text)) return false;
    // wink reads a capitalised first word as a verb ("Ward 12 has 30 beds"); uninflected, it may name as a noun does.
    if (!/^\p{Lu}/u.test(name.text)) return this.lowercaseNamesAt(low.first - 1, next, low.value);
    const noun =
      /^(NOUN|PROPN)$/.test(name.pos) || (low.first === 1 && name.lemma === name.lower && !DETERMINERS.has(name.lower));
    if (!noun) return false;
    if (Number.isInteger(low.value) && nounPhraseAt(this, next)) return false;
    if (low.first > 1) return true;
    const last = this.t.slice(next).every((t) => t.type === 'punctuation');
    return !looksPlural(name.lower) && !last;
  }

  /**
   * Whether the whole number `low` numbers the name after it, capitalised words whose last is singular ("14 Mill Lane",
   * "22 Harbour Road"): a count of more than one counts a plural ("40 Ferry Terminals"), so it is a house's number on
   * its street, not how many of them there are.
   */
  private numbersNameAt(low: Amount, next: number): boolean {
    if (low.value === 1 || !/^\d+$/.test(this.t[low.first]!.text)) return false;
    const named = nounPhraseAt(this, next);
    if (!named || named.first !== next || named.next !== named.headNext) return false;
    // "212 Business and Enterprise customers": a name joined to a plural's modifiers counts that plural.
    const joined = this.t[named.next]?.pos === 'CCONJ' ? nounPhraseAt(this, named.next + 1) : undefined;
    if (joined && looksPlural(this.lower(joined.headNext - 1))) return false;
    const words = this.t.slice(named.first, named.headNext);
    // A unit of measure is no name, capitalised or not ("120 Ml/d").
    const capitalised = (w: Token) => /^\p{Lu}\p{Ll}/u.test(w.text) && !MEASUREMENT_UNITS.has(w.lower);
    return words.every(capitalised) && !looksPlural(words.at(-1)!.lower);
  }

  /**
   * Whether a lowercase noun at `name` and the digits after it name one thing, "route 7", "platform 4", "ward 12": the
   * noun is singular and opens its phrase (after a determiner, a preposition or at the sentence's start), and the verb
   * of its clause follows the digits ("platform 4 has 3 lifts", "ward 12 treated 300 patients"), or a word the
   * tagger reads as a noun that no count of more than one counts ("route 7 run every", "the number 7 bus"), or one
   * before a number, which shows it a verb ("route 7 runs 14 buses"). A count ending its clause may be elliptic
   * ("postgraduates 30 and academic staff 50"), and one before a plural it may count counts it, as after a
   * capitalised noun; a noun of time says when ("this year 40 were hurt").
   */
  private lowercaseNamesAt(name: number, next: number, value: number): boolean {
    const previous = this.t[name - 1];
    const token = this.t[name]!;
    // "on ward 12": the tagger reads some nouns as verbs, which after a preposition or a determiner only a noun can be.
    const nominal = previous?.pos === 'DET' || (previous?.pos === 'ADP' && previous.lower !== 'to');
    const noun = token.pos === 'NOUN' || (token.pos === 'VERB' && token.lemma === token.lower && nominal);
    if (!noun || (previous && !/^(DET|ADP)$/.test(previous.pos))) return false;
    if (looksPlural(token.lower) || TIME_NOUNS.has(token.lower)) return false;
    const after = this.t[next];
    if (after?.pos === 'AUX' || after?.pos === 'VERB') return true;
    const counted = nounPhraseAt(this, next);
    if (!counted || counted.next !== counted.headNext) return false;
    return this.t[counted.headNext]?.pos === 'NUM' || (value !== 1 && !looksPlural(this.lower(counted.headNext - 1)));
  }

  /**
   * A length of time whose unit stands at `unit`, with the smaller units after it ("6 hours 20 minutes", "2 days, 3
   * hours and 10 minutes"): its value in the first unit, and the index of its last unit, plus one. `tail` says whether
   * any smaller unit followed.
   */
  private lengthTailAt(unit: number, value: FigureValue): { value: FigureValue; next: number; tail: boolean } {
    let last = unit;
    let total = value;
    const size = MINUTES_IN.get(this.lower(unit));
    for (let k = unit + 1; typeof total === 'number' && size;) {
      if (this.lower(k) === ',' || this.lower(k) === 'and') k++;
      const part = amountAt(this, k);
      const smaller = part && MINUTES_IN.get(this.lower(part.next));
      if (
        !part ||
        part.scale !== 1 ||
        part.currency ||
        part.percent ||
        !smaller ||
        smaller >= MINUTES_IN.get(this.lower(last))!
      )
        break;
      total += (part.value * smaller) / size;
      last = part.next;
      k = last + 1;
    }
    return { value: total, next: last + 1, tail: last > unit };
  }

  /**
   * A length of time that something lasted, as a count of its unit: "has run for 40 years", "served some forty years",
   * "200 years of records". Its measure is what it is a length "of" ("years of records"), or none: the sentence names
   * no noun it measures, and its subject ("the ferry") is not counted in years. A stretch reaching up to now or from a
   * start ("over the past 10 years", "the first 10 months of 2022") is both: how long its clause has lasted, and its
   * other figures' time (`Figure.frames`). Any other length that frames when something happened is a time, not a
   * figure ("in ten years", "the 12 months to March"), as is one that counts back ("two years ago", "later"), says how
   * often ("every ten minutes") or is an age ("40 years old"); after "of" it is a noun's ("waits of 4 hours").
   */
  private lengthAt(i: number, next: number, base: Pick<Figure, 'hedge' | 'value'>): Match | undefined {
    const before = this.lower(i - 1);
    const after = this.lower(next + 1);
    // "over the past 10 years", "in the first 10 months of 2022": a stretch reaching up to now, or from a start, is how
    // long what the clause says has lasted, though it frames the clause too.
    const stretch = STRETCH_BOUNDS.has(before) && this.lower(i - 2) === 'the';
    // "fell from 6.1 minutes to 3.4 minutes": a length before "to" and another length is how long, at the first end of
    // a change or a range of lengths; a time frame runs to a date ("from 3 May to 5 May"), not to a length.
    const to = after === 'to' ? amountAt(this, next + 2) : undefined;
    const toLength = !!to && isDuration(this, to.next);
    // "a closure of 2 h 40 min", "a delay of 3 hours": a length after "of" and a noun that is no unit of time is how
    // long that noun lasted, as "closed for 2 hours" says; after a unit ("the first 10 months of") it frames.
    const lasted =
      before === 'of' && this.t[i - 2]?.pos === 'NOUN' && !TIME_UNITS.has(this.lower(i - 2))
        ? nounPhraseEnding(this, i - 1)
        : undefined;
    // "Over 12 months, prices rose": a hedge that is also a preposition of time frames the length, save after "for".
    const framed =
      !stretch &&
      (((TIME_PREPOSITIONS.has(before) || TIME_PREPOSITIONS.has(this.lower(i))) &&
        before !== 'for' &&
        !toLength &&
        // "was 41 minutes, up from 27 minutes": what a change is counted from is the same quantity, not a frame.
        !isBaseline(this, i)) ||
        TIME_QUALIFIERS.has(before) ||
        // "runs every ten minutes": how often, not how long.
        RATE_WORDS.has(before) ||
        (before === 'of' && after !== 'of' && !lasted) ||
        isDefinite(this, i));
    // "lasted 2 hours on 3 May" and "took 2 hours to fix" say how long, as "two years on" and "the 12 months to May"
    // do not.
    const dated = after === 'on' && isTimeAt(this, next + 2);
    // "gave 10,260 hours on them", "spent 40 hours on the report": a verb's object before "on" and what the time went
    // on is an amount of time given; "two years on, the pier" counts on from a time before, and "kept for 30 days on a
    // disk" stays a frame, "on" saying where.
    const spentOn = after === 'on' && this.t[i - 1]?.pos === 'VERB' && SPENT_ON.has(this.t[next + 2]?.pos ?? '');
    const purpose = after === 'to' && (this.t[next + 2]?.pos === 'VERB' || toLength);
    if (framed || (COUNTED_BACK.has(after) && !dated && !spentOn) || (PERIOD_ENDS.has(after) && !purpose))
      return undefined;
    const of = after === 'of' && !isTimeAt(this, next + 2) ? nounPhraseAt(this, next) : undefined;
    // "the error budget is about 20 minutes": a length that "be" says of its subject is that subject's, as a count is;
    // so is one after a label and its colon ("mean wait: 12 minutes", a table row's cell as `tableRow` writes it).
    const be = this.t[i - 1]?.pos === 'AUX' && this.t[i - 1]!.lemma === 'be';
    const said = be || isLabelColon(this.t[i - 1]) ? subjectBefore(this, i) : undefined;
    return plainMatch(i, next + 1, {
      ...base,
      unit: 'count',
      measure:
        (of && measureText(this, of.first, of.next)) ?? (lasted && measureText(this, lasted.first, i - 1)) ?? said,
      frames: stretch || undefined,
    });
  }

  /**
   * A range of counts written with a hyphen ("40-45 tonnes") counts the noun after it or is no figure: a hyphen also
   * joins the numbers of a phone number, a score or a code, which count nothing ("call 555-1234 for details"); after
   * "the" it names something ("the 18-30 bracket").
   */
  private hyphenatedCountAt(
    i: number,
    next: number,
    low: Amount,
    base: Pick<Figure, 'hedge' | 'value'>,
  ): Match | undefined {
    const noun = nounPhraseAt(this, next);
    if (!noun || isDuration(this, next) || isDefinite(this, i)) return undefined;
    return this.countOfNounAt(i, low, base, noun);
  }

  /** A count of the noun phrase after it ("912 road deaths", "3.1 tonnes of wheat"), with the period of its rate. */
  private countOfNounAt(
    i: number,
    low: Amount,
    base: Pick<Figure, 'hedge' | 'value'>,
    noun: { first: number; headNext: number; next: number },
  ): Match | undefined {
    if (TIME_UNITS.has(this.lower(noun.headNext - 1))) return undefined;
    // "the two governments" refers back; "the two ferries in Norway" says how many there are.
    if (low.wordy && isDefinite(this, i) && noun.next === noun.headNext) return undefined;
    if (isBound(this, i, true)) return undefined;
    if (low.wordy && this.enumeratedAt(noun.next, low.value)) return undefined;
    // "Wheat yields averaged 3.1 tonnes": a unit of measure says how, not what; what stands at it does ("3.1 tonnes
    // of wheat" says it after the unit). "50 km/h", "74 Ml/d": a unit divided by another is one unit. Only "of" says
    // what a unit measures, or "in" and a bare singular noun, its dimension ("2 mm in diameter"): "The weir was 3
    // metres at noon" or "in the old channel" measures the weir; the phrase says when or where.
    const unit = this.lower(noun.headNext - 1);
    const inner = this.t[noun.headNext + 1];
    const dimension =
      this.lower(noun.headNext) === 'in' &&
      noun.next === noun.headNext + 2 &&
      inner?.pos === 'NOUN' &&
      !looksPlural(inner.lower);
    const complement = this.lower(noun.headNext) === 'of' || dimension;
    const measured = MEASUREMENT_UNITS.has(unit) && (noun.next === noun.headNext || !complement);
    const unitEnd = measured ? compoundUnitEnd(this, noun.headNext) : noun.headNext;
    const per = rateAt(this, unitEnd);
    const said = measured && (subjectBefore(this, i) ?? measuredSubjectBefore(this, i) ?? this.referentAt(i));
    // "It was 14°C at the start": a unit written as a sign names no noun a reader would ask by; what it measures does.
    const sign = measured && !/^\p{L}+$/u.test(unit) ? UNIT_MEASURES.get(unit) : undefined;
    return plainMatch(i, per?.next ?? unitEnd, {
      ...base,
      unit: 'count',
      per: per?.period,
      measure: said || sign || this.ofChangedSubject(i, measureText(this, noun.first, noun.next)),
    });
  }

  /**
   * A count that a change of its clause's subject starts from counts that subject too: "The rowing leagues went from 5
   * or 6 clubs to more than 20" counts the leagues' clubs, as "clubs of rowing leagues" (the change's other end takes
   * the same measure). Counted by its noun alone, it answered a topic on the leagues as if it counted something else.
   */
  private ofChangedSubject(i: number, measure: string | undefined): string | undefined {
    const from = this.fromBefore(i);
    if (!measure || from === undefined || !CHANGE_VERBS.has(this.t[from - 1]?.lemma ?? '')) return measure;
    const subject = clauseSubject(this, from);
    const head = stem(measure.split(/\s+/).at(-1)!.toLowerCase());
    if (!subject || subject.split(/\s+/).some((w) => stem(w.toLowerCase()) === head)) return measure;
    return `${measure} of ${subject}`;
  }

  /**
   * The "from" that a figure at `i` is where a change starts from: right before it, or before a noun of quantity
   * ("went from a handful of 5 or 6 clubs", "from a peak of 400 pupils").
   */
  private fromBefore(i: number): number | undefined {
    const quantity = this.lower(i - 1) === 'of' && this.t[i - 2]?.pos === 'NOUN' && DETERMINERS.has(this.lower(i - 3));
    const from = quantity ? i - 4 : i - 1;
    return this.lower(from) === 'from' ? from : undefined;
  }

  /**
   * Whether the things a count in words counts are named right after it, so that it describes them rather than gives
   * a figure a reader would quote: "two mills, the Weir Mill and the Dye Works, spun ..." names as many as it counts;
   * "grouped under three headings:" ends its sentence as the lead-in to a list of them. `next`: after its noun phrase.
   */
  private enumeratedAt(next: number, value: number): boolean {
    let k = next;
    // "three headings (Annual report, 2021):": a citation in brackets stands between the count and its colon.
    // The tokenizer may join its bracket and the colon: "):".
    if (this.t[k]?.text === '(') while (k < this.t.length && !this.t[k - 1]!.text.startsWith(')')) k++;
    const ends = (j: number) => j >= this.t.length || (this.t[j]!.text === '.' && j === this.t.length - 1);
    if (this.t[k]?.text === ':' || (k > next && this.t[k - 1]!.text === '):'))
      return ends(this.t[k]?.text === ':' ? k + 1 : k);
    if (this.t[k]?.text !== ',') return false;
    // Its apposition: names or noun phrases ("the Weir Mill") joined by commas and one "and", as many as it counts.
    let items = 0;
    k++;
    for (;;) {
      const first = this.t[k];
      if (!first || !(DETERMINERS.has(first.lower) || /^\p{Lu}/u.test(first.text))) return false;
      let j = k;
      while (j < this.t.length && j - k < 6 && !/^(,|and|\.)$/.test(this.lower(j))) j++;
      items++;
      const last = this.lower(k - 1) === 'and';
      if (last) return items === value && (this.t[j]?.text === ',' || ends(j));
      if (this.lower(j) === ',' && this.lower(j + 1) === 'and') j++;
      if (!/^(,|and)$/.test(this.lower(j))) return false;
      k = j + 1;
    }
  }

  /**
   * A count with no noun after it that says what it counts by what it refers to: the whole after "of" ("1,200 of the
   * workers"), its subject ("total about 45,000"), or the count before it ("over 20,000 of those coming from Dover").
   */
  private countReferringAt(
    i: number,
    next: number,
    base: Pick<Figure, 'hedge' | 'value'>,
    before: Match[],
  ): Match | undefined {
    const unit: FigureUnit = 'count';
    const antecedent = [...before].reverse().find(countsSomething);
    const referent = antecedent && countedBy(antecedent);
    const partitive = this.lower(next) === 'of' && ANAPHORS.has(this.lower(next + 1));
    // "The 143 we refused": a definite count narrowed by a relative clause with no pronoun of its own is the part of
    // the count before it that the clause's verb says, "applications (refused)"; with none before, the verb alone.
    const relative = isDefinite(this, i) && PERSONAL_SUBJECTS.has(this.lower(next)) && this.t[next + 1]?.pos === 'VERB';
    if (relative) return this.partMatch(i, next, base, this.wholeBefore(referent), this.t[next + 1]!.text);
    if (!partitive && this.lower(next) === 'of') {
      const whole = nounPhraseAt(this, this.skipDeterminers(next + 1));
      if (whole) return plainMatch(i, next, { ...base, unit, measure: measureText(this, whole.first, whole.next) });
    }
    // "38 buses, of which 12 are electric": "of which" before the count makes it a part as "12 of which" does.
    const part = partitive || (this.lower(i - 2) === 'of' && ANAPHORS.has(this.lower(i - 1)));
    const after = partitive ? next + 2 : next;
    // "over 20,000 of those coming from Dover", "and some 15,500 coming from Hull".
    const tail = participlePhraseAt(this, after);
    // "The district will take in three towns and total about 45,000": a figure its sentence predicates of a
    // subject is that subject's, not more of the count before it.
    const subject = part ? undefined : subjectBefore(this, i);
    // "Chimneys accounted for some 400" after a count of fires: the subject of a verb of share is a part of that
    // count, "fires (Chimneys)", and no count of its own.
    const shared = subject && this.partVerbBefore(i) ? this.wholeBefore(referent) : undefined;
    if (subject && shared && shared.measure !== subject) return this.partMatch(i, next, base, shared, subject);
    if (subject) return plainMatch(i, next, { ...base, unit, measure: subject });
    // "Of 52 patients, 30 improved": a count whose own word of state ends its clause is the part of the count before it
    // in that state, "patients (improved)", never the whole itself. After a count that is itself of a state ("The
    // storm left 200 hurt and 12 dead"), a singular, it is another state: "dead", as "200 hurt" is "hurt".
    if (!part && referent && this.stateEndsAt(next)) {
      const state = this.t[next]!.text;
      const sibling = !/\s/.test(referent) && !looksPlural(referent.toLowerCase());
      if (sibling) return plainMatch(i, next + 1, { ...base, unit, measure: state });
      return this.partMatch(i, next + 1, base, { measure: referent }, state);
    }
    if (!part && !referent) return undefined;
    // "More than 900 of them involved cookers": "of them" may point at the count of the sentence before.
    const whole = referent || partitive ? this.wholeBefore(referent) : undefined;
    // A part is what its predicate says it is ("of whom 15 were apprentices"), or the whole its adjectives narrow
    // ("12 of which are electric": electric buses); never the whole itself, which a series would join it to.
    const said = part && !tail ? this.partOf(after, whole?.measure) : undefined;
    // What any other verb says of it: "house fires (involved cookers)".
    const rest = part && !tail && !said && whole ? this.clauseRestAt(after) : undefined;
    if (rest) return this.partMatch(i, next, base, whole!, rest);
    return {
      first: i,
      next,
      figure: {
        ...base,
        unit,
        measure: said ?? joinMeasure(referent, tail && measureText(this, tail.first, tail.next)),
      },
      anaphoric: true,
      base: referent,
    };
  }

  /** A count that is the part of `whole` that `which` names, "fires (Chimneys)": never in the whole's series. */
  private partMatch(
    i: number,
    next: number,
    base: Pick<Figure, 'hedge' | 'value'>,
    whole: Whole | undefined,
    which: string,
  ): Match {
    // A whole of the sentence before gives its time too, which the part's own sentence may still name otherwise.
    const measure = whole ? `${whole.measure} (${which})` : which;
    const { when, period, periodMinutes } = whole ?? {};
    const figure = {
      ...base,
      unit: 'count' as const,
      measure,
      ...(when && { when }),
      ...(period && { period, periodMinutes }),
    };
    return { first: i, next, figure, anaphoric: true, base: whole?.measure };
  }

  /**
   * The whole a part is of: `referent`, the count before it in its sentence, or else the count of the sentence before,
   * which "of them" or "the 143 we refused" may take a part of, with its time: the measure of that sentence's counts,
   * when they count one thing ("1,046 applications and approved 903"). None when they count several.
   */
  private wholeBefore(referent: string | undefined): Whole | undefined {
    if (referent) return { measure: referent };
    const counts = (this.previous?.matchList ?? []).filter(countsSomething);
    const wholes = new Set(counts.map(countedBy));
    if (wholes.size !== 1) return undefined;
    const { when, period, periodMinutes } = counts[0]!.figure;
    return { measure: [...wholes][0]!, when, period, periodMinutes };
  }

  /** Whether the verb of the figure at `i` is one of share, its subject a part: "accounted for some 15,500". */
  private partVerbBefore(i: number): boolean {
    let k = i - 1;
    while (k >= 0 && /^(ADP|ADV|AUX)$/.test(this.t[k]!.pos)) k--;
    // A participle ("individuals representing 20 groups") says what its noun is, not that it is a part.
    return this.t[k]?.pos === 'VERB' && PART_VERBS.has(this.t[k]!.lemma) && !/ing$/.test(this.lower(k));
  }

  /**
   * What the rest of a clause from `at` says, its auxiliaries left out, up to its end, its time or another figure:
   * "involved cookers" of "900 of them involved cookers in 2024". None when it names nothing ("29 of whom were
   * not"), or when "these" or "those" before it is the determiner of its noun ("112 of these women").
   */
  private clauseRestAt(at: number): string | undefined {
    if (this.t[at]?.pos === 'NOUN' && /^(these|those)$/.test(this.lower(at - 1))) return undefined;
    let first = at;
    while (this.t[first]?.pos === 'AUX') first++;
    let k = first;
    while (
      k < this.t.length &&
      !/^(PUNCT|CCONJ|SCONJ|NUM)$/.test(this.t[k]!.pos) &&
      !isHedgeAt(this, k) &&
      !(TIME_PREPOSITIONS.has(this.lower(k)) && isTimeAt(this, k + 1)) &&
      !this.t[k]!.entity?.match(/^(DATE|DURATION)$/)
    )
      k++;
    while (k > first && /^(ADP|DET|PART|PRON)$/.test(this.t[k - 1]!.pos)) k--;
    const names = this.t.slice(first, k).some((t) => /^(VERB|ADJ|NOUN|PROPN)$/.test(t.pos));
    return names ? this.text.slice(this.t[first]!.start, this.t[k - 1]!.end) : undefined;
  }

  /**
   * Whether the token at `k`, after a count, is an adjective or a participle that ends the count's clause, saying what
   * state the things counted are in: "dead" in "200 hurt and 12 dead", each of "12 dead, 3 missing and 40 injured".
   * Not a comparative ("12 more", "5 fewer", "3 lower"), which counts the same thing again, nor a word before the noun
   * it qualifies, however far the counts run ("2 large, well-established cohorts", "23 identical and 50 fraternal
   * twins", "17,755 complete and partial genes").
   */
  private stateEndsAt(k: number): boolean {
    const word = this.t[k];
    const adjective = word?.pos === 'ADJ' && word.lemma === word.lower && !COMPARATIVES.has(word.lower);
    const participle = participleShaped(word);
    if (!adjective && !participle) return false;
    const after = this.t[k + 1];
    if (!after || (after.pos === 'PUNCT' && after.text !== ',')) return true;
    if (after.text !== ',' && after.pos !== 'CCONJ') return false;
    const j = this.t[k + 2]?.pos === 'CCONJ' ? k + 3 : k + 2;
    const count = this.t[j]?.type === 'number' ? amountAt(this, j) : undefined;
    if (count) return this.stateEndsAt(count.next);
    return !/^(ADJ|NOUN|PROPN)$/.test(this.t[k + 2]?.pos ?? '');
  }

  /**
   * What a predicate from `at` ("are electric", "were apprentices") says a part of `whole` is: the noun phrase after
   * "be", or its adjectives (joined by "and" or "or") before the whole's noun phrase.
   */
  private partOf(at: number, whole: string | undefined): string | undefined {
    const noun = predicateAt(this, at);
    if (noun) return noun;
    let k = at;
    while (/^(AUX|ADV)$/.test(this.t[k]?.pos ?? '')) k++;
    if (!this.t.slice(at, k).some((t) => t.lemma === 'be') || this.t[k]?.pos !== 'ADJ') return undefined;
    const first = k;
    while (this.t[k]?.pos === 'ADJ' || (/^(and|or)$/.test(this.lower(k)) && this.t[k + 1]?.pos === 'ADJ')) k++;
    return whole && `${this.text.slice(this.t[first]!.start, this.t[k - 1]!.end)} ${whole}`;
  }

  /** A count that nothing before it explains: what its own clause says of it, or nothing. */
  private countInClauseAt(i: number, next: number, base: Pick<Figure, 'hedge' | 'value'>): Match {
    const unit: FigureUnit = 'count';
    // "Some 4,000 were living in tents", "about 300 were children": a count that is its clause's subject counts what
    // the predicate says of it.
    const predicate = this.t[next]?.pos === 'AUX' ? predicateAt(this, next) : undefined;
    if (predicate) return { first: i, next, figure: { ...base, unit, measure: predicate }, anaphoric: false };
    // "34,500 killed", "with 40 caught": the participle reads as part of the figure, and is what a reader labels it
    // by, having no noun phrase to head a measure. An irregular form ("caught", "held") is a participle after "with"
    // only, being as often a past tense ("About 40 went home"). After "with" it counts what the phrase before says:
    // "a record for road deaths with 912 killed". A past form with an object after it is the clause's verb.
    const participle = this.t[next];
    const regular = participle?.pos === 'VERB' && /(ed|en)$/.test(participle.lower);
    const irregular = this.lower(i - 1) === 'with' && pastForm(participle);
    if ((regular || irregular) && !OBJECT_POS.test(this.t[next + 1]?.pos ?? '')) {
      const by = this.lower(i - 1) === 'with' ? nounPhraseEnding(this, i - 1) : undefined;
      const measure = (by && measureText(this, by.first, i - 1)) ?? participle!.text;
      return plainMatch(i, next + 1, { ...base, unit, measure });
    }
    // "Thefts fell to 950": what the count is of stands before it, or nothing says.
    return plainMatch(i, next, { ...base, unit });
  }

  private finish(first: number, next: number, figure: Omit<Match['figure'], 'measure'>, before: Match[]): Match {
    return plainMatch(first, next, { ...figure, measure: quantityMeasure(this, first, next, figure.unit, before) });
  }
}

function joinMeasure(base: string | undefined, tail: string | undefined): string | undefined {
  if (!base) return tail;
  return tail ? `${base} ${tail}` : base;
}

/** What may open the object of "on" after a length spent on it: "hours on them", "on the report", "on Ben's case". */
const SPENT_ON = new Set(['DET', 'PRON', 'NOUN', 'PROPN']);

/** The statistics written as a letter, a sign and a number (`statisticAt`), and what each is. */
const STATISTIC_NOTATIONS = new Map<string, Pick<Figure, 'unit' | 'measure'>>([
  ['n', { unit: 'count', measure: 'sample size' }],
  ['p', { unit: 'ratio', measure: 'p value' }],
]);
/**
 * The ratios written in capitals as a letter and "R" before their number ("OR 1.8", "HR = 0.72"): how many times one
 * group's odds, hazard or risk is another's. Capitals only, as "or" is a word.
 */
const RATIO_NOTATIONS = new Map<string, Pick<Figure, 'unit' | 'measure'>>([
  ['OR', { unit: 'multiple', measure: 'odds ratio' }],
  ['HR', { unit: 'multiple', measure: 'hazard ratio' }],
  ['RR', { unit: 'multiple', measure: 'risk ratio' }],
]);
/** The signs between a statistic's letter and its number, each as the hedge it says ("=" says none). */
const STATISTIC_SIGNS = new Map([
  ['=', ''],
  ['<', 'less than'],
  ['>', 'more than'],
  ['≤', 'at most'],
  ['≥', 'at least'],
]);

/** A bare number read in the unit its label's brackets give: "41.2" under "(millions)" is 41,200,000. */
function applyUnit(figure: Match['figure'], unit: LabelUnit): void {
  const times = (n: number) => scaled(n, unit.scale);
  const { value } = figure;
  figure.value = typeof value === 'number' ? times(value) : { low: times(value.low), high: times(value.high) };
  if (unit.currency) figure.unit = unit.currency;
  else if (unit.percent) figure.unit = 'percent';
}
