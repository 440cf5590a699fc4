import { RELATIVE_TIME_SHIFTS } from '../corpus/dates.js';
import { NAME_WORD } from '../corpus/text.js';
import type { Passage, Sentence } from '../corpus/types.js';
import { STATES_CAUSE, type AnswerType } from '../search/english.js';
import {
  amountsIn,
  mentionsMonth,
  mentionsQuarter,
  mentionsYear,
  namesYear,
  ranks,
  saysWhen,
  unsaidShare,
  stepDown,
  type AnalysedQuery,
  type Amounts,
  type Match,
  type QueryWord,
} from '../search/query.js';
import type { SearchHit } from '../search/index.js';
import type { FigureUnit } from './figures/grammar/index.js';
import { WORD } from './excerpt.js';
import type { Library } from './library.js';

/**
 * How surely an answer gives what its question asks for, by the rule `ask`, `figures` and the digest share: the
 * decision (`decide`), one step less sure (`stepDown`) when the question asks for a time or an amount and none of the
 * closest passages gives it, and what they lack, for the line over a partial answer.
 */
export interface Asked {
  match: Match;
  /**
   * What the question asks for (a figure, a sum of money, a time, a count of `counted`, the holder of `role`) that the
   * closest passages do not give.
   */
  lacking?: 'figure' | 'sum' | 'time' | 'count' | 'holder';
  /** With `lacking` 'count': the question's words naming what it counts, as typed. */
  counted?: string[];
  /** With `lacking` 'holder': the question's words naming the role it asks who holds, as typed. */
  role?: string[];
}

/** A passage an answer reads, with the amounts the search read in it (`amountsIn`) and the terms it matched. */
export interface Read {
  passage: Passage;
  amounts: Amounts;
  /** The question's terms the search found in the passage (`SearchHit.terms`). */
  terms: string[];
}

/** What an answer reads of a passage the search found, with the amounts read in it: ask's and `figures`' alike. */
export const readOf = ({ hit, amounts }: { hit: SearchHit; amounts: Amounts }): Read => ({
  passage: hit.passage,
  amounts,
  terms: hit.terms,
});

/**
 * The decision `decided` on a question, kept if it asks for no time or amount (`AnalysedQuery.asks`) or one of
 * `closest` (the passages the decision read, and the one shown first) gives that (`givesAsked`), and it pins no year,
 * month or quarter that none of them speaks of (`pinned`), nor a rare name the corpus names only apart from the
 * question's other words (`namedApart`); else one step less sure: a near off-topic question names the corpus's subject
 * and asks for what it does not give.
 */
export function asAsked(dossier: Library, query: AnalysedQuery, decided: Match, closest: Read[]): Asked {
  const { asks } = query;
  // Someone, somewhere or a cause is only preferred in the order (`givesAsked` in ask's ranking), never decided on: a
  // "why" is answered as often by what happened as by a "because" ("the valve was left open"), and a "who" is
  // answered as often by a role or a group as by a name ("a member of staff is on duty"), a "where" by a common noun
  // ("in the lockers outside"), and on the seeds the rule refused none of ten near off-topic who / where questions.
  // A question asking who holds a role ("who is the chief executive") is the exception: its answer is a name said
  // beside the role, and a passage on the role that names no one there does not give it (`namesHolder`).
  if (asks === 'person' && query.role && !closest.some((c) => namesHolder(dossier, query, c.passage)))
    return { match: stepDown(decided), lacking: 'holder', role: query.role.map((w) => w.word) };
  // So is one asking who does something as a rule ("who runs the ferry service"): a passage where the search found
  // none of the verb's terms (nor a way it says it) is about the ferry service, not about who runs it. The line over a
  // partial answer already names the verb as a word the closest does not mention.
  const doer = query.doer?.terms;
  if (doer && !closest.some((c) => c.terms.some((t) => doer.includes(t)))) return { match: stepDown(decided) };
  // So is one asking whether there is some thing ("is there a reward for the gang's bosses"): a passage that never
  // says it, nor a way the search says it, speaks of the bosses and cannot say whether there is one.
  const thing = query.thing?.terms;
  if (thing && !closest.some((c) => c.terms.some((t) => thing.includes(t)))) return { match: stepDown(decided) };
  // A question asking which one of a kind the corpus never names, nor a word bridged to it ("which company prints the
  // ballots" over a corpus that never says "company"), asks for a member it names none of as one; its other words may
  // all be there ("prints", "ballots"). As a role the corpus never names has no holder it names (`roleWords`).
  if (query.kind && !query.kind.known) return { match: stepDown(decided) };
  // So is one asking which of a kind is the most or the least ("which state grows the most poppies"): passages saying
  // no most, least or superlative name members of the kind, if any, but rank none of them.
  if (query.ranked && !closest.some((c) => ranks(c.passage.text, (word) => dossier.index.superlative(word))))
    return { match: stepDown(decided) };
  const gives =
    !asks ||
    asks === 'person' ||
    asks === 'place' ||
    asks === 'cause' ||
    closest.some((c) => givesAsked(dossier, query, c, asks));
  if (gives)
    return { match: pinned(dossier, query, closest) && !namedApart(dossier, query) ? decided : stepDown(decided) };
  return {
    match: stepDown(decided),
    lacking:
      asks === 'time' ? 'time' : query.counted ? 'count' : asks === 'amount' && asksMoney(query) ? 'sum' : 'figure',
    counted: query.counted?.map((w) => w.word),
  };
}

/**
 * Whether one of `closest` speaks of a year the question pins its answer to (`AnalysedQuery.years`), or of a range of
 * years holding it, in its text, heading or context, or is dated that year, and one of a month it pins
 * (`AnalysedQuery.months`) likewise, or in its document's title; true when it pins none. "Ferry passengers in 2023" is
 * not surely answered by passages on ferry passengers in other years, nor "ferry passengers in July" by a report on
 * August to October, as "how many pupils" is not by a count of ferries; the line over a partial answer already names
 * the year or month when the closest passage lacks it. A quarter it pins (`AnalysedQuery.quarters`), with its year if
 * one is written after it, likewise (`mentionsQuarter`). A year some passage names (`AnalysedQuery.namedYears`) is
 * asked only where one of `closest` dates what it says by a year, and is also spoken of by "this year" or "last year"
 * there (`RELATIVE_YEAR`, counted from the document's date, or any year in an undated one): a passage giving loans "in
 * 2021 and 2022" gives none for 2019, which the corpus names of its swimming pool, but one saying what happened "last
 * year" may be speaking of it.
 */
function pinned(dossier: Library, query: AnalysedQuery, closest: Read[]): boolean {
  const { years, namedYears, months, quarters } = query;
  const { numberContext } = dossier.ranking.query;
  const inYear = !years || closest.some(({ passage }) => years.some((year) => speaksOf(dossier, passage, year)));
  // Whether any closest passage dates what it says is read only for a question that pins a year some passage names.
  const inNamedYear =
    !namedYears ||
    !closest.some(({ passage }) => namesYear(passage.text, numberContext)) ||
    closest.some(({ passage }) => namedYears.some((year) => speaksOf(dossier, passage, year, true)));
  const inQuarter =
    !quarters || closest.some(({ passage }) => quarters.some((q) => mentionsQuarter(spokenOf(dossier, passage), q)));
  const inMonth = !months || closest.some(({ passage }) => months.some((m) => speaksOfMonth(dossier, passage, m)));
  return inYear && inNamedYear && inQuarter && inMonth;
}

/**
 * Whether a rare proper name of the question that the corpus holds beside none of its other words
 * (`AnalysedQuery.apartNames`) is written as a name, a capital then small letters past a sentence's first word, in the
 * passage holding it: the corpus names that place or person in passing ("homicides in tijuana" over a list of cities
 * helped) and speaks of nothing the question asks of it. A name of the dictionary's that is a word the corpus writes
 * in lower case ("feds" over a pond "fed by a spring") is not named there, nor one it writes in capitals, an acronym
 * it may define and say in other words elsewhere ("PTO" for the paid time off a passage on carrying leave over speaks
 * of).
 */
function namedApart(dossier: Library, query: AnalysedQuery): boolean {
  const { analyzer } = dossier.index;
  return (query.apartNames ?? []).some((term) =>
    dossier.index.holding(term).some((id) => {
      const passage = dossier.passage(id);
      if (!passage) return false;
      // A sentence's, a heading's or a list's opening word is capitalised whatever it is ("Reading rooms open at
      // noon"): only a capital within one is a sign of a name.
      const pieces = [...passage.sentences.map((s) => s.text), passage.heading ?? '', passage.context ?? ''];
      return pieces.some((piece) =>
        [...piece.matchAll(/\p{Lu}\p{Ll}\p{L}*/gu)].some(
          (m) => !OPENING.test(piece.slice(0, m.index)) && analyzer.processTerm(m[0])?.[0] === term,
        ),
      );
    }),
  );
}

/** What may stand before a sentence's first word: nothing but white space, marks and symbols ('"', "(", "- "). */
const OPENING = /^[\s\p{P}\p{S}]*$/u;

/** What a passage speaks of a time in: its text, heading and context, and its document's title. */
function spokenOf(dossier: Library, passage: Passage): string {
  return [passage.text, passage.heading, passage.context, dossier.citation(passage).title].join('\n');
}

/**
 * Whether a passage names `month`, or a range of months holding it, in its text, heading, context or its document's
 * title, or is dated in it.
 */
function speaksOfMonth(dossier: Library, passage: Passage, month: number): boolean {
  const { date } = dossier.citation(passage);
  if (date && Number(date.slice(5, 7)) === month) return true;
  return mentionsMonth(spokenOf(dossier, passage), month);
}

/**
 * The share of a passage's coverage the decision keeps for what the question asks of that the corpus does not cover
 * (`unsaidShare`): the common nouns of two words it never says, and the years the question pins that no passage
 * searched speaks of, when the passage the decision reads (`closest`) gives its subject by year; beside passages that
 * name none, a number read as a year may be a count. One rule for ask and `figures`.
 */
export function unsaidKept(dossier: Library, query: AnalysedQuery, searched: Passage[], closest?: Passage): number {
  const { numberContext } = dossier.ranking.query;
  const byYear = !!query.years && !!closest && namesYear(closest.text, numberContext);
  const spoken = (year: string) => !byYear || searched.some((passage) => speaksOf(dossier, passage, year));
  return unsaidShare(query, spoken, dossier.ranking.query);
}

/**
 * Whether a passage names `year`, or a range of years holding it, in its text, heading or context, or is dated so; with
 * `relative`, or says "this year", "last year" or "next year" of it (`RELATIVE_YEAR`), from its document's date, or of
 * any year when its document is undated. Only for a year the corpus names: one no passage names is a time it does not
 * cover, whatever an undated "this year" was.
 */
function speaksOf(dossier: Library, passage: Passage, year: string, relative = false): boolean {
  const { date } = dossier.citation(passage);
  const text = [passage.text, passage.heading, passage.context].join('\n');
  if (mentionsYear([text, date].join('\n'), year)) return true;
  if (!relative) return false;
  const shifts = [...text.matchAll(RELATIVE_YEAR)].map((m) => RELATIVE_TIME_SHIFTS.get(m[1]!.toLowerCase())!);
  return shifts.length > 0 && (!date || shifts.some((shift) => Number(date.slice(0, 4)) + shift === Number(year)));
}

/** A year named by its distance from the writer's (`RELATIVE_TIME_SHIFTS`): "this year", "the past year". */
const RELATIVE_YEAR = new RegExp(String.raw`\b(${[...RELATIVE_TIME_SHIFTS.keys()].join('|')})\s+year\b`, 'gi');

/** The kinds of figure that answer a question asking how many (a count, "one in ten", "twice") or what share. */
const GIVES: Partial<Record<AnswerType, ReadonlySet<FigureUnit>>> = {
  count: new Set(['count', 'ratio', 'multiple']),
  share: new Set(['percent', 'ratio']),
};

/**
 * Whether a passage gives the kind of answer a question asks for: a time for "when", a figure of the kind asked for
 * "how many" or "what share" (a share answers no count, as "90 percent" says nothing of how many), any amount for "how
 * much" (`amounts`, what the search read in it), or a sum of money when it names money (`asksMoney`). A question asking
 * how many of a kind of thing (`counted`) is given a count only of that thing: one whose words (its noun, "40 ferries")
 * or measure name it, or, with no measure, whose sentence does. "Two ferries" answers no "how many pupils does the
 * island school have". A time or an amount is read only near what the question asks about (`nearAsked`): "when did the
 * ferry first sail at night" is not answered by a paragraph on night sailings whose only date is another sentence's.
 * A cause for "why": its text or its section heading states one (`STATES_CAUSE`), or the heading asks why.
 */
export function givesAsked(dossier: Library, query: AnalysedQuery, read: Read, asks: AnswerType): boolean {
  const { passage } = read;
  const { numberContext } = dossier.ranking.query;
  // A section headed "Why" ("Why it failed") gives the cause in whatever words: "its bearing had worn out".
  if (asks === 'cause')
    return STATES_CAUSE.test(`${passage.heading ?? ''} ${passage.text}`) || /^\W*why\b/i.test(passage.heading ?? '');
  if (asks === 'person' || asks === 'place') return namesOther(dossier, query, passage, asks === 'place');
  const near = nearAsked(dossier, read);
  if (asks === 'time') return near.some((s) => saysWhen(s.text, numberContext));
  const units = GIVES[asks];
  if (!units) {
    const amounts =
      near.length < passage.sentences.length
        ? amountsIn(near.map((s) => s.text).join(' '), numberContext)
        : read.amounts;
    return asksMoney(query) ? amounts.money : amounts.figure;
  }
  const figures = dossier.figures.of(passage).filter((f) => units.has(f.unit) && near.includes(f.sentence));
  // A length that says when its clause happened ("in the first 10 months of 2022") counts only its unit ("how many
  // months"), nothing its sentence names.
  if (!query.counted) return figures.some((f) => !f.frames);
  const counted = new Set(query.counted.flatMap((w) => w.terms));
  const names = (text: string) => dossier.index.analyzer.terms(text).some((t) => counted.has(t));
  return figures.some((f) => names(f.text) || (!f.frames && names(f.measure ?? f.sentence.text)));
}

/**
 * The sentences of a passage that may give what its question asks for: each saying a word of the question the search
 * found in it (`Read.terms`), and the sentences `answer.askedNear` either side, where a time or an amount of the same
 * thing is written ("The pier reopened in May. It had been shut for 14 weeks."). The rest of a long paragraph speaks
 * of other things, and its dates and figures are theirs. A passage saying the question's words only in its heading or
 * title gives them anywhere in its text.
 */
function nearAsked(dossier: Library, { passage, terms }: Read): Sentence[] {
  const found = new Set(terms);
  const { sentences } = passage;
  const at = sentences.flatMap((s, i) => (dossier.index.analyzer.terms(s.text).some((t) => found.has(t)) ? [i] : []));
  if (!at.length) return sentences;
  const { askedNear } = dossier.ranking.answer;
  return sentences.filter((_, i) => at.some((j) => Math.abs(i - j) <= askedNear));
}

/**
 * Whether a question asking how much names money ("how much does the annual pass cost?", "how much money …"): a sum
 * answers it, not any amount ("2 passes a year", "version 4.3").
 */
export const asksMoney = (query: AnalysedQuery) => query.words.some((w) => w.money || w.quantity === 'money');

/**
 * A run of words each written with a capital ("Ada Quint", "Disability Advisory Service"), with an abbreviation in
 * brackets right after it ("(DAS)") as its own.
 */
const CAPITALISED_RUN = new RegExp(String.raw`${NAME_WORD}(?:\s+${NAME_WORD})*(?:\s+\(\p{Lu}+\))?`, 'gu');
/** The word before a name that says it is where something is or happens ("in Leeds", "at the Old Mill"). */
const PLACE_BEFORE =
  /\b(?:in|at|near|from|to|into|inside|outside|across|throughout|around|within|beside)\s+(?:the\s+)?$/i;

/**
 * Whether a passage names someone or somewhere the question does not: a run of words written with a capital, less a
 * first word opening its sentence (which any word may), that says no time ("in March", "on Sunday", `saysWhen`) and
 * holds none of the question's words (the name it asks about: "Special Collections Reading Room" for "who heads
 * special collections"). For `place`, one after a word saying where ("in", "at", "near": `PLACE_BEFORE`). No list of
 * names: a name is what English writes with a capital, and "who" is answered by a person or a body alike.
 */
function namesOther(dossier: Library, query: AnalysedQuery, passage: Passage, place: boolean): boolean {
  const asked = askedTerms(query);
  return passage.sentences.some(({ text }) => namesIn(dossier, asked, text, place).length > 0);
}

/** The terms of a question's words, each way the search says them: a name holding one is no name it lacks. */
const askedTerms = (query: AnalysedQuery): ReadonlySet<string> => new Set(query.words.flatMap((w) => w.terms));

/**
 * The names a sentence gives that the question does not hold (no term of `asked`, `askedTerms`), as `namesOther` reads
 * them, each with where it starts; for `place`, only those after a word saying where. With `titled`, a run of capitals
 * that holds the question's words gives the name after the last of them: "Chief Executive Ada Quint" names Ada Quint
 * for "who is the chief executive".
 */
function namesIn(
  dossier: Library,
  asked: ReadonlySet<string>,
  text: string,
  place: boolean,
  titled = false,
): { at: number; name: string }[] {
  const { analyzer } = dossier.index;
  const { numberContext } = dossier.ranking.query;
  return [...text.matchAll(CAPITALISED_RUN)].flatMap((m) => {
    const before = text.slice(0, m.index);
    const opening = !/\p{L}/u.test(before);
    let name = opening ? m[0].replace(/^\S+\s*/, '') : m[0];
    // "In Thornbury the bridge was built": the capitalised word opening the sentence may be the one saying where.
    const where = opening ? before + m[0].slice(0, m[0].length - name.length) : before;
    if (!name || saysWhen(name, numberContext) || (place && !PLACE_BEFORE.test(where))) return [];
    const words = name.split(/\s+/);
    const last = words.findLastIndex((word) => analyzer.terms(word).some((t) => asked.has(t)));
    if (last >= 0 && !titled) return [];
    name = words.slice(last + 1).join(' ');
    return name ? [{ at: m.index + m[0].length - name.length, name }] : [];
  });
}

/** How many words may stand between a role and the name of who holds it: "Ada Quint, the chief executive". */
const HOLDER_GAP = 3;

/**
 * Whether a passage names who holds the role a question asks about (`AnalysedQuery.role`): a sentence holding each of
 * the role's words (or a way the search says it) with a name the question does not hold (`namesIn`), written in words
 * rather than initials ("TV" names no one), at most `HOLDER_GAP` words from one of them, as English writes a holder
 * beside the role ("Chief Executive Ada Quint", "Ada Quint was appointed chief executive"). A passage on the role
 * that names someone far from it, or no one, answers another question about the role.
 */
function namesHolder(dossier: Library, query: AnalysedQuery, passage: Passage): boolean {
  const { analyzer } = dossier.index;
  const role = query.role!.map((w) => new Set(w.terms));
  const asked = askedTerms(query);
  return passage.sentences.some(({ text }) => {
    const words = [...text.matchAll(WORD)].map((m) => ({ at: m.index, terms: analyzer.terms(m[0]) }));
    const holds = (terms: Set<string>) => (i: number) => words[i]!.terms.some((t) => terms.has(t));
    const at = words.map((_, i) => i).filter((i) => role.some((terms) => holds(terms)(i)));
    if (!role.every((terms) => at.some(holds(terms)))) return false;
    // Each name's first and last word, counted as the sentence's words are.
    const spans = namesIn(dossier, asked, text, false, true)
      .filter(({ name }) => /\p{Ll}/u.test(name))
      .flatMap(({ at: start, name }) => {
        const inside = words.flatMap((w, i) => (w.at >= start && w.at < start + name.length ? [i] : []));
        return inside.length ? [[inside[0]!, inside.at(-1)!] as const] : [];
      });
    return spans.some(([first, last]) => at.some((i) => (i < first ? first - i : i - last) - 1 <= HOLDER_GAP));
  });
}

/** What the line over a partial answer says its closest passage does not give of what the question asks for. */
export function lackingLine({ lacking, counted, role }: Omit<Asked, 'match'>): string | undefined {
  // The counted words stand together in the question ("how many school buses"): quoted as one phrase.
  if (lacking === 'count') return `gives no count of “${counted!.join(' ')}”`;
  if (lacking === 'holder') return `names no one as “${role!.join(' ')}”`;
  return lacking && { figure: 'gives no figure', sum: 'gives no sum of money', time: 'does not say when' }[lacking];
}

/**
 * The question's words a passage holds only as a related word (a synonym, a word of its family), each with the
 * passage's word for it (`automobile` as `car`): why a passage that has every word asked for in some form still only
 * partly matches, which the partial line would otherwise leave unsaid. `terms` are the terms the search found in it,
 * `gaps` the words it lacks altogether (`missing`). One reading for `ask`, `figures` and the digest.
 */
export function heldOnlyAs(
  dossier: Library,
  query: AnalysedQuery,
  passage: Passage,
  terms: string[],
  gaps: QueryWord[],
): [string, string][] {
  const found = new Set(terms);
  const { analyzer } = dossier.index;
  // The word as the passage writes it ("Café", not the analyser's "cafe"), found as its excerpt marks it (`WORD`); a
  // term with no such word (a symbol read as one: "%" for "percent") has the analyser's, read only then.
  const written = (term: string) =>
    [...passage.text.matchAll(WORD)].find((m) => analyzer.processTerm(m[0])?.includes(term))?.[0] ??
    analyzer.words(passage.text).find((x) => x.term === term)?.word;
  return query.words.flatMap((w): [string, string][] => {
    if (found.has(w.term) || gaps.includes(w)) return [];
    const alt = w.alternatives.find((a) => !a.gated && a.terms.some((t) => found.has(t)));
    const as = alt?.terms
      .filter((t) => found.has(t))
      .map(written)
      .filter(Boolean)
      .join(' ');
    return as ? [[w.word, as]] : [];
  });
}
