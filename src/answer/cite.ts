import { asEchoed, asShown } from '../corpus/text.js';
import type { Passage, Sentence } from '../corpus/types.js';
import type { Library } from './library.js';
import { compoundPart, fold } from '../search/analyzer.js';
import { editsForgiven, withinEdits, type TypoRule } from '../search/bridges.js';
import { NUMBER_WORDS } from '../search/english.js';
import { askJson, PAGE_SIZE, type AskAnswer, type AskResult } from './ask.js';
import { PERSONAL_SUBJECTS } from './figures/grammar/words.js';
import { excerptText, WORD } from './excerpt.js';
import { DEFAULT_RANKING, type RankingOptions } from '../search/ranking.js';
import { splitInTwo, withoutLinks } from '../search/query.js';
import { STOP_WORDS } from '../search/stopwords.js';
import { quoteWords } from './quote-words.js';
import { markRanges, replyOf, said, textReply, type Reply, type ReplyBlock, type RichText } from './reply.js';

/**
 * Finds where a half-remembered quote comes from. Chat text around a quote ("Interesting point —
 * “…” Do we know if that happened?") is looked up by its quoted span first, then as a whole. The
 * index proposes candidates; each candidate's sentences (alone and in pairs) are then compared
 * word by word with the quote, forgiving a typo per word, a changed word or two, accents, quote
 * marks and a number written another way (in words, with a scale word, with or without its thousands' commas).
 */
export function cite(dossier: Library, typed: string, { limit = PAGE_SIZE }: { limit?: number } = {}): AskAnswer {
  // Before the quote is looked for, so "<@U123> said “…”" is read as the person saw it: a quote and its lead-in.
  // A link's label is the words a reader saw ("[hugs not bullets](https://…)"); its address is no part of a quote.
  const shown = asEchoed(typed);
  const text = asShown(withoutLinks(typed));
  const minWords = dossier.ranking.cite.minQuotedWords;
  const span = quotedSpan(text, minWords);
  const unframed = span ? undefined : withoutChatFrame(text, dossier.ranking.cite.tailQuestionWords);
  // The likeliest reading of the quote first: its quoted span, else the text without the chat that asks for it.
  for (const reading of [span, unframed !== text && quoteWords(unframed ?? '').length >= minWords && unframed])
    if (reading) {
      const found = citeQuote(dossier, reading, limit);
      if (found.results.length) return { ...found, query: shown };
    }
  return { ...citeQuote(dossier, text, limit), query: shown };
}

/** A pattern of any one of `words`, each one's spaces any white space: ("look up", "find") → (?:look\s+up|find). */
const anyOf = (...words: string[]) => `(?:${words.map((w) => w.replace(/ /g, String.raw`\s+`)).join('|')})`;
const SPACE = String.raw`\s+`;
/**
 * Verbs that report what a text says, in the forms chat gives them: "where it says", "someone told me that", and those
 * that say how it was said ("where they admitted", "where it warns").
 */
const SAYING = anyOf(
  ...['say', 'says', 'said', 'saying', 'mention', 'mentions', 'mentioned', 'write', 'writes', 'wrote'],
  ...['claim', 'claims', 'claimed', 'state', 'states', 'stated', 'reads', 'goes'],
  ...['admit', 'admits', 'admitted', 'promise', 'promises', 'promised', 'warn', 'warns', 'warned'],
  ...['explain', 'explains', 'explained', 'insist', 'insists', 'insisted', 'argue', 'argues', 'argued'],
);
/**
 * Who a text or a person is, as chat names them before a verb of saying: "it says", "the report said", "our … say". The
 * personal pronouns a subject may be (`PERSONAL_SUBJECTS`) but "i", whose own reading or hearing its own lead-ins take
 * ("i read somewhere"), and the indefinite "someone", "somebody".
 */
const SAYER = `(?:${anyOf(...[...PERSONAL_SUBJECTS].filter((w) => w !== 'i'), 'someone', 'somebody')}|${anyOf(
  ...['the', 'our', 'their', 'this', 'that', 'a', 'an'],
)}${SPACE}[\\p{L}-]+)`;
/** A lead-in `pattern` at the start of a text, with the "that" or colon after it. */
const leadIn = (pattern: string) => new RegExp(String.raw`^(?:${pattern})\b(?:\s+that\b)?[\s,:]*`, 'iu');
/** Who told the asker, in chat: "someone at work", "a colleague", "my manager". */
const TELLER =
  `(?:${anyOf('someone', 'somebody', 'a friend', 'a colleague', 'people', 'everyone')}|my${SPACE}\\p{L}+)` +
  `(?:${SPACE}${anyOf('at', 'in', 'on', 'from')}${SPACE}\\p{L}+)?`;
/**
 * The closed class of chat's frames around a quote typed without quote marks: a lead-in asking for it or reporting
 * it ("can u find where it says", "is it true that", "someone told me our minutes say", "wait,") and a tail asking
 * about it ("or something", "thanks"; a short question, `tailQuestion`). Grammar, not a subject: each names no more
 * than a request, a report or a question.
 */
const CHAT_LEADS = [
  // A word that may open a quote ("so far", "wait times") is an interjection only with a mark after it ("so,").
  new RegExp(
    String.raw`^(?:${anyOf('hey', 'hi', 'um+', 'hmm+', 'btw')}\b|` +
      String.raw`${anyOf('hello', 'ok', 'okay', 'so', 'wait', 'oh', 'also', 'quick q')}\s*[,:;!.—–-])` +
      String.raw`[\s,:;!.—–-]*`,
    'iu',
  ),
  // "can u find where it says", "could someone please show me the bit that says".
  leadIn(
    [
      anyOf('can', 'could', 'would', 'will'),
      anyOf('u', 'you', 'ya', 'someone', 'somebody', 'anyone', 'anybody'),
      `(?:${anyOf('please', 'pls', 'plz')}${SPACE})?${anyOf('find', 'show', 'tell', 'point', 'locate', 'get')}`,
    ].join(SPACE) +
      `(?:${SPACE}${anyOf('me', 'us')})?(?:${SPACE}to)?${SPACE}` +
      `(?:where|the${SPACE}${anyOf('bit', 'part', 'line', 'passage', 'sentence', 'paragraph', 'place', 'page')}` +
      `(?:${SPACE}${anyOf('where', 'that', 'which')})?)(?:${SPACE}${SAYER})?${SPACE}${SAYING}`,
  ),
  // "which page says", "what document mentions": the text asked for by the kind of text it is, a closed class.
  leadIn(
    `${anyOf('which', 'what')}${SPACE}` +
      anyOf('page', 'document', 'doc', 'report', 'file', 'article', 'paper', 'source', 'letter', 'post', 'one') +
      `${SPACE}${SAYING}`,
  ),
  // "where does the report say", "is it really true", "did they actually say".
  leadIn(`where${SPACE}${anyOf('does', 'did', 'do', 'is')}${SPACE}${SAYER}${SPACE}${SAYING}`),
  leadIn(`${anyOf('is', 'was')}${SPACE}it${SPACE}(?:${anyOf('really', 'actually', 'even')}${SPACE})?true`),
  leadIn(`${anyOf('did', 'does')}${SPACE}${SAYER}${SPACE}(?:${anyOf('really', 'actually')}${SPACE})?${SAYING}`),
  // "someone at work told me", "my manager said", "i read somewhere".
  leadIn(`${TELLER}${SPACE}${anyOf('told me', 'said', 'says', 'mentioned', 'posted', 'wrote', 'claimed', 'reckons')}`),
  leadIn(`i${SPACE}${anyOf('read', 'heard', 'saw', 'remember')}(?:${SPACE}${anyOf('somewhere', 'once')})?`),
];
/** What a text says, reported inside a lead-in already taken off: "our postmortems say" after "someone told me". */
const REPORTED = leadIn(`${SAYER}${SPACE}${anyOf('say', 'says', 'said')}`);
const QUESTION_WORD = anyOf(
  ...['where', 'who', 'which', 'what', 'whose', 'when', 'any', 'anyone', 'anybody'],
  ...['is', 'was', 'are', 'do', 'does', 'did', 'can', 'could'],
);
/** A tail `pattern` at the end of a text, with the marks before and after it. */
const tailOf = (pattern: string) => new RegExp(String.raw`[\s,;—–-]*\b(?:${pattern})[\s?.!]*$`, 'iu');
const CHAT_TAILS = [
  tailOf(
    anyOf(
      ...['or something', 'or something like that', 'something like that', 'or so', 'or whatever', 'or similar'],
      'or words to that effect',
    ),
  ),
  tailOf(anyOf('please', 'pls', 'plz', 'thanks', 'thx', 'ty', 'cheers')),
];

/**
 * A short question after a dash or a sentence's end, of `words` at most: "— where is that from?", "? Do we know if
 * that happened?".
 */
const tailQuestion = (words: number) =>
  new RegExp(
    String.raw`(?:\s+[—–-]+|[?.!])\s+${QUESTION_WORD}\b(?:[\s'’]+[\p{L}\p{N}#]+){0,${words - 1}}[\s?.!]*$`,
    'iu',
  );

/**
 * `text` without the chat that asks for a quote typed without quote marks (`CHAT_LEADS`, `CHAT_TAILS`, and a question
 * after it of `tailQuestionWords` words at most).
 */
export function withoutChatFrame(text: string, tailQuestionWords = DEFAULT_RANKING.cite.tailQuestionWords): string {
  let bare = text.trim();
  let lead = true;
  while (lead) {
    lead = false;
    for (const pattern of CHAT_LEADS) {
      const cut = bare.replace(pattern, '');
      if (cut !== bare) {
        bare = cut.replace(REPORTED, '');
        lead = true;
      }
    }
  }
  const tails = [...CHAT_TAILS, tailQuestion(tailQuestionWords)];
  for (let cut = true; cut;) {
    cut = false;
    for (const pattern of tails) {
      const shorter = bare.replace(pattern, '');
      if (shorter !== bare) [bare, cut] = [shorter, true];
    }
  }
  return bare.trim();
}

/** Quote marks, curly and straight. */
const QUOTED = [/“([^”]+)”/g, /"([^"]+)"/g, /‘([^’]+)’/g, /(?<!\p{L})'([^']+)'(?!\p{L})/gu];

/** The longest span of `text` between quote marks, curly or straight, of `minWords` words at least. */
export function quotedSpan(text: string, minWords = DEFAULT_RANKING.cite.minQuotedWords): string | undefined {
  let best: string | undefined;
  for (const pattern of QUOTED)
    for (const m of text.matchAll(pattern)) {
      const inner = m[1]!.trim();
      if (quoteWords(inner).length >= minWords && inner.length > (best?.length ?? 0)) best = inner;
    }
  return best && best.length < text.trim().length - 2 ? best : undefined;
}

function citeQuote(dossier: Library, quote: string, limit: number): AskAnswer {
  const options = dossier.ranking.cite;
  const wanted = quoteWords(quote);
  if (wanted.length === 0) return { query: quote, results: [], more: 0, match: 'none', unmatched: [] };
  const distinctive = distinctiveWords(wanted);
  const strict = distinctive < options.minDistinctiveWords;
  const threshold = strict ? options.minSimilarityCommonWords : options.minSimilarity;
  const typos = dossier.ranking.query.typos;
  const joined = joinedNeighbours(wanted);
  const near = closeWords(wanted, joined, typos);
  // A quote of common words must match nearly word for word, which a quote of a word or two ("fogbound", "fogbound
  // again") does wherever a sentence holds it as written, however long: its words in a row, one of them no stop word.
  // Its similarity, mostly its share of the words of a long sentence, falls short of that threshold.
  const inARow = strict && distinctive > 0;
  const found = (m: WindowMatch) => (m.similarity >= threshold ? m : m.inARow);
  const scored = dossier
    // A compound typed apart ("multi storey") is looked for as one word too, as the text may write it so: its parts
    // alone may be words the corpus has nowhere, which left a quote of just those two words no candidate. Only a joined
    // form the corpus holds: the others ("thesharp", "ofdrug") find nothing but fuzzy neighbours, whose expansion made
    // a twenty-word quote cost over a hundred milliseconds at 1000x. A compound typed as one word the corpus writes
    // apart ("harbourmaster") is looked for as its two words, as a question's is.
    .search([quote, ...joined.filter((j) => j && held(dossier, j)), ...splitWords(dossier, wanted)].join(' '), {
      limit: options.candidates,
    })
    .map(({ passage }) => found(bestWindow(passage, wanted, near, options, typos, inARow)))
    .filter((m) => m !== undefined)
    .sort((a, b) => b.similarity - a.similarity);
  const results: AskResult[] = scored.slice(0, limit).map((m) => ({
    passage: m.passage,
    score: m.similarity,
    excerpt: {
      text: excerptText(m.passage, m.window, (text) => markQuoted(text, quote, typos)),
      context: m.passage.context,
      citation: dossier.citation(m.passage),
      figures: [],
      score: m.similarity,
    },
  }));
  return {
    query: quote,
    results,
    more: Math.max(0, scored.length - results.length),
    match: results.length ? 'confident' : 'none',
    unmatched: [],
  };
}

interface WindowMatch {
  passage: Passage;
  window: { sentences: Sentence[]; before: boolean; after: boolean };
  similarity: number;
  /** The best sentence holding the quote's words in a row, as written (forgiving a typo a word), if one does. */
  inARow?: WindowMatch;
}

/**
 * For a word of the corpus, which of the quote's words (by position) it is close to and, from `wanted.length` on, which
 * two neighbouring words of the quote it is as one word ("multilayered" for "multi layered" or "multi-layered"): worked
 * out once per distinct word of a cite, as its candidates' sentences, alone and in pairs, hold the same words many
 * times over.
 */
function closeWords(wanted: string[], joined: string[], typos: TypoRule): (word: string) => Uint8Array {
  const known = new Map<string, Uint8Array>();
  return (word) => {
    let near = known.get(word);
    if (!near) {
      near = new Uint8Array(wanted.length + joined.length);
      wanted.forEach((w, i) => (near![i] = close(w, word, typos) ? 1 : 0));
      // As for the text's pairs, only a compound with the word's first letter is compared: most words have none.
      joined.forEach((w, i) => (near![wanted.length + i] = w && w[0] === word[0] && close(w, word, typos) ? 1 : 0));
      known.set(word, near);
    }
    return near;
  };
}

/** Each of the quote's words joined to the next ("multistorey" for "multi storey"), or '' where the two join none. */
const joinedNeighbours = (wanted: string[]) =>
  wanted.slice(0, -1).map((w, i) => (joinable(w, wanted[i + 1]!) ? w + wanted[i + 1] : ''));

/** Whether the corpus holds a word: each term the analyser makes of it is in the index. */
const held = (dossier: Library, word: string) => {
  const terms = dossier.index.analyzer.terms(word);
  return terms.length > 0 && terms.every((t) => dossier.index.knows(t));
};

/**
 * The two words the corpus has that each of the quote's words is written of, where the corpus has neither it nor the
 * dictionary ("harbourmaster" for "harbour master"): `splitInTwo`, as the search splits a question's.
 */
const splitWords = (dossier: Library, wanted: string[]) =>
  wanted.flatMap((w) =>
    compoundPart(w) && !held(dossier, w) && !dossier.index.wordKind(w)
      ? (splitInTwo(dossier.index, w, dossier.ranking.query.compoundMinPart)?.words ?? [])
      : [],
  );

/** Words that may be one compound written apart: the analyser's rule, as a number's digits join no word. */
const joinable = (a: string, b: string) => compoundPart(a) && compoundPart(b);

/**
 * For each word of a sentence, which of the quote's words it and the word after it are, written as one ("multi
 * layered" for "multilayered"); undefined for none, and for the sentence's last word, as no word runs across the space
 * that joins two sentences. Only a word of the quote with the pair's first letter and about its length is compared.
 */
function joinedPairs(words: string[], wanted: string[], typos: TypoRule): (Uint8Array | undefined)[] {
  return words.map((a, i) => {
    const b = words[i + 1];
    if (b === undefined) return undefined;
    let near: Uint8Array | undefined;
    wanted.forEach((w, j) => {
      // The cheap tests first: every neighbouring pair of every candidate's sentences comes here.
      if (w[0] !== a[0] || Math.abs(w.length - a.length - b.length) > 2 || !joinable(a, b) || !close(w, a + b, typos))
        return;
      near ??= new Uint8Array(wanted.length);
      near[j] = 1;
    });
    return near;
  });
}

function bestWindow(
  passage: Passage,
  wanted: string[],
  near: (word: string) => Uint8Array,
  { recallWeight, windowSentences }: RankingOptions['cite'],
  typos: TypoRule,
  /** Also find the best sentence holding the quote's words in a row (`WindowMatch.inARow`). */
  wordForWord: boolean,
): WindowMatch {
  const all = passage.sentences.length ? passage.sentences : [{ text: passage.text, start: 0 }];
  // Which two neighbouring words of the quote some word of the passage is as one: most passages have none, and
  // `similarityOf` looks for such a word first, once for each of the quote's words in each window.
  const joins = new Uint8Array(wanted.length);
  // A window's words are its sentences' words in turn: no word runs across the space that joins two sentences. Each
  // sentence also says which of the quote's words it holds (`found`) and which it holds as two words (`paired`), so a
  // window's search for a word it lacks, most of a quote's in most sentences, ends before it starts.
  const sentenceWords = all.map((s) => {
    const words = quoteWords(s.text);
    const have = words.map(near);
    const pairs = joinedPairs(words, wanted, typos);
    const found = new Uint8Array(wanted.length);
    const paired = new Uint8Array(wanted.length);
    for (const n of have)
      for (let w = 0; w < wanted.length; w++) {
        found[w] ||= n[w]!;
        if (w + 1 < wanted.length) joins[w] ||= n[wanted.length + w]!;
      }
    for (const p of pairs) if (p) for (let w = 0; w < wanted.length; w++) paired[w] ||= p[w]!;
    return { have, pairs, found, paired };
  });
  let best: WindowMatch = {
    passage,
    window: { sentences: [all[0]!], before: false, after: all.length > 1 },
    similarity: 0,
  };
  let inARow: WindowMatch | undefined;
  for (let i = 0; i < all.length; i++) {
    for (let len = 1; len <= windowSentences && i + len <= all.length; len++) {
      const window = len === 1 ? sentenceWords[i]! : joinedWindow(sentenceWords.slice(i, i + len));
      const { have, pairs } = window;
      const similarity = similarityOf(wanted.length, window, joins, recallWeight);
      const match = () => ({
        passage,
        window: { sentences: all.slice(i, i + len), before: i > 0, after: i + len < all.length },
        similarity,
      });
      if (similarity > best.similarity + 1e-9) best = match();
      const better = len === 1 && wordForWord && similarity > (inARow?.similarity ?? 0) + 1e-9;
      if (better && holdsInARow(have, pairs, wanted.length)) inARow = match();
    }
  }
  return { ...best, inARow };
}

/** The words of a window of sentences (their `have`, `pairs`, `found` and `paired`), one sentence's after another's. */
interface WindowWords {
  have: Uint8Array[];
  pairs: (Uint8Array | undefined)[];
  /** Which of the quote's words some word of the window is close to. */
  found: Uint8Array;
  /** Which of the quote's words some two neighbouring words of the window are as one. */
  paired: Uint8Array;
}

/** A window of several sentences' words, in turn. */
function joinedWindow(sentences: WindowWords[]): WindowWords {
  const found = new Uint8Array(sentences[0]!.found.length);
  const paired = new Uint8Array(found.length);
  for (const s of sentences)
    for (let w = 0; w < found.length; w++) {
      found[w] ||= s.found[w]!;
      paired[w] ||= s.paired[w]!;
    }
  // Concatenated, not flatMap'ed: a window of two is made for every sentence of every candidate, and flatMap cost more
  // than the comparison it feeds.
  const have: Uint8Array[] = [];
  const pairs: (Uint8Array | undefined)[] = [];
  for (const s of sentences) {
    for (const n of s.have) have.push(n);
    for (const p of s.pairs) pairs.push(p);
  }
  return { have, pairs, found, paired };
}

/**
 * Whether a sentence's words (`have`, which of the quote's words each is close to, and `pairs`, which each is with the
 * next as one word) hold the quote's words in a row, a compound written as one word on one side and two on the other.
 */
function holdsInARow(have: Uint8Array[], pairs: (Uint8Array | undefined)[], wanted: number): boolean {
  const from = (i: number, w: number): boolean =>
    w === wanted ||
    (i < have.length &&
      ((have[i]![w] === 1 && from(i + 1, w + 1)) ||
        (w + 1 < wanted && have[i]![wanted + w] === 1 && from(i + 1, w + 2)) ||
        (pairs[i]?.[w] === 1 && from(i + 2, w + 1))));
  for (let i = 0; i < have.length; i++) if (from(i, 0)) return true;
  return false;
}

/**
 * Mostly recall of the remembered words, with a little precision so the tightest window wins. Each of the quote's
 * `wanted` words, in order, takes the first word of the window close to it that no earlier one took; failing that, a
 * word the quote writes as two takes the first such word with the next word of the quote, and a word the window
 * writes as two the first such pair (`pairs`): a compound is written apart, with a hyphen or as one word, by people and
 * corpora alike.
 */
function similarityOf(
  wanted: number,
  { have, pairs, found: holds, paired }: WindowWords,
  /** Which two neighbouring words of the quote a word of the passage is as one (`have` from `wanted` on). */
  joins: Uint8Array,
  recallWeight: number,
): number {
  const taken = new Uint8Array(have.length);
  const free = (at: number) => {
    for (let i = 0; i < have.length; i++) if (!taken[i] && have[i]![at]) return i;
    return -1;
  };
  // A word the pair at `w` is as one, and neither of its words alone.
  const joinedFree = (w: number) => {
    for (let i = 0; i < have.length; i++)
      if (!taken[i] && have[i]![wanted + w] && !have[i]![w] && !have[i]![w + 1]) return i;
    return -1;
  };
  let found = 0;
  let used = 0;
  for (let w = 0; w < wanted; w++) {
    // Two of the quote's words as one of the window's first ("health care" for "healthcare"): it finds both, where
    // each alone may take a word the window has elsewhere ("the health of staff and the care of patients"). Not a word
    // close to either alone, which the pair reaches only as a typo ("said a" for "said", "an agreement" for one).
    let i = joins[w] ? joinedFree(w) : -1;
    if (i >= 0) {
      taken[i] = 1;
      found += 2;
      used++;
      w++;
    } else if (holds[w] && (i = free(w)) >= 0) {
      taken[i] = 1;
      found++;
      used++;
    } else if (paired[w])
      for (i = 0; i + 1 < have.length; i++)
        if (!taken[i] && !taken[i + 1] && pairs[i]?.[w]) {
          taken[i] = taken[i + 1] = 1;
          found++;
          used += 2;
          break;
        }
  }
  const recall = found / wanted;
  const precision = have.length ? used / have.length : 0;
  return recallWeight * recall + (1 - recallWeight) * precision;
}

/** Same word, or as many typos apart as `typos` forgives the shorter. */
function close(a: string, b: string, typos: TypoRule): boolean {
  if (a === b) return true;
  const max = editsForgiven(Math.min(a.length, b.length), typos);
  return max > 0 && withinEdits(a, b, max);
}

/** A whole word folded for comparison, its inner apostrophes and dots dropped: "World’s" → "worlds". */
const wordKeys = (text: string) =>
  [...text.matchAll(WORD)].map((m) => ({
    at: m.index,
    end: m.index + m[0].length,
    key: fold(m[0]).replace(/['’.]/g, ''),
  }));

/**
 * Marks the whole words of `text` that the quote has (forgiving a typo), as phrases: runs of such
 * words with only spaces between them, kept when they hold at least one word that is not a stop
 * word, so a lone "the" is never marked and a part of a word ("s" of "world’s") never is. A compound counts
 * however either writes it: a word the quote has as two ("multilayered" for "multi-layered"), and two words of the
 * text, apart or with a hyphen, that the quote has as one.
 */
function markQuoted(text: string, quote: string, typos: TypoRule): RichText {
  const quoted = wordKeys(quote).map((w) => w.key);
  const wanted = [...quoted, ...quoted.slice(0, -1).map((w, i) => w + quoted[i + 1])];
  const has = (key: string) => wanted.some((x) => close(x, NUMBER_WORDS[key] ?? key, typos));
  const ranges: (readonly [number, number])[] = [];
  let run: { at: number; end: number; key: string }[] = [];
  const endRun = () => {
    if (run.some((w) => !STOP_WORDS.has(w.key))) ranges.push(...run.map((w) => [w.at, w.end] as const));
    run = [];
  };
  const words = wordKeys(text);
  let pairedTo = -1;
  words.forEach((word, i) => {
    const previous = run[run.length - 1];
    if (previous && !/^\s+$/.test(text.slice(previous.end, word.at))) endRun();
    const next = words[i + 1];
    if (i > pairedTo && next && /^[\s-]$/.test(fold(text.slice(word.end, next.at))) && has(word.key + next.key))
      pairedTo = i + 1;
    if (i <= pairedTo || has(word.key)) run.push(word);
    else endRun();
  });
  endRun();
  return markRanges(text, ranges);
}

/** How many of a quote's words (`quoteWords`) are not stop words: those that tell one passage from another. */
const distinctiveWords = (words: string[]) => words.filter((w) => !STOP_WORDS.has(w)).length;

/**
 * Why a quote was not found, and what to try. A quote of stop words alone is looked for, as it may be a sentence word
 * for word; not found, it is said to be too common, since "no passage is close" would suggest the corpus lacks it.
 * The quote a reply is about holds every word of any quoted span in it, so its words answer for the span's too.
 */
function notFound(quote: string): string {
  const words = quoteWords(quote);
  if (words.length === 0) return 'That quote has no words to look for: quote the words of the passage.';
  if (distinctiveWords(words) === 0)
    return (
      'That quote is too short or too common to locate: its words are in nearly every passage. ' +
      'Quote more of the passage’s words, e.g. a whole sentence.'
    );
  return (
    'No passage in the corpus is close to that quote. ' +
    'Check its wording, or `sources` to see what the corpus holds.'
  );
}

export function citeReply(answer: AskAnswer): Reply {
  const json = () => askJson(answer);
  if (answer.results.length === 0)
    return textReply(answer.query, said(notFound(answer.query)), { status: 'empty', json });
  const blocks = answer.results.map((r): ReplyBlock => ({ type: 'excerpt', excerpt: r.excerpt }));
  return replyOf(answer.query, blocks, { isAnswer: true, json });
}
