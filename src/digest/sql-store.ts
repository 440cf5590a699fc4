import {
  NOTHING_NEW,
  UNFINISHED_STATES,
  type DigestStore,
  type DocumentChanges,
  type DocumentVersion,
  type RunState,
} from './store.js';

/** A run as a move names it: the subscription's slot, and who must still hold it. */
export interface HeldRun {
  subscriptionId: number;
  slot: Date;
  owner: string;
}

/** The columns of `digest_runs` a move sets, by their names in the schema both stores share. */
export interface RunColumns {
  state: RunState;
  note?: string;
  lease_until?: Date;
}

/** The states a post that may be in its channel ends in. */
export type Delivered = Extract<RunState, 'sent' | 'unconfirmed'>;

/** Run states as a SQL list, for `state IN (…)`: they are the schema's own words, never a user's. */
export const sqlStates = (states: readonly RunState[]) => states.map((s) => `'${s}'`).join(', ');

export const UNFINISHED = sqlStates(UNFINISHED_STATES);

/** Runs that served their channel its day's digest (`DigestStore.latestServedSlot`), for a `WHERE`. */
export const SERVED = `(state NOT IN ('failed', 'skipped') OR (state = 'skipped' AND note = '${NOTHING_NEW}'))`;

/** Column types in one database's terms, for the tables both stores define alike. */
export interface SqlTypes {
  /** A primary key the database numbers. */
  serial: string;
  /** A point in time. */
  time: string;
}

/**
 * The feeds followed and the items taken from each (src/ingest/feeds.ts): SQLite's migration 4 and part of
 * PostgreSQL's migration 1. Released in both: never edit it; add a migration to each store instead.
 */
export const feedTables = ({ serial, time }: SqlTypes) => `CREATE TABLE feeds (
     id ${serial},
     url TEXT NOT NULL UNIQUE,
     title TEXT,
     state TEXT NOT NULL DEFAULT 'active',
     etag TEXT,
     last_modified TEXT,
     failures INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     last_polled_at ${time},
     added_by TEXT NOT NULL,
     created_at ${time} NOT NULL
   );
   CREATE TABLE feed_items (
     feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
     item_key TEXT NOT NULL,
     link TEXT NOT NULL,
     source TEXT NOT NULL,
     added_at ${time} NOT NULL,
     PRIMARY KEY (feed_id, item_key)
   );`;

/**
 * What the SQLite and the PostgreSQL store do alike: the delivery protocol's moves after `markPosting`. Each is
 * one conditional update of a run its owner still holds (`move`), or the move to a delivered state that also
 * remembers the run's passages for its channel (`deliver`); each store writes those two in its own SQL.
 */
export abstract class SqlStore implements Pick<
  DigestStore,
  'releaseRun' | 'markUnknown' | 'markSent' | 'markUnconfirmed' | 'markFailed'
> {
  releaseRun(subscriptionId: number, slot: Date, owner: string, leaseUntil: Date): boolean {
    return this.move({ subscriptionId, slot, owner }, ['claimed', 'posting'], {
      state: 'claimed',
      lease_until: leaseUntil,
    });
  }

  markUnknown(subscriptionId: number, slot: Date, owner: string, note: string, checkAfter: Date): boolean {
    return this.move({ subscriptionId, slot, owner }, ['posting', 'unknown'], {
      state: 'unknown',
      note,
      lease_until: checkAfter,
    });
  }

  markSent(subscriptionId: number, slot: Date, owner: string, sentAt: Date): boolean {
    return this.deliver({ subscriptionId, slot, owner }, 'sent', sentAt, null);
  }

  markUnconfirmed(subscriptionId: number, slot: Date, owner: string, at: Date, note: string): boolean {
    return this.deliver({ subscriptionId, slot, owner }, 'unconfirmed', at, note);
  }

  markFailed(subscriptionId: number, slot: Date, owner: string, note: string): boolean {
    return this.move({ subscriptionId, slot, owner }, UNFINISHED_STATES, { state: 'failed', note });
  }

  /** Sets `columns` on the run if its owner holds it in one of `from`; false once it no longer does. */
  protected abstract move(run: HeldRun, from: readonly RunState[], columns: RunColumns): boolean;

  /** `sent` or `unconfirmed` at `at`, with the run's passages remembered for its channel, in one step. */
  protected abstract deliver(run: HeldRun, state: Delivered, at: Date, note: string | null): boolean;
}

/** A row of `DOCUMENT_SQL.changedSince`. */
export interface DocumentChange {
  source: string;
  title: string | null;
  removed: boolean | number;
}

/** A row of `DOCUMENT_SQL.known`: a document not removed, with its file's hash if one was noted. */
export interface KnownDocument {
  source: string;
  hash: string | null;
}

/**
 * The statements on `documents_seen` both stores run, with `p(n)` the n-th parameter as each database writes it
 * (SQLite `?n`, PostgreSQL `$n`), which a statement may name more than once. A removed document's row is kept, with
 * its title, so a digest can say it went; seen again, it is new again.
 */
export const DOCUMENT_SQL = {
  /** (source, now, title, hash): a document seen, new unless already seen and not removed since. */
  seen: (p: (n: number) => string) =>
    `INSERT INTO documents_seen (source, first_seen_at, title, hash) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})
     ON CONFLICT (source) DO UPDATE SET
       first_seen_at = CASE WHEN documents_seen.removed_at IS NULL THEN documents_seen.first_seen_at
                       ELSE excluded.first_seen_at END,
       changed_at = CASE WHEN documents_seen.removed_at IS NULL THEN documents_seen.changed_at END,
       removed_at = NULL,
       title = COALESCE(excluded.title, documents_seen.title),
       hash = COALESCE(excluded.hash, documents_seen.hash)`,
  /** (since) */
  seenSince: (p: (n: number) => string) =>
    `SELECT source FROM documents_seen WHERE first_seen_at > ${p(1)} AND removed_at IS NULL
     ORDER BY first_seen_at, source`,
  /** (now, title, hash, source) */
  changed: (p: (n: number) => string) =>
    `UPDATE documents_seen SET changed_at = ${p(1)}, title = ${p(2)}, hash = COALESCE(${p(3)}, hash)
     WHERE source = ${p(4)} AND removed_at IS NULL`,
  known: () => 'SELECT source, hash FROM documents_seen WHERE removed_at IS NULL',
  /** (source, at, paragraphs, title) */
  keepVersion: (p: (n: number) => string) =>
    `INSERT INTO document_versions (source, at, paragraphs, title) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})
     ON CONFLICT (source, at) DO UPDATE SET paragraphs = excluded.paragraphs, title = excluded.title`,
  versioned: () => 'SELECT DISTINCT source FROM document_versions',
  /** (source, keep): the versions of a document but its `keep` newest. */
  pruneVersions: (p: (n: number) => string) =>
    `DELETE FROM document_versions WHERE source = ${p(1)} AND at < (
       SELECT at FROM document_versions WHERE source = ${p(1)} ORDER BY at DESC LIMIT 1 OFFSET ${p(2)} - 1)`,
  /** (source, at) */
  versionAt: (p: (n: number) => string) =>
    `SELECT paragraphs, title FROM document_versions WHERE source = ${p(1)} AND at <= ${p(2)} ORDER BY at DESC LIMIT 1`,
  /** (now, source) */
  removed: (p: (n: number) => string) =>
    `UPDATE documents_seen SET removed_at = ${p(1)} WHERE source = ${p(2)} AND removed_at IS NULL`,
  /** (since) */
  changedSince: (p: (n: number) => string) =>
    `SELECT source, title, removed_at IS NOT NULL AS removed FROM documents_seen
     WHERE first_seen_at <= ${p(1)} AND (removed_at > ${p(1)} OR (removed_at IS NULL AND changed_at > ${p(1)}))
     ORDER BY COALESCE(removed_at, changed_at), source`,
};

/** A row of `DOCUMENT_SQL.versionAt`. */
export interface VersionRow {
  paragraphs: string;
  title: string | null;
}

/** `DigestStore.versionAt` from its row. */
export const versionOf = (row: VersionRow | undefined): DocumentVersion | undefined =>
  row && { paragraphs: JSON.parse(row.paragraphs) as string[], ...(row.title !== null ? { title: row.title } : {}) };

/** `DigestStore.knownDocuments` from the rows of `DOCUMENT_SQL.known`. */
export const knownOf = (rows: KnownDocument[]): Map<string, string | undefined> =>
  new Map(rows.map((r) => [r.source, r.hash ?? undefined]));

/** `DigestStore.changedSince` from its rows. */
export const changesOf = (rows: DocumentChange[]): DocumentChanges => ({
  changed: rows.filter((r) => !r.removed).map((r) => r.source),
  removed: rows.filter((r) => r.removed).map((r) => ({ source: r.source, ...(r.title ? { title: r.title } : {}) })),
});
