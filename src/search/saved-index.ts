import MiniSearch, { type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { SavedFile } from '../saved-file.js';
import type { Bridge } from './bridges.js';

/** What the index learns from the corpus besides MiniSearch's own tables, saved with it. */
export interface Learned {
  /**
   * How many passages hold each term, in their text and in any field. MiniSearch keeps no such
   * table, and asking it with a search per query word cost most of a question's time on a large corpus.
   */
  counts: { text: Map<string, number>; any: Map<string, number> };
  /** The corpus's words as written (folded, letters only), with how many passages use each: typo candidates. */
  words: Map<string, number>;
  /** The acronyms and aliases the corpus defines, and WordNet's synonyms of its words (besides `saved`'s). */
  bridges: Bridge[];
  /** The bridges a saved index holds, read by their first term when a question first reaches it. */
  saved?: SavedBridges;
  /**
   * The short forms each passage defines (`aliasesIn`), as terms, by the passage's id: only the passages defining any.
   * A question asking what a word means is answered best by the passage defining it (`definesAsked`), which the index
   * knows once it has read the corpus: a definition question need not read each candidate's text for aliases again.
   */
  defines: Map<string, readonly string[]>;
  /**
   * WordNet's one-word entries, its names of two words that the corpus holds one word of and lacks the other of
   * (`unwritten`, see `PassageIndex.unwrittenName`), its common nouns of two words the corpus holds both words of and
   * never says together (`unwrittenThings`, see `PassageIndex.unwrittenThing`), and its adjectives (`adjectives`, see
   * `PassageIndex.superlative`). Empty without WordNet.
   */
  dictionary: {
    words: Strings;
    names: Strings;
    specific: Strings;
    vague: Strings;
    money: Strings;
    phrasal: Strings;
    unwritten: Strings;
    unwrittenThings: Strings;
    adjectives: Strings;
  };
}

/** What an index knows before it has read its corpus or WordNet: a field added to `Learned` is added here alone. */
export function nothingLearned(): Learned {
  const none = () => Strings.of([]);
  return {
    counts: { text: new Map(), any: new Map() },
    words: new Map(),
    bridges: [],
    defines: new Map(),
    dictionary: {
      words: none(),
      names: none(),
      specific: none(),
      vague: none(),
      money: none(),
      phrasal: none(),
      unwritten: none(),
      unwrittenThings: none(),
      adjectives: none(),
    },
  };
}

/** MiniSearch's postings of one term: documents and frequencies, by field. */
type TermData = Map<number, Map<number, number>>;

/**
 * MiniSearch's private tables, which `loadJS` fills from a plain object: at 1000× the seeds that object, and the
 * Maps made from it, cost seconds of a start. `readSavedIndex` fills them from the saved bytes instead.
 */
interface MiniSearchTables {
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  /** MiniSearch's term tree (a `SearchableMap`), or what stands in for it (see `TermsOnDemand`). */
  _index: unknown;
}

/**
 * A Map filled the first time it is needed. Until then `peek`, when given, answers `get` (and `has`, or `peekHas`
 * when cheaper) from the saved bytes; anything else (a change, a walk over every entry) fills it first. So a start
 * makes no Map of a large corpus's hundreds of thousands of terms or passages: a question looks up a few keys, and
 * only a corpus that changes while running pays for the whole Map, once.
 */
export class MapOnDemand<K, V> extends Map<K, V> {
  constructor(
    private fill?: (set: (key: K, value: V) => void) => void,
    private readonly peek?: (key: K) => V | undefined,
    private readonly peekHas: (key: K) => boolean = (key) => peek?.(key) !== undefined,
  ) {
    super();
  }

  /** Whether the Map is still to be filled: until then `peek` answers from the saved bytes. */
  protected get unfilled(): boolean {
    return this.fill !== undefined;
  }

  private ready(): void {
    const fill = this.fill;
    if (!fill) return;
    this.fill = undefined;
    fill((key, value) => super.set(key, value));
  }

  override get(key: K): V | undefined {
    if (this.fill && this.peek) return this.peek(key);
    this.ready();
    return super.get(key);
  }
  override has(key: K): boolean {
    if (this.fill && this.peek) return this.peekHas(key);
    this.ready();
    return super.has(key);
  }
  override get size(): number {
    this.ready();
    return super.size;
  }
  override set(key: K, value: V): this {
    this.ready();
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.ready();
    return super.delete(key);
  }
  override clear(): void {
    this.fill = undefined;
    super.clear();
  }
  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.ready();
    super.forEach(callback, thisArg);
  }
  override entries(): MapIterator<[K, V]> {
    this.ready();
    return super.entries();
  }
  override keys(): MapIterator<K> {
    this.ready();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.ready();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/**
 * A list of strings kept as UTF-8 bytes and where each ends, a string made only when asked for: a large corpus's
 * lists (its terms, its words, its passages' ids) hold hundreds of thousands, and making them all was much of a
 * start's garbage. A list made `sorted` is in the order of its bytes, and `indexOf` finds a string by binary search.
 */
const ENCODER = new TextEncoder();
/** The key `Strings.indexOf` looks for, as UTF-8, in a buffer kept between calls: 3 bytes a UTF-16 unit at most. */
let KEY = new Uint8Array(64);

export class Strings {
  constructor(
    readonly bytes: Buffer,
    readonly ends: Uint32Array,
  ) {}

  /** `list` in its order. */
  static of(list: readonly string[]): Strings {
    return Strings.from(list.map((s) => Buffer.from(s)));
  }

  /** `list` in the order of its UTF-8 bytes (which `indexOf` needs). */
  static sorted(list: readonly string[]): Strings {
    return Strings.from(list.map((s) => Buffer.from(s)).sort(Buffer.compare));
  }

  private static from(buffers: Buffer[]): Strings {
    let end = 0;
    return new Strings(
      Buffer.concat(buffers),
      Uint32Array.from(buffers, (b) => (end += b.length)),
    );
  }

  get length(): number {
    return this.ends.length;
  }

  at(i: number): string {
    return this.bytes.toString('utf8', i ? this.ends[i - 1]! : 0, this.ends[i]!);
  }

  /**
   * Where `key` is in this list, which must have been made `sorted`; -1 when it is not there. The bytes are compared
   * here, not by `Buffer.compare`: a question looks up hundreds of terms, each a score of comparisons, and the calls
   * into the runtime, with a new buffer for every key, were a fifth of a question's time at 1000× the seeds.
   */
  indexOf(key: string): number {
    if (KEY.length < 3 * key.length) KEY = new Uint8Array(3 * key.length);
    const wanted = KEY;
    const size = ENCODER.encodeInto(key, wanted).written;
    const { bytes, ends } = this;
    let low = 0;
    let high = ends.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = mid ? ends[mid - 1]! : 0;
      const length = ends[mid]! - start;
      const shared = Math.min(size, length);
      let order = 0;
      for (let i = 0; i < shared && order === 0; i++) order = bytes[start + i]! - wanted[i]!;
      if (order === 0) order = length - size;
      if (order === 0) return mid;
      if (order < 0) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/**
 * MiniSearch's term tree, made the first time a search needs more than exact terms (a fuzzy or prefix search),
 * or the index changes: until then a term's postings are found by binary search in the saved, sorted term list.
 * Building the tree of a large corpus's terms was most of a start's garbage.
 */
class TermsOnDemand {
  private tree?: SearchableMap<TermData>;
  /** Every term as a string, made for the first fuzzy search. */
  private list?: string[];
  private readonly made = new Map<number, TermData>();
  /** Whether a passage holds each term looked up by `holders` (see `holdersOf`). */
  private readonly holding = new Map<number, (id: number) => boolean>();

  constructor(
    private readonly terms: Strings,
    private readonly postings: (i: number) => TermData,
    /** The short ids in term `i`'s saved postings, in any order, repeated when in several fields. */
    private readonly documents: (i: number) => Uint32Array,
    /** One more than the largest short id in the saved postings. */
    private readonly nextId: number,
  ) {}

  private at(i: number): TermData {
    let data = this.made.get(i);
    if (!data) this.made.set(i, (data = this.postings(i)));
    return data;
  }

  private built(): SearchableMap<TermData> {
    if (!this.tree) {
      this.tree = new SearchableMap<TermData>();
      for (let i = 0; i < this.terms.length; i++) this.tree.set(this.terms.at(i), this.at(i));
    }
    return this.tree;
  }

  get(term: string): TermData | undefined {
    if (this.tree) return this.tree.get(term);
    const i = this.terms.indexOf(term);
    return i < 0 ? undefined : this.at(i);
  }
  has(term: string): boolean {
    return this.get(term) !== undefined;
  }
  /**
   * Whether a passage holds `term`, in any field. Until the index changes, the answer comes from the saved postings'
   * ids alone: a common term's postings made into Maps took a tenth of a second at 1000×, to answer for a few hits.
   */
  holders(term: string): (id: number) => boolean {
    if (this.tree) {
      const data = this.tree.get(term);
      return (id) => data !== undefined && [...data.values()].some((documents) => documents.has(id));
    }
    const i = this.terms.indexOf(term);
    if (i < 0) return () => false;
    let holds = this.holding.get(i);
    if (!holds) this.holding.set(i, (holds = holdersOf(this.documents(i), this.nextId)));
    return holds;
  }
  get size(): number {
    return this.tree ? this.tree.size : this.terms.length;
  }
  set(term: string, data: TermData): this {
    this.built().set(term, data);
    return this;
  }
  delete(term: string): void {
    this.built().delete(term);
  }
  fetch(term: string, initial: () => TermData): TermData {
    return this.built().fetch(term, initial);
  }
  atPrefix(prefix: string): SearchableMap<TermData> {
    return this.built().atPrefix(prefix);
  }
  /**
   * The terms within `distance` edits of `term`, as the tree's `fuzzyGet` finds them, by looking at each saved term
   * of a near enough length: building the tree for the first word a corpus lacks took a second at 1000×.
   */
  fuzzyGet(term: string, distance: number): ReturnType<SearchableMap<TermData>['fuzzyGet']> {
    if (this.tree) return this.tree.fuzzyGet(term, distance);
    this.list ??= [...this.terms];
    const found: ReturnType<SearchableMap<TermData>['fuzzyGet']> = new Map();
    this.list.forEach((candidate, i) => {
      if (Math.abs(candidate.length - term.length) > distance) return;
      const edits = editDistance(term, candidate, distance);
      if (edits <= distance) found.set(candidate, [this.at(i), edits]);
    });
    return found;
  }
  entries(): ReturnType<SearchableMap<TermData>['entries']> {
    return this.built().entries();
  }
  [Symbol.iterator](): ReturnType<SearchableMap<TermData>['entries']> {
    return this.entries();
  }
}

/**
 * Whether a passage (a short id below `size`) is among `ids`: one bit a passage, when that takes less room than the ids
 * (a common term's, which a search leaves out as too common to score and then asks of each of its few dozen hits),
 * read at once; otherwise a binary search of the ids sorted. Searching a hundred common terms' sorted ids for each of
 * sixty hits was a tenth of a question's time at 1000× the seeds.
 */
export function holdersOf(ids: Uint32Array, size: number): (id: number) => boolean {
  // Four bytes an id against one bit a passage.
  if (32 * ids.length > size) {
    const bits = new Uint8Array((size + 7) >> 3);
    for (const id of ids) bits[id >> 3]! |= 1 << (id & 7);
    return (id) => ((bits[id >> 3] ?? 0) & (1 << (id & 7))) !== 0;
  }
  const sorted = ids.sort();
  return (id) => {
    let low = 0;
    let high = sorted.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (sorted[mid] === id) return true;
      if (sorted[mid]! < id) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  };
}

/** Two rows of Levenshtein's table, kept between calls: a fuzzy search computes tens of thousands of distances. */
let rows = [new Int32Array(64), new Int32Array(64)];

/** Levenshtein's distance between `a` and `b` (as MiniSearch's fuzzy search counts edits), or `max + 1` once over. */
function editDistance(a: string, b: string, max: number): number {
  if (rows[0]!.length <= b.length) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [previous, row] = rows as [Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const edits = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row[j] = edits;
      if (edits < best) best = edits;
    }
    if (best > max) return max + 1;
    [previous, row] = [row, previous];
  }
  return previous[b.length]!;
}

/**
 * The sections of a saved index after its header, in order: a list of strings is its bytes then where each ends
 * (`…Ends`); numbers are uint32. Postings come last: they are read a term at a time, when a search first needs them.
 */
const SECTIONS = [
  'ids',
  'idEnds',
  'shortIds',
  'fieldLengths',
  'terms',
  'termEnds',
  'postingEnds',
  'textCounts',
  'anyCounts',
  'words',
  'wordEnds',
  'wordCounts',
  'dictionaryWords',
  'dictionaryWordEnds',
  'dictionaryNames',
  'dictionaryNameEnds',
  'dictionarySpecific',
  'dictionarySpecificEnds',
  'dictionaryVague',
  'dictionaryVagueEnds',
  'dictionaryMoney',
  'dictionaryMoneyEnds',
  'dictionaryPhrasal',
  'dictionaryPhrasalEnds',
  'dictionaryUnwritten',
  'dictionaryUnwrittenEnds',
  'dictionaryUnwrittenThings',
  'dictionaryUnwrittenThingEnds',
  'dictionaryAdjectives',
  'dictionaryAdjectiveEnds',
  'bridgeFirsts',
  'bridgeFirstEnds',
  'bridgeGroups',
  'bridgeGroupEnds',
  'definers',
  'definerEnds',
  'defined',
  'definedEnds',
  'postings',
] as const;
type Section = (typeof SECTIONS)[number];

/** The JSON header of a saved index: what is small, and how long each section is. */
interface SavedHeader {
  key: string;
  /** MiniSearch's own numbers (`toJSON` without its tables). */
  mini: { documentCount: number; nextId: number; fieldIds: Record<string, number>; averageFieldLength: number[] };
  dirtCount: number;
  /** Counted terms MiniSearch's term list lacks (none, unless the two ever disagree). */
  extraCounts: { text: [string, number][]; any: [string, number][] };
  /** Each section's length in bytes. */
  bytes: Record<Section, number>;
}

const numbers = (values: ArrayLike<number>) => Buffer.from(Uint32Array.from(values).buffer);

/**
 * A saved index: the length of a JSON header (see `SavedHeader`), the header, then its sections (see `SECTIONS`):
 * MiniSearch's document tables, the term list sorted with each term's counts and where its postings end, the
 * corpus's words and WordNet's entries, then every term's postings as MiniSearch serialises them. Loading reads the
 * header and the lists; a term's postings, and any string, are read when first asked for.
 */
export function savedIndex(key: string, mini: MiniSearch<unknown>, learned: Learned): Buffer {
  const { index, documentIds, fieldLength, fieldIds, documentCount, nextId, averageFieldLength, dirtCount } =
    mini.toJSON();
  const sorted = index
    .map(([term, data]) => ({ bytes: Buffer.from(term), term, data }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  const fields = Object.keys(fieldIds).length;
  const shortIds = Object.keys(documentIds).map(Number);
  const lengths = new Uint32Array(shortIds.length * fields);
  shortIds.forEach((shortId, row) => {
    const values = fieldLength[shortId] ?? [];
    for (let f = 0; f < fields; f++) lengths[row * fields + f] = values[f] ?? 0;
  });
  const position = new Map(sorted.map(({ term }, i) => [term, i]));
  const aligned = (counts: Map<string, number>) => {
    const values = new Uint32Array(sorted.length);
    const extra: [string, number][] = [];
    for (const [term, n] of counts) {
      const i = position.get(term);
      if (i === undefined) extra.push([term, n]);
      else values[i] = n;
    }
    return { values, extra };
  };
  const text = aligned(learned.counts.text);
  const any = aligned(learned.counts.any);
  const postings = sorted.map(({ data }) => Buffer.from(JSON.stringify(data)));
  let end = 0;
  const ids = Strings.of(shortIds.map((id) => String(documentIds[id])));
  const terms = Strings.of(sorted.map(({ term }) => term));
  const wordList = Strings.sorted([...learned.words.keys()]);
  const {
    words: dictionaryWords,
    names: dictionaryNames,
    specific: dictionarySpecific,
    vague: dictionaryVague,
    money: dictionaryMoney,
    phrasal: dictionaryPhrasal,
    unwritten: dictionaryUnwritten,
    unwrittenThings: dictionaryUnwrittenThings,
    adjectives: dictionaryAdjectives,
  } = learned.dictionary;
  const bridges = groupBridges([...(learned.saved?.all() ?? []), ...learned.bridges]);
  // The passages defining a short form, sorted for `indexOf`, and beside each the terms it defines.
  const definers = Strings.sorted([...learned.defines.keys()]);
  const defined = Strings.of([...definers].map((id) => learned.defines.get(id)!.join(' ')));
  const sections: Record<Section, Buffer> = {
    ids: ids.bytes,
    idEnds: numbers(ids.ends),
    shortIds: numbers(shortIds),
    fieldLengths: numbers(lengths),
    terms: terms.bytes,
    termEnds: numbers(terms.ends),
    postingEnds: numbers(postings.map((p) => (end += p.length))),
    textCounts: numbers(text.values),
    anyCounts: numbers(any.values),
    words: wordList.bytes,
    wordEnds: numbers(wordList.ends),
    wordCounts: numbers([...wordList].map((w) => learned.words.get(w)!)),
    dictionaryWords: dictionaryWords.bytes,
    dictionaryWordEnds: numbers(dictionaryWords.ends),
    dictionaryNames: dictionaryNames.bytes,
    dictionaryNameEnds: numbers(dictionaryNames.ends),
    dictionarySpecific: dictionarySpecific.bytes,
    dictionarySpecificEnds: numbers(dictionarySpecific.ends),
    dictionaryVague: dictionaryVague.bytes,
    dictionaryVagueEnds: numbers(dictionaryVague.ends),
    dictionaryMoney: dictionaryMoney.bytes,
    dictionaryMoneyEnds: numbers(dictionaryMoney.ends),
    dictionaryPhrasal: dictionaryPhrasal.bytes,
    dictionaryPhrasalEnds: numbers(dictionaryPhrasal.ends),
    dictionaryUnwritten: dictionaryUnwritten.bytes,
    dictionaryUnwrittenEnds: numbers(dictionaryUnwritten.ends),
    dictionaryUnwrittenThings: dictionaryUnwrittenThings.bytes,
    dictionaryUnwrittenThingEnds: numbers(dictionaryUnwrittenThings.ends),
    dictionaryAdjectives: dictionaryAdjectives.bytes,
    dictionaryAdjectiveEnds: numbers(dictionaryAdjectives.ends),
    bridgeFirsts: bridges.firsts.bytes,
    bridgeFirstEnds: numbers(bridges.firsts.ends),
    bridgeGroups: bridges.groups.bytes,
    bridgeGroupEnds: numbers(bridges.groups.ends),
    definers: definers.bytes,
    definerEnds: numbers(definers.ends),
    defined: defined.bytes,
    definedEnds: numbers(defined.ends),
    postings: Buffer.concat(postings),
  };
  const header: SavedHeader = {
    key,
    mini: { documentCount, nextId, fieldIds, averageFieldLength },
    dirtCount: dirtCount ?? 0,
    extraCounts: { text: text.extra, any: any.extra },
    bytes: Object.fromEntries(SECTIONS.map((s) => [s, sections[s].length])) as Record<Section, number>,
  };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return Buffer.concat([length, json, ...SECTIONS.map((s) => sections[s])]);
}

/**
 * The index saved in `file` if it was saved under `key`; undefined when it was saved for other files.
 * Throws when the file is not a whole saved index (a truncated or foreign file).
 */
export function readSavedIndex<T>(
  file: SavedFile,
  key: string,
  options: Options<T>,
): { mini: MiniSearch<T>; learned: Learned } | undefined {
  const headerEnd = 4 + file.read(0, 4).readUInt32LE(0);
  const header = JSON.parse(file.read(4, headerEnd).toString('utf8')) as SavedHeader;
  if (header.key !== key) return undefined;
  const at = {} as Record<Section, [number, number]>;
  let offset = headerEnd;
  for (const section of SECTIONS) {
    const length = header.bytes[section];
    if (!Number.isInteger(length) || length < 0) throw new Error(`the saved index has no ${section}`);
    at[section] = [offset, (offset += length)];
  }
  if (offset !== file.size) throw new Error(`the saved index is ${file.size} bytes, not ${offset}`);
  // Everything but the postings, in one read.
  const lists = file.read(headerEnd, at.postings[0]);
  const bytes = (section: Section) => lists.subarray(at[section][0] - headerEnd, at[section][1] - headerEnd);
  // A copy: a section need not start on a multiple of 4 in the file.
  const uint32 = (section: Section) => {
    const from = bytes(section);
    const values = new Uint32Array(from.length >> 2);
    new Uint8Array(values.buffer).set(from.subarray(0, values.length << 2));
    return values;
  };
  const strings = (section: Section, ends: Section) => {
    const list = new Strings(bytes(section), uint32(ends));
    if (list.length && list.ends[list.length - 1] !== list.bytes.length)
      throw new Error(`the saved ${section} are damaged`);
    return list;
  };

  const mini = MiniSearch.loadJS<T>(
    {
      ...header.mini,
      dirtCount: header.dirtCount,
      documentIds: {},
      fieldLength: {},
      storedFields: {},
      index: [],
      serializationVersion: 2,
    },
    options,
  );
  const tables = mini as unknown as MiniSearchTables;
  const terms = strings('terms', 'termEnds');
  tables._index = readTerms(file, terms, uint32('postingEnds'), at.postings[0], header.mini.nextId);
  readDocuments(tables, strings('ids', 'idEnds'), uint32('shortIds'), uint32('fieldLengths'), header);

  const words = strings('words', 'wordEnds');
  const definers = strings('definers', 'definerEnds');
  const defined = strings('defined', 'definedEnds');
  if (defined.length !== definers.length) throw new Error('the saved definitions are damaged');
  const definedAt = (i: number) => defined.at(i).split(' ');
  return {
    mini,
    learned: {
      counts: {
        text: counted(terms, uint32('textCounts'), header.extraCounts.text),
        any: counted(terms, uint32('anyCounts'), header.extraCounts.any),
      },
      words: counted(words, uint32('wordCounts'), []),
      bridges: [],
      saved: new SavedBridges(strings('bridgeFirsts', 'bridgeFirstEnds'), strings('bridgeGroups', 'bridgeGroupEnds')),
      defines: new MapOnDemand<string, readonly string[]>(
        (set) => {
          for (let i = 0; i < definers.length; i++) set(definers.at(i), definedAt(i));
        },
        (id) => {
          const i = definers.indexOf(id);
          return i < 0 ? undefined : definedAt(i);
        },
      ),
      dictionary: {
        words: strings('dictionaryWords', 'dictionaryWordEnds'),
        names: strings('dictionaryNames', 'dictionaryNameEnds'),
        specific: strings('dictionarySpecific', 'dictionarySpecificEnds'),
        vague: strings('dictionaryVague', 'dictionaryVagueEnds'),
        money: strings('dictionaryMoney', 'dictionaryMoneyEnds'),
        phrasal: strings('dictionaryPhrasal', 'dictionaryPhrasalEnds'),
        unwritten: strings('dictionaryUnwritten', 'dictionaryUnwrittenEnds'),
        unwrittenThings: strings('dictionaryUnwrittenThings', 'dictionaryUnwrittenThingEnds'),
        adjectives: strings('dictionaryAdjectives', 'dictionaryAdjectiveEnds'),
      },
    },
  };
}

/** The term tree over the saved postings: term `i`'s end where term `i + 1`'s begin (offsets from `start`). */
function readTerms(file: SavedFile, terms: Strings, ends: Uint32Array, start: number, nextId: number): TermsOnDemand {
  if (ends.length !== terms.length) throw new Error('the saved term list is damaged');
  const json = (i: number) => file.read(start + (i ? ends[i - 1]! : 0), start + ends[i]!);
  return new TermsOnDemand(
    terms,
    (i) =>
      new MapOnDemand<number, Map<number, number>>((set) => {
        const data = JSON.parse(json(i).toString('utf8')) as Record<string, Record<string, number>>;
        for (const [field, documents] of Object.entries(data)) {
          const frequencies = new Map<number, number>();
          for (const [id, frequency] of Object.entries(documents)) frequencies.set(Number(id), frequency);
          set(Number(field), frequencies);
        }
      }),
    (i) => postedIds(json(i)),
    nextId,
  );
}

const QUOTE = 0x22;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const ZERO = 0x30;

/**
 * The passages' short ids in one term's saved postings (`{"field":{"id":frequency,…},…}`, as `savedIndex` writes
 * them): the quoted keys one level in, read from the bytes without parsing the rest.
 */
export function postedIds(json: Buffer): Uint32Array {
  // An id takes six bytes at least (`"1":1,`), so a quarter of the length is room enough. A typed array cut to length
  // was several times quicker than a list of numbers for the tens of thousands of ids a common term holds.
  const ids = new Uint32Array(json.length >> 2);
  let n = 0;
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (c === QUOTE) {
      if (depth === 2) {
        let id = 0;
        for (i++; json[i] !== QUOTE; i++) id = id * 10 + json[i]! - ZERO;
        ids[n++] = id;
      } else i = json.indexOf(QUOTE, i + 1);
    } else if (c === OPEN) depth++;
    else if (c === CLOSE) depth--;
  }
  return ids.slice(0, n);
}

/** MiniSearch's document tables: each passage's id, and its fields' lengths, by MiniSearch's short id. */
function readDocuments(
  tables: MiniSearchTables,
  ids: Strings,
  shortIds: Uint32Array,
  lengths: Uint32Array,
  header: SavedHeader,
): void {
  const fields = Object.keys(header.mini.fieldIds).length;
  if (shortIds.length !== ids.length || lengths.length !== ids.length * fields)
    throw new Error('the saved document table is damaged');
  // Short ids run from 0 to nextId, with gaps where passages were removed: a row number for each.
  const rows = new Int32Array(header.mini.nextId).fill(-1);
  shortIds.forEach((shortId, row) => (rows[shortId] = row));
  const row = (shortId: number) => (shortId >= 0 && shortId < rows.length ? rows[shortId]! : -1);
  tables._documentIds = new MapOnDemand(
    (set) => shortIds.forEach((shortId, i) => set(shortId, ids.at(i))),
    (shortId) => {
      const r = row(shortId);
      return r < 0 ? undefined : ids.at(r);
    },
    (shortId) => row(shortId) >= 0,
  );
  tables._fieldLength = FieldLengths.of(rows, lengths, fields, shortIds);
  tables._idToShortId = new MapOnDemand((set) => shortIds.forEach((shortId, i) => set(ids.at(i), shortId)));
}

/**
 * MiniSearch's table of each passage's field lengths (by short id), from the saved table: `rows` gives a short id's
 * row, each row `fields` long. `lengthOf` reads one length straight from the saved table until the index changes,
 * for the scorer's loop over every posting of a term (see `TermScorer`), where a row array through `get`, and the
 * calls to reach it, were a tenth of a question's time.
 */
export class FieldLengths extends MapOnDemand<number, number[]> {
  private constructor(
    fill: (set: (key: number, value: number[]) => void) => void,
    peek: (shortId: number) => number[] | undefined,
    private readonly rows: Int32Array,
    private readonly lengths: Uint32Array,
    private readonly fields: number,
  ) {
    super(fill, peek);
  }

  static of(rows: Int32Array, lengths: Uint32Array, fields: number, shortIds: Uint32Array): FieldLengths {
    // Each row made once: MiniSearch reads a passage's lengths for every term it holds.
    const made = new Array<number[] | undefined>(shortIds.length);
    const lengthsOf = (r: number) => (made[r] ??= Array.from(lengths.subarray(r * fields, (r + 1) * fields)));
    return new FieldLengths(
      (set) => shortIds.forEach((shortId, i) => set(shortId, lengthsOf(i))),
      (shortId) => {
        const r = shortId >= 0 && shortId < rows.length ? rows[shortId]! : -1;
        return r < 0 ? undefined : lengthsOf(r);
      },
      rows,
      lengths,
      fields,
    );
  }

  /** The length of field `fieldId` of the passage `shortId`, which must be in the index. */
  lengthOf(shortId: number, fieldId: number): number {
    if (!this.unfilled) return this.get(shortId)![fieldId]!;
    return this.lengths[this.rows[shortId]! * this.fields + fieldId]!;
  }
}

/** A count for each of `keys` (sorted; 0 for none), and `extra` pairs besides, as a Map made on demand. */
function counted(keys: Strings, values: Uint32Array, extra: [string, number][]): Map<string, number> {
  if (values.length !== keys.length) throw new Error('the saved counts are damaged');
  const more = new Map(extra);
  return new MapOnDemand(
    (set) => {
      for (let i = 0; i < keys.length; i++) if (values[i]) set(keys.at(i), values[i]!);
      for (const [key, n] of more) set(key, n);
    },
    (key) => {
      const i = keys.indexOf(key);
      return (i < 0 ? 0 : values[i]!) || more.get(key);
    },
  );
}

/**
 * Bridges as saved: grouped by their first term (each group a JSON list, in the order the bridges were learned),
 * the first terms sorted. A large corpus has tens of thousands, mostly WordNet's, and a question needs the few
 * that start at its own terms.
 */
export class SavedBridges {
  private readonly read = new Map<number, Bridge[]>();

  constructor(
    private readonly firsts: Strings,
    private readonly groups: Strings,
  ) {
    if (firsts.length !== groups.length) throw new Error('the saved bridges are damaged');
  }

  /** The bridges whose first term is `term`. */
  startingAt(term: string): Bridge[] {
    const i = this.firsts.indexOf(term);
    return i < 0 ? [] : this.group(i);
  }

  /** Every saved bridge, in the order they were learned within each first term. */
  all(): Bridge[] {
    return Array.from({ length: this.groups.length }, (_, i) => this.group(i)).flat();
  }

  private group(i: number): Bridge[] {
    let group = this.read.get(i);
    if (!group) this.read.set(i, (group = JSON.parse(this.groups.at(i)) as Bridge[]));
    return group;
  }
}

function groupBridges(bridges: Bridge[]): { firsts: Strings; groups: Strings } {
  const byFirst = new Map<string, Bridge[]>();
  for (const bridge of bridges) {
    const first = bridge.from[0]!;
    const group = byFirst.get(first);
    if (group) group.push(bridge);
    else byFirst.set(first, [bridge]);
  }
  const firsts = Strings.sorted([...byFirst.keys()]);
  return { firsts, groups: Strings.of([...firsts].map((first) => JSON.stringify(byFirst.get(first)))) };
}
