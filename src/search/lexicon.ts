import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import * as z from 'zod';
import { LEXICON_FILE } from '../corpus/files.js';
import type { Logger } from '../log.js';
import { parseYaml } from '../yaml.js';
import type { Group } from './bridges.js';

/** What `Dossier.open({ lexicon })` and the LEXICON setting take: a file, or `none` for no lexicon at all. */
export const NO_LEXICON = 'none';

const LexiconFile = z.record(z.string().min(1), z.array(z.string().min(1)).min(1));

export interface Lexicon {
  /** The file read, if any. */
  file?: string;
  groups: Group[];
  /** Hash of the file's bytes ('' for none), part of the saved index's key. */
  hash: string;
}

/**
 * Which lexicon a corpus uses: the file `setting` names (relative to the working folder), none for
 * `none`, or by default the corpus's own `synonyms.yaml` when it has one.
 */
export function lexiconPath(corpusDir: string, setting: string | undefined): string | undefined {
  if (setting === NO_LEXICON) return undefined;
  if (setting) return isAbsolute(setting) ? setting : resolve(setting);
  return join(corpusDir, LEXICON_FILE);
}

/**
 * Reads a lexicon file as groups of words that mean the same. A missing default file is no lexicon;
 * a named file that cannot be read, or a malformed one, is reported and ignored rather than
 * stopping the bot: the engine works without it.
 */
export async function loadLexicon(file: string | undefined, log: Logger, named = false): Promise<Lexicon> {
  if (!file) return { groups: [], hash: '' };
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    if (named) log.warn({ file }, `lexicon ${file} cannot be read: answering without it`);
    return { groups: [], hash: '' };
  }
  const parsed = LexiconFile.safeParse(parseYaml(raw));
  if (!parsed.success) {
    log.warn({ file }, `lexicon ${file} ignored: expected "term: [synonym, …]" entries`);
    return { groups: [], hash: '' };
  }
  const groups = Object.entries(parsed.data).map(([term, same]) => ({
    phrases: [term, ...same],
    via: 'lexicon' as const,
  }));
  return { file, groups, hash: createHash('sha256').update(raw).digest('hex') };
}
