import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import {
  DigestRunSchema,
  SubscriptionSchema,
  type DigestRun,
  type DigestStore,
  type NewSubscription,
  type Subscription,
} from './store.js';

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
];

export const SCHEMA_VERSION = MIGRATIONS.length;

const SubscriptionRow = z
  .object({
    id: z.number(),
    platform: z.string(),
    channel_id: z.string(),
    subscriber_id: z.string(),
    topics: z.string(),
    time: z.string(),
    days: z.string(),
    time_zone: z.string(),
    state: z.string(),
    paused_reason: z.string().nullable(),
    created_at: z.string(),
  })
  .transform((r) =>
    SubscriptionSchema.parse({
      id: r.id,
      platform: r.platform,
      channelId: r.channel_id,
      subscriberId: r.subscriber_id,
      topics: JSON.parse(r.topics),
      time: r.time,
      days: JSON.parse(r.days),
      timeZone: r.time_zone,
      state: r.state,
      pausedReason: r.paused_reason,
      createdAt: r.created_at,
    }),
  );

const RunRow = z
  .object({
    subscription_id: z.number(),
    slot: z.string(),
    state: z.string(),
    owner: z.string(),
    lease_until: z.string(),
    attempts: z.number(),
    sent_at: z.string().nullable(),
    note: z.string().nullable(),
  })
  .transform((r) =>
    DigestRunSchema.parse({
      subscriptionId: r.subscription_id,
      slot: r.slot,
      state: r.state,
      owner: r.owner,
      leaseUntil: r.lease_until,
      attempts: r.attempts,
      sentAt: r.sent_at,
      note: r.note,
    }),
  );

const iso = (d: Date) => d.toISOString();

/** The digest store in one SQLite file (WAL mode, so readers never wait on the writer). */
export class SqliteDigestStore implements DigestStore {
  private readonly db: Database.Database;

  /** Opens (creating if needed) the database at `path` and applies pending migrations. */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    // Two bot processes on one file: wait for the other's write instead of failing with SQLITE_BUSY.
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
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

  subscribe(sub: NewSubscription, now: Date): Subscription {
    const row = this.db
      .prepare(
        `INSERT INTO subscriptions (platform, channel_id, subscriber_id, topics, time, days, time_zone, created_at)
         VALUES (@platform, @channelId, @subscriberId, @topics, @time, @days, @timeZone, @createdAt)
         ON CONFLICT (platform, channel_id) DO UPDATE SET
           subscriber_id = excluded.subscriber_id, topics = excluded.topics, time = excluded.time,
           days = excluded.days, time_zone = excluded.time_zone, state = 'active', paused_reason = NULL
         RETURNING *`,
      )
      .get({ ...sub, topics: JSON.stringify(sub.topics), days: JSON.stringify(sub.days), createdAt: iso(now) });
    return SubscriptionRow.parse(row);
  }

  unsubscribe(platform: Subscription['platform'], channelId: string): boolean {
    return (
      this.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?').run(platform, channelId)
        .changes > 0
    );
  }

  subscription(platform: Subscription['platform'], channelId: string): Subscription | undefined {
    const row = this.db
      .prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?')
      .get(platform, channelId);
    return row ? SubscriptionRow.parse(row) : undefined;
  }

  subscriptionById(id: number): Subscription | undefined {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE id = ?').get(id);
    return row ? SubscriptionRow.parse(row) : undefined;
  }

  subscriptions(state?: Subscription['state']): Subscription[] {
    const rows = state
      ? this.db.prepare('SELECT * FROM subscriptions WHERE state = ? ORDER BY id').all(state)
      : this.db.prepare('SELECT * FROM subscriptions ORDER BY id').all();
    return rows.map((r) => SubscriptionRow.parse(r));
  }

  pause(id: number, reason: string): void {
    this.db.prepare(`UPDATE subscriptions SET state = 'paused', paused_reason = ? WHERE id = ?`).run(reason, id);
  }

  claimRun(subscriptionId: number, slot: Date, owner: string, now: Date, leaseUntil: Date): boolean {
    // One statement, so the check and the claim are atomic across processes: a new slot is
    // inserted; an existing one is taken over only if it is `claimed` with an expired lease.
    const row = this.db
      .prepare(
        `INSERT INTO digest_runs (subscription_id, slot, state, owner, lease_until)
         VALUES (@subscriptionId, @slot, 'claimed', @owner, @leaseUntil)
         ON CONFLICT (subscription_id, slot) DO UPDATE SET
           owner = excluded.owner, lease_until = excluded.lease_until, attempts = attempts + 1
         WHERE state = 'claimed' AND lease_until <= @now
         RETURNING owner`,
      )
      .get({ subscriptionId, slot: iso(slot), owner, leaseUntil: iso(leaseUntil), now: iso(now) }) as
      { owner: string } | undefined;
    return row?.owner === owner;
  }

  skipRun(subscriptionId: number, slot: Date, now: Date, note: string): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO digest_runs (subscription_id, slot, state, owner, lease_until, attempts, note)
           VALUES (?, ?, 'skipped', '', ?, 0, ?) ON CONFLICT DO NOTHING`,
        )
        .run(subscriptionId, iso(slot), iso(now), note).changes > 0
    );
  }

  markPosting(subscriptionId: number, slot: Date, owner: string): void {
    this.db
      .prepare(`UPDATE digest_runs SET state = 'posting' WHERE subscription_id = ? AND slot = ? AND owner = ?`)
      .run(subscriptionId, iso(slot), owner);
  }

  markSent(subscriptionId: number, slot: Date, sentAt: Date, passageIds: string[]): void {
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE digest_runs SET state = 'sent', sent_at = ? WHERE subscription_id = ? AND slot = ?`)
        .run(iso(sentAt), subscriptionId, iso(slot));
      const sub = this.subscriptionById(subscriptionId);
      if (!sub) return;
      const insert = this.db.prepare(
        'INSERT INTO sent_passages (platform, channel_id, passage_id, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      );
      for (const id of passageIds) insert.run(sub.platform, sub.channelId, id, iso(sentAt));
    })();
  }

  markFailed(subscriptionId: number, slot: Date, note: string): void {
    this.db
      .prepare(`UPDATE digest_runs SET state = 'failed', note = ? WHERE subscription_id = ? AND slot = ?`)
      .run(note, subscriptionId, iso(slot));
  }

  releaseRun(subscriptionId: number, slot: Date, owner: string, now: Date): void {
    this.db
      .prepare(
        `UPDATE digest_runs SET state = 'claimed', lease_until = ? WHERE subscription_id = ? AND slot = ? AND owner = ? AND state IN ('claimed', 'posting')`,
      )
      .run(iso(now), subscriptionId, iso(slot), owner);
  }

  acquireLease(key: string, owner: string, now: Date, leaseUntil: Date): boolean {
    const row = this.db
      .prepare(
        `INSERT INTO leases (key, owner, lease_until) VALUES (@key, @owner, @leaseUntil)
         ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
         WHERE lease_until <= @now
         RETURNING owner`,
      )
      .get({ key, owner, leaseUntil: iso(leaseUntil), now: iso(now) }) as { owner: string } | undefined;
    if (row?.owner === owner) this.db.prepare('DELETE FROM leases WHERE lease_until <= ?').run(iso(now));
    return row?.owner === owner;
  }

  run(subscriptionId: number, slot: Date): DigestRun | undefined {
    const row = this.db
      .prepare('SELECT * FROM digest_runs WHERE subscription_id = ? AND slot = ?')
      .get(subscriptionId, iso(slot));
    return row ? RunRow.parse(row) : undefined;
  }

  runs(subscriptionId: number): DigestRun[] {
    return this.db
      .prepare('SELECT * FROM digest_runs WHERE subscription_id = ? ORDER BY slot')
      .all(subscriptionId)
      .map((r) => RunRow.parse(r));
  }

  unfinishedRuns(): DigestRun[] {
    return this.db
      .prepare(`SELECT * FROM digest_runs WHERE state IN ('claimed', 'posting') ORDER BY slot`)
      .all()
      .map((r) => RunRow.parse(r));
  }

  lastSentAt(subscriptionId: number): Date | undefined {
    const row = this.db
      .prepare(`SELECT MAX(sent_at) AS at FROM digest_runs WHERE subscription_id = ? AND state = 'sent'`)
      .get(subscriptionId) as { at: string | null };
    return row.at ? new Date(row.at) : undefined;
  }

  sentPassages(platform: Subscription['platform'], channelId: string): Set<string> {
    const rows = this.db
      .prepare('SELECT passage_id FROM sent_passages WHERE platform = ? AND channel_id = ?')
      .all(platform, channelId) as { passage_id: string }[];
    return new Set(rows.map((r) => r.passage_id));
  }

  markSeen(source: string, now: Date): void {
    this.db
      .prepare('INSERT INTO documents_seen (source, first_seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING')
      .run(source, iso(now));
  }

  seenSince(since: Date): string[] {
    const rows = this.db
      .prepare('SELECT source FROM documents_seen WHERE first_seen_at > ? ORDER BY first_seen_at, source')
      .all(iso(since)) as { source: string }[];
    return rows.map((r) => r.source);
  }

  forgetSeen(source: string): void {
    this.db.prepare('DELETE FROM documents_seen WHERE source = ?').run(source);
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
