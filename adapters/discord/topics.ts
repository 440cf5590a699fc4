import { setImmediate } from 'node:timers/promises';
import { collapseSpaces, fold, nounPhrases, type Dossier, type Passage } from '../../src/engine/index.js';
import { fitText } from '../../src/render/cut.js';

/**
 * Discord takes at most 25 choices for an option, fixed or suggested as one types, each name and value at most 100
 * characters.
 */
export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;

/** How many phrases and measures are offered besides the headings. */
const MOST_PHRASES = 300;
const MOST_MEASURES = 300;
/** Passages read for measures and phrases between two turns of the event loop, so interactions are never held up. */
export const SCAN_SLICE = 20;

export interface Choice {
  name: string;
  value: string;
}

export interface TopicSuggesterOptions {
  /** What each figure of a passage measures (default: the figure parser's `measure`). */
  measuresOf?: (passage: Passage) => (string | undefined)[];
  /** The noun phrases of a text (default: `nounPhrases`, from the words' parts of speech). */
  phrasesOf?: (text: string) => string[];
  /** Told when reading measures or phrases fails; the headings are still offered. */
  onError?: (error: unknown) => void;
}

interface Topic {
  label: string;
  /** Folded label, for matching what the user typed. */
  key: string;
}

interface Tally {
  label: string;
  /** Passages that name it, and how many times in all. */
  passages: number;
  count: number;
}

/**
 * Topics to suggest while a user types `/brief figures topic:`: the corpus's section headings, the
 * measures its figures count, then the noun phrases its passages share. Built once per corpus
 * state so each keystroke is a cheap filter, since Discord gives autocomplete 3 seconds and it
 * cannot be deferred. Headings are ready at once; measures and phrases need every passage's words
 * tagged, so they are gathered in the background and join the list when done. Before a word is
 * typed, only the measures and phrases most passages name are offered.
 *
 * Which phrases are topics is read off the corpus alone, with no word list: a phrase of several
 * words that two passages share, then a single noun only when several such phrases are built on
 * it ("ferry" in "ferry crossings" and "ferry fares"), so a noun that merely turns up here and
 * there ("effect", "example") is not offered.
 */
export class TopicSuggester {
  private headings: Topic[] = [];
  private measures: Topic[] = [];
  private phrases: Topic[] = [];
  /** What is offered before anything is typed: the measures and shared phrases most passages name. */
  private frequent: Topic[] = [];
  private builtFor: string | undefined;
  private scan: Promise<void> = Promise.resolve();
  private readonly measuresOf: (passage: Passage) => (string | undefined)[];
  private readonly phrasesOf: (text: string) => string[];
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly dossier: Dossier,
    options: TopicSuggesterOptions = {},
  ) {
    this.measuresOf = options.measuresOf ?? ((passage) => dossier.figures.of(passage).map((f) => f.measure));
    this.phrasesOf = options.phrasesOf ?? nounPhrases;
    this.onError = options.onError ?? (() => {});
  }

  /** Topics matching what was typed: those starting with it first, then those containing it. */
  suggest(typed: string): Choice[] {
    return this.matching(typed)
      .slice(0, MAX_CHOICES)
      .map((label) => ({
        name: fitText(label, MAX_CHOICE_LENGTH),
        value: fitText(label, MAX_CHOICE_LENGTH, undefined, { mark: false }),
      }));
  }

  /**
   * For a comma-separated list (`ferry fares, harb`): completes the last item and keeps the others.
   * A choice's value is what Discord submits, at most 100 characters, so a topic too long for the room the list
   * leaves is cut at a word, as `suggest` cuts one (its name with "…", its value without, the topic's first words,
   * which the digest takes as a topic); one whose first word does not fit is left out.
   */
  suggestInList(typed: string): Choice[] {
    const cut = typed.lastIndexOf(',');
    const kept = cut < 0 ? '' : `${typed.slice(0, cut + 1).trim()} `;
    const chosen = new Set(kept.split(',').map((t) => fold(t.trim())));
    const room = MAX_CHOICE_LENGTH - kept.length;
    return this.matching(typed.slice(cut + 1))
      .filter((label) => !chosen.has(fold(label)))
      .flatMap((label) => {
        const value = fitText(label, room, undefined, { mark: false });
        const atWord = value.length === label.length || (value.length > 0 && /\s/.test(label[value.length]!));
        return atWord ? [{ name: `${kept}${fitText(label, room)}`, value: `${kept}${value}` }] : [];
      })
      .slice(0, MAX_CHOICES);
  }

  /** Starts (or keeps) the topic list for the current corpus; resolves when its measures and phrases are in. */
  prepare(): Promise<void> {
    this.refresh();
    return this.scan;
  }

  private matching(typed: string): string[] {
    this.refresh();
    const query = fold(typed.trim());
    // Before a word is typed, the topics the corpus names most: a heading ("Assessment", "Background") names a part
    // of one document, rarely what a reader asks figures of or subscribes to. Until the scan is in, nothing.
    if (!query) return this.frequent.map((t) => t.label);
    const seen = new Set<string>();
    const topics = [...this.headings, ...this.measures, ...this.phrases].filter(
      (t) => !seen.has(t.key) && seen.add(t.key),
    );
    return [
      ...topics.filter((t) => t.key.startsWith(query)),
      ...topics.filter((t) => !t.key.startsWith(query) && t.key.includes(query)),
    ].map((t) => t.label);
  }

  private refresh(): void {
    const documents = this.dossier.documents;
    const state = documents.map((d) => d.hash).join();
    if (state === this.builtFor) return;
    this.builtFor = state;
    const passages = documents.flatMap((d) => d.passages);
    const headings = new Map<string, Tally>();
    for (const passage of passages) {
      const heading = passage.heading && collapseSpaces(passage.heading);
      if (heading) tally(headings, [heading]);
    }
    this.headings = ranked(headings);
    this.measures = [];
    this.phrases = [];
    this.frequent = [];
    this.scan = this.scanPassages(state, passages).catch(this.onError);
  }

  private async scanPassages(state: string, passages: Passage[]): Promise<void> {
    const measures = new Map<string, Tally>();
    const phrases = new Map<string, Tally>();
    for (let i = 0; i < passages.length; i += SCAN_SLICE) {
      await setImmediate();
      // The corpus changed meanwhile: the scan for the new state takes over.
      if (this.builtFor !== state) return;
      for (const passage of passages.slice(i, i + SCAN_SLICE)) {
        tally(phrases, this.phrasesOf(passage.text));
        tally(
          measures,
          this.measuresOf(passage).flatMap((m) => (m ? [collapseSpaces(m)] : [])),
        );
      }
    }
    if (this.builtFor !== state) return;
    // A measure is offered when it is itself a noun phrase ("trips"), not a clause ("the United States has spent").
    const isPhrase = (label: string) => {
      const found = this.phrasesOf(label);
      return found.length === 1 && fold(found[0]!) === fold(label);
    };
    const isMeasure = (t: Tally) => isPhrase(t.label);
    this.measures = ranked(measures, isMeasure).slice(0, MOST_MEASURES);
    const isShared = (t: Tally) => t.label.includes(' ') && t.passages >= 2;
    const shared = ranked(phrases, isShared);
    // Measures and shared phrases by the passages naming them, together: a corpus of few figures still offers its
    // subjects, and one of many its measures. Single words are left to what is typed ("ferry" is in its phrases).
    const both = new Map([
      ...[...phrases].filter(([, t]) => isShared(t)),
      ...[...measures].filter(([, t]) => isMeasure(t)),
    ]);
    this.frequent = ranked(both).slice(0, MAX_CHOICES);
    // The words several shared phrases are built on ("ferry" of "ferry crossings" and "ferry fares");
    // here a tally's `passages` counts those phrases.
    const builtOn = new Map<string, Tally>();
    for (const { label } of shared)
      for (const word of new Set(label.split(' '))) {
        const key = fold(word);
        const seen = builtOn.get(key) ?? builtOn.set(key, { label: word, passages: 0, count: 0 }).get(key)!;
        seen.passages++;
      }
    const words = ranked(builtOn, (t) => t.passages >= 2);
    this.phrases = [...shared, ...words].slice(0, MOST_PHRASES);
  }
}

/** Counts each label once per passage it is in, and every time it occurs. */
function tally(map: Map<string, Tally>, labels: string[]): void {
  const inPassage = new Set<string>();
  for (const label of labels) {
    const key = fold(label);
    const seen = map.get(key) ?? map.set(key, { label, passages: 0, count: 0 }).get(key)!;
    seen.count++;
    if (!inPassage.has(key)) seen.passages++;
    inPassage.add(key);
  }
}

/** Named by most passages first, then most often; ties keep the order they were met in. */
const ranked = (map: Map<string, Tally>, keep: (t: Tally) => boolean = () => true): Topic[] =>
  [...map.entries()]
    .filter(([, t]) => keep(t))
    .sort(([, a], [, b]) => b.passages - a.passages || b.count - a.count)
    .map(([key, { label }]) => ({ key, label }));
