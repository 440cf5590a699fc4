import MiniSearch, { type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Bridge } from './bridges.js';
import type { Dictionary } from './wordnet.js';

/** What the index learns from the corpus besides MiniSearch's own tables, saved with it. */
export interface Learned {
  /**
   * How many passages hold each term, in their text and in any field. MiniSearch keeps no such
   * table, and asking it with a search per query word cost most of a question's time on a large corpus.
   */
  counts: { text: Map<string, number>; any: Map<string, number> };
  /** The corpus's words as written (folded, letters only), with how many passages use each: typo candidates. */
  words: Map<string, number>;
  /** The acronyms and aliases the corpus defines, and WordNet's synonyms of its words. */
  bridges: Bridge[];
  /** WordNet's one-word entries (empty without WordNet), each list sorted (see `sortedHas`). */
  dictionary: Dictionary;
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
 * A Map filled the first time it is needed. Until then `peek`, when given, answers `get` and `has` from the saved
 * bytes; anything else (a change, a walk over every entry) fills it first. So a start makes no Map of a large
 * corpus's hundreds of thousands of terms or passages: a question looks up a few keys, and only a corpus that
 * changes while running pays for the whole Map, once.
 */
export class MapOnDemand<K, V> extends Map<K, V> {
  constructor(
    private fill?: (set: (key: K, value: V) => void) => void,
    private readonly peek?: (key: K) => V | undefined,
  ) {
    super();
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
    if (this.fill && this.peek) return this.peek(key) !== undefined;
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

/** Where `key` is in `sorted` (sorted by `<`, as `Array.prototype.sort` sorts strings), or -1. */
export function sortedIndexOf(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = sorted[mid]!;
    if (at === key) return mid;
    if (at < key) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/**
 * MiniSearch's term tree, made the first time a search needs more than exact terms (a fuzzy or prefix search),
 * or the index changes: until then a term's postings are found by binary search in the saved, sorted term list.
 * Building the tree of a large corpus's terms was most of a start's garbage.
 */
class TermsOnDemand {
  private tree?: SearchableMap<TermData>;
  private readonly made = new Map<number, TermData>();

  constructor(
    private readonly terms: readonly string[],
    private readonly postings: (i: number) => TermData,
  ) {}

  private at(i: number): TermData {
    let data = this.made.get(i);
    if (!data) this.made.set(i, (data = this.postings(i)));
    return data;
  }

  private built(): SearchableMap<TermData> {
    if (!this.tree) {
      this.tree = new SearchableMap<TermData>();
      for (let i = 0; i < this.terms.length; i++) this.tree.set(this.terms[i]!, this.at(i));
    }
    return this.tree;
  }

  get(term: string): TermData | undefined {
    if (this.tree) return this.tree.get(term);
    const i = sortedIndexOf(this.terms, term);
    return i < 0 ? undefined : this.at(i);
  }
  has(term: string): boolean {
    return this.get(term) !== undefined;
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
  fuzzyGet(term: string, distance: number): ReturnType<SearchableMap<TermData>['fuzzyGet']> {
    return this.built().fuzzyGet(term, distance);
  }
  entries(): ReturnType<SearchableMap<TermData>['entries']> {
    return this.built().entries();
  }
  [Symbol.iterator](): ReturnType<SearchableMap<TermData>['entries']> {
    return this.entries();
  }
}

/** The sections of a saved index after its header, in order: strings are joined by NUL, numbers are uint32. */
const SECTIONS = [
  'ids',
  'shortIds',
  'fieldLengths',
  'terms',
  'ends',
  'textCounts',
  'anyCounts',
  'words',
  'wordCounts',
  'dictionaryWords',
  'dictionaryNames',
  'postings',
] as const;
type Section = (typeof SECTIONS)[number];

/** The JSON header of a saved index: what is small, and how long each section is. */
interface SavedHeader {
  key: string;
  /** MiniSearch's own numbers (`toJSON` without its tables). */
  mini: { documentCount: number; nextId: number; fieldIds: Record<string, number>; averageFieldLength: number[] };
  dirtCount: number;
  bridges: Bridge[];
  /** Counted terms MiniSearch's term list lacks (none, unless the two ever disagree). */
  extraCounts: { text: [string, number][]; any: [string, number][] };
  /** How many strings each string section holds (an empty section and one empty string look alike). */
  strings: Partial<Record<Section, number>>;
  /** Each section's length in bytes. */
  bytes: Record<Section, number>;
}

const SEPARATOR = '\0';

/**
 * A saved index: the length of a JSON header (see `SavedHeader`), the header, then its sections: MiniSearch's
 * document tables, the sorted term list with each term's counts and where its postings end, the corpus's words and
 * WordNet's entries as sorted lists, then every term's postings as MiniSearch serialises them. Loading parses the
 * header and splits the lists; everything else is read from the bytes when first asked for.
 */
export function savedIndex(key: string, mini: MiniSearch<unknown>, learned: Learned): Buffer {
  const { index, documentIds, fieldLength, fieldIds, documentCount, nextId, averageFieldLength, dirtCount } =
    mini.toJSON();
  index.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const fields = Object.keys(fieldIds).length;
  const shortIds = Object.keys(documentIds).map(Number);
  const lengths = new Uint32Array(shortIds.length * fields);
  shortIds.forEach((shortId, row) => {
    const values = fieldLength[shortId] ?? [];
    for (let f = 0; f < fields; f++) lengths[row * fields + f] = values[f] ?? 0;
  });
  const terms = index.map(([term]) => term);
  const position = new Map(terms.map((term, i) => [term, i]));
  const aligned = (counts: Map<string, number>) => {
    const values = new Uint32Array(terms.length);
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
  const postings = index.map(([, data]) => Buffer.from(JSON.stringify(data)));
  let end = 0;
  const words = [...learned.words].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lists: Partial<Record<Section, string[]>> = {
    ids: shortIds.map((id) => documentIds[id]!),
    terms,
    words: words.map(([w]) => w),
    dictionaryWords: [...learned.dictionary.words].sort(),
    dictionaryNames: [...learned.dictionary.names].sort(),
  };
  const numbers: Partial<Record<Section, ArrayLike<number>>> = {
    shortIds,
    fieldLengths: lengths,
    ends: postings.map((p) => (end += p.length)),
    textCounts: text.values,
    anyCounts: any.values,
    wordCounts: words.map(([, n]) => n),
  };
  const sections = SECTIONS.map((section): Buffer => {
    const list = lists[section];
    if (list) {
      if (list.some((s) => s.includes(SEPARATOR))) throw new Error(`a saved ${section} entry holds a NUL`);
      return Buffer.from(list.join(SEPARATOR));
    }
    const values = numbers[section];
    return values ? Buffer.from(Uint32Array.from(values).buffer) : Buffer.concat(postings);
  });
  const header: SavedHeader = {
    key,
    mini: { documentCount, nextId, fieldIds, averageFieldLength },
    dirtCount: dirtCount ?? 0,
    bridges: learned.bridges,
    extraCounts: { text: text.extra, any: any.extra },
    strings: Object.fromEntries(Object.entries(lists).map(([s, list]) => [s, list.length])),
    bytes: Object.fromEntries(SECTIONS.map((s, i) => [s, sections[i]!.length])) as Record<Section, number>,
  };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return Buffer.concat([length, json, ...sections]);
}

/**
 * The saved index in `bytes` if it was saved under `key`; undefined when it was saved for other files.
 * Throws when the bytes are not a whole saved index (a truncated or foreign file).
 */
export function readSavedIndex<T>(
  bytes: Buffer,
  key: string,
  options: Options<T>,
): { mini: MiniSearch<T>; learned: Learned } | undefined {
  const headerEnd = 4 + bytes.readUInt32LE(0);
  if (headerEnd > bytes.length) throw new Error('the saved index is cut short');
  const header = JSON.parse(bytes.toString('utf8', 4, headerEnd)) as SavedHeader;
  if (header.key !== key) return undefined;
  const at = {} as Record<Section, [number, number]>;
  let offset = headerEnd;
  for (const section of SECTIONS) {
    const length = header.bytes[section];
    if (!Number.isInteger(length) || length < 0) throw new Error(`the saved index has no ${section}`);
    at[section] = [offset, (offset += length)];
  }
  if (offset !== bytes.length) throw new Error(`the saved index is ${bytes.length} bytes, not ${offset}`);
  const strings = (section: Section): string[] => {
    const count = header.strings[section] ?? 0;
    const list = count ? bytes.toString('utf8', ...at[section]).split(SEPARATOR) : [];
    if (list.length !== count) throw new Error(`the saved ${section} are damaged`);
    return list;
  };
  const numbers = (section: Section): Uint32Array => {
    const [start, end] = at[section];
    // A copy: the section need not start on a multiple of 4 in the file.
    return new Uint32Array(Uint8Array.prototype.slice.call(bytes, start, end).buffer);
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
  const terms = strings('terms');
  tables._index = readTerms(bytes, terms, numbers('ends'), at.postings[0]);
  readDocuments(tables, strings('ids'), numbers('shortIds'), numbers('fieldLengths'), header);

  const words = strings('words');
  const wordCounts = numbers('wordCounts');
  if (wordCounts.length !== words.length) throw new Error('the saved word counts are damaged');
  return {
    mini,
    learned: {
      counts: {
        text: counted(terms, numbers('textCounts'), header.extraCounts.text),
        any: counted(terms, numbers('anyCounts'), header.extraCounts.any),
      },
      words: counted(words, wordCounts, []),
      bridges: header.bridges,
      dictionary: { words: strings('dictionaryWords'), names: strings('dictionaryNames') },
    },
  };
}

/** The term tree over the saved postings: term `i`'s end where term `i + 1`'s begin (offsets from `start`). */
function readTerms(bytes: Buffer, terms: string[], ends: Uint32Array, start: number): TermsOnDemand {
  if (ends.length !== terms.length) throw new Error('the saved term list is damaged');
  return new TermsOnDemand(
    terms,
    (i) =>
      new MapOnDemand<number, Map<number, number>>((set) => {
        const from = start + (i ? ends[i - 1]! : 0);
        const data = JSON.parse(bytes.toString('utf8', from, start + ends[i]!)) as Record<
          string,
          Record<string, number>
        >;
        for (const [field, documents] of Object.entries(data)) {
          const frequencies = new Map<number, number>();
          for (const [id, frequency] of Object.entries(documents)) frequencies.set(Number(id), frequency);
          set(Number(field), frequencies);
        }
      }),
  );
}

/** MiniSearch's document tables: each passage's id, and its fields' lengths, by MiniSearch's short id. */
function readDocuments(
  tables: MiniSearchTables,
  ids: string[],
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
    (set) => shortIds.forEach((shortId, i) => set(shortId, ids[i]!)),
    (shortId) => ids[row(shortId)],
  );
  const lengthsOf = (r: number) => Array.from(lengths.subarray(r * fields, (r + 1) * fields));
  tables._fieldLength = new MapOnDemand(
    (set) => shortIds.forEach((shortId, i) => set(shortId, lengthsOf(i))),
    (shortId) => {
      const r = row(shortId);
      return r < 0 ? undefined : lengthsOf(r);
    },
  );
  tables._idToShortId = new MapOnDemand((set) => shortIds.forEach((shortId, i) => set(ids[i]!, shortId)));
}

/** A count for each of `keys` (sorted; 0 for none), and `extra` pairs besides, as a Map made on demand. */
function counted(keys: string[], values: Uint32Array, extra: [string, number][]): Map<string, number> {
  if (values.length !== keys.length) throw new Error('the saved counts are damaged');
  const more = new Map(extra);
  return new MapOnDemand(
    (set) => {
      keys.forEach((key, i) => {
        if (values[i]) set(key, values[i]);
      });
      for (const [key, n] of more) set(key, n);
    },
    (key) => {
      const i = sortedIndexOf(keys, key);
      return (i < 0 ? 0 : values[i]!) || more.get(key);
    },
  );
}
