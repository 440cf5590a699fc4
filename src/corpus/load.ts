import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Logger } from '../log.js';
import type { Corpus, Passage, SourceDocument } from './types.js';

export interface LoadOptions {
  log?: Logger;
  /** Files larger than this are skipped with a warning (default 20 MB). */
  maxBytes?: number;
}

// PLACEHOLDER: the corpus helper replaces this file with the real loader (formats, cleaning, metadata).
export async function loadCorpus(dir: string, _options: LoadOptions = {}): Promise<Corpus> {
  const root = resolve(dir);
  const documents: SourceDocument[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(txt|md)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const raw = await readFile(path, 'utf8');
    const source = relative(root, path).split(sep).join('/');
    const paragraphs = raw.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const passages: Passage[] = paragraphs.map((text, i) => ({ id: `${source}#${i + 1}`, source, paragraph: i + 1, text, sentences: [{ text, start: 0 }] }));
    documents.push({ source, hash: createHash('sha256').update(raw).digest('hex'), meta: { title: paragraphs[0] ?? source, tags: [] }, passages });
  }
  return { dir: root, documents, warnings: [] };
}
