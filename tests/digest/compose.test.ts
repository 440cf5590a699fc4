import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ask } from '../../src/answer/ask.js';
import { ELLIPSIS, plain, type Excerpt, type FigureItem, type Reply } from '../../src/answer/reply.js';
import { MAX_TOPICS } from '../../src/commands/limits.js';
import { corpusFigures } from '../../src/digest/figures.js';
import {
  DIGEST_DEFAULTS,
  digestPieces,
  documentId,
  figureId,
  fitDigest,
  nothingYetId,
  owedDocuments,
  paragraphHash,
  passageKey,
  turnOf,
  whatChanged,
  type KeyFigure,
  type Part,
  type Piece,
  type TopicFigures,
} from '../../src/digest/compose.js';
import type { DocumentVersion } from '../../src/digest/store.js';
import { DEFAULT_RANKING } from '../../src/search/ranking.js';
import { note } from '../support/corpus.js';
import { at, digestOf, eachDigestWorld, FERRIES_AND_BAKERIES, quotedKeys } from './fixtures.js';

const world = eachDigestWorld();

const excerpts = (r: Reply): Excerpt[] => r.blocks.flatMap((b) => (b.type === 'excerpt' ? [b.excerpt] : []));
const idOf = (e: Excerpt) => `${e.citation.source}#${e.citation.paragraph}`;
const sourceOf = (e: Excerpt) => e.citation.source;
/** The digest's lines of text (headings among them), without its excerpts. */
const lines = (r: Reply): string[] => r.blocks.flatMap((b) => (b.type === 'text' ? [plain(b.text)] : []));
/** What a figure source gives for a topic its figures cover well. */
const confident = (figures: KeyFigure[]): TopicFigures => ({ figures, match: 'confident', unmatched: [] });

/** Each excerpt's text, without the "…" marks, is a run of its passage's own words. */
function expectVerbatim(reply: Reply) {
  for (const e of excerpts(reply)) {
    const passage = world().dossier.passage(idOf(e));
    expect(passage).toBeDefined();
    for (const part of plain(e.text)
      .split(ELLIPSIS)
      .map((s) => s.trim())
      .filter(Boolean))
      expect(passage!.text).toContain(part);
  }
}

describe('composeDigest', () => {
  it('quotes at most two unseen passages per topic, verbatim and cited, and lists what it quoted', () => {
    const { reply, shownIds } = digestOf(world(), { topics: ['beehives', 'café grants'] });
    expect(reply.status).toBe('ok');
    const quoted = excerpts(reply);
    expect(quoted.filter((e) => e.citation.source === 'beehives.md')).toHaveLength(DIGEST_DEFAULTS.passagesPerTopic);
    expect(quoted.filter((e) => e.citation.source === 'cafes.md')).toHaveLength(DIGEST_DEFAULTS.passagesPerTopic);
    expect(shownIds).toEqual(quotedKeys(world().dossier, reply));
    expect(quoted.every((e) => e.citation.title && e.citation.paragraph > 0)).toBe(true);
    expectVerbatim(reply);
  });

  it('takes its numbers from DIGEST_DEFAULTS, each overridable through tuning', () => {
    const quoted = excerpts(
      digestOf(world(), { topics: ['beehives', 'café grants'], tuning: { passagesPerTopic: 1 } }).reply,
    );
    expect(quoted.filter((e) => e.citation.source === 'beehives.md')).toHaveLength(1);
    expect(quoted.filter((e) => e.citation.source === 'cafes.md')).toHaveLength(1);
  });

  it('posts only what fits whole, records only that, says the rest comes later, and brings it the next morning', () => {
    const topics = ['beehives', 'café grants'];
    const whole = digestOf(world(), { topics });
    // A platform whose post holds two excerpts and no more.
    const fits = (r: Reply) => excerpts(r).length <= 2;
    const first = digestOf(world(), { topics, fits });
    // Each topic keeps its best passage: the second ones are left, the last topic's first.
    const best = (source: string) => excerpts(whole.reply).find((e) => e.citation.source === source);
    expect(excerpts(first.reply)).toEqual([best('beehives.md'), best('cafes.md')]);
    expect(first.shownIds).toEqual(quotedKeys(world().dossier, first.reply));
    expect(lines(first.reply).at(-1)).toBe('2 more results on these topics will come in a later digest.');
    // Nothing left out was recorded as sent, so the next morning brings it.
    const next = digestOf(world(), { topics, fits, seen: new Set(first.shownIds) });
    const posted = excerpts(first.reply).map(idOf);
    const second = excerpts(whole.reply)
      .map(idOf)
      .filter((id) => !posted.includes(id));
    expect(second).toHaveLength(2);
    expect(excerpts(next.reply).map(idOf)).toEqual(second);
  });

  it('keeps each topic first in turn when not every topic’s best passage fits, so none waits forever', () => {
    const topics = ['beehives', 'café grants'];
    const fits = (r: Reply) => excerpts(r).length <= 1;
    const sources = (turn: number) => excerpts(digestOf(world(), { topics, fits, turn }).reply).map(sourceOf);
    expect([0, 1, 2, 3].map(sources)).toEqual([['beehives.md'], ['cafes.md'], ['beehives.md'], ['cafes.md']]);
    // The turn is the slot's day: the next morning is the next topic's.
    expect(turnOf(at('2026-03-04T13:00Z')) - turnOf(at('2026-03-03T13:00Z'))).toBe(1);
  });

  it('owes a new document left out for room: said to come later, recorded owed, and announced the next morning', () => {
    const newDocuments = ['beehives.md', 'cafes.md'].map((source) => world().dossier.document(source)!);
    // A post that holds one excerpt: the first document's opening.
    const fits = (r: Reply) => excerpts(r).length <= 1;
    const first = digestOf(world(), { topics: ['café grants'], newDocuments, fits });
    expect(excerpts(first.reply).map(sourceOf)).toEqual(['beehives.md']);
    expect(lines(first.reply)).not.toContainEqual(expect.stringContaining('more; `sources` lists them all'));
    expect(lines(first.reply).at(-1)).toBe(
      '1 new document and 2 more results on these topics will come in a later digest.',
    );
    expect(first.shownIds).toContain(documentId('told', 'beehives.md'));
    expect(first.shownIds).toContain(documentId('owed', 'cafes.md'));
    expect(owedDocuments(new Set(first.shownIds))).toEqual(['cafes.md']);
    // Announced, it is owed no more.
    const seen = new Set([...first.shownIds, documentId('told', 'cafes.md')]);
    expect(owedDocuments(seen)).toEqual([]);
  });

  it('names the documents changed and removed since the last digest, five of each, counting the rest', () => {
    // No earlier version of the changed one was kept: it says so, rather than stand uncounted beside counted ones.
    const removed = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven'];
    const changed = [world().dossier.document('cafes.md')!];
    const { reply, shownIds } = digestOf(world(), { changes: { changed, removed } });
    expect(lines(reply)).toEqual([
      'Changed in the corpus: “The café grant scheme” (earlier version not kept).',
      'Removed from the corpus: “One”, “Two”, “Three”, “Four”, “Five” and 2 more.',
    ]);
    expect(reply.status).toBe('ok');
    expect(shownIds).toEqual([]);
  });

  it('says a changed document was retitled, and that no paragraph changed when none did', () => {
    const cafes = world().dossier.document('cafes.md')!;
    const paragraphs = cafes.passages.map((p) => paragraphHash(p.text));
    const lineOf = (before: DocumentVersion) =>
      lines(
        digestOf(world(), { changes: { changed: [cafes], removed: [], before: new Map([['cafes.md', before]]) } })
          .reply,
      );
    expect(lineOf({ paragraphs, title: 'Café grants, a draft' })).toEqual([
      'Changed in the corpus: “The café grant scheme” (retitled from “Café grants, a draft”).',
    ]);
    expect(lineOf({ paragraphs: paragraphs.slice(1), title: 'Café grants, a draft' })).toEqual([
      'Changed in the corpus: “The café grant scheme” (retitled from “Café grants, a draft”; 1 paragraph added).',
    ]);
    // Its metadata alone changed (a date, an author), or a version kept before titles were: nothing to count.
    expect(lineOf({ paragraphs, title: 'The café grant scheme' })).toEqual([
      'Changed in the corpus: “The café grant scheme” (no paragraph changed).',
    ]);
    expect(lineOf({ paragraphs })).toEqual(['Changed in the corpus: “The café grant scheme” (no paragraph changed).']);
  });

  it('posts its first topic even when no post holds it whole, for the renderer to cut: a digest never stalls', () => {
    const { reply, shownIds } = digestOf(world(), { topics: ['beehives', 'café grants'], fits: () => false });
    expect(excerpts(reply).map((e) => e.citation.source)).toEqual(['beehives.md']);
    expect(shownIds).toEqual(quotedKeys(world().dossier, reply));
  });

  it('skips passages the channel has been sent', () => {
    const first = digestOf(world(), { topics: ['beehives'] });
    const second = digestOf(world(), { topics: ['beehives'], seen: new Set(first.shownIds) });
    expect(second.shownIds).toHaveLength(DIGEST_DEFAULTS.passagesPerTopic);
    expect(second.shownIds.filter((id) => first.shownIds.includes(id))).toEqual([]);
  });

  it('leads with new documents: title, source, date and opening sentences', () => {
    const doc = world().dossier.document('cafes.md')!;
    const { reply } = digestOf(world(), { topics: ['beehives'], newDocuments: [doc] });
    expect(reply.blocks[0]).toMatchObject({ type: 'text', text: [{ text: 'New in the corpus' }] });
    expect(reply.blocks[1]).toMatchObject({
      type: 'excerpt',
      excerpt: { citation: { source: 'cafes.md', title: doc.meta.title, date: doc.meta.date } },
    });
    expectVerbatim(reply);
  });

  it('lists a new document’s key figures under their own heading, not under its opening sentences', () => {
    const doc = world().dossier.document('cafes.md')!;
    const item = {
      text: '$3 billion',
      sentence: [{ text: '$3 billion' }],
      citation: world().dossier.citation(doc.passages.at(-1)!),
    };
    const { reply } = digestOf(world(), {
      newDocuments: [doc],
      figures: { forTopic: () => confident([]), forDocument: () => [{ id: 'cafes.md#8:figure:0', item }] },
    });
    expect(reply.blocks[1]).toMatchObject({ type: 'excerpt', excerpt: { figures: [] } });
    expect(reply.blocks[2]).toEqual({ type: 'figures', title: `Key figures: ${doc.meta.title}`, items: [item] });
  });

  it('says so when the channel has seen the whole corpus', () => {
    const { reply, shownIds } = digestOf(world(), {
      topics: ['beehives'],
      seen: new Set(world().dossier.passages.map((p) => p.id)),
    });
    expect(reply.status).toBe('empty');
    expect(shownIds).toEqual([]);
  });

  it('keeps to five topics and adds each topic’s key figures when a figure source is given', () => {
    const topics = ['beehives', 'café grants', 'inspections', 'orchards', 'varroa', 'espresso'];
    const figure = (topic: string): FigureItem => ({
      text: '4',
      sentence: [{ text: `${topic}: 4` }],
      citation: { source: 'x.md', title: 'X', paragraph: 1 },
    });
    const { reply } = digestOf(world(), {
      topics,
      figures: { forTopic: (_d, topic) => confident([{ id: `x.md#1:figure:${topic}`, item: figure(topic) }]) },
    });
    const figureBlocks = reply.blocks.filter((b) => b.type === 'figures');
    expect(figureBlocks.map((b) => b.type === 'figures' && b.title)).toEqual(
      topics.slice(0, MAX_TOPICS).map((t) => `Key figures: ${t}`),
    );
    expect(reply.title).not.toContain('espresso');
  });
});

describe('composeDigest answers each topic by ask’s decision', () => {
  const town = eachDigestWorld(FERRIES_AND_BAKERIES);
  const ferryIds = () =>
    town()
      .dossier.passages.filter((p) => p.source === 'ferries.md')
      .map((p) => p.id);

  it('says once in one line that nothing in the corpus matches a topic, rather than quote the newest document', () => {
    const nothing = { type: 'text', text: [{ text: 'Nothing on “tram timetables” in the corpus yet.' }] };
    // A first digest, and one to a channel sent every ferry passage: either way the topic matches nothing.
    for (const seen of [new Set<string>(), new Set(ferryIds())]) {
      const first = digestOf(town(), { topics: ['tram timetables'], seen });
      expect(first.reply.blocks).toEqual([nothing]);
      expect(first.reply.status).toBe('ok');
      expect(first.shownIds).toEqual([nothingYetId('tram timetables')]);
      // Told once, the channel has nothing new: a digest to skip, which still says it for a preview.
      const next = digestOf(town(), { topics: ['tram timetables'], seen: new Set([...seen, ...first.shownIds]) });
      expect(next.reply.blocks).toEqual([nothing]);
      expect(next.reply.status).toBe('empty');
      expect(next.shownIds).toEqual([]);
    }
    // Beside a topic with news, it is not said again.
    const withNews = digestOf(town(), {
      topics: ['ferry fares', 'tram timetables'],
      seen: new Set([nothingYetId('tram timetables')]),
    });
    expect(withNews.reply.status).toBe('ok');
    expect(lines(withNews.reply)).not.toContain('Nothing on “tram timetables” in the corpus yet.');
  });

  it('says nothing is new on a topic whose passages were all sent, and quotes no passage off it', () => {
    const { reply, shownIds } = digestOf(town(), { topics: ['ferry fares'], seen: new Set(ferryIds()) });
    expect(lines(reply)).toEqual(['Nothing new on “ferry fares” since the last digest.']);
    expect(reply.status).toBe('empty');
    expect(shownIds).toEqual([]);
  });

  it('shows a figure the channel was not shown, remembers it, and says nothing is new once all was sent', () => {
    const first = () => town().dossier.passage('ferries.md#1')!;
    const fare = (offset: number): KeyFigure => ({
      id: figureId(first(), offset),
      item: { text: '$4', sentence: [{ text: '$4' }], citation: town().dossier.citation(town().dossier.passages[0]!) },
    });
    const figures = { forTopic: () => confident([fare(30), fare(40)]) };
    const seen = new Set([...ferryIds(), figureId(first(), 30)]);
    const some = digestOf(town(), { topics: ['ferry fares'], seen, figures });
    expect(some.reply.status).toBe('ok');
    expect(some.reply.blocks.filter((b) => b.type === 'figures')).toHaveLength(1);
    expect(some.shownIds).toEqual([figureId(first(), 40)]);
    const none = digestOf(town(), { topics: ['ferry fares'], seen: new Set([...seen, ...some.shownIds]), figures });
    expect(lines(none.reply)).toEqual(['Nothing new on “ferry fares” since the last digest.']);
    expect(none.reply.status).toBe('empty');
  });

  it('puts ask’s line over a partly matched topic’s passages, and none over a confident topic’s', () => {
    const partly = digestOf(town(), { topics: ['ferry terminal parking'] }).reply;
    expect(lines(partly)).toEqual([
      'ferry terminal parking',
      'These passages only partly match the topic: the closest does not mention “parking”.',
    ]);
    expect(excerpts(partly).length).toBeGreaterThan(0);
    expect(excerpts(partly).every((e) => e.citation.source === 'ferries.md')).toBe(true);
    expect(lines(digestOf(town(), { topics: ['ferry fares'] }).reply)).toEqual(['ferry fares']);
  });

  it('puts the figures answer’s line over a topic’s key figures that only partly match it, as ask’s', () => {
    const passage = town().dossier.passages[0]!;
    const item = { text: '$4', sentence: [{ text: '$4' }], citation: town().dossier.citation(passage) };
    const found = { figures: [{ id: figureId(passage, 30), item }], unmatched: ['parking'] };
    const partly = digestOf(town(), {
      topics: ['ferry fares'],
      figures: { forTopic: () => ({ ...found, match: 'partial' }) },
    }).reply;
    const at = partly.blocks.findIndex((b) => b.type === 'figures');
    expect(partly.blocks[at - 1]).toEqual({
      type: 'text',
      text: [{ text: 'These figures only partly match the topic: the closest does not mention “parking”.' }],
    });
    const sure = digestOf(town(), { topics: ['ferry fares'], figures: { forTopic: () => confident(found.figures) } });
    expect(lines(sure.reply)).toEqual(['ferry fares']);
  });

  it('lists a new document off the topics as new, and still says which topic matches nothing', () => {
    const bakeries = town().dossier.document('bakeries.md')!;
    const { reply } = digestOf(town(), { topics: ['ferry fares', 'tram timetables'], newDocuments: [bakeries] });
    expect(lines(reply)).toEqual([
      'New in the corpus',
      'ferry fares',
      'Nothing on “tram timetables” in the corpus yet.',
    ]);
    expect(excerpts(reply).map((e) => e.citation.source)).toEqual(['bakeries.md', 'ferries.md', 'ferries.md']);
  });
});

describe('composeDigest’s archive', () => {
  // One more short paragraph on each word than a topic's ranking holds, so the longer one naming both lies past both.
  const many = DEFAULT_RANKING.ask.candidates + 1;
  const numbered = (line: (n: number) => string) => Array.from({ length: many }, (_, i) => line(i + 1)).join('\n\n');
  const world = eachDigestWorld({
    'sailings.md': note(
      'Harbour log',
      numbered((n) => `Ferry ${n} sailed on time.`),
      '2026-03-01',
    ),
    'routes.md': note(
      'Route notes',
      numbered((n) => `Fares on route ${n} held steady.`),
      '2026-03-02',
    ),
    'council.md': note('Council minutes', 'The ferry fares on the northern crossing were set again.', '2026-03-03'),
    'bakeries.md': note('Town bakeries', 'Three bakeries bake rye bread every morning.', '2026-04-10'),
  });

  it('offers the best unseen passage that the topics searched together answer, past each one’s own ranking', () => {
    const { dossier } = world();
    const ranked = ['ferry', 'fares'].flatMap((t) => ask(dossier, t, { limit: many }).results);
    const seen = new Set(ranked.map((r) => r.passage.id));
    expect(seen.has('council.md#1')).toBe(false);
    const { reply, shownIds } = digestOf(world(), { topics: ['ferry', 'fares'], seen });
    expect(lines(reply)).toEqual(['Nothing new on “ferry”, “fares” since the last digest.', 'From the archive']);
    expect(shownIds).toEqual([passageKey(dossier.passage('council.md#1')!)]);
  });
});

describe('composeDigest’s key figures', () => {
  const rents = eachDigestWorld({
    'arrears.md': note(
      'Rent arrears by year',
      [
        'Rent arrears were 4.1% of the rent due in 2022.',
        'Rent arrears were 4.4% of the rent due in 2023.',
        'Rent arrears were 4.6% of the rent due in 2024.',
        'Rent arrears were 3.9% of the rent due in 2025.',
      ].join('\n\n'),
      '2026-01-10',
    ),
  });
  const key = (f: FigureItem) => `${f.citation.source}#${f.citation.paragraph}:${f.text}`;

  it('lists no figure a passage quoted in the same digest already shows under it, and remembers it as shown', () => {
    const { reply, shownIds } = digestOf(rents(), { topics: ['rent arrears'], figures: corpusFigures });
    const underQuotes = excerpts(reply).flatMap((e) => e.figures.map(key));
    const listed = reply.blocks.flatMap((b) => (b.type === 'figures' ? b.items.map(key) : []));
    expect(underQuotes).toEqual(['arrears.md#1:4.1%', 'arrears.md#2:4.4%']);
    expect(listed).toEqual(['arrears.md#3:4.6%', 'arrears.md#4:3.9%']);
    expect(
      shownIds.filter((id) => id.startsWith(`${passageKey(rents().dossier.passage('arrears.md#1')!)}:figure:`)),
    ).toHaveLength(1);
  });
});

describe('composeDigest over a document that changed', () => {
  const fares = ['The ferry fare rose to $4 in March.', 'Ferry fares brought the harbour $2 million last year.'];
  const harbour = eachDigestWorld({ 'ferries.md': note('Harbour ferries', fares.join('\n\n'), '2026-03-01') });

  it('quotes a paragraph inserted among those sent, and none of those again under their new numbers', async () => {
    const first = digestOf(harbour(), { topics: ['ferry fares'] });
    expect(excerpts(first.reply)).toHaveLength(2);
    const inserted = 'A night ferry starts in November, with fares of $6.';
    const text = note('Harbour ferries', [fares[0], inserted, fares[1]].join('\n\n'), '2026-03-01');
    await writeFile(join(harbour().corpusDir, 'ferries.md'), text);
    await harbour().dossier.rescan();
    const next = digestOf(harbour(), { topics: ['ferry fares'], seen: new Set(first.shownIds) });
    expect(excerpts(next.reply).map((e) => plain(e.text))).toEqual([expect.stringContaining('night ferry')]);
    // A channel's record from before passages were known by their words still counts their numbers as sent.
    const byNumber = new Set(harbour().dossier.passages.map((p) => p.id));
    expect(digestOf(harbour(), { topics: ['ferry fares'], seen: byNumber }).shownIds).toEqual([]);
  });
});

describe('digestPieces', () => {
  it('gives each new document one piece, and each topic its best passage, its second and its figures in tiers', () => {
    const newDocuments = [world().dossier.document('cafes.md')!];
    const { parts, announced, topicNews, stale } = digestPieces({
      dossier: world().dossier,
      topics: ['beehives', 'café grants'],
      newDocuments,
      seen: new Set(),
      figures: { forTopic: () => ({ figures: [], match: 'none', unmatched: [] }) },
    });
    expect(announced).toEqual(newDocuments);
    expect(parts.map((part) => part.document)).toEqual(['cafes.md', undefined, undefined]);
    expect(parts[0]!.pieces.map((p) => [p.tier, p.results])).toEqual([[0, 1]]);
    // A topic: its heading with its best passage, its second passage, and an empty piece for figures it has none of.
    expect(parts.slice(1).map((part) => part.pieces.map((p) => [p.tier, p.results]))).toEqual([
      [
        [0, 1],
        [1, 1],
        [2, 0],
      ],
      [
        [0, 1],
        [1, 1],
        [2, 0],
      ],
    ]);
    // The document's lead is café grants' first paragraph: the topic quotes the next ones, none twice.
    const ids = parts.flatMap((part) => part.pieces.flatMap((p) => p.ids));
    expect(new Set(ids).size).toBe(ids.length);
    expect([topicNews, stale]).toEqual([4, []]);
  });
});

describe('fitDigest', () => {
  /** Parts of three pieces each, of tiers 0 to 2; a part named `doc…` is a new document's. */
  const partsOf = (...names: string[]): Part[] =>
    names.map((name) => ({
      ...(name.startsWith('doc') ? { document: name } : {}),
      pieces: [0, 1, 2].map((tier) => ({ blocks: [plainBlock(`${name}/${tier}`)], ids: [], results: 1, tier })),
    }));
  const plainBlock = (text: string) => ({ type: 'text' as const, text: [{ text }] });
  const named = (left: ReadonlySet<Piece>) =>
    [...left].map((p) => (p.blocks[0] as { text: { text: string }[] }).text[0]!.text);
  /** What is left out when a post holds `room` pieces. */
  const leftOut = (parts: Part[], room: number, turn = 0) => {
    const total = parts.reduce((n, part) => n + part.pieces.length, 0);
    return named(fitDigest(parts, turn, (left) => total - left.size <= room));
  };

  it('leaves out figures first, then second passages, the last topic first, then topics, documents last', () => {
    const parts = partsOf('doc', 'a', 'b');
    expect(leftOut(parts, 9)).toEqual([]);
    expect(leftOut(parts, 7)).toEqual(['b/2', 'a/2']);
    expect(leftOut(parts, 5)).toEqual(['b/2', 'a/2', 'doc/2', 'b/1']);
    expect(leftOut(parts, 1)).toEqual(['b/2', 'a/2', 'doc/2', 'b/1', 'a/1', 'doc/1', 'b/0', 'a/0']);
  });

  it('keeps the topic whose turn it is, and always posts one piece', () => {
    const parts = partsOf('a', 'b', 'c');
    // On turn 1, b is kept first and a, the topic before it, left out first.
    expect(leftOut(parts, 1, 1).slice(-2)).toEqual(['a/0', 'c/0']);
    expect(leftOut(parts, 0)).toHaveLength(8);
  });
});

describe('whatChanged', () => {
  const cells = DIGEST_DEFAULTS.diffCells;
  it('counts paragraphs added, changed and removed, aligning the two versions by what they keep in order', () => {
    expect(whatChanged(['a', 'b', 'c'], ['a', 'b', 'c'], cells)).toBeUndefined();
    expect(whatChanged(['a', 'b', 'c'], ['a', 'x', 'b', 'c', 'y'], cells)).toBe('2 paragraphs added');
    expect(whatChanged(['a', 'b', 'c'], ['a', 'B', 'c'], cells)).toBe('1 paragraph changed');
    // One gone at the top and one come at the bottom are not one changed: kept paragraphs stand between them.
    expect(whatChanged(['x', 'a', 'b'], ['a', 'b', 'y'], cells)).toBe('1 paragraph added, 1 removed');
    expect(whatChanged(['a', 'b', 'c', 'd'], ['a', 'B', 'C', 'x', 'd'], cells)).toBe('1 paragraph added, 2 changed');
    expect(whatChanged(['a', 'b', 'c', 'd'], ['d'], cells)).toBe('3 paragraphs removed');
  });

  it('beyond its bound of pairs to compare, counts the paragraphs in one version and not the other', () => {
    expect(whatChanged(['a', 'b', 'c'], ['a', 'B', 'c', 'd'], 1)).toBe('2 paragraphs added, 1 removed');
  });
});
