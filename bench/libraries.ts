import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import { stopwords as englishStopWords } from '@orama/stopwords/english';
import FlexSearch from 'flexsearch';
import EnglishPreset from 'flexsearch/lang/en';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import stem from 'wink-porter2-stemmer';

/** What every peer indexes for one passage: the same passages Dossier indexes, with their document's title. */
export interface PeerPassage {
  id: string;
  title: string;
  text: string;
}

/** A search library set up for English full-text search as its own documentation recommends. */
export interface PlainIndex {
  /** Passage ids, best first. */
  search(query: string, limit: number): Promise<string[]>;
}

export interface Library {
  name: string;
  /** The settings, and where the library's documentation recommends them (printed beside the results). */
  settings: string;
  build(passages: PeerPassage[]): Promise<PlainIndex>;
}

/**
 * One field per passage, the title then the text, for every library alike: SciFact's own BM25 baseline
 * (../shared/external/scifact/score.mjs) indexes title and abstract as one field, and not every library
 * here scores several fields.
 */
const content = (p: PeerPassage) => `${p.title}\n${p.text}`;

const STOP = new Set(englishStopWords);

export const LIBRARIES: Library[] = [
  {
    name: 'MiniSearch',
    settings:
      'processTerm lower-cases, drops English stop words (@orama/stopwords list) and stems with Porter2 ' +
      '(README, "Term processing": stemming and stop words are left to processTerm); search with fuzzy 0.2 ' +
      '(README, "Search options" example); OR of the terms and BM25+ as by default',
    async build(passages) {
      const processTerm = (term: string) => {
        const lower = term.toLowerCase();
        return STOP.has(lower) ? null : stem(lower);
      };
      const mini = new MiniSearch<{ id: string; text: string }>({
        fields: ['text'],
        processTerm,
        searchOptions: { fuzzy: 0.2 },
      });
      mini.addAll(passages.map((p) => ({ id: p.id, text: content(p) })));
      return {
        search: async (q, limit) =>
          mini
            .search(q)
            .slice(0, limit)
            .map((r) => String(r.id)),
      };
    },
  },
  {
    name: 'lunr',
    settings:
      "lunr's default English pipeline (trimmer, stop-word filter, Porter stemmer) at index and query time " +
      '(Getting started and "Customisation" guides); query syntax characters removed from the question',
    async build(passages) {
      const index = lunr(function () {
        this.ref('id');
        this.field('text');
        for (const p of passages) this.add({ id: p.id, text: content(p) });
      });
      // lunr reads : ~ ^ + - * as query syntax; a question is plain words.
      return {
        search: async (q, limit) =>
          index
            .search(q.replace(/[:~^+\-*]/g, ' '))
            .slice(0, limit)
            .map((r) => r.ref),
      };
    },
  },
  {
    name: 'flexsearch',
    settings:
      'encoder: Charset.Default with the English language preset (flexsearch/lang/en: stop words, stemmer, ' +
      'contractions); resolution 2·floor(√length of the longest text) (README, "Resolution"); search with suggest: ' +
      "true so a passage missing one of the question's words can still match " +
      '(README, "Suggestions", "Fuzzy-Search")',
    async build(passages) {
      const longest = passages.reduce((n, p) => Math.max(n, content(p).length), 1);
      const index = new FlexSearch.Index({
        encoder: new FlexSearch.Encoder({ ...FlexSearch.Charset.Default, ...EnglishPreset }),
        resolution: 2 * Math.floor(Math.sqrt(longest)),
      });
      passages.forEach((p, i) => index.add(i, content(p)));
      return {
        search: async (q, limit) => (index.search(q, { limit, suggest: true }) as number[]).map((i) => passages[i]!.id),
      };
    },
  },
  {
    name: 'orama',
    settings:
      'tokenizer with language english, stemming: true (docs, "Stemming": off by default) and the English ' +
      'stop words of @orama/stopwords (docs, "Stop-words": the recommended list); BM25 and threshold as by default',
    async build(passages) {
      const db = create({
        schema: { text: 'string' } as const,
        components: { tokenizer: { language: 'english', stemming: true, stopWords: englishStopWords } },
      });
      await insertMultiple(
        db,
        passages.map((p) => ({ id: p.id, text: content(p) })),
        5000,
      );
      return { search: async (q, limit) => (await oramaSearch(db, { term: q, limit })).hits.map((h) => h.id) };
    },
  },
];
