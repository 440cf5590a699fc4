import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceDocument } from '../src/corpus/types.js';

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

export interface GeneratedCorpus {
  dir: string;
  files: number;
  bytes: number;
}

/**
 * Writes a corpus `factor` times the size of the seeds into `dir`: the seed files themselves (so the
 * dev questions still have their true answers), plus `factor - 1` variants of each seed document.
 * A variant keeps its seed's paragraph count and each paragraph's sentence count, but the sentences
 * of the whole document are shuffled between its paragraphs, and every number has all digits after
 * the first replaced at random (so figures differ while staying plausible). Variants alternate
 * between .txt (title on the first line) and .md (a `#` title); all text comes from the seeds,
 * read at run time, never stored in the repository.
 */
export async function generateCorpus(
  seeds: { documents: SourceDocument[]; files: Map<string, Uint8Array> },
  dir: string,
  factor: number,
  seed = 7,
): Promise<GeneratedCorpus> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const random = prng(seed * 1000 + factor);
  let bytes = 0;
  let files = 0;
  const pending: Promise<void>[] = [];
  const write = (name: string, content: string | Uint8Array) => {
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    files++;
    pending.push(writeFile(join(dir, name), content));
  };
  for (const [name, content] of seeds.files) write(name, content);
  for (let copy = 1; copy < factor; copy++) {
    for (const [d, doc] of seeds.documents.entries()) {
      const markdown = copy % 2 === 1;
      const title = `${doc.meta.title} (variant ${copy})`;
      const body = variantParagraphs(doc, random).join('\n\n');
      write(
        `v${String(copy).padStart(4, '0')}_${d}.${markdown ? 'md' : 'txt'}`,
        markdown ? `# ${title}\n\n${body}\n` : `${title}\n\n${body}\n`,
      );
    }
    // Bounded in-flight writes keep memory flat at 1000×.
    if (pending.length >= 500) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return { dir, files, bytes };
}

function variantParagraphs(doc: SourceDocument, random: () => number): string[] {
  const shapes = doc.passages.map((p) => (p.sentences.length ? p.sentences.map((s) => s.text) : [p.text]));
  const pool = shapes.flat();
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  let next = 0;
  return shapes.map((sentences) =>
    sentences
      .map(() => perturbNumbers(pool[next++]!, random))
      .join(' ')
      .trim(),
  );
}

function perturbNumbers(text: string, random: () => number): string {
  return text.replace(
    /\d+/g,
    (digits) => digits[0] + digits.slice(1).replace(/\d/g, () => String(Math.floor(random() * 10))),
  );
}
