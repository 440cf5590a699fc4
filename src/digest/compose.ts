import { ask, type AskAnswer } from '../answer/ask.js';
import { lackingLine } from '../answer/asked.js';
import { leadExcerpt } from '../answer/excerpt.js';
import {
  count,
  KEY_FIGURES,
  listed,
  partlyBlock,
  plain,
  replyOf,
  said,
  type Excerpt,
  type FigureItem,
  type Reply,
  type ReplyBlock,
} from '../answer/reply.js';
import { createHash } from 'node:crypto';
import type { Passage, SourceDocument } from '../corpus/types.js';
import { MAX_TOPICS } from '../commands/limits.js';
import type { Dossier } from '../engine/dossier.js';
import { moreResults } from '../render/paging.js';
import { DAY_MS } from '../schedule.js';
import type { DocumentVersion } from './store.js';

/** A key figure and what identifies it among the channel's sightings (`figureId`). */
export interface KeyFigure {
  id: string;
  item: FigureItem;
}

/**
 * What a passage is remembered by once a channel has been sent it: its document and its words, not its place. By its
 * place (`Passage.id`, the paragraph's number), a paragraph inserted into a document would take the number of one
 * already sent, so it would never be quoted and every one after it would be sent again under the next number. A
 * paragraph whose words change is new. A channel's record from before keeps its places (`seenBy`).
 */
export const passageKey = (passage: Pick<Passage, 'source' | 'text'>): string =>
  `${passage.source}#${paragraphHash(passage.text)}`;

/** A paragraph's words as a short hash: a passage's within `passageKey`, a document version's (`keepVersion`). */
export const paragraphHash = (text: string): string =>
  createHash('sha256').update(text).digest('base64url').slice(0, 16);

/**
 * Whether the channel was sent `passage`, known by `key` (its `passageKey`): by its words, or by its place in a record
 * kept before passages were remembered by their words.
 */
const seenBy = (seen: ReadonlySet<string>, passage: Passage, key = passageKey(passage)): boolean =>
  seen.has(key) || seen.has(passage.id);

/**
 * The id a figure is remembered by once a channel has been shown it: its passage's key (`passageKey`) and where it
 * stands in the passage, kept with the passages the channel was sent. It is never a passage's key, so a passage whose
 * figure was shown is still quoted later.
 */
export const figureId = (passage: Pick<Passage, 'source' | 'text'>, offset: number): string =>
  `${passageKey(passage)}:figure:${offset}`;

/**
 * The id a channel remembers, with what it was sent, once told that nothing in the corpus answers `topic`: it is told
 * once, not every morning.
 */
export const nothingYetId = (topic: string): string => `nothing-yet:${topic}`;

/**
 * The ids a channel remembers, with what it was sent, of a new document: `told`, announced in a digest; `owed`, left
 * out of one for room, to announce in the next (`owedDocuments`), where it would have been new no longer.
 */
export const documentId = (state: 'told' | 'owed', source: string): string => `document-${state}:${source}`;

/** The new documents a digest left out for room and none has announced since, by source, as `seen` records them. */
export const owedDocuments = (seen: ReadonlySet<string>): string[] =>
  [...seen].flatMap((id) => {
    const source = id.startsWith(documentId('owed', '')) ? id.slice(documentId('owed', '').length) : undefined;
    return source !== undefined && !seen.has(documentId('told', source)) ? [source] : [];
  });

/** What an answer says of how well it matches, which the partial line reads (`partlyLine`): one list for its uses. */
type HowMatched = Pick<AskAnswer, 'match' | 'unmatched' | 'lacking' | 'counted' | 'role' | 'heldAs'>;

/**
 * A topic's figures, most relevant first, and how well they match it, by the `figures` answer's decision (`partial`:
 * no figure covers the topic well, `unmatched` naming the words their passage does not mention).
 */
export interface TopicFigures extends HowMatched {
  figures: KeyFigure[];
}

/** Where the digest gets key figures; optional, since the figures module may not be wired in. */
export interface FigureSource {
  /** Up to `limit` of the topic's figures: the digest shows the best the channel has not seen. */
  forTopic(dossier: Dossier, topic: string, limit: number): TopicFigures;
  /** The first `limit` figures of a new document, in order (the digest's `figuresPerTopic`, overridable). */
  forDocument?(dossier: Dossier, document: SourceDocument, limit: number): KeyFigure[];
}

export interface DigestInput {
  dossier: Dossier;
  /** Saved queries, in the order the subscriber gave them. */
  topics: string[];
  /**
   * Documents first seen since the channel's last digest, oldest first, after those a digest left out for room
   * (`owedDocuments`).
   */
  newDocuments: SourceDocument[];
  /**
   * Documents seen before the channel's last digest and changed or removed since (`DigestStore.changedSince`): named
   * in a line each, the removed by the title last known.
   */
  changes?: CorpusChanges;
  /**
   * Passages (`passageKey`, or `Passage.id` in a record from before) and figures (`figureId`) the channel has been
   * sent: never sent again.
   */
  seen: ReadonlySet<string>;
  figures?: FigureSource;
  /** The reply's title line (default: the topics). */
  title?: string;
  /** Rankings shared with other channels' digests (default: each topic ranked for this digest alone). */
  rankings?: TopicRankings;
  /** Numbers over `DIGEST_DEFAULTS`. */
  tuning?: Partial<DigestTuning>;
  /**
   * Whether a reply shows whole in one post where the digest goes (`Adapter.fits`; default: any does). What does not
   * fit is left for a later digest, unrecorded, rather than cut by the renderer after being recorded as sent.
   */
  fits?: (reply: Reply) => boolean;
  /**
   * Whose turn it is to be kept when not every topic's best passage fits (`fits`): the topic at this place (modulo
   * their number) is kept first, the one before it last, so a topic left out one morning is kept on a later one. The
   * scheduler gives the slot's day (`turnOf`); default 0, the first topic.
   */
  turn?: number;
}

/** A digest's `turn` on `day`: the days since 1970, so each day the next topic is kept first. */
export const turnOf = (day: Date): number => Math.floor(day.getTime() / DAY_MS);

/** What changed in the corpus since a channel's last digest, besides the documents new to it. */
export interface CorpusChanges {
  changed: SourceDocument[];
  /**
   * Each changed document's paragraphs (`paragraphHash`) and title as the channel's last digest found it, where kept:
   * what its line says changed in it since (`changeNote`).
   */
  before?: ReadonlyMap<string, DocumentVersion>;
  /** The titles of the documents removed. */
  removed: string[];
}

export interface Digest {
  reply: Reply;
  /** Every passage quoted (`passageKey`) and figure shown (`figureId`), to remember as sent once the post succeeds. */
  shownIds: string[];
}

/**
 * Every number a digest is composed by, in one place; each can be overridden through `DigestInput.tuning` (and the
 * rankings' through `TopicRankings`). The counts are kept modest, like MAX_TOPICS, so a digest is read and mostly fits
 * Slack's and Discord's limits after rendering; what does not is left for a later digest (`DigestInput.fits`).
 */
export const DIGEST_DEFAULTS = {
  /** Unseen passages quoted per topic. */
  passagesPerTopic: 2,
  /**
   * New documents announced with their opening, the rest counted in one line; and documents changed, and removed, named
   * in a line each, the rest counted there.
   */
  newDocuments: 5,
  /** Key figures shown per topic, and per new document. */
  figuresPerTopic: 3,
  /** How deep into a topic's figures to look for those the channel has not been shown. */
  figureDepth: 20,
  /** How deep into a topic's ranking to look for passages the channel has not seen. */
  topicDepth: 60,
  /** How long `TopicRankings` reuses a topic's ranking for other channels' digests. */
  rankingTtlMs: 60_000,
  /**
   * Rankings kept before adding one sweeps out those expired: a sweep walks every entry, so a map of a few topics is
   * left alone and a long-running bot's, of every topic ever asked for, is still bounded by what is fresh.
   */
  sweepFrom: 1000,
  /** Versions of a document's paragraphs kept to say what changed in it (a channel's last digest older: not said). */
  versionsKept: 10,
  /**
   * Documents noted, and paragraphs hashed, per turn of the event loop as a start compares the corpus with what the
   * store knows (`recordSightings`): some 40 ms a turn on the bench's machine, so commands are acked meanwhile.
   */
  sightingsPerTurn: 1000,
  /**
   * The most paragraphs' pairs compared to align two versions of a document (old × new, past what both begin and end
   * with); beyond it, paragraphs are only counted as added or removed.
   */
  diffCells: 1_000_000,
};
export type DigestTuning = typeof DIGEST_DEFAULTS;

/**
 * What a topic finds in the corpus, whichever channel follows it: its passages as `ask` answers it, by the same
 * decision (`match`: none when nothing in the corpus answers it, so no passage is quoted under it), and its figures.
 */
interface TopicRanking extends HowMatched, Pick<AskAnswer, 'results'> {
  figures: TopicFigures;
}

/**
 * Topic rankings shared by the digests of many channels: what a topic finds depends on the corpus,
 * not on the channel, so a batch of ten thousand digests on a few dozen topics ranks each topic
 * once. A ranking is reused for `rankingTtlMs` (a document added meanwhile is announced as new at once,
 * and ranked in the next batch), and never once a document it quotes has changed or gone.
 */
export class TopicRankings {
  private readonly entries = new Map<string, TopicRanking & { at: number; documents: SourceDocument[] }>();
  private readonly tuning: DigestTuning;

  constructor(
    private readonly dossier: Dossier,
    private readonly figures: FigureSource | undefined,
    private readonly now: () => number = Date.now,
    tuning: Partial<DigestTuning> = {},
  ) {
    this.tuning = { ...DIGEST_DEFAULTS, ...tuning };
  }

  get(topic: string): TopicRanking {
    const now = this.now();
    const hit = this.entries.get(topic);
    if (
      hit &&
      now - hit.at < this.tuning.rankingTtlMs &&
      hit.documents.every((d) => this.dossier.document(d.source) === d)
    )
      return hit;
    const ranking = rankTopic(this.dossier, topic, this.figures, this.tuning);
    const sources = new Set([
      ...ranking.results.map((r) => r.passage.source),
      ...ranking.figures.figures.map((f) => f.item.citation.source),
    ]);
    const documents = [...sources].flatMap((source) => this.dossier.document(source) ?? []);
    if (this.entries.size > this.tuning.sweepFrom)
      for (const [key, entry] of this.entries) if (now - entry.at >= this.tuning.rankingTtlMs) this.entries.delete(key);
    this.entries.set(topic, { ...ranking, at: now, documents });
    return ranking;
  }
}

function rankTopic(
  dossier: Dossier,
  topic: string,
  figures: FigureSource | undefined,
  tuning: DigestTuning,
): TopicRanking {
  const { results, match, unmatched, lacking, counted, role, heldAs } = ask(dossier, topic, {
    limit: tuning.topicDepth,
  });
  return {
    results,
    match,
    unmatched,
    lacking,
    counted,
    role,
    heldAs,
    figures: figures?.forTopic(dossier, topic, tuning.figureDepth) ?? { figures: [], match: 'none', unmatched: [] },
  };
}

/**
 * What a digest shows of one new document or one topic, in pieces a post too short for all of it leaves out one by one
 * (`fitDigest`): each piece's blocks, the ids it remembers as sent (`Digest.shownIds`), how many passages and figures
 * it shows, and its tier, the higher left out first.
 */
export interface Part {
  /** The new document's source, for a document's part. */
  document?: string;
  pieces: Piece[];
}
export interface Piece {
  blocks: ReplyBlock[];
  ids: string[];
  results: number;
  tier: number;
}

/**
 * Tiers of a topic's pieces: its heading with its best passage is left out last, its figures first. A new document is
 * one piece of the first tier, left out only once every topic is.
 */
export const TIER = { first: 0, second: 1, figures: 2 } as const;

/** What `digestPieces` makes of a digest's input, for `composeDigest` to fit and render. */
export interface DigestPieces {
  /** The new documents announced, then the topics, in the subscriber's order: what may be left out for room. */
  parts: Part[];
  /** The new documents announced with their opening (the first `newDocuments`); the others are counted. */
  announced: SourceDocument[];
  /** The lines naming the documents changed and removed: short, never left out. */
  changeLines: ReplyBlock[];
  /** Passages quoted and figures shown under the topics: a digest of figures alone has something new. */
  topicNews: number;
  /** Topics whose passages and figures the channel has all been sent: nothing new, though the corpus answers them. */
  stale: string[];
  /** "Nothing on … yet" of every topic nothing answers, told before or not: what a digest not posted would say. */
  nothingYet: ReplyBlock[];
}

/**
 * What changed from a document's paragraphs `before` to those `after` (each a `paragraphHash`), briefly: `2
 * paragraphs added, 1 changed, 1 removed`, undefined when no paragraph did (its title or metadata alone). The two are
 * aligned by their longest run of paragraphs in common, in order; between two paragraphs kept, a paragraph gone and
 * one come in its place are one changed. Beyond `maxCells` pairs to compare, the paragraphs in one and not the other
 * are counted, as added and removed.
 */
export function whatChanged(before: string[], after: string[], maxCells: number): string | undefined {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  const old = before.slice(start, before.length - end);
  const now = after.slice(start, after.length - end);
  let added = 0;
  let changed = 0;
  let removed = 0;
  if (old.length * now.length > maxCells) {
    const had = new Set(old);
    const has = new Set(now);
    added = now.filter((p) => !had.has(p)).length;
    removed = old.filter((p) => !has.has(p)).length;
  } else {
    // The longest common subsequence's lengths from each pair of places on, then the gaps between its paragraphs.
    const width = now.length + 1;
    const common = new Uint32Array((old.length + 1) * width);
    for (let i = old.length - 1; i >= 0; i--)
      for (let j = now.length - 1; j >= 0; j--)
        common[i * width + j] =
          old[i] === now[j]
            ? common[(i + 1) * width + j + 1]! + 1
            : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);
    let [i, j, gone, come] = [0, 0, 0, 0];
    const closeGap = () => {
      changed += Math.min(gone, come);
      removed += gone - Math.min(gone, come);
      added += come - Math.min(gone, come);
      gone = come = 0;
    };
    while (i < old.length || j < now.length) {
      if (i < old.length && j < now.length && old[i] === now[j]) {
        closeGap();
        i++;
        j++;
      } else if (j >= now.length || (i < old.length && common[(i + 1) * width + j]! >= common[i * width + j + 1]!)) {
        gone++;
        i++;
      } else {
        come++;
        j++;
      }
    }
    closeGap();
  }
  const said = (
    [
      [added, 'added'],
      [changed, 'changed'],
      [removed, 'removed'],
    ] as const
  ).filter(([n]) => n > 0);
  return said.length
    ? said.map(([n, what], k) => `${k === 0 ? count(n, 'paragraph') : n} ${what}`).join(', ')
    : undefined;
}

/**
 * What a changed document's line says changed in it since `before`, its version at the channel's last digest: its
 * earlier title if it was retitled, then what `whatChanged` counts of its paragraphs; that no paragraph changed when
 * none did (its metadata alone, or its file's bytes), so a title alone is never named without a word; that its
 * earlier version was not kept when it was not, rather than a count it cannot know.
 */
export function changeNote(before: DocumentVersion | undefined, doc: SourceDocument, maxCells: number): string {
  if (!before) return 'earlier version not kept';
  const retitled =
    before.title !== undefined && before.title !== doc.meta.title ? `retitled from “${before.title}”` : '';
  const counted = whatChanged(
    before.paragraphs,
    doc.passages.map((p) => paragraphHash(p.text)),
    maxCells,
  );
  if (counted) return retitled ? `${retitled}; ${counted}` : counted;
  return retitled || 'no paragraph changed';
}

/**
 * `lead`, then the first `max` of `named` (each a title in quotes, or more), and how many more there are; undefined
 * when there are none: `Removed from the corpus: “A”, “B” and 3 more.`
 */
function titlesLine(lead: string, named: string[], max: number): string | undefined {
  if (!named.length) return undefined;
  const first = named.slice(0, max);
  const more = named.length - first.length;
  return `${lead}: ${listed(more > 0 ? [...first, `${more} more`] : first, 'and')!}.`;
}

/** `n` modulo `m`, from 0 to m - 1 whatever the sign of `n`. */
const mod = (n: number, m: number): number => ((n % m) + m) % m;

/** A figure as a reader tells it from another: its paragraph, its sentence and its words there. */
const shownAs = (f: FigureItem): string =>
  JSON.stringify([f.citation.source, f.citation.paragraph, plain(f.sentence), f.text]);

/** A line naming what someone typed (a topic), in plain text: a backtick in it is no markup of the bot's. */
const plainLine = (line: string): ReplyBlock => ({ type: 'text', text: [{ text: line }] });

/**
 * The line over passages or figures that only partly match what they were found for, as `ask` and `figures` write it
 * (with what the closest does not give of what the topic asks for, `lackingLine`); none otherwise.
 */
const partlyLine = (
  answer: HowMatched,
  asked: 'topic' | 'topics',
  shown: 'passages' | 'figures' = 'passages',
): ReplyBlock[] =>
  answer.match === 'partial' ? [partlyBlock(shown, asked, answer.unmatched, lackingLine(answer), answer.heldAs)] : [];

/**
 * The pieces of one channel's digest, before any is left out for room: each new document announced with its lead
 * excerpt and key figures, the lines naming documents changed and removed, then for each topic its best unseen
 * passages, as `ask` decides them, and key figures none of those passages shows. Every excerpt is verbatim, made by
 * the same excerpting as `ask`; no passage or figure is in two pieces.
 */
export function digestPieces(input: DigestInput): DigestPieces {
  const { dossier, topics, newDocuments, seen, figures, rankings, changes } = input;
  const tuning = { ...DIGEST_DEFAULTS, ...input.tuning };
  const parts: Part[] = [];
  const beginPart = (document?: string): Part => {
    const part: Part = { ...(document !== undefined ? { document } : {}), pieces: [] };
    parts.push(part);
    return part;
  };
  const piece = (part: Part, tier: number): Piece => {
    const made: Piece = { blocks: [], ids: [], results: 0, tier };
    part.pieces.push(made);
    return made;
  };
  const quoted = new Set<string>();
  const remember = (into: Piece, ids: string[]) => {
    for (const id of ids) quoted.add(id);
    into.ids.push(...ids);
  };
  const unseenFigure = ({ id }: KeyFigure) => !seen.has(id) && !quoted.has(id);
  // Each passage's key is hashed once per digest: a topic's ranking is gone through 60 deep for each channel.
  const keys = new Map<Passage, string>();
  const keyOf = (passage: Passage): string => {
    let key = keys.get(passage);
    if (key === undefined) keys.set(passage, (key = passageKey(passage)));
    return key;
  };
  const unseen = (passage: Passage) => {
    const key = keyOf(passage);
    return !seenBy(seen, passage, key) && !quoted.has(key);
  };
  // The figures shown under the passages quoted ("Key figures: …" under an excerpt), by `shownAs`.
  const underQuotes = new Set<string>();
  const quote = (into: Piece, excerpt: Excerpt, passage: Passage) => {
    remember(into, [keyOf(passage)]);
    into.blocks.push({ type: 'excerpt', excerpt });
    into.results++;
  };
  /**
   * The first `figuresPerTopic` of `found` the channel has not been shown, remembered as shown with `into`. A figure a
   * passage quoted in this digest shows under it was shown there (remembered with `quotes`, the topic's first piece):
   * listed again, the channel would read it twice in one post.
   */
  const freshFigures = (found: KeyFigure[], into: Piece, quotes: Piece): FigureItem[] => {
    const unshown = found.filter(unseenFigure);
    remember(
      quotes,
      unshown.filter((f) => underQuotes.has(shownAs(f.item))).map((f) => f.id),
    );
    const fresh = unshown.filter((f) => !underQuotes.has(shownAs(f.item))).slice(0, tuning.figuresPerTopic);
    remember(
      into,
      fresh.map((f) => f.id),
    );
    return fresh.map((f) => f.item);
  };
  const showFigures = (into: Piece, title: string, items: FigureItem[]) => {
    into.blocks.push({ type: 'figures', title, items });
    into.results += items.length;
  };

  const announced = newDocuments.slice(0, tuning.newDocuments);
  for (const doc of announced) {
    const lead = doc.passages.find(unseen);
    if (!lead) continue;
    const whole = piece(beginPart(doc.source), TIER.first);
    quote(whole, leadExcerpt(dossier, lead), lead);
    whole.ids.push(documentId('told', doc.source));
    // The document's figures come from anywhere in it, so they stand under their own heading rather
    // than under the lead excerpt, whose key figures are read as being in the sentences shown.
    const items = freshFigures(figures?.forDocument?.(dossier, doc, tuning.figuresPerTopic) ?? [], whole, whole);
    if (items.length) showFigures(whole, `${KEY_FIGURES}: ${doc.meta.title}`, items);
  }

  // Documents changed and removed are news too, said in a line each, short enough never to be left out for room. A
  // changed one says what changed in it where its paragraphs at the channel's last digest were kept: counts only, so
  // nothing removed is quoted as if it were still there. Where they were not, it says so rather than leave the channel
  // to read a title with no count beside others with one as changed in some way not worth saying.
  const changedAs = (doc: SourceDocument): string =>
    `“${doc.meta.title}” (${changeNote(changes?.before?.get(doc.source), doc, tuning.diffCells)})`;
  const changeLines = [
    titlesLine('Changed in the corpus', changes?.changed.map(changedAs) ?? [], tuning.newDocuments),
    titlesLine('Removed from the corpus', changes?.removed.map((t) => `“${t}”`) ?? [], tuning.newDocuments),
  ].flatMap((line) => (line ? [plainLine(line)] : []));

  let topicNews = 0;
  const stale: string[] = [];
  const nothingYet: ReplyBlock[] = [];
  for (const topic of topics.slice(0, MAX_TOPICS)) {
    const ranking = rankings?.get(topic) ?? rankTopic(dossier, topic, figures, tuning);
    const fresh = ranking.results.filter((r) => unseen(r.passage)).slice(0, tuning.passagesPerTopic);
    for (const f of fresh.flatMap((r) => r.excerpt.figures)) underQuotes.add(shownAs(f));
    const part = beginPart();
    const head = piece(part, TIER.first);
    const rest = piece(part, TIER.second);
    // A topic of figures alone keeps them with its heading.
    const figuresPiece = fresh.length ? piece(part, TIER.figures) : head;
    const items = freshFigures(ranking.figures.figures, figuresPiece, head);
    if (!fresh.length && !items.length) {
      // A topic nothing in the corpus answers says so, in place of a passage on something else, once.
      if (ranking.match === 'none') {
        const line = plainLine(`Nothing on “${topic}” in the corpus yet.`);
        nothingYet.push(line);
        if (!seen.has(nothingYetId(topic))) {
          head.blocks.push(line);
          head.ids.push(nothingYetId(topic));
        }
      } else stale.push(topic);
      continue;
    }
    head.blocks.push({ type: 'text', text: [{ text: topic, strong: true }] });
    if (fresh.length) head.blocks.push(...partlyLine(ranking, 'topic'));
    fresh.forEach((r, i) => quote(i === 0 ? head : rest, r.excerpt, r.passage));
    topicNews += fresh.length + items.length;
    if (items.length) {
      figuresPiece.blocks.push(...partlyLine(ranking.figures, 'topic', 'figures'));
      showFigures(figuresPiece, `${KEY_FIGURES}: ${topic}`, items);
    }
  }
  return { parts, announced, changeLines, topicNews, stale, nothingYet };
}

/**
 * The pieces of `parts` to leave out so that what is left fits one post (`fits`, given the pieces left out), the
 * highest tier first and among a tier the last first: every topic keeps its best passage as long as any topic has more
 * to leave out, so the last topics are not crowded out morning after morning by the first ones' second passages. The
 * first piece is always posted, cut by the renderer if need be, so a digest never stalls. The post is checked once per
 * piece left out, not bisected: that a post fits once a piece is left out does not promise it fits once more are (the
 * footer's count grows), and this runs only on a morning that overflows, at most once per piece (about 20).
 * Among topics, whose turn it is is kept first (`turn`, modulo their number): left out last, it has its turn on a
 * morning when not every topic's best passage fits. New documents are kept before any topic, the first first.
 */
export function fitDigest(parts: Part[], turn: number, fits: (left: ReadonlySet<Piece>) => boolean): Set<Piece> {
  const documentParts = parts.filter((part) => part.document !== undefined);
  const topicParts = parts.filter((part) => part.document === undefined);
  const keptAs = (part: Part): number =>
    part.document !== undefined
      ? documentParts.indexOf(part)
      : documentParts.length + mod(topicParts.indexOf(part) - turn, topicParts.length);
  const order = parts
    .flatMap((part) => part.pieces.filter((p) => p.blocks.length).map((p) => ({ p, kept: keptAs(part) })))
    .sort((x, y) => y.p.tier - x.p.tier || y.kept - x.kept)
    .map(({ p }) => p);
  const left = new Set<Piece>();
  for (const p of order.slice(0, -1)) {
    if (fits(left)) break;
    left.add(p);
  }
  return left;
}

/** The digest of `pieces` without those `left`, saying what they leave for a later one. */
function digestWithout(pieces: DigestPieces, header: string, newDocuments: number, left: ReadonlySet<Piece>): Digest {
  const { parts, announced, changeLines } = pieces;
  const ofDocuments = (document: boolean) => parts.filter((part) => (part.document !== undefined) === document);
  const shown = (document: boolean) => ofDocuments(document).flatMap((part) => part.pieces.filter((p) => !left.has(p)));
  const documents = shown(true);
  const topicPieces = shown(false);
  // A new document left out for room is owed: announced the next morning, not merely counted here.
  const owed = ofDocuments(true).flatMap((part) =>
    part.pieces.some((p) => left.has(p)) ? [documentId('owed', part.document!)] : [],
  );
  const moreDocuments = newDocuments - announced.length;
  const later = ofDocuments(false)
    .flatMap((part) => part.pieces.filter((p) => left.has(p)))
    .reduce((n, p) => n + p.results, 0);
  const blocks: ReplyBlock[] = [];
  if (announced.length)
    blocks.push(
      {
        type: 'text',
        text: [
          {
            text: announced.length === 1 ? 'New in the corpus' : `${newDocuments} new documents in the corpus`,
            strong: true,
          },
        ],
      },
      ...documents.flatMap((p) => p.blocks),
    );
  if (moreDocuments > 0)
    blocks.push({ type: 'text', text: said(`…and ${moreDocuments} more; \`sources\` lists them all.`) });
  blocks.push(...changeLines);
  blocks.push(...topicPieces.flatMap((p) => p.blocks));
  const laterParts = [
    ...(owed.length ? [count(owed.length, 'new document')] : []),
    ...(later > 0 ? [`${moreResults(later)} on these topics`] : []),
  ];
  if (laterParts.length) blocks.push(plainLine(`${laterParts.join(' and ')} will come in a later digest.`));
  return {
    reply: replyOf(header, blocks),
    shownIds: [...[...documents, ...topicPieces].flatMap((p) => p.ids), ...owed],
  };
}

/**
 * The digest for one channel: its pieces (`digestPieces`), new documents first (news, whatever their subject), then
 * each topic's, left out for room as `fitDigest` decides; when nothing is new, it says so and offers the best unseen
 * passage on its topics from the archive, if any.
 */
export function composeDigest(input: DigestInput): Digest {
  const { dossier, topics, newDocuments, seen, title, fits, turn = 0 } = input;
  const tuning = { ...DIGEST_DEFAULTS, ...input.tuning };
  const pieces = digestPieces(input);
  const { parts, announced, changeLines, topicNews, stale, nothingYet } = pieces;
  const header = title ?? `Digest: ${topics.slice(0, MAX_TOPICS).join(', ')}`;
  if (announced.length || topicNews || changeLines.length) {
    const without = (left: ReadonlySet<Piece>) => digestWithout(pieces, header, newDocuments.length, left);
    return without(fits ? fitDigest(parts, turn, (left) => fits(without(left).reply)) : new Set());
  }

  const nothingNew = stale.length
    ? [plainLine(`Nothing new on ${stale.map((t) => `“${t}”`).join(', ')} since the last digest.`)]
    : [];
  const archive = bestUnseen(dossier, stale, seen, tuning.topicDepth);
  // Only topics nothing answers, not told so before, have pieces here.
  const told = parts.flatMap((part) => part.pieces);
  const toldIds = told.flatMap((p) => p.ids);
  // Nothing the channel has not been told: a digest of that is not posted (the scheduler skips an empty one), so it
  // says all there is to say for a preview, which shows it.
  if (!archive && !toldIds.length)
    return { reply: replyOf(header, [...nothingNew, ...nothingYet], { status: 'empty' }), shownIds: [] };
  const fromArchive: ReplyBlock[] = archive
    ? [
        { type: 'text', text: [{ text: 'From the archive', strong: true }] },
        ...partlyLine(archive.answer, 'topics'),
        { type: 'excerpt', excerpt: archive.excerpt },
      ]
    : [];
  return {
    reply: replyOf(header, [...nothingNew, ...told.flatMap((p) => p.blocks), ...fromArchive]),
    shownIds: [...toldIds, ...(archive ? [passageKey(archive.passage)] : [])],
  };
}

/**
 * The best unseen passage on the topics the corpus answers, searched together, if that search answers them: never a
 * passage on something else. Together they may reach passages past each one's own ranking; one topic alone is that
 * ranking again, already gone through, so it is not searched twice.
 */
function bestUnseen(
  dossier: Dossier,
  topics: string[],
  seen: ReadonlySet<string>,
  depth: number,
): { passage: Passage; excerpt: Excerpt; answer: AskAnswer } | undefined {
  if (topics.length < 2) return undefined;
  const answer = ask(dossier, topics.join(' '), { limit: depth });
  const found = answer.results.find((r) => !seenBy(seen, r.passage));
  return found && { ...found, answer };
}
