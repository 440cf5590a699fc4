import type { Passage } from '../../corpus/types.js';
import type { SearchHit } from '../../search/index.js';
import {
  amountsIn,
  coverage,
  decide,
  evidenceIn,
  floored,
  namesCode,
  namesRarelyIn,
  quotes,
  type Amounts,
  type AnalysedQuery,
  type Match,
  type QueryWord,
} from '../../search/query.js';
import { unsaidKept } from '../asked.js';
import type { Library } from '../library.js';
import { tokenSentences } from './tokens.js';
import { subjectOf } from './topic.js';

/** A passage searched for figures, with its coverage of the topic and, when it continues one, the paragraph before. */
export interface Searched {
  hit: SearchHit;
  amounts: Amounts;
  cover: number;
  /** Its coverage of the topic read without the corpus's lexicon (`AnalysedQuery.withoutLexicon`), when it has one. */
  bare?: number;
  lead?: Passage;
}

/** How well the corpus answers a `figures` topic, and the passages whose figures may answer it. */
export interface Matched {
  /** Never `none`: a topic the corpus does not answer has no `Matched`. */
  match: Match;
  /** The passage with figures that covers most of the topic: what a partial match lacks is read from it. */
  closest: Searched;
  /** The passages with figures, and the continuations of hits with none (`withContinuations`). */
  passages: Searched[];
  /** The least coverage of the topic a passage needs for its figures to be read. */
  threshold: number;
  /**
   * The decision on the topic read without the corpus's lexicon, when it has one, and its closest passage: whether
   * the figures answer at all is decided so (`floored`), how surely with the lexicon.
   */
  without?: { match: Match; closest: Searched };
}

/**
 * Whether to answer `query`, as ask's decision (`decide`) on the best figures' passage coverage, and which passages to
 * read figures from; undefined when the corpus does not answer it.
 */
export function matchFor(dossier: Library, query: AnalysedQuery): Matched | undefined {
  if (namesAnotherSubject(dossier, query)) return undefined;
  const { candidates, minCoverage } = dossier.ranking.figures;
  const bare = query.withoutLexicon;
  // Whether to answer is ask's decision on the same passages: the best passage's coverage of the topic.
  const searched = dossier.search(query, { limit: candidates }).map((hit) => {
    const amounts = amountsIn(hit.passage.text, dossier.ranking.query.numberContext);
    return { hit, amounts, ...covers(query, hit.terms, amounts) };
  });
  const bestOf = (list: Searched[], cover = (p: Searched) => p.cover) =>
    list.reduce<Searched | undefined>((a, b) => (!a || cover(b) > cover(a) ? b : a), undefined);
  const direct = searched.filter(({ hit }) => givesFigures(dossier, query, hit.passage));
  const bestDirect = bestOf(direct);
  const passages = withContinuations(dossier, query, searched, direct, bestDirect?.cover ?? 0);
  // A topic is a short noun phrase, not a question: its figures answer on less of it (`figures.minCoverage`).
  const rule = { ...dossier.ranking.answer, minCoverage };
  // A passage naming a code of the topic ("G20 tariffs"), a rare name of it beside another of its words, or a phrase
  // it quotes shares its subject, as for ask.
  const named = searched.some(
    ({ hit }) =>
      namesCode(query, hit.terms) ||
      namesRarelyIn(query, hit, dossier.index.analyzer) ||
      quotes(query, hit.terms, hit.passage.text, dossier.index.analyzer),
  );
  // The decision on `read`, by each passage's coverage of it (`cover`).
  const judge = (read: AnalysedQuery, cover: (p: Searched) => number) => {
    const closest = bestOf(passages, cover);
    const top = bestOf(searched, cover);
    const kept = unsaidKept(
      dossier,
      read,
      searched.map(({ hit }) => hit.passage),
      top?.hit.passage,
    );
    const decision = (p: Searched | undefined, options = rule) =>
      p ? decide(cover(p) * kept, options, evidenceIn(read, cover(p), p.hit, dossier.index.analyzer), named) : 'none';
    // Ask's answer to the same topic decides whether the corpus speaks of it at all; the closest passage with figures
    // then decides how well its figures match. When that one is too far, the corpus may speak of the topic only where
    // it gives no figures: the closest figures are shown as a partial match, if ask itself would answer the topic.
    const asked = decision(top);
    const own = decision(closest);
    const spoken = () => decision(top, dossier.ranking.answer) !== 'none';
    const match: Match = !closest || asked === 'none' ? 'none' : own !== 'none' ? own : spoken() ? 'partial' : 'none';
    return { match, closest: closest! };
  };
  const { match, closest } = judge(query, (p) => p.cover);
  // Whether to answer at all is decided as without the corpus's lexicon, how surely with it (`floored`).
  const without = bare && judge(bare, (p) => p.bare!);
  if (floored(match, without ? without.match : match) === 'none') return undefined;
  // A partial answer on rare words (`evidence`) may rest on a passage under the threshold: it, at least, counts.
  const threshold = Math.min(dossier.ranking.answer.minCoverage, (bestDirect ?? closest).cover);
  return { match, closest, passages, threshold, without };
}

/**
 * Whether the topic says what its figures are of by a noun the corpus lacks, before a noun it has: "diesel costs",
 * "milk price", "ambulance response times". In a compound the first noun says which of the second's kind is meant, so
 * the corpus's costs, prices and response times are of other things: it does not speak of the topic, however much of
 * the topic's weight its passages cover. Only for an English noun with no way into the corpus at all (no bridge, not
 * even a rare sense: "coke" may be the corpus's cocaine) that outweighs every other word of the topic: when a word the
 * corpus has is rarer ("coyote fees" over a corpus naming fees in one passage), its passages are what the topic most
 * likely asks about in other words. The second noun missing instead ("plan prices" over "monthly fee") is the
 * kind of figure asked for in other words, which the figures' own units and measures say.
 */
function namesAnotherSubject(dossier: Library, query: AnalysedQuery): boolean {
  const subject = subjectOf(query).words;
  const outweighs = (w: QueryWord) => subject.every((other) => other === w || other.weight <= w.weight);
  const lacked = subject.filter(
    (w) => !w.known && !w.alternatives.length && dossier.index.wordKind(w.word.toLowerCase()) && outweighs(w),
  );
  // Most topics have no such word: only those are tagged, which loads the tagger's model (about 0.25 s) on first use.
  if (!lacked.length || !subject.some((w) => w.known)) return false;
  const word = (list: QueryWord[], text: string) => list.find((w) => w.word.toLowerCase() === text);
  return tokenSentences(query.text).some((tokens) =>
    tokens.some(({ pos, lower }, i) => {
      const next = tokens[i + 1];
      if (!next || next.pos !== 'NOUN' || (pos !== 'NOUN' && pos !== 'PROPN')) return false;
      return !!word(lacked, lower) && !!word(subject, next.lower)?.known;
    }),
  );
}

/** A passage's coverage of the topic, and of the topic read without the corpus's lexicon when it has one. */
function covers(query: AnalysedQuery, terms: string[], amounts: Amounts): { cover: number; bare?: number } {
  const bare = query.withoutLexicon;
  return { cover: coverage(query, terms, amounts), ...(bare && { bare: coverage(bare, terms, amounts) }) };
}

/** Whether a passage gives figures for a topic: any figure, or for a topic asking when a date (`FigureCache.dates`). */
function givesFigures(dossier: Library, query: AnalysedQuery, passage: Passage): boolean {
  return dossier.figures.of(passage).length > 0 || (query.asks === 'time' && dossier.figures.dates(passage).length > 0);
}

/**
 * The passages with figures among the hits (`direct`), and the paragraph after a hit with none that continues it under
 * the same heading: a paragraph that names the topic without a figure ("Ferry traffic to the islands kept growing.")
 * often gives them in the next ("In July the ferries carried 12,000 passengers"). Only a hit that covers more of the
 * topic than every passage with figures (`best`, their best coverage, 0 when there are none) leads on so: in the
 * tuning topics, weaker ones led mostly to figures on something else. The continuation is read with its lead as one
 * passage; its figures still count only where their own clause or measure names the topic.
 */
function withContinuations(
  dossier: Library,
  query: AnalysedQuery,
  searched: Searched[],
  direct: Searched[],
  best: number,
): Searched[] {
  const byId = new Map(direct.map((s) => [s.hit.passage.id, s]));
  const wanted = new Set(query.words.flatMap((w) => w.terms));
  for (const { hit, cover: led } of searched) {
    if (led <= best) continue;
    const lead = hit.passage;
    const doc = dossier.document(lead.source);
    const next = doc?.passages[lead.paragraph];
    if (!doc || !next || next.heading !== lead.heading || givesFigures(dossier, query, lead)) continue;
    if (!givesFigures(dossier, query, next)) continue;
    // The lead's terms include the document's title, which the continuation shares.
    const own = dossier.index.analyzer.terms(`${next.context ?? ''}\n${next.text}`).filter((t) => wanted.has(t));
    const terms = [...new Set([...hit.terms, ...own])];
    const amounts = amountsIn(next.text, dossier.ranking.query.numberContext);
    const covered = covers(query, terms, amounts);
    const seen = byId.get(next.id);
    if (!seen || covered.cover > seen.cover)
      byId.set(next.id, { hit: { ...hit, id: next.id, passage: next, terms }, amounts, ...covered, lead });
  }
  return [...byId.values()];
}
