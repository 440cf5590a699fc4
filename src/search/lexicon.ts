import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import * as z from 'zod';
import { LEXICON_FILE } from '../corpus/files.js';
import { DossierError, errorLine } from '../errors.js';
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
 * Reads a lexicon file as groups of words that mean the same. A missing default file is no lexicon. A named file
 * that cannot be read throws DossierError 'lexicon-missing' naming it, as a corpus folder not found does: a setting
 * naming a file that is not there (a typo, a wrong working folder) would otherwise answer without its synonyms with
 * nothing but a log line to say so. A malformed file is reported and ignored: the engine works without it.
 */
export async function loadLexicon(file: string | undefined, log: Logger, named = false): Promise<Lexicon> {
  if (!file) return { groups: [], hash: '' };
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if (!named) return { groups: [], hash: '' };
    const code = (error as NodeJS.ErrnoException).code;
    throw new DossierError(
      'lexicon-missing',
      code === 'ENOENT'
        ? `Lexicon file not found: ${file} (name a YAML file of synonyms, or none)`
        : `Lexicon file cannot be read: ${file} (${errorLine(error)})`,
    );
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
