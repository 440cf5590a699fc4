import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ButtonStore } from '../commands/buttons.js';
import { DossierError } from '../errors.js';
import { makeFolders } from '../saved-file.js';
import type { Feed, FeedStore } from '../ingest/feeds.js';
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

/**
 * A statement's n-th parameter, as this database writes it (`DOCUMENT_SQL`): numbered, `?1`, so that a statement may
 * name one twice, as PostgreSQL's `$1` may. better-sqlite3 binds a numbered parameter by name: `numbered`'s object.
 */
const SQLITE_PARAMETER = (n: number) => `?${n}`;
/** The values of a statement's numbered parameters (`SQLITE_PARAMETER`), first to last. */
const numbered = (...values: unknown[]): Record<number, unknown> =>
  Object.fromEntries(values.map((value, i) => [i + 1, value]));

/**
 * Numbered migrations, applied in order at start-up inside one transaction each; the database's
 * `user_version` records the last one applied. Never edit a released migration: add the next one.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE subscriptions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     subscriber_id TEXT NOT NULL,
     topics TEXT NOT NULL,
     time TEXT NOT NULL,
     days TEXT NOT NULL,
     time_zone TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT 'active',
     paused_reason TEXT,
     created_at TEXT NOT NULL,
     UNIQUE (platform, channel_id)
   );
   CREATE TABLE digest_runs (
     subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
     slot TEXT NOT NULL,
     state TEXT NOT NULL,
     owner TEXT NOT NULL,
     lease_until TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 1,
     sent_at TEXT,
     note TEXT,
     PRIMARY KEY (subscription_id, slot)
   );
   CREATE TABLE sent_passages (
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     passage_id TEXT NOT NULL,
     sent_at TEXT NOT NULL,
     PRIMARY KEY (platform, channel_id, passage_id)
   );
   CREATE TABLE documents_seen (
     source TEXT PRIMARY KEY,
     first_seen_at TEXT NOT NULL
   );
   CREATE INDEX documents_seen_by_time ON documents_seen (first_seen_at);`,
  // node-cron's run coordinator: which process runs one firing of a job.
  `CREATE TABLE leases (
     key TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     lease_until TEXT NOT NULL
   );`,
  // The delivery protocol with an unknown state: what a post quoted and when it started, so an
  // unconfirmed post can be looked for and its passages recorded; when a schedule began; one
  // scheduler job instead of node-cron's run coordinator.
  `ALTER TABLE subscriptions ADD COLUMN schedule_from TEXT;
   UPDATE subscriptions SET schedule_from = created_at;
   ALTER TABLE digest_runs ADD COLUMN posting_at TEXT;
   ALTER TABLE digest_runs ADD COLUMN passage_ids TEXT NOT NULL DEFAULT '[]';
   CREATE INDEX digest_runs_unfinished ON digest_runs (lease_until)
     WHERE state IN ('claimed', 'posting', 'unknown');
   DROP TABLE leases;`,
  // Feeds whose new items join the corpus, and the items already taken from each (src/ingest/feeds.ts).
  feedTables({ serial: 'INTEGER PRIMARY KEY AUTOINCREMENT', time: 'TEXT' }),
  // What the buttons under an answer need when pressed, so they work after a restart (src/commands/buttons.ts).
  `CREATE TABLE button_states (
     id TEXT PRIMARY KEY,
     state TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE INDEX button_states_by_expiry ON button_states (expires_at);`,
  // A document's title, and when it was last changed or removed, so a digest can say what changed in the corpus.
  `ALTER TABLE documents_seen ADD COLUMN title TEXT;
   ALTER TABLE documents_seen ADD COLUMN changed_at TEXT;
   ALTER TABLE documents_seen ADD COLUMN removed_at TEXT;`,
  // The hash of each document's file as last seen, so a start can tell the documents changed while the bot was down.
  `ALTER TABLE documents_seen ADD COLUMN hash TEXT;`,
  // Each document's paragraphs from each change on (a few), so a digest can say what changed in it.
  `CREATE TABLE document_versions (
     source TEXT NOT NULL,
     at TEXT NOT NULL,
     paragraphs TEXT NOT NULL,
     PRIMARY KEY (source, at)
   );`,
  // Each version's title, so a digest can say a document was retitled.
  `ALTER TABLE document_versions ADD COLUMN title TEXT;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

const FEED_COLUMNS = `feeds.*, (SELECT COUNT(*) FROM feed_items WHERE feed_id = feeds.id) AS items`;

/** A row's JSON columns (topics, days, a run's passages) as the arrays they hold. */
function decoded(row: unknown): Columns {
  const r = row as Columns;
  const json = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : value);
  return { ...r, topics: json(r.topics), days: json(r.days), passage_ids: json(r.passage_ids) };
}

const iso = (d: Date) => d.toISOString();

/** Which file a path names now (device and inode), or undefined when there is none. */
function fileIdentity(path: string): string | undefined {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? `${info.dev}:${info.ino}` : undefined;
}

/**
 * The digest store in one SQLite file (WAL mode, so readers never wait on the writer). The file is
 * checked before every write and by `check()`: once it has been deleted or replaced, nothing more
 * is written (it would be lost, or would overwrite a restored file), and a copy of what the open
 * database still holds is saved beside it as `<file>.recovered`.
 */
export class SqliteDigestStore extends SqlStore implements DigestStore, FeedStore, ButtonStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** The file opened, to notice it being deleted or replaced; undefined for `:memory:`. */
  private readonly identity?: string;
  private problem?: string;

  /** Opens (creating if needed) the database at `path` and applies pending migrations. */
  constructor(readonly path: string) {
    super();
    let db: Database.Database | undefined;
    try {
      if (path !== ':memory:') makeFolders(dirname(path));
      db = new Database(path);
      db.pragma('journal_mode = WAL');
      // Every commit survives the process being killed; `markPosting` alone also waits for the disk
      // (see there). An fsync per write made ten thousand digests wait minutes on the disk.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      // Two bot processes on one file: wait for the other's write instead of failing with SQLITE_BUSY.
      db.pragma('busy_timeout = 5000');
      this.db = db;
      this.migrate();
      // SQLite opens a file it may not write read-only without a word, and the first write (a document seen, a
      // subscription) then failed without naming the file: writing the version back, unchanged, finds it out here.
      db.pragma(`user_version = ${this.schemaVersion}`);
    } catch (error) {
      db?.close();
      const reason = error instanceof Error ? error.message : String(error);
      throw new DossierError('database', `Could not open the digest database ${path} (DATABASE_PATH): ${reason}.`);
    }
    if (path !== ':memory:') this.identity = fileIdentity(path);
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    // IMMEDIATE takes the write lock before the version is read, so two processes starting on
    // one file at once apply each migration exactly once.
    const step = this.db.transaction(() => {
      const version = this.schemaVersion;
      if (version >= MIGRATIONS.length) return false;
      this.db.exec(MIGRATIONS[version]!);
      this.db.pragma(`user_version = ${version + 1}`);
      return true;
    });
    for (let pending = true; pending;) pending = step.immediate();
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  check(): string | undefined {
    if (this.problem || !this.identity || !this.db.open) return this.problem;
    const now = fileIdentity(this.path);
    if (now === this.identity) return undefined;
    const copy = `${this.path}.recovered`;
    const what = now ? 'replaced by another file' : 'deleted';
    this.problem = `the digest database ${this.path} was ${what} while Dossier ran; nothing more is written to it`;
    this.db
      .backup(copy)
      .then(
        () => (this.problem += `; what it held is saved in ${copy}: move it to ${this.path} and restart to keep it`),
      )
      .catch(
        (error: unknown) =>
          (this.problem +=
            `; saving a copy to ${copy} failed ` + `(${error instanceof Error ? error.message : String(error)})`),
      );
    return this.problem;
  }

  /** Throws instead of writing to a file that is no longer the database (see `check`). */
  private writable(): void {
    if (this.check())
      throw new DossierError(
        'database-lost',
        'Digest settings cannot be saved right now: the bot’s database file is missing. Its operator has been told.',
      );
  }

  subscribe(sub: NewSubscription, now: Date): Subscription {
    this.writable();
    const row = this.sql(
      `INSERT INTO subscriptions
         (platform, channel_id, subscriber_id, topics, time, days, time_zone, created_at, schedule_from)
       VALUES (@platform, @channelId, @subscriberId, @topics, @time, @days, @timeZone, @now, @now)
       ON CONFLICT (platform, channel_id) DO UPDATE SET
         subscriber_id = excluded.subscriber_id, topics = excluded.topics,
         schedule_from = CASE
           WHEN time <> excluded.time OR days <> excluded.days OR time_zone <> excluded.time_zone
             OR state <> 'active' THEN excluded.schedule_from
           ELSE schedule_from END,
         time = excluded.time, days = excluded.days, time_zone = excluded.time_zone,
         state = 'active', paused_reason = NULL
       RETURNING *`,
    ).get({ ...sub, topics: JSON.stringify(sub.topics), days: JSON.stringify(sub.days), now: iso(now) });
    return subscriptionFromRow(decoded(row));
  }

  unsubscribe(platform: Subscription['platform'], channelId: string): boolean {
    this.writable();
    return (
      this.sql('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?').run(platform, channelId).changes > 0
    );
  }

  subscription(platform: Subscription['platform'], channelId: string): Subscription | undefined {
    const row = this.sql('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?').get(platform, channelId);
    return row ? subscriptionFromRow(decoded(row)) : undefined;
  }

  subscriptionById(id: number): Subscription | undefined {
    const row = this.sql('SELECT * FROM subscriptions WHERE id = ?').get(id);
    return row ? subscriptionFromRow(decoded(row)) : undefined;
  }

  subscriptions(state?: Subscription['state'], page?: { afterId: number; limit: number }): Subscription[] {
    const rows = this.sql(
      `SELECT * FROM subscriptions WHERE (@state IS NULL OR state = @state) AND id > @afterId ORDER BY id LIMIT @limit`,
    ).all({ state: state ?? null, afterId: page?.afterId ?? 0, limit: page?.limit ?? -1 });
    return rows.map((r) => subscriptionFromRow(decoded(r)));
  }

  pause(id: number, reason: string): void {
    this.writable();
    this.sql(`UPDATE subscriptions SET state = 'paused', paused_reason = ? WHERE id = ?`).run(reason, id);
  }

  claimRun(subscriptionId: number, slot: Date, owner: string, now: Date, leaseUntil: Date): DigestRun | undefined {
    this.writable();
    // One statement, so the check and the claim are atomic across processes.
    const row = this.sql(
      `INSERT INTO digest_runs (subscription_id, slot, state, owner, lease_until, attempts)
       SELECT @subscriptionId, @slot, 'claimed', @owner, @leaseUntil, 0
       WHERE NOT EXISTS (SELECT 1 FROM digest_runs WHERE subscription_id = @subscriptionId AND slot < @slot
                         AND state IN (${UNFINISHED}))
       ON CONFLICT (subscription_id, slot) DO UPDATE SET
         owner = excluded.owner, lease_until = excluded.lease_until,
         state = CASE state WHEN 'posting' THEN 'unknown' ELSE state END,
         note = CASE state WHEN 'posting' THEN 'the process posting it stopped before the outcome was known'
                ELSE note END
       WHERE state IN (${UNFINISHED}) AND lease_until <= @now
       RETURNING *`,
    ).get({ subscriptionId, slot: iso(slot), owner, leaseUntil: iso(leaseUntil), now: iso(now) });
    const run = row ? runFromRow(decoded(row)) : undefined;
    return run?.owner === owner ? run : undefined;
  }

  skipRun(subscriptionId: number, slot: Date, owner: string, now: Date, note: string): boolean {
    this.writable();
    return (
      this.sql(
        `INSERT INTO digest_runs (subscription_id, slot, state, owner, lease_until, attempts, note)
         VALUES (@subscriptionId, @slot, 'skipped', @owner, @now, 0, @note)
         ON CONFLICT (subscription_id, slot) DO UPDATE SET state = 'skipped', note = excluded.note
         WHERE owner = @owner AND state IN ('claimed', 'unknown')`,
      ).run({ subscriptionId, slot: iso(slot), owner, now: iso(now), note }).changes > 0
    );
  }

  markPosting(marks: PostingMark[], now: Date): boolean[] {
    this.writable();
    // On disk before the posts leave, even through a power cut: a post whose `posting` mark were
    // lost would be sent again without looking. Losing any other step's record costs nothing: the
    // run falls back to a state from which it is claimed again, or looked for.
    this.db.pragma('synchronous = FULL');
    const post = this.sql(
      `UPDATE digest_runs SET state = 'posting', passage_ids = @ids, posting_at = COALESCE(posting_at, @now),
         attempts = attempts + 1, lease_until = @leaseUntil
       WHERE subscription_id = @subscriptionId AND slot = @slot AND owner = @owner AND state IN ('claimed', 'unknown')`,
    );
    try {
      return this.db.transaction(() =>
        marks.map(
          (m) =>
            post.run({
              subscriptionId: m.subscriptionId,
              slot: iso(m.slot),
              owner: m.owner,
              ids: JSON.stringify(m.shownIds),
              now: iso(now),
              leaseUntil: iso(m.leaseUntil),
            }).changes > 0,
        ),
      )();
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
  }

  protected move({ subscriptionId, slot, owner }: HeldRun, from: readonly RunState[], columns: RunColumns): boolean {
    this.writable();
    const set = Object.keys(columns).map((column) => `${column} = @${column}`);
    const values = Object.entries(columns).map(([column, value]) => [
      column,
      value instanceof Date ? iso(value) : value,
    ]);
    return (
      this.sql(
        `UPDATE digest_runs SET ${set.join(', ')}
         WHERE subscription_id = @subscriptionId AND slot = @slot AND owner = @owner AND state IN (${sqlStates(from)})`,
      ).run({ ...Object.fromEntries(values), subscriptionId, slot: iso(slot), owner }).changes > 0
    );
  }

  protected deliver(run: HeldRun, state: Delivered, at: Date, note: string | null): boolean {
    const { subscriptionId, slot, owner } = run;
    this.writable();
    return this.db.transaction(() => {
      const row = this.sql(
        `UPDATE digest_runs SET state = @state, sent_at = @at, note = COALESCE(@note, note)
         WHERE subscription_id = @subscriptionId AND slot = @slot AND owner = @owner AND state IN ('posting', 'unknown')
         RETURNING passage_ids`,
      ).get({ state, at: iso(at), note, subscriptionId, slot: iso(slot), owner }) as
        { passage_ids: string } | undefined;
      if (!row) return false;
      const sub = this.subscriptionById(subscriptionId);
      if (!sub) return true;
      const insert = this.sql(
        `INSERT INTO sent_passages (platform, channel_id, passage_id, sent_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      );
      for (const id of JSON.parse(row.passage_ids) as string[]) insert.run(sub.platform, sub.channelId, id, iso(at));
      return true;
    })();
  }

  run(subscriptionId: number, slot: Date): DigestRun | undefined {
    const row = this.sql('SELECT * FROM digest_runs WHERE subscription_id = ? AND slot = ?').get(
      subscriptionId,
      iso(slot),
    );
    return row ? runFromRow(decoded(row)) : undefined;
  }

  runs(subscriptionId: number): DigestRun[] {
    return this.sql('SELECT * FROM digest_runs WHERE subscription_id = ? ORDER BY slot')
      .all(subscriptionId)
      .map((r) => runFromRow(decoded(r)));
  }

  pendingRuns(now: Date): DigestRun[] {
    return this.sql(`SELECT * FROM digest_runs WHERE state IN (${UNFINISHED}) AND lease_until <= ? ORDER BY slot`)
      .all(iso(now))
      .map((r) => runFromRow(decoded(r)));
  }

  unfinishedRuns(): DigestRun[] {
    return this.sql(`SELECT * FROM digest_runs WHERE state IN (${UNFINISHED}) ORDER BY slot`)
      .all()
      .map((r) => runFromRow(decoded(r)));
  }

  countUnfinishedRuns(): number {
    return (this.sql(`SELECT COUNT(*) AS n FROM digest_runs WHERE state IN (${UNFINISHED})`).get() as { n: number }).n;
  }

  latestSlots(): Map<number, Date> {
    const rows = this.sql(
      'SELECT subscription_id AS id, MAX(slot) AS slot FROM digest_runs GROUP BY subscription_id',
    ).all() as { id: number; slot: string }[];
    return new Map(rows.map((r) => [r.id, new Date(r.slot)]));
  }

  latestServedSlot(subscriptionId: number): Date | undefined {
    const row = this.sql(`SELECT MAX(slot) AS slot FROM digest_runs WHERE subscription_id = ? AND ${SERVED}`).get(
      subscriptionId,
    ) as { slot: string | null };
    return row.slot ? new Date(row.slot) : undefined;
  }

  lastSentAt(subscriptionId: number): Date | undefined {
    const row = this.sql(
      `SELECT MAX(sent_at) AS at FROM digest_runs WHERE subscription_id = ? AND state IN ('sent', 'unconfirmed')`,
    ).get(subscriptionId) as { at: string | null };
    return row.at ? new Date(row.at) : undefined;
  }

  /**
   * The table is still `sent_passages`, though it holds figure ids too: renaming it would take a migration, and during
   * a rolling upgrade an instance still on the old code would write to a table that is gone.
   */
  sentItems(platform: Subscription['platform'], channelId: string): Set<string> {
    const rows = this.sql('SELECT passage_id FROM sent_passages WHERE platform = ? AND channel_id = ?').all(
      platform,
      channelId,
    ) as { passage_id: string }[];
    return new Set(rows.map((r) => r.passage_id));
  }

  followFeed(url: string, title: string | null, addedBy: string, now: Date): { feed: Feed; was?: Feed['state'] } {
    this.writable();
    const before = this.feed(url);
    this.sql(
      `INSERT INTO feeds (url, title, added_by, created_at) VALUES (@url, @title, @addedBy, @now)
       ON CONFLICT (url) DO UPDATE SET state = 'active', failures = 0, title = COALESCE(excluded.title, title)`,
    ).run({ url, title, addedBy, now: iso(now) });
    return { feed: this.feed(url)!, was: before?.state };
  }

  unfollowFeed(url: string): Feed | undefined {
    this.writable();
    const feed = this.feed(url);
    if (feed) this.sql('DELETE FROM feeds WHERE id = ?').run(feed.id);
    return feed;
  }

  feed(url: string): Feed | undefined {
    const row = this.sql(`SELECT ${FEED_COLUMNS} FROM feeds WHERE url = ?`).get(url);
    return row ? feedFromRow(decoded(row)) : undefined;
  }

  feeds(): Feed[] {
    return this.sql(`SELECT ${FEED_COLUMNS} FROM feeds ORDER BY id`)
      .all()
      .map((r) => feedFromRow(decoded(r)));
  }

  feedPolled(id: number, validators: { etag?: string; lastModified?: string }, title: string | null, now: Date): void {
    this.writable();
    this.sql(
      `UPDATE feeds SET etag = @etag, last_modified = @lastModified, title = COALESCE(@title, title), failures = 0,
         last_error = NULL, last_polled_at = @now WHERE id = @id`,
    ).run({ id, etag: validators.etag ?? null, lastModified: validators.lastModified ?? null, title, now: iso(now) });
  }

  feedFailed(id: number, error: string, maxFailures: number, now: Date): Feed | undefined {
    this.writable();
    const row = this.sql(
      `UPDATE feeds SET failures = failures + 1, last_error = @error, last_polled_at = @now,
         state = CASE WHEN failures + 1 >= @maxFailures THEN 'paused' ELSE state END
       WHERE id = @id RETURNING url`,
    ).get({ id, error, maxFailures, now: iso(now) }) as { url: string } | undefined;
    return row ? this.feed(row.url) : undefined;
  }

  hasFeedItem(feedId: number, key: string): boolean {
    return this.sql('SELECT 1 FROM feed_items WHERE feed_id = ? AND item_key = ?').get(feedId, key) !== undefined;
  }

  addFeedItem(feedId: number, item: { key: string; link: string; source: string }, now: Date): void {
    this.writable();
    this.sql(
      `INSERT INTO feed_items (feed_id, item_key, link, source, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO ` +
        `NOTHING`,
    ).run(feedId, item.key, item.link, item.source, iso(now));
  }

  markSeen(source: string, now: Date, title?: string, hash?: string): void {
    this.writable();
    this.sql(DOCUMENT_SQL.seen(SQLITE_PARAMETER)).run(numbered(source, iso(now), title ?? null, hash ?? null));
  }

  seenSince(since: Date): string[] {
    const rows = this.sql(DOCUMENT_SQL.seenSince(SQLITE_PARAMETER)).all(numbered(iso(since))) as { source: string }[];
    return rows.map((r) => r.source);
  }

  markChanged(source: string, now: Date, title: string, hash?: string): void {
    this.writable();
    this.sql(DOCUMENT_SQL.changed(SQLITE_PARAMETER)).run(numbered(iso(now), title, hash ?? null, source));
  }

  keepVersion(source: string, at: Date, version: DocumentVersion, keep: number): void {
    this.writable();
    this.db.transaction(() => {
      this.sql(DOCUMENT_SQL.keepVersion(SQLITE_PARAMETER)).run(
        numbered(source, iso(at), JSON.stringify(version.paragraphs), version.title ?? null),
      );
      this.sql(DOCUMENT_SQL.pruneVersions(SQLITE_PARAMETER)).run(numbered(source, keep));
    })();
  }

  versionedDocuments(): Set<string> {
    return new Set((this.sql(DOCUMENT_SQL.versioned()).all() as { source: string }[]).map((r) => r.source));
  }

  versionAt(source: string, at: Date): DocumentVersion | undefined {
    return versionOf(
      this.sql(DOCUMENT_SQL.versionAt(SQLITE_PARAMETER)).get(numbered(source, iso(at))) as VersionRow | undefined,
    );
  }

  knownDocuments(): Map<string, string | undefined> {
    return knownOf(this.sql(DOCUMENT_SQL.known()).all() as KnownDocument[]);
  }

  markRemoved(source: string, now: Date): void {
    this.writable();
    this.sql(DOCUMENT_SQL.removed(SQLITE_PARAMETER)).run(numbered(iso(now), source));
  }

  changedSince(since: Date): DocumentChanges {
    return changesOf(
      this.sql(DOCUMENT_SQL.changedSince(SQLITE_PARAMETER)).all(numbered(iso(since))) as DocumentChange[],
    );
  }

  keepButtons(id: string, state: unknown, expiresAt: Date, now: Date): void {
    this.writable();
    // Expired buttons are cleared as new ones are kept: the table holds about a button lifetime's worth.
    this.db.transaction(() => {
      this.sql('DELETE FROM button_states WHERE expires_at < ?').run(iso(now));
      this.sql(
        `INSERT INTO button_states (id, state, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at`,
      ).run(id, JSON.stringify(state), iso(expiresAt));
    })();
  }

  buttons(id: string, now: Date): unknown {
    const row = this.sql('SELECT state FROM button_states WHERE id = ? AND expires_at >= ?').get(id, iso(now)) as
      { state: string } | undefined;
    return row ? (JSON.parse(row.state) as unknown) : undefined;
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
