import type { Dossier } from '../../src/dossier.js';
import { fold } from '../../src/search/analyzer.js';
import { STOP_WORDS } from '../../src/search/stopwords.js';

/** Discord shows at most 25 autocomplete choices, each name and value at most 100 characters. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

/** How many frequent words are offered besides the headings. */
const FREQUENT_WORDS = 300;
const WORD = /[\p{L}][\p{L}\p{N}'’-]*[\p{L}\p{N}]/gu;

export interface Choice {
  name: string;
  value: string;
}

interface Topic {
  label: string;
  /** Folded label, for matching what the user typed. */
  key: string;
}

/**
 * Topics to suggest while a user types `/brief figures topic:`: the corpus's section headings,
 * then its most frequent words. Built once per corpus state so each keystroke is a cheap filter,
 * since Discord gives autocomplete 3 seconds and it cannot be deferred.
 */
export class TopicSuggester {
  private topics: Topic[] = [];
  private builtFor = '';

  constructor(private readonly dossier: Dossier) {}

  /** Topics matching what was typed: those starting with it first, then those containing it. */
  suggest(typed: string): Choice[] {
    return this.matching(typed)
      .slice(0, MAX_CHOICES)
      .map((label) => ({ name: clip(label, true), value: clip(label, false) }));
  }

  /**
   * For a comma-separated list (`fentanyl, Mér`): completes the last item and keeps the others.
   * A choice's value is what Discord submits, so lists that would pass 100 characters are left out.
   */
  suggestInList(typed: string): Choice[] {
    const cut = typed.lastIndexOf(',');
    const kept = cut < 0 ? '' : `${typed.slice(0, cut + 1).trim()} `;
    const chosen = new Set(kept.split(',').map((t) => fold(t.trim())));
    return this.matching(typed.slice(cut + 1))
      .filter((label) => !chosen.has(fold(label)))
      .map((label) => `${kept}${label}`)
      .filter((list) => list.length <= MAX_CHOICE_LENGTH)
      .slice(0, MAX_CHOICES)
      .map((list) => ({ name: list, value: list }));
  }

  private matching(typed: string): string[] {
    this.refresh();
    const query = fold(typed.trim());
    const matches = query
      ? [...this.topics.filter((t) => t.key.startsWith(query)), ...this.topics.filter((t) => !t.key.startsWith(query) && t.key.includes(query))]
      : this.topics;
    return matches.map((t) => t.label);
  }

  private refresh(): void {
    const documents = this.dossier.documents;
    const state = documents.map((d) => d.hash).join();
    if (state === this.builtFor) return;
    this.builtFor = state;
    const passages = documents.flatMap((d) => d.passages);

    const headings = new Map<string, { label: string; count: number }>();
    const words = new Map<string, { label: string; count: number }>();
    const count = (map: typeof headings, key: string, label: string) => {
      const seen = map.get(key);
      if (seen) seen.count++;
      else map.set(key, { label, count: 1 });
    };
    for (const passage of passages) {
      const heading = passage.heading?.replace(/\s+/g, ' ').trim();
      if (heading) count(headings, fold(heading), heading);
      for (const [word] of passage.text.matchAll(WORD)) {
        const key = fold(word);
        if (key.length >= 4 && !STOP_WORDS.has(key)) count(words, key, word.toLowerCase());
      }
    }
    const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
    const topics = [...headings.entries()].sort(([, a], [, b]) => byCount(a, b)).map(([key, { label }]) => ({ key, label }));
    const frequent = [...words.entries()]
      .filter(([key, { count }]) => count >= 2 && !headings.has(key))
      .sort(([, a], [, b]) => byCount(a, b))
      .slice(0, FREQUENT_WORDS)
      .map(([key, { label }]) => ({ key, label }));
    this.topics = [...topics, ...frequent];
  }
}

/** A label within Discord's 100 characters; the shown name ends with "…" when cut. */
function clip(label: string, ellipsis: boolean): string {
  if (label.length <= MAX_CHOICE_LENGTH) return label;
  return ellipsis ? `${label.slice(0, MAX_CHOICE_LENGTH - 1).trimEnd()}…` : label.slice(0, MAX_CHOICE_LENGTH);
}
