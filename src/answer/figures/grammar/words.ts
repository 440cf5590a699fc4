import {
  AMOUNT_HEDGES,
  COMPARATIVE_HEDGES,
  NEGATED_COMPARISONS,
  NUMBER_WORDS as ENGLISH_NUMBER_WORDS,
  SHORT_TIME_UNITS,
  TIME_UNITS,
} from '../../../search/english.js';
import { CELL_SEPARATOR, ROW_NAME_SEPARATOR } from '../../../corpus/block.js';
import { CURRENCIES } from '../../../corpus/currencies.js';
import { QUARTER_ORDINALS, RELATIVE_TIME_SHIFTS } from '../../../corpus/dates.js';
import { TEMPERATURE_UNITS, type Token } from '../tokens.js';
import type { FigureUnit } from './types.js';

// The search reads rates and lengths of time by the same words.
export { MINUTES_IN, RATE_WORDS, TIME_UNITS } from '../../../search/english.js';

/** Word lists of the figure grammar. Grammar, not topic: nothing here names a subject of the corpus. */

/** A hyphen or an en dash: it joins a span's two ends ("40-45", "2019–21") and the parts of a name ("F-22"). */
export const isDash = (token: Pick<Token, 'text'>): boolean => token.text === '-' || token.text === '–';

/** The spaced em dash between a table row's name and its cells, as `tableRow` writes it (or a writer does). */
export const isRowSeparator = (token: Pick<Token, 'text' | 'spaced'> | undefined): boolean =>
  token?.text === ROW_NAME_SEPARATOR && token.spaced;

/** Whether a token opens a table row's cell as `tableRow` writes it: the dash after the row's name, or a semicolon. */
export const opensCell = (token: Pick<Token, 'text'> | undefined): boolean =>
  token?.text === ROW_NAME_SEPARATOR || token?.text === CELL_SEPARATOR;

/** A label's colon, after its bracketed unit or not ("mean wait:", "weight (tonnes):"), as a table row's cells have. */
export const isLabelColon = (token: Pick<Token, 'text'> | undefined): boolean => /^\)?:$/.test(token?.text ?? '');

/** English's number words (`search/english.ts`, where a question reads them too) as the numbers they are. */
export const NUMBER_WORDS = new Map(
  Object.entries(ENGLISH_NUMBER_WORDS).map(([word, digits]) => [word, Number(digits)]),
);
export const CURRENCY_SYMBOLS = new Map<string, FigureUnit>(CURRENCIES.flatMap((c) => c.signs.map((s) => [s, c.unit])));
export const CURRENCY_WORDS = new Map<string, FigureUnit>(CURRENCIES.flatMap((c) => c.words.map((w) => [w, c.unit])));
export const HUNDREDTHS = new Map<string, FigureUnit>(
  CURRENCIES.flatMap((c) => (c.hundredth ? [[c.hundredth, c.unit]] : [])),
);
export const CHANGE_MARKERS = new Set(['up', 'down']);
/** A share said in words, by the parts its whole is cut into: "half of", "a third of", "two-thirds of". */
export const FRACTIONS = new Map(
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
export const NAMED_PARTS = new Set([
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
export const PART_ORDINALS = new Set([...QUARTER_ORDINALS, 'final', 'last']);
export const YEAR_PARTS = new Set(['quarter', 'half']);
/** Nouns that name a change ("a drop of 8 percent"): how a figure moved, not what it measures. */
export const CHANGE_NOUNS = new Set(
  ['increase', 'decrease', 'drop', 'rise', 'decline', 'fall', 'growth', 'reduction', 'jump', 'cut', 'gain', 'loss']
    .flatMap((w) => [w, `${w}s`])
    .concat(['growths', 'losses']),
);
/**
 * Units of measure by what they measure, singular: "tons" and "tonnes" name one quantity, so a topic in one asks what a
 * corpus writing the other gives.
 */
const UNITS_BY_MEASURE = {
  mass: 'tonne ton kilogram kilo kg gram ounce milligram mg',
  volume: 'litre liter gallon barrel millilitre milliliter megalitre megaliter ml',
  length: 'metre meter kilometre kilometer km mile foot yard millimetre millimeter centimetre centimeter mm cm',
  area: 'acre hectare',
  power: 'megawatt kilowatt gigawatt watt kw mw gw',
  energy: 'kwh mwh gwh',
  // A food's calories and a building's kilowatt-hours measure energy alike, but no reader asks of one in the other.
  'food energy': 'calorie',
  data: 'byte kilobyte megabyte gigabyte terabyte kb mb gb tb',
  speed: 'mph',
  angle: 'degree',
};
/** What each unit of measure's word measures (`UNITS_BY_MEASURE`), plurals and symbols too. */
export const UNIT_MEASURES = new Map<string, string>([
  ...Object.entries(UNITS_BY_MEASURE).flatMap(([measure, units]) =>
    units.split(' ').flatMap((w) => [[w, measure] as const, [`${w}s`, measure] as const]),
  ),
  // Irregular plurals; a unit's symbol of one letter has no plural: "l" in "mg/l", "g" in "g/km".
  ...(['feet', 'inch', 'inches'] as const).map((w) => [w, 'length'] as const),
  ['l', 'volume'],
  ['g', 'mass'],
  // A temperature's unit as the figures' tokens write it, the sign and its letter one word ("14°C").
  ...TEMPERATURE_UNITS.map((unit) => [unit.toLowerCase(), 'temperature'] as const),
]);
/** Units of measure: a count of them ("3.1 tonnes") measures what the sentence says stands at it. */
export const MEASUREMENT_UNITS = new Set(UNIT_MEASURES.keys());
/**
 * The symbols of units of time a compound unit divides by, after "/" only: "km/h", "Ml/d", "m/s", "km/hr": the units
 * of time as a text shortens them after a number (`SHORT_TIME_UNITS`), and "d" and "s", which after a number are as
 * often a dimension or a code's letter. Alone, a letter names nothing of time.
 */
export const TIME_SYMBOLS = new Set([...SHORT_TIME_UNITS.keys(), 'd', 's']);
/**
 * Verbs (by lemma) of what a thing holds, carries or uses: a count of a unit of measure after one ("Lorries carry 40
 * tonnes", "the reservoir holds 40 million litres") measures its subject. After another verb ("the ministry bought 400
 * tonnes") the subject is who acts, and the unit is all the sentence says.
 */
export const MEASURED_VERBS = new Set(
  'carry hold weigh measure contain use consume produce generate store supply emit pump haul handle treat'.split(' '),
);
/** Nouns that name a stretch of time: "the same period" says when, not what a figure measures. */
export const TIME_NOUNS = new Set([
  ...TIME_UNITS,
  'period',
  'periods',
  'time',
  'season',
  'seasons',
  'interval',
  'intervals',
]);
/**
 * Words after which a number is a label, not a quantity: "Pillar 1", "Section 3", "No. 5", and an edition's "version
 * 3.1" (what a "v" says before its digits), "release 26.0"; a kind numbered ("type 2 diabetes", "class 3 lasers",
 * "category 4 storms"), whatever the tagger reads the word as ("progression to type 2 diabetes"); not "model", as
 * often a verb ("we model 32,038 genes").
 */
export const NUMBERING_WORDS = new Set([
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
  'version',
  'release',
  'edition',
  'type',
  'class',
  'category',
]);
export const COMPARATIVES = new Set([
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
/** Possessive determiners, which the tagger reads as pronouns: each opens a noun phrase as an article does. */
export const POSSESSIVES = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);
/**
 * Words that open a noun phrase: articles, possessives (all of `POSSESSIVES`: without "my", "my rent" was measured "my
 * rent" where "their rent" is "rent"), demonstratives and quantifiers.
 */
export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  ...POSSESSIVES,
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
export const DEFINITE = new Set(['the', 'these', 'those', 'both', ...POSSESSIVES, "'s", '’s']);
export const ANAPHORS = new Set(['those', 'them', 'these', 'which', 'whom']);
/** Pronouns that open a relative clause narrowing the noun before them: "farms that lack irrigation". */
export const RELATIVES = new Set(['that', 'which', 'who']);
/**
 * Words after a noun that make the number after them a bound on what the noun counts, not a figure of its own:
 * "drivers under 25", "towns above 5,000"; and those that make it an age ("people aged 65", "adults older than 70").
 */
export const BOUNDS = new Set(['under', 'over', 'above', 'below']);
/** The words after "or" or "and" that leave a number open at one end: "18 or over", "65 and older". */
export const OPEN_ENDS = new Set([...BOUNDS, 'older', 'younger']);
/** The words after "or" that leave a figure's amount open before what it is of: "10 percent or more of school days". */
export const OPEN_AMOUNTS = new Set([...BOUNDS, 'more', 'less', 'fewer', 'so']);
export const AGES = new Set(['aged', 'age', 'ages']);
/** The hedges, and the bounds that are none ("above 5,000"), read back from a number. */
export const BOUND_HEDGES = [...AMOUNT_HEDGES, ...[...BOUNDS].map((w) => [w])];
/** Hedges that make a count after "with" a bound on a class: "firms with fewer than 50 employees". */
export const COMPARISONS = new Set([...BOUNDS, ...NEGATED_COMPARISONS, ...COMPARATIVE_HEDGES]);
/** Prepositions that carry a noun phrase's own qualifier ("deaths in the United States"). */
export const QUALIFYING_PREPOSITIONS = new Set([
  'in',
  'of',
  'from',
  'among',
  'at',
  'on',
  'to',
  'for',
  'within',
  'across',
]);
/** Prepositions that may join two parts of one noun phrase: "profits from ferry tickets in the United Kingdom". */
export const NOUN_LINKS = new Set(['of', 'in', 'from', 'at', 'on', 'to', 'for', 'among', 'with', 'within', 'across']);
/**
 * Verbs (by lemma) whose subject is the quantity itself: "thefts reached 1,500", "the bill came to $3
 * million", "losses are $2 million". After any other verb the subject is who acts ("the ministry spent $4
 * million"), and the figure is not a measure of it.
 */
export const QUANTITY_VERBS = new Set([
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
/**
 * Verbs whose first object is who pays or is paid and whose second is a sum ("cost taxpayers $2m", "fined the bank
 * $1m"), by their forms as written (wink reads "fined" as "fin"), each with the noun that names that sum: a fine, a
 * charge, a loan. "cost" names none: its sum is its subject's ("the upgrade cost taxpayers $2m").
 */
export const SUM_VERBS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    '': 'cost costs costing',
    fine: 'fine fines fined fining',
    charge: 'charge charges charged charging',
    bill: 'bill bills billed billing',
    payment: 'pay pays paid paying',
    debt: 'owe owes owed owing',
    loan: 'lend lends lent lending loan loans loaned',
    award: 'award awards awarded awarding',
    grant: 'grant grants granted granting',
  }).flatMap(([noun, forms]) => forms.split(' ').map((form): [string, string] => [form, noun])),
);
/** Verbs (by lemma) of a quantity's change: "from A to B" after them gives where it moved from and to, not a range. */
export const CHANGE_VERBS = new Set(
  (
    'rise climb increase grow jump soar surge swell fall drop decline decrease sink dip slip plunge plummet tumble ' +
    'shrink go change'
  ).split(' '),
);
/**
 * Verbs (by lemma) that change their object's quantity: "raised the price of a loaf from $3 to $3.50", "the fare was
 * cut from $2.50". "From A to B" after their object, or after them in the passive, is where it moved from and to.
 */
export const CHANGING_VERBS = new Set([
  ...CHANGE_VERBS,
  ...'raise cut reduce lower lift boost slash trim hike expand double halve triple'.split(' '),
]);
/** Prepositions after a verb that make its subject the quantity: "fell to", "put at", "grew by". */
export const QUANTITY_PREPOSITIONS = new Set(['at', 'to', 'by', 'of', 'in', 'from', 'for']);
/**
 * Between a figure and the noun phrase it is said of: "plummeted by more than half to", "a drop of", "contracts worth".
 */
export const LINKING_WORDS = new Set([
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
  'worth',
]);
export const TIME_PREPOSITIONS = new Set([
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
export const TIME_QUALIFIERS = new Set(['the', 'last', 'past', 'next', 'first', 'previous', 'early', 'late', 'mid']);
/**
 * Words that anchor a time to now: "last spring", "this year", "the coming year" (`RELATIVE_TIME_SHIFTS`). Not
 * `NOW_WORDS`, which name now alone ("fares now"): these name a time only with its unit after them.
 */
export const RELATIVE_TIMES: ReadonlySet<string> = new Set(RELATIVE_TIME_SHIFTS.keys());
/**
 * Words that tie a stretch of time to now or to the start of a longer one: "the past 10 years", "the last six months",
 * "the first 10 months of 2022".
 */
export const STRETCH_BOUNDS = new Set(['past', 'last', 'previous', 'first']);
/** A season is a time after "last" or "this" (wink dates "last winter" but not "last spring" or "last fall"). */
export const SEASONS = new Set(['spring', 'summer', 'autumn', 'fall', 'winter']);
/**
 * Parts of a year that are a time after a word tying them to now (`RELATIVE_TIMES`): the seasons, and "quarter" ("next
 * quarter", "this quarter"), which wink dates neither. "last quarter" was a time as a counted part (`PART_ORDINALS`).
 */
export const RELATIVE_PARTS: ReadonlySet<string> = new Set([...SEASONS, 'quarter']);
export const DROPPED_TIME_PREPOSITIONS = new Set(['for', 'of', 'at', 'to', 'on']);
export const BASELINE_MARKERS = new Set(['than', 'versus', 'vs', 'vs.', 'above', 'below']);
/**
 * Words after a length of time that make it a time counted from another ("two years ago", "three years later") or an
 * age ("40 years old"), not how long something lasted.
 */
export const COUNTED_BACK = new Set(['ago', 'old', 'later', 'earlier', 'after', 'before', 'on', 'since', 'into']);
/** Words after a length of time that make it a time of its own, counted from now or from the time before. */
export const COUNTED_FROM_NOW = new Set(['ago', 'later', 'earlier']);
/** Words joining a stretch of time to the date it ends on: "the 12 months ending in March 2022". */
export const PERIOD_ENDS = new Set(['ending', 'ended', 'to', 'through', 'until']);
/** The pronouns a clause's subject may be that stand for a thing named before, each with whether it is plural. */
export const SUBJECT_PRONOUNS = new Map([
  ['it', false],
  ['they', true],
]);
/** Personal pronouns as a subject: after a definite count one opens a relative clause ("the 143 we refused"). */
export const PERSONAL_SUBJECTS = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it']);
/** Personal pronouns as an object: who a sum is paid or owed to ("pays us £250", "owes them £40"). */
export const OBJECT_PRONOUNS = new Set(['me', 'us', 'you', 'him', 'her', 'them']);
/**
 * Verbs (by lemma) whose subject is a part of a whole counted before: "Chimneys accounted for some 400" after a
 * sentence counting fires is the fires in chimneys.
 */
export const PART_VERBS = new Set(['account', 'represent', 'constitute']);
export const CLAUSE_BREAKS = new Set([',', ';', ':', '(', ')', '—', '–', '[', ']', '“', '”', '"']);
