import type { ItemEntity } from 'wink-nlp';
import { YEAR_DIGITS } from '../../corpus/dates.js';
import { isUnitStop, joinsDigits } from '../../corpus/sentences.js';
import { tokenOffsets, wink } from '../../corpus/wink.js';
import { SHORT_TIME_UNITS } from '../../search/english.js';

/** One word, number or mark of a sentence, as wink-nlp reads it, placed in the text it came from. */
export interface Token {
  /** Verbatim. */
  text: string;
  lower: string;
  /** Offsets in the text that was read. */
  start: number;
  end: number;
  /** Universal part of speech (NOUN, NUM, VERB, ...). */
  pos: string;
  /** The word's base form, lower case: "rise" for "rose", "death" for "deaths". */
  lemma: string;
  /** wink's token type: word, number, currency, punctuation, symbol, ... */
  type: string;
  /** Whether white space separates this token from the one before ("eight-pillar" is three tokens with none). */
  spaced: boolean;
  /** The kind of wink entity the token belongs to (DATE, DURATION, CARDINAL, ...), if any. */
  entity?: string;
}

/** Splits text into sentences of tokens, with offsets into `text`, so every figure stays verbatim. */
export function tokenSentences(text: string): Token[][] {
  const { readDoc, its } = wink('full');
  const doc = readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  const pos = tokens.out(its.pos) as string[];
  // wink's typings give `its.lemma` a signature `out` does not accept, though it works like `its.pos`.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.pos) as string[];
  const types = tokens.out(its.type) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const entityOf: (string | undefined)[] = [];
  doc.entities().each((entity: ItemEntity) => {
    const [first, last] = entity.out(its.span) as unknown as [number, number];
    const kind = entity.out(its.type) as string;
    for (let i = first; i <= last; i++) entityOf[i] = kind;
  });

  const { starts, ends } = tokenOffsets(text, values);
  const all: Token[] = values.map((value, i) => ({
    text: value,
    lower: value.toLowerCase(),
    start: starts[i]!,
    end: ends[i]!,
    pos: pos[i]!,
    // wink's lemmas can come back fewer than its tokens (seen on the bench's generated text): the word stands in.
    lemma: (lemmas[i] ?? value).toLowerCase(),
    type: types[i]!,
    spaced: i === 0 || spaces[i] !== '',
    entity: entityOf[i],
  }));
  // "a closure of 2 h 40 min": a unit of time shortened after a number reads as the unit (its text kept), so the
  // length is one figure, as "2 hours 40 minutes" is, where "2 h" and "40 min" were counts of "h" and "min".
  all.forEach((token, i) => {
    const unit = SHORT_TIME_UNITS.get(token.lower);
    if (unit && all[i - 1]?.type === 'number') Object.assign(token, { lower: unit, lemma: unit.replace(/s$/, '') });
  });
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  // wink ends a sentence at each dot of a version ("v4.2.0"): a dot joining two digits ends none (`joinsDigits`).
  const mended: [number, number][] = [];
  for (const [first, last] of spans) {
    const previous = mended.at(-1);
    const dot = all[first - 1];
    // And a number token after the dot, as this splitter has always asked: wink cuts "H3.3K27M" at its dot, which
    // `splitSentences` mends and this leaves, so that no figure read changes.
    const next = all[first]!;
    const glued = dot?.text === '.' && !dot.spaced && !next.spaced && next.type === 'number';
    if (previous && glued && joinsDigits(all[first - 2]?.text ?? '', next.text)) previous[1] = last;
    else mended.push(...afterUnits(all, first, last));
  }
  return mended.map(([first, last]) => {
    const tokens = all.slice(first, last + 1);
    const end = tokens.pop();
    return joinDegrees([...tokens, ...(end ? splitFullStop(end) : [])].flatMap(splitNumberPair).flatMap(splitYearPart));
  });
}

/** A temperature's units as written, the degree sign and its scale's capital: one word each in the figures' tokens. */
export const TEMPERATURE_UNITS: readonly string[] = ['°C', '°F'];

/**
 * wink splits a temperature's unit after a number into a sign and a letter ("14°C": "°", "C", the letter a name): join
 * them into one word, a unit of measure as "km" is, so that the grammar reads "14°C" as it reads "14 km".
 */
function joinDegrees(tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const [sign, letter] = [tokens[k]!, tokens[k + 1]];
    const degree =
      sign.text === '°' &&
      tokens[k - 1]?.type === 'number' &&
      letter &&
      !letter.spaced &&
      TEMPERATURE_UNITS.includes(`°${letter.text}`);
    if (!degree) {
      joined.push(sign);
      continue;
    }
    const text = `°${letter.text}`;
    const lower = text.toLowerCase();
    joined.push({ ...sign, text, lower, lemma: lower, pos: 'NOUN', type: 'word', end: letter.end, entity: undefined });
    k++;
  }
  return joined;
}

/**
 * The span `first` to `last` cut after each lower-case word, or unit divided by another ("Ml/d."), that follows a
 * number and keeps a full stop before a capital ("95 ms. We"): wink reads it as a title's abbreviation going on to a
 * name ("Ms. Holt"), where after a number it is a unit ending its sentence (the same rule as `splitSentences`).
 */
function afterUnits(all: Token[], first: number, last: number): [number, number][] {
  const spans: [number, number][] = [];
  let from = first;
  for (let k = first + 1; k < last; k++) {
    const unit = all[k]!;
    // "74 Ml/d. Nearly": a unit divided by another is three tokens, read as one word.
    const divided = k - 3 >= first && all[k - 1]!.text === '/' && !all[k - 1]!.spaced && !unit.spaced;
    const word = divided ? `${all[k - 2]!.text}/${unit.text}` : unit.text;
    const number = all[divided ? k - 3 : k - 1]!.type === 'number';
    const ends = isUnitStop(word) && number && (divided ? all[k - 2]!.spaced : unit.spaced);
    if (ends && all[k + 1]!.spaced && /^\p{Lu}/u.test(all[k + 1]!.text)) {
      spans.push([from, k]);
      from = k + 1;
    }
  }
  spans.push([from, last]);
  return spans;
}

/**
 * wink leaves a sentence's full stop on a short word before it ("was 95 ms.", "weighed 20 kg."): split it off, so that
 * the word reads as it does inside a sentence, where "95 ms" measures "ms". A word with a dot inside ("U.S.") is an
 * abbreviation whose dot is its own.
 */
function splitFullStop(token: Token): Token[] {
  if (token.type !== 'word' || !/^\p{L}+\.$/u.test(token.text)) return [token];
  const text = token.text.slice(0, -1);
  const lemma = token.lemma.endsWith('.') ? token.lemma.slice(0, -1) : token.lemma;
  return [
    { ...token, text, lower: text.toLowerCase(), lemma, end: token.end - 1 },
    {
      ...token,
      text: '.',
      lower: '.',
      lemma: '.',
      pos: 'PUNCT',
      type: 'punctuation',
      start: token.end - 1,
      spaced: false,
      entity: undefined,
    },
  ];
}

/** A number as wink writes it: digits with thousands commas and decimals, no leading zero ("03" is a code's). */
const NUMBER = String.raw`(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?`;
const NUMBER_PAIR = new RegExp(`^(${NUMBER})-(${NUMBER})$`);

/**
 * wink keeps two numbers joined by a hyphen as one token ("40-45", "2019-2021"), where it splits them at an en dash
 * ("40–45"): split the same way, so the grammar reads either spelling as it reads the en dash, and decides there
 * whether the pair is a range. A longer chain ("1-800-555-0199", "2021-03-04") or a part with a leading zero
 * ("020-7946") is a code or a date, and stays one token.
 */
function splitNumberPair(token: Token): Token[] {
  const pair = NUMBER_PAIR.exec(token.text);
  if (!pair) return [token];
  const [low, high] = [pair[1]!, pair[2]!];
  const part = (text: string, start: number, fields: Partial<Token>): Token => ({
    ...token,
    text,
    lower: text,
    lemma: text,
    start,
    end: start + text.length,
    ...fields,
  });
  const dash = token.start + low.length;
  return [
    part(low, token.start, {}),
    part('-', dash, { pos: 'PUNCT', type: 'punctuation', spaced: false, entity: undefined }),
    part(high, dash + 1, { spaced: false }),
  ];
}

/**
 * A part of a year joined to it by a hyphen: "mid-2022", "early-2019", "late-2011". The year is of the one shape a year
 * has everywhere (`YEAR_DIGITS`), so "mid-1400", a number no reader takes for a year, stays one word.
 */
const YEAR_PART = new RegExp(`^(early|mid|late)-(${YEAR_DIGITS})$`, 'i');

/**
 * wink keeps a part of a year hyphenated to it as one word, a name ("in mid-2022"), where it reads "in mid 2022" and
 * "in late 2011" as a qualifier and a year of one date: split it so, the hyphen between them in neither, so that the
 * grammar reads the time either spelling gives.
 */
function splitYearPart(token: Token): Token[] {
  const part = YEAR_PART.exec(token.text);
  if (!part) return [token];
  const [qualifier, year] = [part[1]!, part[2]!];
  const at = token.start + qualifier.length + 1;
  return [
    {
      ...token,
      text: qualifier,
      lower: qualifier.toLowerCase(),
      lemma: qualifier.toLowerCase(),
      end: at - 1,
      pos: 'ADJ',
      type: 'word',
      entity: 'DATE',
    },
    {
      ...token,
      text: year,
      lower: year,
      lemma: year,
      start: at,
      pos: 'NUM',
      type: 'number',
      spaced: false,
      entity: 'DATE',
    },
  ];
}
