import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Small, fast, seeded PRNG (mulberry32): the same seed writes the same corpus on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words as the corpus statistics count them: runs of letters, with inner apostrophes and hyphens, lower-cased. */
const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;
export const words = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

/** Heaps' law, V = K·N^β: the distinct words V in a text of N words. */
export interface Heaps {
  k: number;
  beta: number;
}

export interface ScaleSources {
  /** The seed articles: every size holds them, so the dev questions have their true answers at every size. */
  seedsDir: string;
  /** One-abstract-a-file corpus (SciFact's), taken in name order once the seeds are not enough. */
  realDir: string;
  /** Passages the seeds give (as loaded): a size of N× aims at N times as many. */
  seedPassages: number;
}

export interface GeneratedCorpus {
  dir: string;
  files: number;
  /** Bytes of the files written here (the linked real files excluded). */
  bytes: number;
  real: { files: number; words: number; distinct: number };
  generated: { files: number; paragraphs: number; words: number };
  /** The curve the generated vocabulary follows, fitted on the real text. */
  heaps?: Heaps;
}

/** Share of generated sentences that carry a number, so `figures` has material at every size. */
const FIGURE_SHARE = 0.2;
/** Generated documents have this many paragraphs, uniformly: about the seeds' 30 a document. */
const PARAGRAPHS = { min: 10, max: 40 };
/** Titles are a headline's length. */
const TITLE_WORDS = { min: 4, max: 12 };
/** Below this many words of real text the fit is too noisy to read a slope from; the points above it are used. */
const HEAPS_FIT_FROM = 100_000;
/** When the real text is too short to fit (1×… 10×), the slope English news and reports usually show. */
const DEFAULT_BETA = 0.5;

/**
 * Writes a corpus of about `factor` × the seeds' passages into `dir`:
 * - the seed articles and then, in name order, as many real abstracts as fit, each linked to its file in
 *   place (symbolic links: others' text is read where it lies, never copied);
 * - generated documents for the rest. Their words are drawn from a Zipf distribution (the word of rank r with
 *   probability ∝ 1/r) over a vocabulary ranked by the real text's word frequencies, cut at V(N) = K·N^β where
 *   N counts every word so far, real and generated: the real text's own Heaps curve (K and β fitted on it),
 *   carried on. Past the real vocabulary, the ranks are synthetic words (seeded, pronounceable, none a real one).
 *   So the vocabulary keeps growing with the corpus, common words have long posting lists and rare ones short,
 *   as in a real collection. Sentence and paragraph lengths are drawn from the seeds'; a fifth of sentences
 *   carry a number with a unit. Alternate files are Markdown with front matter and plain text.
 */
export async function generateCorpus(
  sources: ScaleSources,
  dir: string,
  factor: number,
  seed = 7,
): Promise<GeneratedCorpus> {
  await rm(dir, { recursive: true, force: true });
  const random = prng(seed * 1000 + factor);
  const target = Math.round(sources.seedPassages * factor);
  const seedFiles = readdirSync(sources.seedsDir)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort();
  const realFiles = readdirSync(sources.realDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    // One abstract is one passage (its title line is the title).
    .slice(0, Math.max(0, target - sources.seedPassages));

  const vocabulary = new Vocabulary();
  const shapes = new Shapes();
  await mkdir(join(dir, 'seeds'), { recursive: true });
  for (const f of seedFiles) {
    const text = readFileSync(join(sources.seedsDir, f), 'utf8');
    vocabulary.read(text);
    shapes.read(text);
    await symlink(join(sources.seedsDir, f), join(dir, 'seeds', f));
  }
  if (realFiles.length) await mkdir(join(dir, 'real'), { recursive: true });
  for (const f of realFiles) {
    vocabulary.read(readFileSync(join(sources.realDir, f), 'utf8'));
    await symlink(join(sources.realDir, f), join(dir, 'real', f));
  }
  const real = { files: seedFiles.length + realFiles.length, words: vocabulary.words, distinct: vocabulary.size };

  const toGenerate = target - sources.seedPassages - realFiles.length;
  const generated = { files: 0, paragraphs: 0, words: 0 };
  let bytes = 0;
  if (toGenerate <= 0) return { dir, files: real.files, bytes, real, generated };

  const heaps = vocabulary.heaps();
  const ranks = vocabulary.ranked();
  const synthetic = new SyntheticWords(new Set(ranks), prng(seed));
  const wordAt = (rank: number) => ranks[rank] ?? synthetic.at(rank - ranks.length);
  let total = vocabulary.words;
  const sentence = (length = shapes.sentenceLength(random)): string => {
    // The cap moves once a sentence: close enough to word by word, and cheap.
    const cap = Math.max(1, Math.floor(heaps.k * total ** heaps.beta));
    const out: string[] = [];
    for (let i = 0; i < length; i++) out.push(wordAt(zipfRank(cap, random)));
    if (random() < FIGURE_SHARE) out.splice(Math.floor(random() * (out.length + 1)), 0, figure(random));
    total += length;
    generated.words += length;
    out[0] = out[0]!.charAt(0).toUpperCase() + out[0]!.slice(1);
    return `${out.join(' ')}.`;
  };

  await mkdir(join(dir, 'generated'), { recursive: true });
  const pending: Promise<void>[] = [];
  for (let left = toGenerate, n = 0; left > 0; n++) {
    const count = Math.min(left, PARAGRAPHS.min + Math.floor(random() * (PARAGRAPHS.max - PARAGRAPHS.min + 1)));
    left -= count;
    const title = sentence(TITLE_WORDS.min + Math.floor(random() * (TITLE_WORDS.max - TITLE_WORDS.min + 1))).replace(
      /\.$/,
      '',
    );
    const paragraphs = Array.from({ length: count }, () =>
      Array.from({ length: shapes.paragraphSentences(random) }, () => sentence()).join(' '),
    );
    const date = new Date(Date.UTC(2000, 0, 1) + Math.floor(random() * 9000) * 86_400_000).toISOString().slice(0, 10);
    const markdown = n % 2 === 0;
    const content = markdown
      ? `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\n---\n\n${paragraphs.join('\n\n')}\n`
      : `${title}\n\n${paragraphs.join('\n\n')}\n`;
    bytes += Buffer.byteLength(content);
    generated.files++;
    generated.paragraphs += count;
    pending.push(
      writeFile(join(dir, 'generated', `g${String(n).padStart(6, '0')}.${markdown ? 'md' : 'txt'}`), content),
    );
    // Bounded in-flight writes keep memory flat at 1000×.
    if (pending.length >= 200) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return { dir, files: real.files + generated.files, bytes, real, generated, heaps };
}

/**
 * A rank from 1/r over 1..cap, by inverting the continuous distribution: P(rank ≤ r) = ln(r+1) / ln(cap+1).
 * Ranks are 0-based.
 */
function zipfRank(cap: number, random: () => number): number {
  return Math.min(cap - 1, Math.floor(Math.exp(random() * Math.log(cap + 1))) - 1);
}

/** Word counts and the growth of the distinct-word count, read from real text. */
class Vocabulary {
  private readonly counts = new Map<string, number>();
  words = 0;
  private readonly curve: [number, number][] = [];
  private nextPoint = 1000;

  get size(): number {
    return this.counts.size;
  }

  read(text: string): void {
    for (const w of words(text)) {
      this.words++;
      this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
      if (this.words >= this.nextPoint) {
        this.curve.push([this.words, this.counts.size]);
        this.nextPoint *= 1.25;
      }
    }
  }

  /** The words, commonest first (ties in alphabetical order, so the ranking is the same everywhere). */
  ranked(): string[] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  }

  /**
   * K and β by least squares on log V against log N, over the points past HEAPS_FIT_FROM words (the start of
   * a text is all new words); with too little text, β is DEFAULT_BETA and K puts the curve through the end.
   */
  heaps(): Heaps {
    const points = this.curve.filter(([n]) => n >= HEAPS_FIT_FROM);
    if (points.length < 3) return { beta: DEFAULT_BETA, k: this.size / Math.max(1, this.words) ** DEFAULT_BETA };
    const xs = points.map(([n]) => Math.log(n));
    const ys = points.map(([, v]) => Math.log(v));
    const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
    const [mx, my] = [mean(xs), mean(ys)];
    const beta = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    return { beta, k: Math.exp(my - beta * mx) };
  }
}

/** Sentence lengths (in words) and sentences per paragraph, as the seed articles have them. */
class Shapes {
  private readonly lengths: number[] = [];
  private readonly perParagraph: number[] = [];

  read(text: string): void {
    for (const paragraph of text.split(/\n\s*\n/)) {
      // Rough sentence ends are enough for a length distribution.
      const sentences = paragraph.split(/(?<=[.!?])\s+(?=\p{Lu})/u).filter((s) => words(s).length >= 3);
      if (!sentences.length) continue;
      this.perParagraph.push(sentences.length);
      for (const s of sentences) this.lengths.push(words(s).length);
    }
  }

  sentenceLength(random: () => number): number {
    return this.lengths[Math.floor(random() * this.lengths.length)] ?? 20;
  }

  paragraphSentences(random: () => number): number {
    return this.perParagraph[Math.floor(random() * this.perParagraph.length)] ?? 3;
  }
}

const ONSETS = 'b br c ch cl d dr f fl g gr h j k l m n p pl pr qu r s sh st t th tr v w z'.split(' ');
const NUCLEI = 'a e i o u ai ea ou io'.split(' ');
const CODAS = ['', '', 'n', 'r', 's', 'l', 'm', 'nd', 'st', 'x'];

/**
 * Words past the real vocabulary: two to four syllables and an ending, drawn at random so they lie far
 * apart in spelling (as a real language's rare words do, and typo tolerance then behaves as it would),
 * none equal to a real word or to each other.
 */
class SyntheticWords {
  private readonly made: string[] = [];

  constructor(
    private readonly taken: Set<string>,
    private readonly random: () => number,
  ) {}

  at(i: number): string {
    while (this.made.length <= i) {
      const pick = <T>(xs: T[]) => xs[Math.floor(this.random() * xs.length)]!;
      let word = '';
      const syllables = 2 + Math.floor(this.random() * 3);
      for (let s = 0; s < syllables; s++) word += pick(ONSETS) + pick(NUCLEI);
      word += pick(CODAS);
      if (this.taken.has(word)) continue;
      this.taken.add(word);
      this.made.push(word);
    }
    return this.made[i]!;
  }
}

/** A number with a unit, in the forms reports print them. */
function figure(random: () => number): string {
  const n = (max: number) => 1 + Math.floor(random() * max);
  switch (Math.floor(random() * 6)) {
    case 0:
      return `${n(99)} percent`;
    case 1:
      return `$${n(900)}.${n(9)} million`;
    case 2:
      return `${n(9)}.${n(9)} billion`;
    case 3:
      return `in ${1990 + n(35)}`;
    case 4:
      return `${n(50_000).toLocaleString('en-US')} people`;
    default:
      return `${n(99)}%`;
  }
}
