import { UNFINISHED_STATES, type DigestStore, type RunState } from './store.js';

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
