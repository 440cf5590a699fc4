import type { ButtonStore } from '../commands/buttons.js';
import { DossierError } from '../errors.js';
import type { Feed, FeedStore } from '../ingest/feeds.js';
import { PgError, SyncPostgres } from './pg-sync.js';
import { feedFromRow, runFromRow, subscriptionFromRow, type Columns } from './rows.js';
import {
  changesOf,
  DOCUMENT_SQL,
  feedTables,
  knownOf,
  SERVED,
  sqlStates,
  SqlStore,
  UNFINISHED,
  versionOf,
} from './sql-store.js';
import type { Delivered, DocumentChange, HeldRun, KnownDocument, RunColumns, VersionRow } from './sql-store.js';
import type {
  DigestRun,
  DigestStore,
  DocumentChanges,
  DocumentVersion,
  NewSubscription,
  PostingMark,
  RunState,
  Subscription,
} from './store.js';

/** A statement's n-th parameter, as this database writes it (`DOCUMENT_SQL`). */
const PG_PARAMETER = (n: number) => `$${n}`;

/**
 * Numbered migrations, applied in order at start-up, each in its own transaction with its number
 * recorded in `dossier_migrations`. Never edit a released migration: add the next one. The first
 * is the SQLite schema as it stands at its migration 5, in PostgreSQL's types.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE subscriptions (
     id SERIAL PRIMARY KEY,
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     subscriber_id TEXT NOT NULL,
     topics TEXT[] NOT NULL,
     time TEXT NOT NULL,
     days SMALLINT[] NOT NULL,
     time_zone TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT 'active',
     paused_reason TEXT,
     created_at TIMESTAMPTZ NOT NULL,
     schedule_from TIMESTAMPTZ NOT NULL,
     UNIQUE (platform, channel_id)
   );
   CREATE TABLE digest_runs (
     subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
     slot TIMESTAMPTZ NOT NULL,
     state TEXT NOT NULL,
     owner TEXT NOT NULL,
     lease_until TIMESTAMPTZ NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     posting_at TIMESTAMPTZ,
     passage_ids TEXT[] NOT NULL DEFAULT '{}',
     sent_at TIMESTAMPTZ,
     note TEXT,
     PRIMARY KEY (subscription_id, slot)
   );
   CREATE INDEX digest_runs_unfinished ON digest_runs (lease_until) WHERE state IN ('claimed', 'posting', 'unknown');
   CREATE TABLE sent_passages (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     passage_id TEXT NOT NULL,
     sent_at TIMESTAMPTZ NOT NULL,
     PRIMARY KEY (platform, channel_id, passage_id)
   );
   CREATE TABLE documents_seen (
     source TEXT PRIMARY KEY,
     first_seen_at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX documents_seen_by_time ON documents_seen (first_seen_at);
   ${feedTables({ serial: 'SERIAL PRIMARY KEY', time: 'TIMESTAMPTZ' })}
   CREATE TABLE button_states (
     id TEXT PRIMARY KEY,
     state JSONB NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX button_states_by_expiry ON button_states (expires_at);`,
  // A document's title, and when it was last changed or removed, so a digest can say what changed in the corpus.
  `ALTER TABLE documents_seen ADD COLUMN title TEXT;
   ALTER TABLE documents_seen ADD COLUMN changed_at TIMESTAMPTZ;
   ALTER TABLE documents_seen ADD COLUMN removed_at TIMESTAMPTZ;`,
  // The hash of each document's file as last seen, so a start can tell the documents changed while the bot was down.
  `ALTER TABLE documents_seen ADD COLUMN hash TEXT;`,
  // Each document's paragraphs from each change on (a few), so a digest can say what changed in it.
  `CREATE TABLE document_versions (
     source TEXT NOT NULL,
     at TIMESTAMPTZ NOT NULL,
     paragraphs TEXT NOT NULL,
     PRIMARY KEY (source, at)
   );`,
  // Each version's title, so a digest can say a document was retitled.
  `ALTER TABLE document_versions ADD COLUMN title TEXT;`,
];

export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/** Any number: the advisory lock two instances starting at once take to migrate one after the other. */
const MIGRATION_LOCK = 7_274_193;

/** A row's times (timestamptz, which node-postgres reads as Dates) as ISO strings. */
function decoded(row: unknown): Columns {
  return Object.fromEntries(
    Object.entries(row as Columns).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );
}
// COUNT(*) is a bigint, which node-postgres reads as a string.
const FEED_COLUMNS = `feeds.*, (SELECT COUNT(*)::int FROM feed_items WHERE feed_id = feeds.id) AS items`;

/** The URL as it may be shown in logs and /healthz: without its password. */
function redactUrl(url: string): string {
  try {
    const shown = new URL(url);
    shown.password = '';
    return shown.toString();
  } catch {
    return 'DATABASE_URL (not a URL)';
  }
}

/**
 * The digest store in PostgreSQL (DATABASE_URL), for several instances of the bot sharing one
 * schedule, one record of what each channel was sent and the state behind every answer's buttons.
 * It keeps DigestStore's protocol to the letter: a claim is one statement under the subscription's
 * row lock, so two instances due at once give each slot to exactly one of them, and every move of
 * a run is conditional on its owner. Statements run synchronously (see SyncPostgres).
 */
export class PgDigestStore extends SqlStore implements DigestStore, FeedStore, ButtonStore {
  private readonly db: SyncPostgres;
  /** The database as named in messages: DATABASE_URL without its password. */
  readonly shownUrl: string;
  private closed = false;

  /** Connects and applies pending migrations; throws a DossierError naming the database when it cannot. */
  constructor(url: string, options: ConstructorParameters<typeof SyncPostgres>[1] = {}) {
    super();
    this.shownUrl = redactUrl(url);
    this.db = new SyncPostgres(url, options);
    try {
      this.migrate();
    } catch (error) {
      this.db.close();
      throw new DossierError(
        'database',
        `Could not open the digest database ${this.shownUrl} (DATABASE_URL): ${(error as Error).message}.`,
      );
    }
  }

  get schemaVersion(): number {
    return this.db.query<{ version: number }>(
      'SELECT COALESCE(MAX(version), 0)::int AS version FROM dossier_migrations',
    ).rows[0]!.version;
  }

  private migrate(): void {
    this.db.query(`CREATE TABLE IF NOT EXISTS dossier_migrations (
      version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    // Session-level, so that it holds across each migration's own transaction; a second instance
    // starting at once waits here, then finds the migrations applied.
    this.db.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      for (let version = this.schemaVersion; version < MIGRATIONS.length; version++)
        this.db.transaction(() => {
          this.db.query(MIGRATIONS[version]!);
          this.db.query('INSERT INTO dossier_migrations (version) VALUES ($1)', [version + 1]);
        });
    } finally {
      this.db.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  }

  /** Runs one statement, turning a failure into a DossierError a user can be shown. */
  private sql<Row = Record<string, unknown>>(text: string, values: unknown[] = []): Row[] {
    return this.guard(() => this.db.query<Row>(text, values).rows);
  }

  private guard<T>(work: () => T): T {
    if (this.closed) throw new DossierError('database', `The digest database ${this.shownUrl} is closed.`);
    try {
      return work();
    } catch (error) {
      if (!(error instanceof PgError)) throw error;
      throw new DossierError(
        'database',
        `The digest database ${this.shownUrl} could not be used (${error.message}); try again in a moment.`,
      );
    }
  }

  check(): string | undefined {
    if (this.closed) return undefined;
    try {
      this.db.query('SELECT 1');
      return undefined;
    } catch (error) {
      return `the digest database ${this.shownUrl} does not answer (${(error as Error).message})`;
    }
  }

  subscribe(sub: NewSubscription, now: Date): Subscription {
    const [row] = this.sql(
      `INSERT INTO subscriptions AS s
         (platform, channel_id, subscriber_id, topics, time, days, time_zone, created_at, schedule_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (platform, channel_id) DO UPDATE SET
         subscriber_id = excluded.subscriber_id, topics = excluded.topics,
         schedule_from = CASE
           WHEN s.time <> excluded.time OR s.days <> excluded.days OR s.time_zone <> excluded.time_zone
             OR s.state <> 'active' THEN excluded.schedule_from
           ELSE s.schedule_from END,
         time = excluded.time, days = excluded.days, time_zone = excluded.time_zone,
         state = 'active', paused_reason = NULL
       RETURNING *`,
      [sub.platform, sub.channelId, sub.subscriberId, sub.topics, sub.time, sub.days, sub.timeZone, now],
    );
    return subscriptionFromRow(decoded(row));
  }

  unsubscribe(platform: Subscription['platform'], channelId: string): boolean {
    return (
      this.sql('DELETE FROM subscriptions WHERE platform = $1 AND channel_id = $2 RETURNING id', [platform, channelId])
        .length > 0
    );
  }

  subscription(platform: Subscription['platform'], channelId: string): Subscription | undefined {
    const [row] = this.sql('SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2', [
      platform,
      channelId,
    ]);
    return row ? subscriptionFromRow(decoded(row)) : undefined;
  }

  subscriptionById(id: number): Subscription | undefined {
    const [row] = this.sql('SELECT * FROM subscriptions WHERE id = $1', [id]);
    return row ? subscriptionFromRow(decoded(row)) : undefined;
  }

  subscriptions(state?: Subscription['state'], page?: { afterId: number; limit: number }): Subscription[] {
    return this.sql(
      `SELECT * FROM subscriptions WHERE ($1::text IS NULL OR state = $1) AND id > $2 ORDER BY id LIMIT $3`,
      [state ?? null, page?.afterId ?? 0, page?.limit ?? null],
    ).map((r) => subscriptionFromRow(decoded(r)));
  }

  pause(id: number, reason: string): void {
    this.sql(`UPDATE subscriptions SET state = 'paused', paused_reason = $1 WHERE id = $2`, [reason, id]);
  }

  claimRun(subscriptionId: number, slot: Date, owner: string, now: Date, leaseUntil: Date): DigestRun | undefined {
    const [row] = this.guard(() =>
      this.db.transaction(() => {
        // The subscription's row lock makes "no earlier slot unfinished" and the claim one step for
        // every instance: a second claimant waits, then sees the first's run.
        this.db.query('SELECT 1 FROM subscriptions WHERE id = $1 FOR UPDATE', [subscriptionId]);
        return this.db.query(
          `INSERT INTO digest_runs AS r (subscription_id, slot, state, owner, lease_until, attempts)
           SELECT $1, $2::timestamptz, 'claimed', $3, $4::timestamptz, 0
           WHERE NOT EXISTS (SELECT 1 FROM digest_runs WHERE subscription_id = $1 AND slot < $2::timestamptz
                             AND state IN (${UNFINISHED}))
           ON CONFLICT (subscription_id, slot) DO UPDATE SET
             owner = excluded.owner, lease_until = excluded.lease_until,
             state = CASE r.state WHEN 'posting' THEN 'unknown' ELSE r.state END,
             note = CASE r.state WHEN 'posting' THEN 'the process posting it stopped before the outcome was known'
                    ELSE r.note END
           WHERE r.state IN (${UNFINISHED}) AND r.lease_until <= $5::timestamptz
           RETURNING *`,
          [subscriptionId, slot, owner, leaseUntil, now],
        ).rows;
      }),
    );
    const run = row ? runFromRow(decoded(row)) : undefined;
    return run?.owner === owner ? run : undefined;
  }

  skipRun(subscriptionId: number, slot: Date, owner: string, now: Date, note: string): boolean {
    return (
      this.sql(
        `INSERT INTO digest_runs AS r (subscription_id, slot, state, owner, lease_until, attempts, note)
         VALUES ($1, $2, 'skipped', $3, $4, 0, $5)
         ON CONFLICT (subscription_id, slot) DO UPDATE SET state = 'skipped', note = excluded.note
         WHERE r.owner = $3 AND r.state IN ('claimed', 'unknown')
         RETURNING 1`,
        [subscriptionId, slot, owner, now, note],
      ).length > 0
    );
  }

  markPosting(marks: PostingMark[], now: Date): boolean[] {
    // One transaction, on disk before any post leaves even where the server is set to commit
    // lazily (synchronous_commit = off): a post whose `posting` mark were lost would be sent again
    // without looking. Every other step may be lost at no cost, as in the SQLite store.
    return this.guard(() =>
      this.db.transaction(() => {
        this.db.query('SET LOCAL synchronous_commit = on');
        return marks.map(
          (m) =>
            this.db.query(
              `UPDATE digest_runs SET state = 'posting', passage_ids = $4, posting_at = COALESCE(posting_at, $5),
                 attempts = attempts + 1, lease_until = $6
               WHERE subscription_id = $1 AND slot = $2 AND owner = $3 AND state IN ('claimed', 'unknown')`,
              [m.subscriptionId, m.slot, m.owner, m.shownIds, now, m.leaseUntil],
            ).rowCount > 0,
        );
      }),
    );
  }

  protected move({ subscriptionId, slot, owner }: HeldRun, from: readonly RunState[], columns: RunColumns): boolean {
    const set = Object.entries(columns);
    return (
      this.sql(
        `UPDATE digest_runs SET ${set.map(([column], i) => `${column} = $${i + 4}`).join(', ')}
         WHERE subscription_id = $1 AND slot = $2 AND owner = $3 AND state IN (${sqlStates(from)}) RETURNING 1`,
        [subscriptionId, slot, owner, ...set.map(([, value]) => value)],
      ).length > 0
    );
  }

  protected deliver(run: HeldRun, state: Delivered, at: Date, note: string | null): boolean {
    const { subscriptionId, slot, owner } = run;
    // One statement: the run's move and its passages remembered stand or fall together.
    const [row] = this.sql<{ moved: number }>(
      `WITH run AS (
         UPDATE digest_runs SET state = $4, sent_at = $5, note = COALESCE($6, note)
         WHERE subscription_id = $1 AND slot = $2 AND owner = $3 AND state IN ('posting', 'unknown')
         RETURNING subscription_id, passage_ids
       ), remembered AS (
         INSERT INTO sent_passages (platform, channel_id, passage_id, sent_at)
         SELECT s.platform, s.channel_id, unnest(run.passage_ids), $5::timestamptz
         FROM run JOIN subscriptions s ON s.id = run.subscription_id
         ON CONFLICT DO NOTHING
       )
       SELECT COUNT(*)::int AS moved FROM run`,
      [subscriptionId, slot, owner, state, at, note],
    );
    return row!.moved > 0;
  }

  run(subscriptionId: number, slot: Date): DigestRun | undefined {
    const [row] = this.sql('SELECT * FROM digest_runs WHERE subscription_id = $1 AND slot = $2', [
      subscriptionId,
      slot,
    ]);
    return row ? runFromRow(decoded(row)) : undefined;
  }

  runs(subscriptionId: number): DigestRun[] {
    return this.sql('SELECT * FROM digest_runs WHERE subscription_id = $1 ORDER BY slot', [subscriptionId]).map((r) =>
      runFromRow(decoded(r)),
    );
  }

  pendingRuns(now: Date): DigestRun[] {
    return this.sql(`SELECT * FROM digest_runs WHERE state IN (${UNFINISHED}) AND lease_until <= $1 ORDER BY slot`, [
      now,
    ]).map((r) => runFromRow(decoded(r)));
  }

  unfinishedRuns(): DigestRun[] {
    return this.sql(`SELECT * FROM digest_runs WHERE state IN (${UNFINISHED}) ORDER BY slot`).map((r) =>
      runFromRow(decoded(r)),
    );
  }

  countUnfinishedRuns(): number {
    return this.sql<{ n: number }>(`SELECT COUNT(*)::int AS n FROM digest_runs WHERE state IN (${UNFINISHED})`)[0]!.n;
  }

  latestSlots(): Map<number, Date> {
    const rows = this.sql<{ id: number; slot: Date }>(
      'SELECT subscription_id AS id, MAX(slot) AS slot FROM digest_runs GROUP BY subscription_id',
    );
    return new Map(rows.map((r) => [r.id, r.slot]));
  }

  latestServedSlot(subscriptionId: number): Date | undefined {
    const [row] = this.sql<{ slot: Date | null }>(
      `SELECT MAX(slot) AS slot FROM digest_runs WHERE subscription_id = $1 AND ${SERVED}`,
      [subscriptionId],
    );
    return row?.slot ?? undefined;
  }

  lastSentAt(subscriptionId: number): Date | undefined {
    const [row] = this.sql<{ at: Date | null }>(
      `SELECT MAX(sent_at) AS at FROM digest_runs WHERE subscription_id = $1 AND state IN ('sent', 'unconfirmed')`,
      [subscriptionId],
    );
    return row?.at ?? undefined;
  }

  /**
   * The table is still `sent_passages`, though it holds figure ids too: renaming it would take a migration, and during
   * a rolling upgrade (several instances share one database) an instance still on the old code would write to a table
   * that is gone.
   */
  sentItems(platform: Subscription['platform'], channelId: string): Set<string> {
    const rows = this.sql<{ passage_id: string }>(
      'SELECT passage_id FROM sent_passages WHERE platform = $1 AND channel_id = $2',
      [platform, channelId],
    );
    return new Set(rows.map((r) => r.passage_id));
  }

  followFeed(url: string, title: string | null, addedBy: string, now: Date): { feed: Feed; was?: Feed['state'] } {
    const before = this.feed(url);
    this.sql(
      `INSERT INTO feeds AS f (url, title, added_by, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (url) DO UPDATE SET state = 'active', failures = 0, title = COALESCE(excluded.title, f.title)`,
      [url, title, addedBy, now],
    );
    return { feed: this.feed(url)!, was: before?.state };
  }

  unfollowFeed(url: string): Feed | undefined {
    const feed = this.feed(url);
    if (feed) this.sql('DELETE FROM feeds WHERE id = $1', [feed.id]);
    return feed;
  }

  feed(url: string): Feed | undefined {
    const [row] = this.sql(`SELECT ${FEED_COLUMNS} FROM feeds WHERE url = $1`, [url]);
    return row ? feedFromRow(decoded(row)) : undefined;
  }

  feeds(): Feed[] {
    return this.sql(`SELECT ${FEED_COLUMNS} FROM feeds ORDER BY id`).map((r) => feedFromRow(decoded(r)));
  }

  feedPolled(id: number, validators: { etag?: string; lastModified?: string }, title: string | null, now: Date): void {
    this.sql(
      `UPDATE feeds SET etag = $2, last_modified = $3, title = COALESCE($4, title), failures = 0,
         last_error = NULL, last_polled_at = $5 WHERE id = $1`,
      [id, validators.etag ?? null, validators.lastModified ?? null, title, now],
    );
  }

  feedFailed(id: number, error: string, maxFailures: number, now: Date): Feed | undefined {
    const [row] = this.sql<{ url: string }>(
      `UPDATE feeds SET failures = failures + 1, last_error = $2, last_polled_at = $3,
         state = CASE WHEN failures + 1 >= $4 THEN 'paused' ELSE state END
       WHERE id = $1 RETURNING url`,
      [id, error, now, maxFailures],
    );
    return row ? this.feed(row.url) : undefined;
  }

  hasFeedItem(feedId: number, key: string): boolean {
    return this.sql('SELECT 1 FROM feed_items WHERE feed_id = $1 AND item_key = $2', [feedId, key]).length > 0;
  }

  addFeedItem(feedId: number, item: { key: string; link: string; source: string }, now: Date): void {
    this.sql(
      `INSERT INTO feed_items (feed_id, item_key, link, source, added_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [feedId, item.key, item.link, item.source, now],
    );
  }

  markSeen(source: string, now: Date, title?: string, hash?: string): void {
    this.sql(DOCUMENT_SQL.seen(PG_PARAMETER), [source, now, title ?? null, hash ?? null]);
  }

  seenSince(since: Date): string[] {
    return this.sql<{ source: string }>(DOCUMENT_SQL.seenSince(PG_PARAMETER), [since]).map((r) => r.source);
  }

  markChanged(source: string, now: Date, title: string, hash?: string): void {
    this.sql(DOCUMENT_SQL.changed(PG_PARAMETER), [now, title, hash ?? null, source]);
  }

  keepVersion(source: string, at: Date, version: DocumentVersion, keep: number): void {
    this.sql(DOCUMENT_SQL.keepVersion(PG_PARAMETER), [
      source,
      at,
      JSON.stringify(version.paragraphs),
      version.title ?? null,
    ]);
    this.sql(DOCUMENT_SQL.pruneVersions(PG_PARAMETER), [source, keep]);
  }

  versionedDocuments(): Set<string> {
    return new Set(this.sql<{ source: string }>(DOCUMENT_SQL.versioned()).map((r) => r.source));
  }

  versionAt(source: string, at: Date): DocumentVersion | undefined {
    return versionOf(this.sql<VersionRow>(DOCUMENT_SQL.versionAt(PG_PARAMETER), [source, at])[0]);
  }

  knownDocuments(): Map<string, string | undefined> {
    return knownOf(this.sql<KnownDocument>(DOCUMENT_SQL.known()));
  }

  markRemoved(source: string, now: Date): void {
    this.sql(DOCUMENT_SQL.removed(PG_PARAMETER), [now, source]);
  }

  changedSince(since: Date): DocumentChanges {
    return changesOf(this.sql<DocumentChange>(DOCUMENT_SQL.changedSince(PG_PARAMETER), [since]));
  }

  keepButtons(id: string, state: unknown, expiresAt: Date, now: Date): void {
    // Expired buttons are cleared as new ones are kept: the table holds about a button lifetime's worth.
    this.sql(
      `WITH gone AS (DELETE FROM button_states WHERE expires_at < $4)
       INSERT INTO button_states (id, state, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at`,
      [id, JSON.stringify(state), expiresAt, now],
    );
  }

  buttons(id: string, now: Date): unknown {
    const [row] = this.sql<{ state: unknown }>('SELECT state FROM button_states WHERE id = $1 AND expires_at >= $2', [
      id,
      now,
    ]);
    return row?.state;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  close(): void {
    this.closed = true;
    this.db.close();
  }
}
