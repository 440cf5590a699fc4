import { createHash } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import * as z from 'zod';
import { LEXICON_FILE, readOnlyFile } from '../corpus/files.js';
import { DossierError, errorLine, readError } from '../errors.js';
import { parseYaml, readYamlMapping } from '../yaml.js';
import type { Group } from './bridges.js';

/** What `Dossier.open({ lexicon })` and the LEXICON setting take: a file, or `none` for no lexicon at all. */
const NO_LEXICON = 'none';

const LexiconFile = z.record(z.string().min(1), z.array(z.string().min(1)).min(1));

export interface Lexicon {
  /** The file read, if any. */
  file?: string;
  groups: Group[];
  /** Hash of the file's bytes ('' for none), part of the saved index's key. */
  hash: string;
  /** Why the file was left out (the corpus's own, malformed): a warning naming it, for the caller to log. */
  ignored?: string;
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
 * nothing but a log line to say so. A named file that is malformed throws 'lexicon-malformed' for the same reason: the
 * setting asked for those synonyms. The corpus's own file that is malformed, or there but unreadable (a pipe), is
 * ignored, with a warning in `ignored`: it is data, like the documents beside it, and one bad file must not stop the
 * bot. The caller logs it, since a bot reading the file again at each rescan warns of it only when it was not already
 * wrong that way.
 */
export async function loadLexicon(file: string | undefined, named = false): Promise<Lexicon> {
  if (!file) return { groups: [], hash: '' };
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readOnlyFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!named) {
      // Not there is no lexicon; there but unreadable (a pipe, no permission) is left out as a malformed one is.
      const ignored = `lexicon ${file} ignored: it cannot be read (${readError(error)})`;
      return code === 'ENOENT' ? { groups: [], hash: '' } : { groups: [], hash: '', ignored };
    }
    throw new DossierError(
      'lexicon-missing',
      code === 'ENOENT'
        ? `Lexicon file not found: ${file} (name a YAML file of synonyms, or none)`
        : `Lexicon file cannot be read: ${file} (${readError(error)})`,
    );
  }
  const { entries, problem } = lexiconEntries(raw);
  if (!entries) {
    if (named)
      throw new DossierError(
        'lexicon-malformed',
        `Lexicon file malformed: ${file} (${problem}; fix it, or name another file, or none)`,
      );
    return { groups: [], hash: '', ignored: `lexicon ${file} ignored: ${problem}` };
  }
  const groups = Object.entries(entries).map(([term, same]) => ({
    phrases: [term, ...same],
    via: 'lexicon' as const,
  }));
  return { file, groups, hash: createHash('sha256').update(raw).digest('hex') };
}

/** A lexicon's entries, or what is wrong with its text in one line: not YAML at all, or not the shape expected. */
function lexiconEntries(raw: string): { entries?: Record<string, string[]>; problem: string } {
  let value: unknown;
  try {
    value = parseYaml(raw);
  } catch (error) {
    // YAML's "Map keys must be unique" names the second's line only, and the file is YAML, well-formed but for that.
    const twice = (error as { code?: string }).code === 'DUPLICATE_KEY' ? repeatedTerm(raw) : undefined;
    if (twice) return { problem: `the term "${twice.term}" is given twice, on lines ${twice.lines.join(' and ')}` };
    // The parser's first line names the problem and where ("… at line 1, column 7:"); the rest is a code frame.
    return { problem: `not YAML: ${errorLine(error).replace(/:$/, '')}` };
  }
  // An empty file, or one of comments only, is a lexicon with no entries yet, not a mistake.
  const parsed = LexiconFile.safeParse(value ?? {});
  if (parsed.success) return { entries: parsed.data, problem: '' };
  const entry = parsed.error.issues[0]?.path[0];
  return {
    problem: `expected "term: [synonym, …]" entries${entry === undefined ? '' : `, as "${String(entry)}" is not`}`,
  };
}

/** The first term a lexicon gives twice, with the (1-based) lines of the two. */
function repeatedTerm(raw: string): { term: string; lines: [number, number] } | undefined {
  const first = new Map<string, number>();
  for (const { key, line } of readYamlMapping(raw).entries ?? []) {
    const earlier = first.get(key);
    if (earlier !== undefined) return { term: key, lines: [earlier + 1, line + 1] };
    first.set(key, line);
  }
  return undefined;
}
