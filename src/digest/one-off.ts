import type { Reply } from '../answer/reply.js';
import type { Dossier } from '../engine/dossier.js';
import { parseDateValue } from '../corpus/dates.js';
import { DossierError, typed } from '../errors.js';
import { MAX_TOPICS } from '../commands/limits.js';
import { composeDigest, type FigureSource } from './compose.js';
import { corpusFigures } from './figures.js';

/**
 * What is wrong with a `since` day, if anything: the command line refuses it before loading the corpus. A day the
 * calendar has, read as a document's date is: Date.parse took 2026-02-30 as 2 March.
 */
export function sinceProblem(since: string | undefined): string | undefined {
  if (since === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since)) return `--since "${typed(since)}" is not a date: use YYYY-MM-DD.`;
  return parseDateValue(since) === since
    ? undefined
    : `--since "${since}" is no day of the calendar: check its month and day.`;
}

/**
 * A digest with no channel behind it (the command line's `dossier digest preview …`): nothing counts
 * as seen, and documents dated on or after `since` (YYYY-MM-DD) count as new, newest first.
 */
export function oneOffDigest(
  dossier: Dossier,
  topics: string[],
  since?: string,
  figures: FigureSource = corpusFigures,
): Reply {
  if (!topics.length) throw new DossierError('no-topics', 'Name at least one topic: ferry fares, harbour dredging.');
  if (topics.length > MAX_TOPICS) throw new DossierError('too-many-topics', `Name at most ${MAX_TOPICS} topics.`);
  const problem = sinceProblem(since);
  if (problem) throw new DossierError('bad-date', problem);
  const newDocuments =
    since === undefined
      ? []
      : dossier.documents
          .filter((d) => d.meta.date !== undefined && d.meta.date >= since)
          .sort((a, b) => b.meta.date!.localeCompare(a.meta.date!));
  return composeDigest({ dossier, topics, newDocuments, seen: new Set(), figures }).reply;
}
