import { setImmediate } from 'node:timers/promises';
import { fold, STOP_WORDS, type Dossier, type Passage } from '../../src/engine/index.js';

/** Discord shows at most 25 autocomplete choices, each name and value at most 100 characters. */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

/** How many frequent words and measures are offered besides the headings. */
const FREQUENT_WORDS = 300;
const FREQUENT_MEASURES = 300;
/** Passages read for measures between two turns of the event loop, so interactions are never held up. */
const MEASURE_SLICE = 20;
const WORD = /[\p{L}][\p{L}\p{N}'’-]*[\p{L}\p{N}]/gu;

export interface Choice {
  name: string;
  value: string;
}

export interface TopicSuggesterOptions {
  /** What each figure of a passage measures (default: the figure parser's `measure`). */
  measuresOf?: (passage: Passage) => (string | undefined)[];
  /** Told when reading measures fails; the headings and words are still offered. */
  onError?: (error: unknown) => void;
}

interface Topic {
  label: string;
  /** Folded label, for matching what the user typed. */
  key: string;
}

interface Tally {
  label: string;
  count: number;
}

/**
 * Topics to suggest while a user types `/brief figures topic:`: the corpus's section headings, the
 * measures its figures count, then its most frequent words. Built once per corpus state so each
 * keystroke is a cheap filter, since Discord gives autocomplete 3 seconds and it cannot be
 * deferred. Headings and words are ready at once; measures need the figure parser on every
 * passage, so they are gathered in the background and join the list when done.
 */
export class TopicSuggester {
  private headings: Topic[] = [];
  private measures: Topic[] = [];
  private words: Topic[] = [];
  private builtFor: string | undefined;
  private scan: Promise<void> = Promise.resolve();
  private readonly measuresOf: (passage: Passage) => (string | undefined)[];
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly dossier: Dossier,
    options: TopicSuggesterOptions = {},
  ) {
    this.measuresOf = options.measuresOf ?? ((passage) => dossier.figures.of(passage).map((f) => f.measure));
    this.onError = options.onError ?? (() => {});
  }

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

  /** Starts (or keeps) the topic list for the current corpus; resolves when its measures are in. */
  prepare(): Promise<void> {
    this.refresh();
    return this.scan;
  }

  private matching(typed: string): string[] {
    this.refresh();
    const query = fold(typed.trim());
    const seen = new Set<string>();
    const topics = [...this.headings, ...this.measures, ...this.words].filter(
      (t) => !seen.has(t.key) && seen.add(t.key),
    );
    const matches = query
      ? [
          ...topics.filter((t) => t.key.startsWith(query)),
          ...topics.filter((t) => !t.key.startsWith(query) && t.key.includes(query)),
        ]
      : topics;
    return matches.map((t) => t.label);
  }

  private refresh(): void {
    const documents = this.dossier.documents;
    const state = documents.map((d) => d.hash).join();
    if (state === this.builtFor) return;
    this.builtFor = state;
    const passages = documents.flatMap((d) => d.passages);

    const headings = new Map<string, Tally>();
    const words = new Map<string, Tally>();
    for (const passage of passages) {
      const heading = passage.heading?.replace(/\s+/g, ' ').trim();
      if (heading) tally(headings, heading);
      for (const [word] of passage.text.matchAll(WORD)) {
        if (word.length >= 4 && !STOP_WORDS.has(fold(word))) tally(words, word.toLowerCase());
      }
    }
    this.headings = ranked(headings);
    this.words = ranked(words, 2).slice(0, FREQUENT_WORDS);
    this.scan = this.scanMeasures(state, passages).catch(this.onError);
  }

  private async scanMeasures(state: string, passages: Passage[]): Promise<void> {
    const measures = new Map<string, Tally>();
    for (let i = 0; i < passages.length; i += MEASURE_SLICE) {
      await setImmediate();
      // The corpus changed meanwhile: the scan for the new state takes over.
      if (this.builtFor !== state) return;
      for (const passage of passages.slice(i, i + MEASURE_SLICE)) {
        for (const measure of this.measuresOf(passage)) {
          const label = measure?.replace(/\s+/g, ' ').trim();
          if (label) tally(measures, label);
        }
      }
    }
    if (this.builtFor === state) this.measures = ranked(measures).slice(0, FREQUENT_MEASURES);
  }
}

function tally(map: Map<string, Tally>, label: string): void {
  const key = fold(label);
  const seen = map.get(key);
  if (seen) seen.count++;
  else map.set(key, { label, count: 1 });
}

/** Most frequent first; ties keep the order they were met in. */
const ranked = (map: Map<string, Tally>, minCount = 1): Topic[] =>
  [...map.entries()]
    .filter(([, { count }]) => count >= minCount)
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([key, { label }]) => ({ key, label }));

/** A label within Discord's 100 characters; the shown name ends with "…" when cut. */
function clip(label: string, ellipsis: boolean): string {
  if (label.length <= MAX_CHOICE_LENGTH) return label;
  return ellipsis ? `${label.slice(0, MAX_CHOICE_LENGTH - 1).trimEnd()}…` : label.slice(0, MAX_CHOICE_LENGTH);
}
