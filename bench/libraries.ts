import { create, insertMultiple, search as oramaSearch } from '@orama/orama';
import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import type { Passage } from '../src/corpus/types.js';

/** A plain search library with its default options, over paragraph text only (as the eval README's baselines). */
export interface PlainIndex {
  /** Passage ids, best first. */
  search(query: string, limit: number): Promise<string[]>;
}

export interface Library {
  name: string;
  build(passages: Passage[]): Promise<PlainIndex>;
}

export const LIBRARIES: Library[] = [
  {
    name: 'MiniSearch',
    async build(passages) {
      const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
      mini.addAll(passages.map((p) => ({ id: p.id, text: p.text })));
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
    async build(passages) {
      const index = lunr(function () {
        this.ref('id');
        this.field('text');
        for (const p of passages) this.add({ id: p.id, text: p.text });
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
    async build(passages) {
      const index = new FlexSearch.Index();
      passages.forEach((p, i) => index.add(i, p.text));
      return { search: async (q, limit) => (index.search(q, { limit }) as number[]).map((i) => passages[i]!.id) };
    },
  },
  {
    name: 'orama',
    async build(passages) {
      const db = create({ schema: { text: 'string' } as const });
      await insertMultiple(
        db,
        passages.map((p) => ({ id: p.id, text: p.text })),
        5000,
      );
      return { search: async (q, limit) => (await oramaSearch(db, { term: q, limit })).hits.map((h) => h.id) };
    },
  },
];
