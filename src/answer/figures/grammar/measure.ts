import { CELL_SEPARATOR, ROW_NAME_SEPARATOR, TOTAL_ROW_NAME } from '../../../corpus/block.js';
import { isMonth } from '../../../corpus/dates.js';
import { AMOUNT_HEDGES } from '../../../search/english.js';
import type { Token } from '../tokens.js';
import {
  CHANGE_MARKERS,
  CHANGE_NOUNS,
  TIME_NOUNS,
  DETERMINERS,
  RELATIVE_TIMES,
  RELATIVE_PARTS,
  RELATIVES,
  QUALIFYING_PREPOSITIONS,
  NOUN_LINKS,
  POSSESSIVES,
  QUANTITY_VERBS,
  QUANTITY_PREPOSITIONS,
  LINKING_WORDS,
  TIME_PREPOSITIONS,
  SUM_VERBS,
  CHANGE_VERBS,
  CURRENCY_SYMBOLS,
  CHANGING_VERBS,
  MEASURED_VERBS,
  OBJECT_PRONOUNS,
  OPEN_AMOUNTS,
  isDash,
  isLabelColon,
  isRowSeparator,
  opensCell,
} from './words.js';
import { amountAt, bracketMeasureUnit, bracketUnit } from './amounts.js';
import type { FigureUnit, Match } from './types.js';
import type { Reading } from './view.js';
import { isTimeAt, isYearAt, relativePartAt } from './time.js';

/**
 * What a figure measures: the noun phrase after it, the subject it is said of, a predicate or participle phrase, and
 * a relative clause that narrows a noun ("farms that lack irrigation").
 */

/**
 * The most tokens a noun phrase is read back over ("the profits from bus fares in the city" is eight): further back is
 * another clause's.
 */
const NOUN_PHRASE_MAX_TOKENS = 14;
/**
 * The most tokens an apposition between a subject and its verb is read back over: ", the share of patients starting
 * treatment within 18 weeks of referral," is a noun phrase with a participle clause of its own, so twice a noun
 * phrase's reach; a comma further back is another clause's.
 */
const APPOSITION_MAX_TOKENS = NOUN_PHRASE_MAX_TOKENS * 2;
/**
 * How far before a noun phrase the relative pronoun of its clause may stand: "that" is two tokens before "a car" in
 * "households that own a car", nine before "council" in "schools that have joined the breakfast scheme run by the
 * council". The main clause's own verb ends the search sooner (`relativeBefore`).
 */
const RELATIVE_MAX_TOKENS = 12;
/** How far after "from" the "to" of a change's other end may stand: "from an estimated $2.5 billion in 2019 to": 8. */
const CHANGE_END_MAX_TOKENS = 10;
/** The most tokens of who pays or is paid between a verb and its sum: "fined the county's bakeries $2m" is four. */
const PAYER_MAX_TOKENS = 4;

/**
 * A noun phrase starting at `i`: adjectives, nouns and hyphenated compounds up to a head noun,
 * "and" joining a second noun, then one qualifying prepositional phrase that is not a time, with
 * its own "of" complement ("deaths from collisions of heavy lorries").
 * `headNext` ends the phrase before its qualifier; `next` after it.
 */
export function nounPhraseAt(r: Reading, i: number): { first: number; headNext: number; next: number } | undefined {
  const headNext = nounRunAt(r, i);
  if (headNext === undefined) return undefined;
  let next = headNext;
  const prep = r.lower(next);
  if (QUALIFYING_PREPOSITIONS.has(prep) && !isTimeAt(r, next + 1)) {
    const inner = nounRunAt(r, r.skipDeterminers(next + 1));
    if (inner !== undefined && (prep !== 'to' || r.t[next + 1]?.pos !== 'VERB')) {
      next = inner;
      const complement = r.lower(next) === 'of' && !isTimeAt(r, next + 1);
      next = (complement && nounRunAt(r, r.skipDeterminers(next + 1))) || next;
    }
  }
  return { first: i, headNext, next };
}

/** An abbreviation alone in brackets at `k`, its closing bracket after it: "FTE" of "(FTE)", "NGOs" of "(NGOs)". */
function abbreviatedAt(r: Reading, k: number): boolean {
  return /^\p{Lu}{2,}s?$/u.test(r.t[k]?.text ?? '') && r.t[k + 1]?.text === ')';
}

/** The end of a run of noun-phrase words from `i` whose last word is a noun, or undefined. */
function nounRunAt(r: Reading, i: number): number | undefined {
  let lastNoun: number | undefined;
  for (let k = i; k < r.t.length; k++) {
    const token = r.t[k]!;
    const next = r.t[k + 1];
    const glue =
      k > i &&
      !token.spaced &&
      !!next &&
      ((isDash(token) && !next.spaced) || (/^['’]s?$/.test(token.text) && /^(NOUN|PROPN|ADJ)$/.test(next.pos)));
    // A word tagged as a verb straight after a preposition ("deaths from collisions") can only be a noun.
    const nominal = token.pos === 'VERB' && k === i && r.t[k - 1]?.pos === 'ADP' && !/ing$/.test(token.lower);
    const nounish = token.pos === 'NOUN' || token.pos === 'PROPN' || nominal;
    // "its operating costs", "of running costs": an -ing word opening the phrase after a determiner or "of" and before
    // a noun modifies it; further in ("buses carrying pupils") it opens a participle phrase.
    const opening = k === i && (DETERMINERS.has(r.lower(k - 1)) || r.lower(k - 1) === 'of');
    const modifier =
      token.pos === 'ADJ' ||
      (token.pos === 'VERB' && /^(NOUN|PROPN)$/.test(next?.pos ?? '') && (!/ing$/.test(token.lower) || opening));
    // "coming" tagged as a noun before "from": a participle, not a head.
    const participle = nounish && /ing$/.test(token.lower) && next?.pos === 'ADP';
    // "and" before a name joins nothing ("40 farms and Harrowdale Water"), save between two names that modify one
    // common noun after them: "212 Business and Enterprise customers".
    const names = next?.pos === 'PROPN' && r.t[k - 1]?.pos === 'PROPN';
    const joined =
      (token.lower === 'and' || token.lower === 'or') && lastNoun === k - 1 && (next?.pos !== 'PROPN' || names);
    const second = joined ? nounRunAt(r, k + 1) : undefined;
    const joins = second !== undefined && !subjectEndsAt(r, second) && (!names || r.t[second - 1]?.pos === 'NOUN');
    // "112 full-time equivalent (FTE) staff": an abbreviation in brackets before the head is part of the phrase.
    if (token.text === '(' && k > i && abbreviatedAt(r, k + 1) && /^(NOUN|PROPN)$/.test(r.t[k + 3]?.pos ?? '')) {
      k += 2;
      continue;
    }
    // "12,400 patients last winter", "40 officers last spring": the time after the noun is the figure's, not part of
    // what it counts; "35 next quarter" counts nothing.
    const dated = (k > i && (token.entity === 'DATE' || token.entity === 'DURATION')) || relativePartAt(r, k);
    if (
      (token.type !== 'word' && !glue) ||
      dated ||
      participle ||
      TIME_PREPOSITIONS.has(token.lower) ||
      DETERMINERS.has(token.lower)
    )
      break;
    if (!nounish && !modifier && !glue && !joins) break;
    // "Some 40 firms run clinics", "Twelve farms grow barley": a verb right after a plural is the clause's verb, as
    // after a subject ("operating costs", "12 trained nurses" have none before them).
    if (modifier && token.pos === 'VERB' && lastNoun === k - 1 && pluralAt(r, k - 1) && subjectEndsAt(r, k)) break;
    if (nounish) {
      lastNoun = k;
      // "Three firms control the harbour": a plural noun followed by another noun ends the phrase. An acronym in
      // capitals is no plural: its S is a letter of it ("3,870 PALS enquiries", "40 NHS trusts"), and its plural is
      // written with a small s ("NGOs"). A name ending in s modifies the noun after it ("340 Humanities students"),
      // unless that noun is a verb with an object ("12 Democrats support the bill").
      const after = r.t[k + 2];
      const object = /^(DET|PRON)$/.test(after?.pos ?? '') && after?.entity !== 'DATE' && after?.entity !== 'DURATION';
      const named = token.pos === 'PROPN' && !object;
      if (pluralAt(r, k) && !named && next?.pos === 'NOUN') break;
    }
  }
  return lastNoun === undefined ? undefined : lastNoun + 1;
}

/** Whether the word at `k` is a plural by its ending; an acronym in capitals is none ("PALS", "NHS"). */
const pluralAt = (r: Reading, k: number) => /[^su]s$/.test(r.lower(k)) && !/^\p{Lu}+$/u.test(r.t[k]!.text);

/**
 * Whether the noun run ending before `end` is the subject of a clause of its own, so that no "and" joins it to the noun
 * before: "10 guards and teachers say the halls feel safer" counts guards. A verb follows it that is finite (an
 * auxiliary, a present form, or a past form with an object: "cleaners joined the staff"; not "cleaners trained by the
 * council", a participle narrowing them), or a determiner that opens the object of a verb read as a noun ("security
 * staff patrol the pier"), or a noun after a plural ("drivers work longer shifts").
 */
function subjectEndsAt(r: Reading, end: number): boolean {
  const token = r.t[end];
  if (!token) return false;
  if (token.pos === 'AUX') return true;
  if (token.pos === 'VERB')
    return !/ing$/.test(token.lower) && (!/(ed|en)$/.test(token.lower) || OBJECT_POS.test(r.t[end + 1]?.pos ?? ''));
  if (DETERMINERS.has(token.lower)) return token.entity !== 'DATE' && token.entity !== 'DURATION';
  return token.pos === 'NOUN' && /[^su]s$/.test(r.lower(end - 1));
}

/** What may open a verb's object: "joined the staff", "hired cleaners". */
export const OBJECT_POS = /^(DET|NOUN|PROPN|ADJ|NUM|PRON)$/;

/**
 * What a predicate from `at` says of its subject, as a measure: its participle's phrase ("were living in tents along
 * the river"), or the noun phrase after "be" ("were children"); none for a bare passive ("were killed in 2019").
 */
export function predicateAt(r: Reading, at: number): string | undefined {
  const tail = participlePhraseAt(r, at);
  if (tail) return measureText(r, tail.first, tail.next);
  let k = at;
  while (r.t[k + 1]?.pos === 'AUX' || r.t[k + 1]?.pos === 'ADV') k++;
  if (r.t[k]?.lemma !== 'be') return undefined;
  const noun = nounPhraseAt(r, r.skipDeterminers(k + 1));
  return noun && measureText(r, noun.first, noun.next);
}

/** "coming from wheat", "involving trucks": a participle, its preposition if any, and a noun phrase. */
export function participlePhraseAt(r: Reading, at: number): { first: number; next: number } | undefined {
  let i = at;
  while (r.t[i]?.pos === 'AUX') i++;
  const verb = r.t[i];
  if (!verb || !/(ing|ed)$/.test(verb.lower) || !['VERB', 'NOUN'].includes(verb.pos)) return undefined;
  // "involving trucks": a present participle may take its object with no preposition.
  const object = r.t[i + 1]?.pos !== 'ADP';
  if (object && !/ing$/.test(verb.lower)) return undefined;
  const noun = nounPhraseAt(r, r.skipDeterminers(i + (object ? 1 : 2)));
  return noun && { first: i, next: noun.next };
}

/**
 * The measure of money, a percentage or a multiple: a noun after it ("40 percent increase in ..."), the noun phrase it
 * is said of ("bus trips up 28 percent"), what follows it (`complementAt`), or, for a sum with no noun of its own,
 * the measure of the sum before it in the sentence ("$2.9 billion in aid ... and $1.8 billion has been spent").
 */
export function quantityMeasure(
  r: Reading,
  first: number,
  next: number,
  unit: FigureUnit,
  before: Match[],
): string | undefined {
  if (r.t[next]?.pos === 'NOUN' && !isTimeAt(r, next)) {
    const direct = nounPhraseAt(r, next);
    const measure = direct && measureText(r, direct.first, direct.next);
    if (measure) return measure;
    // "1,450 permits in 2022, a 12 percent increase": a bare change beside a figure is a change of what it counts.
    const beside = r.lower(first - 1) === 'a' && r.lower(first - 2) === ',' ? before.at(-1) : undefined;
    const clause = (k: number) => r.segmentOf[k]!;
    if (beside && CHANGE_NOUNS.has(r.lower(next)) && clause(beside.first) === clause(first - 2) - 1)
      return beside.figure.measure;
  }
  // "Household debt stood at 95 percent of income": what stands at the figure is the measure, not its base.
  const subject = subjectBefore(r, r.t[first - 1]?.text === '(' ? first - 1 : first);
  if (subject) return subject;
  const gapped = gappedSubject(r, first, unit, before);
  if (gapped) return gapped;
  const shared = sharedSubject(r, first, next, unit, before);
  if (shared) return shared;
  const money = unit !== 'percent' && unit !== 'multiple';
  // "$2 billion was set aside for flood defences": a sum that is its clause's subject is for what its predicate says;
  // after a verb of change ("$2bn is expected to rise in line with inflation") it says how the sum moves, not what it
  // is, and nothing after it is read.
  let k = next;
  if (money && r.t[k]?.pos === 'AUX') while (/^(AUX|VERB|ADV|PART)$/.test(r.t[k]?.pos ?? '')) k++;
  if (r.t.slice(next, k).some((t) => t.pos === 'VERB' && CHANGE_VERBS.has(t.lemma))) k = r.t.length;
  // "spent $2 billion last year on bridges": the time between says when.
  while (r.t[k]?.entity === 'DATE' || r.t[k]?.entity === 'DURATION') k++;
  // "10 percent or more of school days": the open end says how much, and what it is of comes after it.
  if (r.lower(k) === 'or' && OPEN_AMOUNTS.has(r.lower(k + 1)) && r.lower(k + 2) === 'of') k += 2;
  // "The regulator fined the bank $1.6bn for late reports": the verb names what the sum is, a fine for late reports.
  // What it pays for or is in says more ("paid $2m to protect forests", "paid staff $2m in bonuses").
  const verb = money ? sumVerbBefore(r, first) : undefined;
  const named = verb === undefined ? undefined : SUM_VERBS.get(r.lower(verb));
  const reason = named && r.lower(k) === 'for' ? complementAt(r, k, money) : undefined;
  if (named) return reason ? `${named} for ${reason}` : (complementAt(r, k, money) ?? named);
  // A part its own clause names with the verb left out ("women 52 percent") is that figure's alone, not the sentence's.
  const inherited = before.filter(
    (m, i) => m.figure.unit === unit && m.figure.measure && !gappedSubject(r, m.first, unit, before.slice(0, i)),
  );
  return complementAt(r, k, money) ?? inherited.at(-1)?.figure.measure;
}

/**
 * "The entry fee is £5 for adults and £2 for children": a figure joined by "and" or "or" to the one before it, of the
 * same unit, with only that one's own complement between them ("for adults"), is said of the same subject; what follows
 * it says which part ("for children"), as the first one's did, and is not what it measures. So is one whose verb is
 * left out, after the first's verb and the preposition it repeats ("£2.1 million came from the lottery and £0.5
 * million from the county councils"): read alone, its preposition's noun phrase would be its measure.
 */
function sharedSubject(r: Reading, first: number, next: number, unit: FigureUnit, before: Match[]): string | undefined {
  const previous = before.at(-1);
  const and = CURRENCY_SYMBOLS.has(r.lower(first - 1)) ? first - 2 : first - 1;
  if (!previous?.figure.measure || previous.figure.unit !== unit || !/^(and|or)$/.test(r.lower(and))) return undefined;
  let own = previous.next;
  while (/^(AUX|VERB)$/.test(r.t[own]?.pos ?? '')) own++;
  const repeated = own > previous.next && r.t[own]?.pos === 'ADP' && r.lower(own) === r.lower(next) ? own : undefined;
  if (r.t.slice(repeated ?? previous.next, and).some((t) => /^(AUX|VERB|PRON|SCONJ)$/.test(t.pos) || t.text === ','))
    return undefined;
  // The first's measure, unless it is what its own preposition names ("£2m went on roads and £1m on bridges").
  if (repeated)
    return r.text.slice(r.t[repeated]!.start, r.t[and]!.start).includes(previous.figure.measure)
      ? undefined
      : previous.figure.measure;
  const said = subjectBefore(r, r.t[previous.first - 1]?.text === '(' ? previous.first - 1 : previous.first);
  return said === previous.figure.measure ? said : undefined;
}

/**
 * "Income was £3 million and spending £2.5 million", "Men made up 48 percent of the choir, women 52 percent": a noun
 * phrase right before a figure, after "and", "or" or a comma that follows a figure of the same unit (with only that
 * one's own complement between), is the subject of a clause whose verb is left out, the first clause's, and is what
 * the second figure measures. Read as no measure, the second would take the first's ("spending" measuring "Income").
 */
function gappedSubject(r: Reading, first: number, unit: FigureUnit, before: Match[]): string | undefined {
  const previous = before.at(-1);
  if (previous?.figure.unit !== unit) return undefined;
  const end = CURRENCY_SYMBOLS.has(r.lower(first - 1)) ? first - 1 : first;
  const phrase = nounPhraseEnding(r, end);
  if (!phrase || r.t.slice(phrase.first, end).some((t) => t.pos === 'NUM')) return undefined;
  let joint = phrase.first - 1;
  if (!/^(and|or|,)$/.test(r.lower(joint))) return undefined;
  if (r.lower(joint - 1) === ',') joint--;
  const between = r.t.slice(previous.next, joint);
  if (between.some((t) => /^(AUX|VERB|PRON|SCONJ|NUM)$/.test(t.pos) || t.text === ',')) return undefined;
  return measureText(r, phrase.first, end);
}

/** Prepositions after a sum of money that name what it is in, of, for or from: "$4 million on new boats". */
const MONEY_PREPOSITIONS = new Set(['in', 'of', 'on', 'for', 'into', 'from']);
/** "30 percent in Norway", "$2 billion from China" say where, not what. */
const PLACE_PREPOSITIONS = new Set(['in', 'from']);

/**
 * What a figure is of, from `k` after it: a noun after "in" or "of" ("$2.9 billion in aid", "72.9 percent of
 * respondents"), and for money also after "on", "for", "into" or "from" ("$4 million on new boats", "$3 million from
 * ticket sales"), or what it is to pay for ("$1.6 billion to help rebuild the county's bridges": the bridges, not the
 * verb). Never a place, a time or a verb phrase.
 */
function complementAt(r: Reading, k: number, money: boolean): string | undefined {
  const after = r.lower(k);
  if ((after === 'in' || after === 'of' || (money && MONEY_PREPOSITIONS.has(after))) && !isTimeAt(r, k + 1)) {
    const noun = nounPhraseAt(r, r.skipDeterminers(k + 1));
    const place =
      PLACE_PREPOSITIONS.has(after) && noun && r.t.slice(noun.first, noun.headNext).every((t) => t.pos === 'PROPN');
    if (!noun || place) return undefined;
    // "90 percent of water used in the country": the share is of what the participle narrows.
    const end = after === 'of' ? (participlePhraseAt(r, noun.next)?.next ?? noun.next) : noun.next;
    return measureText(r, noun.first, end);
  }
  // "$40 million under the Rural Schools Initiative": a sum is spent under a named scheme, law or fund; "under budget"
  // or "under the old mayor" says how it compares or when.
  if (money && after === 'under') {
    const noun = nounPhraseAt(r, r.skipDeterminers(k + 1));
    const named = noun && r.t.slice(noun.first, noun.headNext).every((t) => t.pos === 'PROPN');
    return named ? measureText(r, noun.first, noun.next) : undefined;
  }
  if (!money || after !== 'to') return undefined;
  // "to help strengthen", "to build": the verbs of the purpose, then their object.
  let object = k + 1;
  while (r.t[object]?.pos === 'VERB') object++;
  if (object === k + 1 || isTimeAt(r, object)) return undefined;
  const noun = nounPhraseAt(r, r.skipDeterminers(object));
  return noun && measureText(r, noun.first, noun.next);
}

/**
 * The noun phrase a figure is predicated of: "the profits from ... are estimated at [figure]", "bus
 * trips up [figure]", "thefts reached [figure]". After any other verb the subject is who acts ("the
 * ministry has spent [figure]"): the sentence does not say what the figure is of, and the actor is not it.
 */
export function subjectBefore(r: Reading, i: number): string | undefined {
  const label = labelBefore(r, i);
  if (label) return label;
  const changed = changedBefore(r, i - 1);
  if (changed) return changed;
  // "The upgrade cost taxpayers $1.6bn": who pays stands between the verb and its sum, and is not what it is said of.
  const payer = sumVerbBefore(r, i);
  if (payer !== undefined && payer < i - 1) return subjectBefore(r, payer + 1);
  // A noun phrase right before a figure is not what it is said of ("the report found 90 percent", with
  // "found" read as a noun), unless the figure is a change ("trips up 28 percent") or stands in brackets.
  if (!/^(AUX|ADV|PART)$/.test(r.t[i - 1]?.pos ?? '') && !verbalBefore(r, i - 1, i) && !linkingAt(r, i - 1)) {
    if (!CHANGE_MARKERS.has(r.lower(i)) && r.t[i]?.text !== '(') return undefined;
  }
  let k = i - 1;
  let verb: Token | undefined;
  let preposition = false;
  // "Print loans fell again, to 310,000": a comma between a verb and the preposition of its figure sets the figure off,
  // and opens no clause of its own.
  const setOff = (k: number) =>
    r.lower(k) === ',' && QUANTITY_PREPOSITIONS.has(r.lower(k + 1)) && /^(ADV|VERB)$/.test(r.t[k - 1]?.pos ?? '');
  while (
    k >= 0 &&
    (/^(AUX|ADV|PART)$/.test(r.t[k]!.pos) || verbalBefore(r, k, i) || linkingAt(r, k) || (!verb && setOff(k)))
  ) {
    if (!verb && verbalBefore(r, k, i)) verb = r.t[k];
    else if (!verb && QUANTITY_PREPOSITIONS.has(r.lower(k))) preposition = true;
    k--;
  }
  if (verb && !preposition && !QUANTITY_VERBS.has(verb.lemma)) return undefined;
  if (verb && (r.lower(k) === 'and' || r.lower(k) === 'or')) return firstSubject(r, k);
  // "The project, worth $1.6bn, opened": "worth" and its sum, set off by a comma, still say what the noun is worth.
  if (!verb && r.lower(k) === ',' && r.lower(k + 1) === 'worth') k--;
  // "Bed occupancy, the share of beds in use, was 96 percent": a noun phrase set off by commas between the subject and
  // its verb says again what the subject is; the subject stands before it.
  k = appositionBefore(r, k) ?? k;
  // "Mean time to recovery (MTTR) was 41 minutes": the abbreviation a subject defines in brackets before its verb is
  // part of its name, which stands before it.
  const defined = r.t[k]?.text === ')' && abbreviatedAt(r, k - 1) && r.t[k - 2]?.text === '(';
  const phrase = nounPhraseEnding(r, defined ? k - 2 : k + 1);
  if (!phrase) return undefined;
  if (defined) {
    const named = measureText(r, phrase.first, k - 2);
    return named && `${named} (${r.t[k - 1]!.text})`;
  }
  // "Bus spending over the same period was about 10 times as much": a time between the subject and its verb says when;
  // the subject stands before it.
  let time = phrase.first - 1;
  while (DETERMINERS.has(r.lower(time))) time--;
  if (TIME_PREPOSITIONS.has(r.lower(time)) && !measureText(r, phrase.first, k + 1)) {
    const subject = nounPhraseEnding(r, time);
    return subject && measureText(r, subject.first, time);
  }
  // "School spending of $2bn is expected to rise to $3bn": a subject holding a sum or a share is that figure, whose
  // measure is said before it; the sum alone ("$2bn is expected to rise to $3bn") says none.
  const sum = r.t.slice(phrase.first, k + 1).findIndex((_, n) => sumAt(r, phrase.first + n));
  if (sum >= 0) return sum ? measureText(r, phrase.first, phrase.first + sum) : undefined;
  return measureText(r, phrase.first, k + 1);
}

/**
 * The token before an apposition that ends with the comma at `k`: ", the share of beds in use," opening with a
 * determiner after a comma and holding no verb but participles and no other comma. Undefined when none ends there.
 */
function appositionBefore(r: Reading, k: number): number | undefined {
  if (r.lower(k) !== ',') return undefined;
  for (let c = k - 1; c > 0 && k - c <= APPOSITION_MAX_TOKENS; c--) {
    const token = r.t[c]!;
    if (token.text === ',') return DETERMINERS.has(r.lower(c + 1)) && c + 1 < k - 1 ? c - 1 : undefined;
    if (token.pos === 'AUX' || (token.pos === 'VERB' && !participleShaped(token))) return undefined;
  }
  return undefined;
}

/** Participles that work as prepositions, a closed class: "including VAT", "following the review". */
const PARTICIPLE_PREPOSITIONS = new Set(['including', 'excluding', 'following', 'regarding', 'concerning', 'pending']);
/**
 * What may stand before a label that opens its clause, besides a sentence's start and a hyphen or en dash (`isDash`):
 * a table row's or a list's separators.
 */
const LABEL_OPENERS = new Set([CELL_SEPARATOR, ROW_NAME_SEPARATOR, '|', '(', ',']);

/** Whether token `k` may stand before a label opening its clause (`LABEL_OPENERS`, a dash), or is before the start. */
const opensLabel = (r: Reading, k: number): boolean => k < 0 || LABEL_OPENERS.has(r.t[k]!.text) || isDash(r.t[k]!);

/**
 * The label a figure follows after a colon, when the label is a noun phrase opening its clause: "Turnout: 64 percent",
 * "seats: 40; annual budget: £12,000", a table row's cells as `tableRow` writes them ("leakage (tonnes): 83.9"; a
 * unit in brackets after the label is not part of it). The label says what the figure is, as a subject before "is"
 * does; read as no measure, every figure of a row was as much about each column's header as its own.
 */
function labelBefore(r: Reading, i: number): string | undefined {
  const colon = CURRENCY_SYMBOLS.has(r.lower(i - 1)) ? i - 2 : i - 1;
  if (!isLabelColon(r.t[colon])) return undefined;
  if (r.t[colon]!.text === ':' && timeLabelAt(r, colon)) return rowName(r, colon);
  // The tokenizer may join a closing bracket and the colon ("(km):").
  let end = colon;
  if (r.t[colon]!.text === '):' || r.t[colon - 1]?.text === ')') {
    while (end > 0 && r.t[end]!.text !== '(') end--;
    if (r.t[end]?.text !== '(') return undefined;
  }
  // "mains replaced (km): 31", "fish caught: 40": a label may end in the participle that narrows its noun, and keeps it
  // (a verb after a noun opens a clause in a sentence; a label has none). An irregular form is as often the past tense
  // of a verb of saying ("Residents said: 40 percent"), so it is read as a participle only after a cell's or a list's
  // separator, not at a sentence's start.
  const participle = pastForm(r.t[end - 1]);
  // "paying customers: 2,140", "registered voters", "sold homes": a label may open with the participle that narrows
  // its noun, present or past: read as no label, a table row's count would be unmeasured, as much about each other
  // column's header as its own. One that works as a preposition ("Including VAT: £40") says what the figure holds,
  // not what it is; a past one after a comma qualifies the header before it ("price per seat, billed yearly").
  const leading = (k: number) =>
    (r.lower(k).endsWith('ing') ? participleShaped(r.t[k]) : pastForm(r.t[k]) && r.lower(k - 1) !== ',') &&
    !PARTICIPLE_PREPOSITIONS.has(r.lower(k)) &&
    opensLabel(r, k - 1);
  const headNoun = nounPhraseEnding(r, end);
  const noun = headNoun && leading(headNoun.first - 1) ? { first: headNoun.first - 1 } : headNoun;
  const phrase = noun ?? (participle ? nounPhraseEnding(r, end - 1) : undefined);
  const irregular = !noun && !/(ed|en)$/.test(r.lower(end - 1)) && phrase?.first === 0;
  // "mean wait (hours): 4", "lead (mg/l): 0.01": brackets giving a unit make the words before a column's header.
  const close = r.t[colon]!.text === '):' ? colon : colon - 1;
  const headed = end < colon && !!(bracketUnit(r, end, close) ?? bracketMeasureUnit(r, end, close));
  if (!phrase || irregular || !opensLabel(r, phrase.first - 1))
    return uninflectedLabel(r, end, headed) ?? qualifiedLabel(r, end) ?? participleLabel(r, end);
  if (noun) return measureText(r, phrase.first, end) ?? changeLabel(r, phrase.first, end);
  // "total awarded: £1.02 million", "total raised": an adjective alone before the participle stands for its noun (the
  // total that was awarded) and names the figure: read as no label, each sum would count under the row's other labels.
  const alone = phrase.first === end - 2 && r.t[phrase.first]!.pos === 'ADJ' ? r.t[phrase.first]!.text : undefined;
  const narrowed = measureText(r, phrase.first, end - 1) ?? timeNarrowed(r, phrase.first, end - 1) ?? alone;
  return narrowed && `${narrowed} ${r.t[end - 1]!.text}`;
}

/**
 * A table's column header that names its figure and, after a comma, how it is qualified: "price per seat, billed
 * yearly: $12", "weight, dried: 4 kg". The words after the comma are a participle and what narrows it, no noun phrase
 * of their own, so they make no label; read as none, a row's prices in two columns would be unmeasured alike. Only
 * after a cell's separator, where the words are a header whatever ties them; the label is the whole header, as its
 * column is.
 */
function qualifiedLabel(r: Reading, end: number): string | undefined {
  let comma = end - 1;
  while (comma > 0 && end - comma < NOUN_PHRASE_MAX_TOKENS && r.t[comma]!.text !== ',') comma--;
  if (r.t[comma]?.text !== ',' || !pastForm(r.t[comma + 1])) return undefined;
  const qualifier = r.t.slice(comma + 2, end);
  if (!qualifier.every((t) => /^(ADV|ADJ|ADP|NOUN|DET)$/.test(t.pos))) return undefined;
  let first = comma;
  while (first > 0 && /^(NOUN|PROPN|ADJ|ADP|DET)$/.test(r.t[first - 1]!.pos)) first--;
  const named = r.t.slice(first, comma).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  if (!named || !opensCell(r.t[first - 1])) return undefined;
  return r.text.slice(r.t[first]!.start, r.t[end - 1]!.end);
}

/**
 * A table's column header that is a past participle alone, or with the phrase a preposition opens after it: "awarded:
 * $842,000", "spent to June 2026: $298,400", "raised in 2025: £4,100". The header says what was done with the sum,
 * which is what the figure is; read as none, a row's sums in two such columns were unmeasured alike, and listed under
 * either's topic. Only after a cell's separator: in a sentence a participle before a colon is a clause's verb.
 */
function participleLabel(r: Reading, end: number): string | undefined {
  let first = end - 1;
  while (first > 0 && end - first < NOUN_PHRASE_MAX_TOKENS && !opensCell(r.t[first - 1])) first--;
  if (!opensCell(r.t[first - 1]) || !pastForm(r.t[first])) return undefined;
  const rest = r.t.slice(first + 1, end);
  if (rest.length && (rest[0]!.pos !== 'ADP' || !rest.every((t) => /^(ADP|DET|ADJ|NOUN|PROPN|NUM)$/.test(t.pos))))
    return undefined;
  return r.text.slice(r.t[first]!.start, r.t[end - 1]!.end);
}

/**
 * A label's time nouns and nothing else, tokens `first` to `end`, before the participle that narrows them: "Days lost:
 * 17", "hours worked". In a sentence a time says when (`measureText` reads none), but what a participle says was done
 * with it is what the figure counts: read as none, a row's "Days lost: 17" took the cell before's "Breakdowns".
 */
function timeNarrowed(r: Reading, first: number, end: number): string | undefined {
  const words = r.t.slice(first, end).filter((t) => t.type === 'word' && !DETERMINERS.has(t.lower));
  const time = (t: Token) => TIME_NOUNS.has(t.lower) || t.entity === 'DURATION';
  return words.length && words.every(time) ? r.text.slice(words[0]!.start, words.at(-1)!.end) : undefined;
}

/**
 * Whether a token is a verb with a participle's ending, "-ed", "-en" or "-ing" ("treated", "taken", "starting"): the
 * tagger reads a participle as a verb, and a verb of any other form ("holds", "take") is a clause's own, never one
 * narrowing a noun, in an apposition or saying what state a count is in. One test for the grammar's three readings.
 */
export function participleShaped(token: Token | undefined): boolean {
  return token?.pos === 'VERB' && /(ed|en|ing)$/.test(token.lower);
}

/**
 * Whether a token is a verb's past form, as a participle narrowing a noun is: "-ed" or "-en" ("replaced", "taken"), or
 * an irregular form the lemmatiser reads back to another word ("caught", "born", "sold", "kept"; a form that is its own
 * base, "cut", is read as an uninflected label). Neither "-ing" nor "-s" is past.
 */
export function pastForm(token: Token | undefined): boolean {
  if (token?.pos !== 'VERB') return false;
  return /(ed|en)$/.test(token.lower) || (token.lemma !== token.lower && !/(ing|s)$/.test(token.lower));
}

/**
 * A label whose nouns name a change and nothing else, tokens `first` to `end`: "losses: 173", "annual growth (%): 3",
 * a table's column. In a sentence a bare "loss" or "growth" says how a figure moved, not what it measures
 * (`measureText`), but a label is what its own figure is: read as none, a row's "losses: 173" took the count before
 * it, "colonies: 480".
 */
function changeLabel(r: Reading, first: number, end: number): string | undefined {
  const words = r.t.slice(first, end).filter((t) => t.type === 'word' && !DETERMINERS.has(t.lower));
  const nouns = words.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  if (!nouns.length || !nouns.every((t) => CHANGE_NOUNS.has(t.lower))) return undefined;
  return r.text.slice(words[0]!.start, words.at(-1)!.end);
}

/**
 * Whether the label ending at `colon` is a time and nothing more, opening its clause: "2025-26: £12,500", "July 2025:
 * 342,000", a table row's cell under a year's or a month's column. A time says when its figure is (`bindTimes`), not
 * what it is.
 */
function timeLabelAt(r: Reading, colon: number): boolean {
  let first = colon;
  let time = false;
  while (first > 0) {
    const token = r.t[first - 1]!;
    const at = isTimeAt(r, first - 1);
    if (!at && token.pos !== 'NUM' && !/^[-–/]$/.test(token.text)) break;
    time ||= at;
    first--;
  }
  return time && (first === 0 || LABEL_OPENERS.has(r.t[first - 1]!.text));
}

/**
 * What a figure under a time's label is of, in a table row as `tableRow` writes it: the row's name (`rowKey`) when the
 * label stands after it ("budget line: Street lighting — 2025-26: £12,500; 2026-27: £13,100" is Street lighting's, in
 * each year). Outside a row a time's label leaves the figure unmeasured, as before.
 */
function rowName(r: Reading, colon: number): string | undefined {
  const key = rowKey(r);
  return key && key.dash < colon ? key.measure : undefined;
}

/**
 * A table row's name as `tableRow` writes it: its first cell, before the row's first spaced em dash (token `dash`)
 * and after its column's header ("plan: Starter — monthly fee: $19" is Starter's row), without a unit in brackets
 * ("Bus journeys (millions)"): verbatim, as `name` ("below £1,000" names a band), and as a measure where it is a noun
 * phrase. None when a verb stands before the dash (a clause, no cell) or a time (which dates the row's figures, not
 * names them).
 */
export function rowKey(r: Reading): RowKey | undefined {
  let key = rowKeys.get(r);
  if (key === undefined) rowKeys.set(r, (key = readRowKey(r) ?? null));
  return key ?? undefined;
}

/** A table row's name, its measure and its dash (`rowKey`). */
export interface RowKey {
  name: string;
  measure?: string;
  dash: number;
  /** A row of totals ("Total", "Grand total"): the whole of its column, which its figures say by its name. */
  total?: true;
}

/** Each sentence's row name, read once: its figures ask for it, and each of its cells under a time's label again. */
const rowKeys = new WeakMap<Reading, RowKey | null>();

function readRowKey(r: Reading): RowKey | undefined {
  const dash = r.t.findIndex(isRowSeparator);
  if (dash < 1) return undefined;
  let first = dash;
  while (first > 0 && r.t[first - 1]!.text !== ':') first--;
  // A unit in brackets ends the name and is not part of it: "Bus journeys (millions)".
  let end = dash;
  if (r.t[end - 1]?.text === ')') while (end > first && r.t[end]!.text !== '(') end--;
  // A verb's base after "to" names what the row is of, as in a label ("Total to pay", "Days to re-let").
  const clause = (k: number) => /^(VERB|AUX)$/.test(r.t[k]!.pos) && !(r.lower(k - 1) === 'to' && k - 1 > first);
  for (let k = first; k < end; k++) if (clause(k) || isTimeAt(r, k)) return undefined;
  if (end <= first) return undefined;
  const name = r.text.slice(r.t[first]!.start, r.t[end - 1]!.end);
  if (TOTAL_NAME.test(name)) return { name, measure: totalMeasure(r, first), dash, total: true };
  return { name, measure: measureText(r, first, end), dash };
}

/** A table's row of totals by its first cell (`TOTAL_ROW_NAME`), as `answer.ts`'s `TOTAL_ROW` reads a passage. */
const TOTAL_NAME = new RegExp(`^${TOTAL_ROW_NAME}$`, 'i');

/**
 * What a row of totals whose name starts at `first` measures: the whole of the column its name stands in, by that
 * column's header ("budget line: Total — 2025-26: £42,500" is every budget line's), where "Total" names no part; none
 * where the header is a time's ("month: Total"), which says when the rows are, not what they count.
 */
function totalMeasure(r: Reading, first: number): string | undefined {
  const colon = first - 1;
  if (r.t[colon]?.text !== ':') return undefined;
  let start = colon;
  while (!opensLabel(r, start - 1)) start--;
  if (start === colon || r.t.slice(start, colon).some((t) => TIME_NOUNS.has(t.lower))) return undefined;
  return measureText(r, start, colon);
}

/**
 * A label the tagger read a verb into, ending before `end`: "mean time to recovery", "average wait". A label has no
 * clause, so a verb's uninflected form in it ("mean", "wait", "to repair") can only name a thing; an inflected one
 * ("Residents said:") says who spoke, and is no label. The words back to what opens the label (`LABEL_OPENERS`, a dash
 * or the sentence's start) are nouns, adjectives, their prepositions and such verbs, one of them a noun unless the
 * label is a column's `headed` by its unit ("mean wait (hours)", which the tagger reads as two verbs).
 */
function uninflectedLabel(r: Reading, end: number, headed: boolean): string | undefined {
  let first = end;
  while (first > 0 && end - first < NOUN_PHRASE_MAX_TOKENS) {
    const token = r.t[first - 1]!;
    const base = token.pos === 'VERB' && token.lemma === token.lower;
    if (!/^(NOUN|PROPN|ADJ|ADP|DET|PART)$/.test(token.pos) && !base) break;
    first--;
  }
  if (first === end || !opensLabel(r, first - 1)) return undefined;
  const named = r.t.slice(first, end).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  // After a table row's cell separator the words are a column's header whatever ties them, a verb or a preposition
  // that ties no noun phrase ("Days out of service: 17"), which read as none took the cell before's measure.
  const cell = opensCell(r.t[first - 1]);
  const verb = r.t.slice(first, end).some((t, k) => t.pos === 'VERB' || infinitive(r, first + k));
  if (!(named || headed) || !(verb || cell)) return undefined;
  return named ? measureText(r, first, end) : r.text.slice(r.t[first]!.start, r.t[end - 1]!.end);
}

/**
 * Whether token `k` is a verb after "to" with its object's article after it, whatever the tagger read: "days to re-let
 * an empty home", where wink reads the hyphenated verb it does not know as a noun and "to" as a preposition.
 */
const infinitive = (r: Reading, k: number) => r.lower(k - 1) === 'to' && r.t[k + 1]?.pos === 'DET';

/**
 * What changed from the figure after "from" at `from`: the noun phrase before it, when that phrase is what a noun of
 * change is "in" or "of" ("a cut in the single fare from $2.50": the single fare) or the object of a verb of change
 * ("raised the price of a loaf from $3"). A noun phrase that nothing changes ("income from 12 percent of households")
 * is none.
 */
export function changedBefore(r: Reading, from: number): string | undefined {
  if (r.lower(from) !== 'from' || !endFollows(r, from)) return undefined;
  const phrase = nounPhraseEnding(r, from);
  if (!phrase) return undefined;
  const { first } = phrase;
  if (CHANGE_NOUNS.has(r.lower(first)) && /^(in|of)$/.test(r.lower(first + 1)))
    return measureText(r, r.skipDeterminers(first + 2), from);
  let verb = first - 1;
  while (DETERMINERS.has(r.lower(verb))) verb--;
  return r.t[verb]?.pos === 'VERB' && CHANGING_VERBS.has(r.t[verb]!.lemma) ? measureText(r, first, from) : undefined;
}

/**
 * Whether a figure's end ("to $1.75") follows the "from" at `from` in its clause: only then is what stands before
 * "from" surely a change ("raised funds from 12 percent of households" says who gave, not a change of funds).
 */
function endFollows(r: Reading, from: number): boolean {
  for (let k = from + 2; k < r.t.length && k - from <= CHANGE_END_MAX_TOKENS; k++) {
    if (r.segmentOf[k] !== r.segmentOf[from]) return false;
    if (/^(to|through)$/.test(r.lower(k)) && r.t.slice(k + 1, k + 4).some((t) => t.pos === 'NUM')) return true;
  }
  return false;
}

/**
 * What a unit of measure at `i` is said of after a verb of holding, carrying or using (`MEASURED_VERBS`): its subject,
 * before any auxiliaries and adverbs ("Lorries can carry up to 40 tonnes").
 */
export function measuredSubjectBefore(r: Reading, i: number): string | undefined {
  const verb = r.t[i - 1];
  if (verb?.pos !== 'VERB' || !MEASURED_VERBS.has(verb.lemma)) return undefined;
  let k = i - 1;
  while (/^(AUX|ADV|PART)$/.test(r.t[k - 1]?.pos ?? '')) k--;
  const phrase = nounPhraseEnding(r, k);
  return phrase && measureText(r, phrase.first, k);
}

/** Whether a sum of money, a percentage or a scaled number starts at `j`, or at the currency sign before it. */
function sumAt(r: Reading, j: number): boolean {
  if (r.t[j]?.pos !== 'NUM') return false;
  const amount = amountAt(r, CURRENCY_SYMBOLS.has(r.lower(j - 1)) ? j - 1 : j);
  return !!amount && (!!amount.currency || amount.percent || amount.scale > 1);
}

/**
 * The verb of a sum at `i` that takes who pays or is paid and the sum (`SUM_VERBS`), right before it ("was fined
 * $1.6bn") or before that object ("cost taxpayers $1.6bn", "fined the bank $1.6bn"), which is a noun phrase of names,
 * nouns and adjectives with no number of its own.
 */
function sumVerbBefore(r: Reading, i: number): number | undefined {
  for (let k = i - 1; k >= 0 && i - k <= PAYER_MAX_TOKENS + 1; k--) {
    if (SUM_VERBS.has(r.lower(k))) return k;
    // "pays us £250 a place": who is paid may be a pronoun, as a noun is ("paid staff $2m").
    if (!/^(DET|ADJ|NOUN|PROPN|PART)$/.test(r.t[k]!.pos) && !OBJECT_PRONOUNS.has(r.lower(k))) return undefined;
  }
  return undefined;
}

/**
 * Whether token `k`, before the figure at `i`, is a verb. "and initially total some 50,000": a quantity verb right
 * before a figure is a verb, however tagged. So is one before its preposition ("small firms account for 45 percent",
 * with "account" read as a noun).
 */
function verbalBefore(r: Reading, k: number, i: number): boolean {
  return (
    r.t[k]?.pos === 'VERB' ||
    (k >= 0 &&
      r.t.slice(k + 1, i).every((t) => LINKING_WORDS.has(t.lower)) &&
      QUANTITY_VERBS.has(r.t[k]!.lemma) &&
      r.t[k - 1]?.pos !== 'DET')
  );
}

/**
 * Whether token `k` links a subject to its figure. "Water use fell from 150 litres": where a quantity moved from is
 * said of its subject as much as where it went.
 */
function linkingAt(r: Reading, k: number): boolean {
  const verb = r.t[k - 1]?.pos === 'VERB' ? r.t[k - 1]!.lemma : '';
  // "The single fare was cut from $2.50": in the passive, what a verb of change moved is its subject too.
  return (
    LINKING_WORDS.has(r.lower(k)) || (r.lower(k) === 'from' && (QUANTITY_VERBS.has(verb) || CHANGING_VERBS.has(verb)))
  );
}

/**
 * "The new service would take in the inspectors and initially total some 5,000": a second predicate joined by "and" (or
 * "or", at `and`) is said of the subject of the first, the noun phrase before its verbs.
 */
function firstSubject(r: Reading, and: number): string | undefined {
  let chain = and - 1;
  while (chain >= 0 && !/^(AUX|VERB)$/.test(r.t[chain]!.pos)) chain--;
  while (chain > 0 && /^(AUX|VERB|ADV)$/.test(r.t[chain - 1]!.pos)) chain--;
  const subject = chain > 0 ? nounPhraseEnding(r, chain) : undefined;
  return subject && measureText(r, subject.first, chain);
}

/**
 * What the clause of token `at` is about: the noun phrase before the verb nearest before it, or with none the first
 * verb after it ("The ferry service began in March 2009", "In March 2009 the ferry service began", "the members of
 * the board will be meeting on May the 18th"). A date is said of it as a figure of its measure.
 */
export function clauseSubject(r: Reading, at: number): string | undefined {
  let end = clauseSubjectEnd(r, at);
  if (end === undefined) return undefined;
  // "The mayor, known as Ann, took office in 2018", "Fares, however, rose in 2019": an aside between commas stands
  // between the subject and its verb, as one in brackets does.
  if (r.t[end - 1]?.text === ',') {
    let open = end - 2;
    while (open > 0 && end - open <= ASIDE_MAX_TOKENS && r.t[open]!.text !== ',') open--;
    if (r.t[open]?.text === ',' && open < end - 2) end = open;
  }
  const phrase = nounPhraseEnding(r, end);
  return phrase && measureText(r, phrase.first, end);
}

/** The most tokens an aside between commas takes, its commas included: "known as the harbour master". */
const ASIDE_MAX_TOKENS = 8;

/** Where the subject of the clause of token `at` ends (`clauseSubject`): at its verb, or before a bracketed aside. */
export function clauseSubjectEnd(r: Reading, at: number): number | undefined {
  const inClause = (k: number) => r.segmentOf[k] === r.segmentOf[at];
  // A verb's form right after an article modifies the noun after it ("a deteriorating situation", "the proposed
  // budget"): no clause's verb.
  const isVerb = (k: number) =>
    inClause(k) && /^(AUX|VERB)$/.test(r.t[k]!.pos) && !/^(?:a|an|the)$/.test(r.lower(k - 1));
  let verb = -1;
  for (let k = at - 1; k >= 0 && verb < 0; k--) if (isVerb(k)) verb = k;
  for (let k = at + 1; k < r.t.length && verb < 0; k++) if (isVerb(k)) verb = k;
  if (verb < 0) return undefined;
  while (verb > 0 && inClause(verb - 1) && /^(AUX|VERB|ADV|PART)$/.test(r.t[verb - 1]!.pos)) verb--;
  // "The board of the harbour (HB) met", "The board – nine members in all – met": an aside in brackets or between
  // dashes stands between the subject and its verb.
  let end = verb;
  if (r.t[end - 1]?.text === ')') {
    end--;
    while (end > 0 && r.bracketed[end - 1]) end--;
    if (r.t[end - 1]?.text === '(') end--;
  } else if (asideDash(r, end - 1)) {
    let open = end - 2;
    while (open > 0 && !asideDash(r, open)) open--;
    if (open > 0) end = open;
  }
  return end;
}

/** A dash that opens or closes an aside: an em dash, or an en dash set apart by a space (not a range's, "2019–21"). */
function asideDash(r: Reading, k: number): boolean {
  const token = r.t[k];
  return token?.text === '—' || (token?.text === '–' && token.spaced);
}

/** The noun phrase that ends before token `end`, read backwards: "the profits from bus fares in the city". */
export function nounPhraseEnding(r: Reading, end: number): { first: number } | undefined {
  let first = end;
  for (let j = end - 1; j >= 0 && end - j <= NOUN_PHRASE_MAX_TOKENS; j--) {
    if (!extendsPhrase(r, j, first, end)) break;
    first = j;
    // An article opens its noun phrase, unless a preposition ties that phrase to one before.
    if (article(r.t[j]!) && !NOUN_LINKS.has(r.lower(j - 1))) break;
  }
  while (first < end && (DETERMINERS.has(r.lower(first)) || /^(ADP|PUNCT)$/.test(r.t[first]!.pos))) first++;
  // "Farms that lack irrigation fell to 3,000": the clause narrows the noun before it, which heads the phrase; the
  // clause's own words alone ("lack irrigation", "own a car") would be a verb phrase.
  const relative = relativeBefore(r, first);
  if (relative !== undefined) return nounPhraseEnding(r, relative) ?? (first < end ? { first } : undefined);
  return first < end ? { first } : undefined;
}

/** An article or a possessive, which wink reads as a pronoun ("the rent for your home"): either opens a noun phrase. */
const article = (token: Token) => token.pos === 'DET' || POSSESSIVES.has(token.lower);

/** Whether token `j` belongs to the noun phrase read backwards to `end`, which so far begins at `first`. */
function extendsPhrase(r: Reading, j: number, first: number, end: number): boolean {
  const token = r.t[j]!;
  const glued = isDash(token) && !token.spaced;
  const nounish =
    /^(NOUN|PROPN|ADJ|NUM)$/.test(token.pos) ||
    article(token) ||
    token.lower === "'s" ||
    token.lower === '’s' ||
    glued ||
    (token.text === '.' && !token.spaced);
  const linking = NOUN_LINKS.has(token.lower) && first < end;
  // "water used in ...", "crashes involving trucks", or "of frozen fish": a participle after its noun, or before it
  // after a preposition. A past form with an object after it is the sentence's verb: "the port handled cargo".
  const object = /(ed|en)$/.test(token.lower) && /^(NOUN|PROPN|ADJ|DET|NUM)$/.test(r.t[j + 1]?.pos ?? '');
  const participle =
    participleShaped(token) &&
    first < end &&
    ((/^(NOUN|PROPN)$/.test(r.t[j - 1]?.pos ?? '') && !object) ||
      (first === j + 1 && /^(NOUN|PROPN|ADJ)$/.test(r.t[j + 1]!.pos) && r.t[j - 1]?.pos === 'ADP'));
  // "waits of over 4 hours": a hedged number inside the phrase, not a figure's own hedge.
  const hedged = first === j + 1 && r.t[first]!.pos === 'NUM' && AMOUNT_HEDGES.some((h) => h.at(-1) === token.lower);
  // "Waits of ...": wink reads a capitalised first word before a preposition as a verb; there it is a noun. So is an
  // uninflected one before a noun, in a phrase that a verb after it makes a subject ("Mean time to recovery was").
  const opening =
    token.pos === 'VERB' &&
    !j &&
    first === 1 &&
    (NOUN_LINKS.has(r.lower(1)) || (token.lemma === token.lower && r.t[1]?.pos === 'NOUN'));
  // "inspectors report ferry crossings": a plural noun before another noun ends the phrase.
  const plural = token.pos === 'NOUN' && /[^su]s$/.test(token.lower) && first < end && r.t[j + 1]?.pos === 'NOUN';
  return (nounish || linking || participle || hedged || opening) && !plural;
}

/**
 * The relative pronoun opening a clause that ends a noun phrase at `first` ("households that own a car", "farms that
 * lack irrigation", with "lack" read as a noun, "schools that have joined the scheme run by the council"), when a noun
 * stands before it; none for "said that prices rose", nor past the main clause's verb ("schools that joined the scheme
 * saw absences drop": "absences" is no part of the clause).
 */
function relativeBefore(r: Reading, first: number): number | undefined {
  for (let p = first - 1; p > 0 && first - p <= RELATIVE_MAX_TOKENS; p--) {
    if (RELATIVES.has(r.lower(p))) {
      const verb = r.t[p + 1]!;
      // A verb, or a word wink read as a noun that is no plural subject of a clause ("reports that prices rose").
      const verbal = /^(VERB|AUX|ADV)$/.test(verb.pos) || (/^(NOUN|ADJ)$/.test(verb.pos) && !/s$/.test(verb.lower));
      return verbal && /^(NOUN|PROPN)$/.test(r.t[p - 1]!.pos) ? p : undefined;
    }
    if (!/^(VERB|AUX|ADV|ADJ|DET|PART|NOUN|PROPN|ADP|NUM)$/.test(r.t[p]!.pos)) return undefined;
    // A finite verb opens a clause: the relative clause's own ("that have joined"), or the main clause's, past which
    // the noun phrase is that clause's, not the relative clause's.
    if (opensClause(r, p)) {
      let chain = p;
      while (/^(AUX|VERB|ADV)$/.test(r.t[chain - 1]?.pos ?? '')) chain--;
      if (!RELATIVES.has(r.lower(chain - 1))) return undefined;
    }
  }
  return undefined;
}

/**
 * The measure in tokens `first` to `next`: without its determiners, and cut before a verb that opens a
 * clause ("respondents said the city ...", "water ... is from"), so it is always a noun phrase. None
 * when no noun is left, or when every noun names a time ("the same period" says when, not what).
 */
export function measureText(r: Reading, first: number, next: number): string | undefined {
  let a = first;
  // A number before the noun is another figure ("from 5 or 6 main routes to upwards of 20"), not part of this one's;
  // one with a word glued after it, or by a hyphen, is the start of a name or a modifier ("3D printing", "a 3-bed
  // flat"), which the grammar reads as no figure.
  const gluedWord = (k: number) => r.t[k]?.spaced === false && r.t[k]?.type === 'word';
  const numeral = (k: number) =>
    r.t[k]?.pos === 'NUM' &&
    !isYearAt(r, k) &&
    !gluedWord(k + 1) &&
    !(r.t[k + 1]?.spaced === false && isDash(r.t[k + 1]!) && gluedWord(k + 2));
  while (
    a < next &&
    (DETERMINERS.has(r.lower(a)) ||
      numeral(a) ||
      (numeral(a - 1) && /^(or|to|and)$/.test(r.lower(a))) ||
      // "eleven fewer buses on the route", "30 more nurses": the comparative says how the count changed, and the noun
      // after it what it counts.
      (numeral(a - 1) && /^(more|fewer)$/.test(r.lower(a)) && /^(NOUN|ADJ)$/.test(r.t[a + 1]?.pos ?? '')) ||
      (numeral(a - 1) && /^[-–]$/.test(r.lower(a)) && numeral(a + 1)))
  )
    a++;
  let end = a;
  while (end < next && !opensClause(r, end)) end++;
  // "electricity used in the region last year": the time ending it says when, and is the figure's `when`.
  const dated = (k: number) => r.t[k]!.entity === 'DATE' || r.t[k]!.entity === 'DURATION';
  const trim = () => {
    while (end > a && (/^(ADP|DET|CCONJ|PUNCT|PART|SCONJ|PRON)$/.test(r.t[end - 1]!.pos) || dated(end - 1))) end--;
  };
  trim();
  // "Revenue for the last quarter", "40 officers in the spring": a phrase of time ending it says when, as a time
  // ending it does, though wink dates neither.
  const when = timePhraseAt(r, a, end);
  if (when !== undefined) {
    end = when;
    trim();
  }
  const nouns = r.t.slice(a, end).filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  // "The same period" says when, and a bare "drop" how a figure moved: neither says what it measures.
  if (
    nouns.every(
      (t) => TIME_NOUNS.has(t.lower) || CHANGE_NOUNS.has(t.lower) || t.entity === 'DATE' || t.entity === 'DURATION',
    )
  )
    return undefined;
  return r.text.slice(r.t[a]!.start, r.t[end - 1]!.end);
}

/**
 * Where a preposition and a time alone open the end of the words `first` to `next` ("for the last quarter", "in the
 * spring", "during 2024"): every word after the preposition a determiner or a word of time.
 */
function timePhraseAt(r: Reading, first: number, next: number): number | undefined {
  for (let j = first + 1; j < next - 1; j++) {
    if (r.t[j]!.pos !== 'ADP' || !isTimeAt(r, j + 1)) continue;
    const time = (k: number) =>
      DETERMINERS.has(r.lower(k)) ||
      TIME_NOUNS.has(r.lower(k)) ||
      RELATIVE_TIMES.has(r.lower(k)) ||
      RELATIVE_PARTS.has(r.lower(k)) ||
      isYearAt(r, k) ||
      isMonth(r.lower(k)) ||
      r.t[k]!.entity === 'DATE' ||
      r.t[k]!.entity === 'DURATION';
    let k = j + 1;
    while (k < next && time(k)) k++;
    if (k === next) return j;
  }
  return undefined;
}

/**
 * A finite verb: an auxiliary, or an inflected verb after its subject ("respondents said the city ...").
 * A participle that narrows a noun ("water used in", "residents feeling unsafe"), one before a noun
 * ("paved roads"), or a noun read as a verb inside a compound ("road crash deaths") opens none.
 */
function opensClause(r: Reading, k: number): boolean {
  const token = r.t[k]!;
  if (token.pos === 'AUX') return true;
  if (token.pos !== 'VERB' || /ing$/.test(token.lower) || /^(ADP|PART)$/.test(r.t[k + 1]?.pos ?? '')) return false;
  return token.lemma !== token.lower && /^(NOUN|PROPN)$/.test(r.t[k - 1]?.pos ?? '');
}
