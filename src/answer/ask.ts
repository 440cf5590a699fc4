import type { Passage, Sentence } from '../corpus/types.js';
import type { SearchHit } from '../search/index.js';
import type { Library } from './library.js';
import { asEchoed } from '../corpus/text.js';
import {
  amountsIn,
  analyseQuery,
  answerable,
  coverage,
  definesAsked,
  decide,
  evidenceIn,
  floored,
  unmentioned,
  namesCode,
  namesRarelyIn,
  quotes,
} from '../search/query.js';
import type { AnalysedQuery, Amounts, Match } from '../search/query.js';
import { asAsked, givesAsked, heldOnlyAs, lackingLine, readOf, unsaidKept, type Asked } from './asked.js';
import { besideTopic, figureItem, heldBy } from './figures/index.js';
import { chooseSentences, excerptText, markTerms } from './excerpt.js';
import {
  notSearchedLine,
  partlyBlock,
  plain,
  replyOf,
  said,
  textReply,
  type Excerpt,
  type Reply,
  type ReplyBlock,
} from './reply.js';

/** How many passages one page of `ask` or `cite` shows, unless told otherwise. */
export const PAGE_SIZE = 3;

export interface AskOptions {
  /** How many passages to show (default PAGE_SIZE). */
  limit?: number;
  /** How many of the best passages to skip: the "More results" page. */
  offset?: number;
}

/** One passage that answers the question, with the excerpt to show. */
export interface AskResult {
  passage: Passage;
  excerpt: Excerpt;
  score: number;
}

/**
 * `match`: how well the best passage answers the question (see `decide` and `asAsked`), `none` with no results; with
 * `lacking` what the closest passages do not give of what it asks for.
 */
export interface AskAnswer extends Asked {
  query: string;
  results: AskResult[];
  /** Relevant passages beyond this page. */
  more: number;
  /** For a partial match: the question's words the best passage does not cover, as typed. */
  unmatched: string[];
  /** For a partial match: the question's words the best passage holds only as a related word, with that word. */
  heldAs?: [word: string, as: string][];
  /** The question's words are all too common to look for ("how much", "why"), so nothing was searched. */
  onlyCommonWords?: boolean;
}

/** The best passages for a question: BM25 from the index, re-ranked by how much of the question each covers. */
export function ask(dossier: Library, question: string, { limit = PAGE_SIZE, offset = 0 }: AskOptions = {}): AskAnswer {
  const {
    candidates,
    coveragePower,
    figureBoost,
    askedBoost,
    causeBoost,
    definitionBoost,
    proximity,
    proximityCandidates,
  } = dossier.ranking.ask;
  const query = analyseQuery(question, dossier.index, dossier.ranking.query);
  const nothing: AskAnswer = { query: asEchoed(question), results: [], more: 0, match: 'none', unmatched: [] };
  if (!answerable(query)) return query.words.length ? nothing : { ...nothing, onlyCommonWords: true };
  // The best few passages' sentences are read for proximity, and the shown ones' again for their excerpt.
  const termsOf = sentenceTerms(dossier.index.analyzer);
  const bare = query.withoutLexicon;
  const covered = dossier.search(query, { limit: candidates }).map((hit) => {
    const amounts = amountsIn(hit.passage.text, dossier.ranking.query.numberContext);
    const terms = new Set(hit.terms);
    // The decision rests on what the passage surely says; the order also on the rare senses its context picks, and on
    // the items of a list it introduces.
    return {
      hit,
      amounts,
      sure: coverage(query, terms, amounts),
      cover: withItems(dossier, query, hit.passage, terms, amounts),
      bare: bare ? coverage(bare, terms, amounts) : 0,
    };
  });
  type Covered = (typeof covered)[number];
  // A passage naming a code of the question, a rare name of it beside another of its words, or a phrase it quotes,
  // shares its subject, though it may not be the one covering most of it.
  const named = covered.some(
    (c) =>
      namesCode(query, c.hit.terms) ||
      namesRarelyIn(query, c.hit, dossier.index.analyzer) ||
      quotes(query, c.hit.terms, c.hit.passage.text, dossier.index.analyzer),
  );
  // Whether the passages answer at all is decided before they are ranked; whether they give what the question asks
  // for, once they are (a question asking when or how many is then answered one step less surely if not): on `read`,
  // by what each passage surely says of it (`sure`).
  const judge = (read: AnalysedQuery, sure: (c: Covered) => number) => {
    const best = covered.reduce((a, b) => (sure(b) > sure(a) ? b : a), covered[0]!);
    const kept = unsaidKept(
      dossier,
      read,
      covered.map((c) => c.hit.passage),
      best?.hit.passage,
    );
    const decided: Match = best
      ? decide(
          sure(best) * kept,
          dossier.ranking.answer,
          evidenceIn(read, sure(best), best.hit, dossier.index.analyzer),
          named,
        )
      : 'none';
    // A question asking for a time or an amount is surely answered only by a passage giving one: among those the
    // decision reads (the best coverage, ties and all) or the one shown first.
    const asked = (first: Covered) =>
      asAsked(dossier, read, decided, [...covered.filter((c) => sure(c) === sure(best)), first].map(readOf));
    return { best, decided, asked };
  };
  const own = judge(query, (c) => c.sure);
  // Whether to answer at all is decided as without the corpus's lexicon, how surely with it (`floored`).
  const without = bare ? judge(bare, (c) => c.bare) : own;
  if (!own.best || floored(own.decided, without.decided) === 'none') return nothing;
  const scored = (c: (typeof covered)[number], cover: number) => ({
    c,
    hit: c.hit,
    score: c.hit.score * cover ** coveragePower * (query.wantsFigure && c.amounts.figure ? figureBoost : 1),
  });
  const byScore = (a: { score: number }, b: { score: number }) => b.score - a.score;
  // The proximity coverage and preference of each passage proximity reorders, read once.
  const near = new Map<Covered, { cover: number; boost: number }>();
  const closeUp = (c: Covered) => {
    let known = near.get(c);
    if (!known) {
      const { whole, near: close } = textCoverage(dossier, query, c.hit, c.cover, termsOf);
      const gives = query.asks && givesAsked(dossier, query, readOf(c), query.asks);
      // A passage saying what the word asked about stands for gives what "what is a TAC" asks, as a time a "when".
      const defines = definesAsked(query, c.hit.passage.id, dossier.index);
      known = {
        cover: (1 - proximity) * whole + proximity * close,
        boost: defines ? definitionBoost : gives ? (query.asks === 'cause' ? causeBoost : askedBoost) : 1,
      };
      near.set(c, known);
    }
    return known;
  };
  const order = (more?: Map<Covered, number>) => {
    const plus = <S extends { c: Covered; score: number }>(s: S): S =>
      more ? { ...s, score: s.score + more.get(s.c)! } : s;
    // Once the question is answered, every candidate is ranked: a passage covering less of the question than the
    // decision's threshold still answers it better than nothing (on SciFact, dropping them lost a tenth of the hits).
    const all = covered.map((c) => plus(scored(c, c.cover))).sort(byScore);
    // Proximity orders the best few; whether to answer at all stays with the whole paragraph's coverage.
    // Among them, a passage giving the kind of answer asked for (a time for "when", a count of what "how many" counts:
    // `givesAsked`) is preferred, a little: the score goes as coverage squared, so `askedBoost` weighs about as much as
    // a tenth more of the question covered, and orders passages that cover it about equally ("when did the pier open":
    // the one saying "in May 2019" above another on the pier's opening).
    const head = all
      .slice(0, proximity ? proximityCandidates : 0)
      .map(({ c }) => {
        const { cover, boost } = closeUp(c);
        const s = scored(c, cover);
        return plus({ ...s, score: s.score * boost });
      })
      .sort(byScore);
    return [...head, ...all.slice(head.length)];
  };
  const first = order();
  const { documentWeight } = dossier.ranking.ask;
  // Then each passage scores a share of its document's best other passage (`ask.documentWeight`), for ordering only.
  const ranked = documentWeight ? order(documentShare(first, documentWeight)) : first;
  const top = ranked[0]!;
  // Whether the first passage gives what is asked is read on the question's own ranking: the document only orders.
  const read = first[0]!.c;
  const { match, lacking, counted, role } = own.asked(read);
  if (floored(match, without === own ? match : without.asked(read).match) === 'none') return nothing;
  const page = ranked.slice(offset, offset + limit);
  // The partial line names what the first-ranked passage, the one it calls the closest, leaves out: the passage
  // covering most of the question may rank lower, and the words it lacks be the very ones the reader sees first.
  const gaps = match === 'partial' ? unmentioned(query, top.hit.terms, top.c.amounts) : [];
  return {
    match,
    unmatched: gaps.map((w) => w.word),
    heldAs: match === 'partial' ? heldOnlyAs(dossier, query, top.hit.passage, top.hit.terms, gaps) : [],
    lacking,
    counted,
    role,
    query: asEchoed(question),
    results: page.map(({ hit, score }) => ({
      passage: hit.passage,
      score,
      excerpt: excerptFor(dossier, query, hit.passage, new Set(hit.matched), score, termsOf),
    })),
    more: Math.max(0, ranked.length - offset - page.length),
  };
}

/**
 * `weight` of the score of the best other passage of each passage's document among `ranked`: a passage whose document
 * is about the question climbs above one sharing as many of its words in a document about something else.
 */
function documentShare<C>(ranked: { c: C; hit: SearchHit; score: number }[], weight: number): Map<C, number> {
  // Each document's two best scores, and which passage holds the best: every other passage's best other is the best.
  const best = new Map<string, { top: C; first: number; second: number }>();
  for (const { c, hit, score } of ranked) {
    const doc = best.get(hit.passage.source);
    if (!doc) best.set(hit.passage.source, { top: c, first: score, second: 0 });
    else if (score > doc.first) Object.assign(doc, { top: c, first: score, second: doc.first });
    else doc.second = Math.max(doc.second, score);
  }
  return new Map(
    ranked.map(({ c, hit }) => {
      const doc = best.get(hit.passage.source)!;
      return [c, weight * (doc.top === c ? doc.second : doc.first)];
    }),
  );
}

/**
 * A passage's coverage of the question for ordering, where the passage introduces a list ("Students registered with
 * the advisory service can get:"): a word of the question that only the list's items hold counts `outsideText`, as one
 * only its section heading holds does. The lead-in says who or what the items are for, so it answers a question naming
 * what they give ("who can get a fetching service"), though only an item names it. Whether to answer is decided on
 * the passage's own words.
 */
function withItems(dossier: Library, query: AnalysedQuery, passage: Passage, terms: Set<string>, amounts: Amounts) {
  const own = coverage(query, terms, amounts, true);
  const items = itemsLedBy(dossier, passage);
  if (!items.length || own === 1) return own;
  const { outsideText } = dossier.ranking.ask;
  const said = [...terms, ...items.flatMap((item) => dossier.index.analyzer.terms(item.text))];
  return (1 - outsideText) * own + outsideText * coverage(query, said, amounts, true);
}

/**
 * The list items a passage introduces: it ends with a colon, and the items right after it in its document name it as
 * their lead-in (`Passage.context`, the sentence that introduced their list).
 */
function itemsLedBy(dossier: Library, passage: Passage): Passage[] {
  if (!/:\s*$/.test(passage.text)) return [];
  const passages = dossier.document(passage.source)?.passages ?? [];
  const at = passages.findIndex((p) => p.id === passage.id);
  const items: Passage[] = [];
  for (const next of at < 0 ? [] : passages.slice(at + 1)) {
    if (!next.context || !passage.text.trimEnd().endsWith(next.context.trim())) break;
    items.push(next);
  }
  return items;
}

/**
 * The passage's coverage of the question, and that of its best run of `proximityWindow` sentences: a passage
 * whose sentences each touch a different word of the question answers it less than one sentence that holds them
 * together. A word the passage matched only in its section heading, which every paragraph under it shares, counts
 * `outsideText` as much in both (the paragraph that says it answers better); one in its document's title counts
 * fully, in every run, as does a word matched outside the text some other way.
 */
function textCoverage(
  dossier: Library,
  query: AnalysedQuery,
  hit: SearchHit,
  whole: number,
  termsOf: (sentence: Sentence) => string[],
): { whole: number; near: number } {
  const sentences = hit.passage.sentences;
  const { proximityWindow: width, outsideText } = dossier.ranking.ask;
  const { numberContext } = dossier.ranking.query;
  const discounting = outsideText < 1 && hit.passage.heading !== undefined;
  if (whole === 0 || (sentences.length <= width && !discounting)) return { whole, near: whole };
  const analyzer = dossier.index.analyzer;
  const wanted = new Set(hit.terms);
  const inSentence = sentences.map((s) => new Set(termsOf(s).filter((t) => wanted.has(t))));
  const inText = new Set(inSentence.flatMap((terms) => [...terms]));
  const everywhere = hit.terms.filter((t) => !inText.has(t));
  const heading = new Set(discounting ? analyzer.terms(hit.passage.heading!) : []);
  const kept = everywhere.filter((t) => !heading.has(t));
  // Coverage is linear in each word's credit, so this counts a word found only in the heading `outsideText` of itself.
  const discounted = (withHeading: number, withoutHeading: () => number) =>
    kept.length < everywhere.length ? outsideText * withHeading + (1 - outsideText) * withoutHeading() : withHeading;
  const text = discounted(whole, () =>
    coverage(query, [...kept, ...inText], amountsIn(hit.passage.text, numberContext), true),
  );
  if (sentences.length <= width) return { whole: text, near: text };
  let best = 0;
  for (let i = 0; i + width <= sentences.length; i++) {
    const own = inSentence.slice(i, i + width).flatMap((t) => [...t]);
    const amounts = amountsIn(
      sentences
        .slice(i, i + width)
        .map((r) => r.text)
        .join(' '),
      numberContext,
    );
    const run = discounted(coverage(query, [...everywhere, ...own], amounts, true), () =>
      coverage(query, [...kept, ...own], amounts, true),
    );
    best = Math.max(best, run);
  }
  return { whole: text, near: Math.min(best, text) };
}

/** A sentence's terms, analysed once for one answer. */
function sentenceTerms(analyzer: Library['index']['analyzer']): (sentence: Sentence) => string[] {
  const known = new Map<Sentence, string[]>();
  return (sentence) => {
    let terms = known.get(sentence);
    if (!terms) known.set(sentence, (terms = analyzer.terms(sentence.text)));
    return terms;
  };
}

function excerptFor(
  dossier: Library,
  query: AnalysedQuery,
  passage: Passage,
  matched: Set<string>,
  score: number,
  termsOf: (sentence: Sentence) => string[],
): Excerpt {
  const analyzer = dossier.index.analyzer;
  const { numberContext } = dossier.ranking.query;
  const { figureSentenceBoost } = dossier.ranking.ask;
  const wordTerms = query.words.map((w) => ({ w, terms: new Set(w.terms) }));
  const chosen = chooseSentences(
    passage,
    (sentence) => {
      const terms = new Set(termsOf(sentence));
      const found = wordTerms
        .filter(({ terms: t }) => [...t].some((x) => terms.has(x)))
        .reduce((s, { w }) => s + w.weight, 0);
      return found * (query.wantsFigure && amountsIn(sentence.text, numberContext).figure ? figureSentenceBoost : 1);
    },
    dossier.ranking.ask.excerptSentences,
    dossier.ranking.ask.excerptMinChars,
  );
  // The question's own words are marked wherever they stand; an alternative only where the search matched it.
  const queryTerms = new Set(query.words.flatMap((w) => w.terms.filter((t) => t === w.term || matched.has(t))));
  const citation = dossier.citation(passage);
  const shown = new Set(chosen.sentences);
  // A length that says when its clause happened ("over the past 10 years") is its time there, as it was before it was
  // read as a figure for a topic asking how long: no key figure of a passage.
  const figures = dossier.figures.of(passage).filter((f) => shown.has(f.sentence) && !f.frames);
  // Figure offsets are within their sentence; the excerpt starts at the first shown sentence.
  const origin = chosen.sentences[0]?.start ?? 0;
  const ranges = figures.map((f) => [f.sentence.start - origin + f.start, f.sentence.start - origin + f.end] as const);
  // Every figure shown is marked, but one its sentence sets beside the question ("some 300 from buses" on truck
  // crashes) is no key figure of the answer.
  const named = figures.map((figure) => {
    const measure = figure.measure ? analyzer.terms(figure.measure) : [];
    return { figure, named: figure.measure ? coverage(query, measure) : 0, held: heldBy(query, measure) };
  });
  const beside = besideTopic(analyzer, named);
  return {
    text: excerptText(passage, chosen, (text) =>
      markTerms(text, new Set([...matched, ...queryTerms]), analyzer, ranges),
    ),
    context: passage.context,
    citation,
    figures: figures.filter((f) => !beside.has(f)).map((f) => figureItem({ ...f, citation })),
    score,
  };
}

/**
 * `asked`: the question as the command was given it, which More results asks again; its title (`query`) shows the
 * people mentioned in it by name (`asEchoed`), which would be searched as words of the question on the next page.
 */
export function askReply(answer: AskAnswer, offset = 0, asked = answer.query): Reply {
  const json = () => askJson(answer);
  if (answer.results.length === 0) {
    const none = offset
      ? 'No more passages answer this question.'
      : (notSearchedLine(answer.query, answer.onlyCommonWords, 'question', 'how much did the ferry cost?') ??
        'Nothing in the corpus answers this question. Try other words, or `sources` to see what the corpus holds.');
    return textReply(answer.query, said(none), { status: 'empty', json });
  }
  const blocks: ReplyBlock[] = [
    ...(answer.match === 'partial' && offset === 0
      ? [partlyBlock('passages', 'question', answer.unmatched, lackingLine(answer), answer.heldAs)]
      : []),
    ...answer.results.map((r): ReplyBlock => ({ type: 'excerpt', excerpt: r.excerpt })),
  ];
  return replyOf(answer.query, blocks, {
    more: answer.more,
    isAnswer: true,
    json,
    next:
      answer.more > 0
        ? { command: 'ask', args: { question: asked, offset: offset + answer.results.length } }
        : undefined,
  });
}

/** The JSON shape of `dossier ask --json`, read by the evaluation script; `match` says how well the results answer. */
export function askJson(answer: AskAnswer) {
  return {
    query: answer.query,
    match: answer.match,
    results: answer.results.map((r) => ({
      source: r.passage.source,
      paragraph: r.passage.paragraph,
      heading: r.passage.heading ?? null,
      passage: r.passage.text,
      excerpt: plain(r.excerpt.text),
      title: r.excerpt.citation.title,
      author: r.excerpt.citation.author ?? null,
      date: r.excerpt.citation.date ?? null,
      score: round(r.score),
    })),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
