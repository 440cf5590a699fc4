import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION, SqliteDigestStore } from '../../src/digest/sqlite-store.js';
import type { NewSubscription } from '../../src/digest/store.js';

let dir: string;
let path: string;
const open: SqliteDigestStore[] = [];
const openStore = () => {
  const store = new SqliteDigestStore(path);
  open.push(store);
  return store;
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-store-'));
  path = join(dir, 'data', 'dossier.db');
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

const newsroom: NewSubscription = {
  platform: 'slack',
  channelId: 'C1',
  subscriberId: 'U1',
  topics: ['fentanyl', 'Mérida funding'],
  time: '08:00',
  days: [1, 2, 3, 4, 5],
  timeZone: 'America/New_York',
};
const t = (s: string) => new Date(s);

describe('SqliteDigestStore', () => {
  it('creates the file in WAL mode with the migrations applied, once', () => {
    openStore().close();
    const again = openStore();
    expect(again.schemaVersion).toBe(SCHEMA_VERSION);
    again.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('brings an older database up to date without losing its rows', () => {
    const old = openStore();
    const sub = old.subscribe(newsroom, t('2026-03-02T10:00Z'));
    old.claimRun(sub.id, t('2026-03-03T13:00Z'), 'p1', t('2026-03-03T13:00Z'), t('2026-03-03T13:05Z'));
    old.close();
    // Back to schema 2: the run and subscription columns added since, the leases table, no feeds.
    const raw = new Database(path);
    raw.exec(`DROP TABLE feed_items; DROP TABLE feeds; DROP INDEX digest_runs_unfinished;
      ALTER TABLE digest_runs DROP COLUMN posting_at; ALTER TABLE digest_runs DROP COLUMN passage_ids;
      ALTER TABLE subscriptions DROP COLUMN schedule_from;
      CREATE TABLE leases (key TEXT PRIMARY KEY, owner TEXT NOT NULL, lease_until TEXT NOT NULL);
      PRAGMA user_version = 2;`);
    raw.close();
    const upgraded = openStore();
    expect(upgraded.schemaVersion).toBe(SCHEMA_VERSION);
    expect(upgraded.subscriptions()).toEqual([
      expect.objectContaining({ id: sub.id, scheduleFrom: '2026-03-02T10:00:00.000Z' }),
    ]);
    expect(upgraded.run(sub.id, t('2026-03-03T13:00Z'))).toMatchObject({ state: 'claimed', passageIds: [] });
  });

  it('keeps subscriptions, runs, sent passages and first-seen times across close and reopen', () => {
    const a = openStore();
    const sub = a.subscribe(newsroom, t('2026-03-02T10:00Z'));
    const slot = t('2026-03-03T13:00Z');
    expect(a.claimRun(sub.id, slot, 'p1', slot, t('2026-03-03T13:05Z'))).toMatchObject({ state: 'claimed' });
    const mark = { subscriptionId: sub.id, slot, owner: 'p1', passageIds: ['a.md#1', 'b.md#2'] };
    expect(a.markPosting([{ ...mark, leaseUntil: t('2026-03-03T13:05Z') }], slot)).toEqual([true]);
    expect(a.markSent(sub.id, slot, 'p1', t('2026-03-03T13:00:02Z'))).toBe(true);
    a.markSeen('a.md', t('2026-03-03T09:00Z'));
    a.close();

    const b = openStore();
    expect(b.subscription('slack', 'C1')).toMatchObject({
      id: sub.id,
      topics: ['fentanyl', 'Mérida funding'],
      days: [1, 2, 3, 4, 5],
      state: 'active',
      subscriberId: 'U1',
    });
    expect(b.run(sub.id, slot)).toMatchObject({
      state: 'sent',
      sentAt: '2026-03-03T13:00:02.000Z',
      postingAt: '2026-03-03T13:00:00.000Z',
      attempts: 1,
    });
    expect(b.lastSentAt(sub.id)?.toISOString()).toBe('2026-03-03T13:00:02.000Z');
    expect([...b.sentPassages('slack', 'C1')].sort()).toEqual(['a.md#1', 'b.md#2']);
    expect(b.seenSince(t('2026-03-03T08:00Z'))).toEqual(['a.md']);
  });

  it('subscribing a channel again replaces its schedule and keeps its id; a new schedule starts then', () => {
    const s = openStore();
    const first = s.subscribe(newsroom, t('2026-03-02T10:00Z'));
    expect(s.subscribe({ ...newsroom, topics: ['extraditions'] }, t('2026-03-03T10:00Z'))).toMatchObject({
      scheduleFrom: '2026-03-02T10:00:00.000Z',
    });
    s.pause(first.id, 'channel-gone');
    const second = s.subscribe({ ...newsroom, topics: ['extraditions'], time: '07:00' }, t('2026-03-04T10:00Z'));
    expect(second).toMatchObject({
      id: first.id,
      topics: ['extraditions'],
      time: '07:00',
      state: 'active',
      createdAt: '2026-03-02T10:00:00.000Z',
      scheduleFrom: '2026-03-04T10:00:00.000Z',
    });
    expect(s.subscriptions()).toHaveLength(1);
    expect(s.unsubscribe('slack', 'C1')).toBe(true);
    expect(s.unsubscribe('slack', 'C1')).toBe(false);
  });

  it('gives a slot to one claimant; an expired claim can be taken over, a posting one only to be looked for', () => {
    const a = openStore();
    const b = openStore();
    const { id } = a.subscribe(newsroom, t('2026-03-02T10:00Z'));
    const slot = t('2026-03-03T13:00Z');
    expect(a.claimRun(id, slot, 'p1', slot, t('2026-03-03T13:05Z'))).toBeDefined();
    expect(b.claimRun(id, slot, 'p2', t('2026-03-03T13:01Z'), t('2026-03-03T13:06Z'))).toBeUndefined();
    expect(b.claimRun(id, slot, 'p2', t('2026-03-03T13:05Z'), t('2026-03-03T13:10Z'))).toMatchObject({
      owner: 'p2',
      state: 'claimed',
    });
    // p1 stalled past its lease: it can no longer move the run.
    const mark = (owner: string, passageIds: string[]) => [
      { subscriptionId: id, slot, owner, passageIds, leaseUntil: t('2026-03-03T13:10Z') },
    ];
    expect(a.markPosting(mark('p1', []), t('2026-03-03T13:05Z'))).toEqual([false]);
    expect(b.markPosting(mark('p2', ['x#1']), t('2026-03-03T13:05Z'))).toEqual([true]);
    expect(a.claimRun(id, slot, 'p1', t('2026-03-03T13:06Z'), t('2026-03-03T13:11Z'))).toBeUndefined();
    expect(a.skipRun(id, slot, 'p1', t('2026-03-03T14:00Z'), 'late')).toBe(false);
    // p2 died mid-post: once its lease is over, the run is taken as unknown, to be looked for.
    expect(a.claimRun(id, slot, 'p1', t('2026-03-03T13:10Z'), t('2026-03-03T13:15Z'))).toMatchObject({
      state: 'unknown',
      passageIds: ['x#1'],
      postingAt: '2026-03-03T13:05:00.000Z',
    });
    expect(a.markSent(id, slot, 'p1', t('2026-03-03T13:11Z'))).toBe(true);
    expect([...a.sentPassages('slack', 'C1')]).toEqual(['x#1']);
    expect(a.claimRun(id, slot, 'p1', t('2026-03-03T14:00Z'), t('2026-03-03T14:05Z'))).toBeUndefined();
  });

  it('claims a channel’s next slot only once the one before it is settled', () => {
    const s = openStore();
    const { id } = s.subscribe(newsroom, t('2026-03-02T10:00Z'));
    const monday = t('2026-03-02T13:00Z');
    const tuesday = t('2026-03-03T13:00Z');
    s.claimRun(id, monday, 'p1', monday, t('2026-03-02T13:05Z'));
    s.markPosting(
      [{ subscriptionId: id, slot: monday, owner: 'p1', passageIds: ['a#1'], leaseUntil: t('2026-03-02T13:05Z') }],
      monday,
    );
    s.markUnknown(id, monday, 'p1', 'timeout', t('2026-03-02T13:01Z'));
    expect(s.claimRun(id, tuesday, 'p1', tuesday, t('2026-03-03T13:05Z'))).toBeUndefined();
    expect(s.run(id, tuesday)).toBeUndefined();
    expect(s.countUnfinishedRuns()).toBe(1);
    expect(s.pendingRuns(t('2026-03-02T13:00:30Z'))).toEqual([]);
    expect(s.pendingRuns(t('2026-03-02T13:01Z'))).toMatchObject([{ state: 'unknown' }]);
    expect(s.claimRun(id, monday, 'p1', tuesday, t('2026-03-03T13:05Z'))).toMatchObject({ state: 'unknown' });
    expect(s.markUnconfirmed(id, monday, 'p1', tuesday, 'cannot be asked')).toBe(true);
    expect([...s.sentPassages('slack', 'C1')]).toEqual(['a#1']);
    expect(s.lastSentAt(id)?.toISOString()).toBe(tuesday.toISOString());
    expect(s.claimRun(id, tuesday, 'p1', tuesday, t('2026-03-03T13:05Z'))).toMatchObject({ state: 'claimed' });
    expect(s.latestServedSlot(id)?.toISOString()).toBe(tuesday.toISOString());
    expect(s.latestSlots().get(id)?.toISOString()).toBe(tuesday.toISOString());
  });

  it('refuses to start on a file that is not a database, naming it', () => {
    writeFileSync(join(dir, 'not-a-db'), 'just some text, long enough to fill a page header '.repeat(10));
    expect(() => new SqliteDigestStore(join(dir, 'not-a-db'))).toThrow(
      new RegExp(
        `^Could not open the digest database ${join(dir, 'not-a-db')} \\(DATABASE_PATH\\): file is not a database`,
      ),
    );
  });

  it('notices its file deleted or replaced, says so naming it, writes nothing more, and saves a copy', async () => {
    const s = openStore();
    s.subscribe(newsroom, t('2026-03-02T10:00Z'));
    expect(s.check()).toBeUndefined();
    rmSync(path);
    expect(s.check()).toMatch(`the digest database ${path} was deleted while Dossier ran; nothing more is written`);
    expect(() => s.subscribe({ ...newsroom, channelId: 'C2' }, t('2026-03-02T10:00Z'))).toThrow(
      expect.objectContaining({ code: 'database-lost' }),
    );
    await vi.waitFor(() => expect(s.check()).toContain(`saved in ${path}.recovered`));
    const copy = new SqliteDigestStore(`${path}.recovered`);
    open.push(copy);
    expect(copy.subscriptions()).toHaveLength(1);

    const other = new SqliteDigestStore(join(dir, 'other.db'));
    open.push(other);
    other.close();
    const b = new SqliteDigestStore(join(dir, 'b.db'));
    open.push(b);
    renameSync(join(dir, 'other.db'), join(dir, 'b.db'));
    expect(b.check()).toMatch('was replaced by another file');
  });

  it('keeps the first time a document was seen', () => {
    const s = openStore();
    s.markSeen('a.md', t('2026-03-01T00:00Z'));
    s.markSeen('a.md', t('2026-03-05T00:00Z'));
    expect(s.seenSince(t('2026-03-02T00:00Z'))).toEqual([]);
    s.forgetSeen('a.md');
    s.markSeen('a.md', t('2026-03-05T00:00Z'));
    expect(s.seenSince(t('2026-03-02T00:00Z'))).toEqual(['a.md']);
  });

  it('rejects a corrupted row instead of trusting it', () => {
    const s = openStore();
    s.subscribe(newsroom, t('2026-03-02T10:00Z'));
    const raw = new Database(path);
    raw.prepare(`UPDATE subscriptions SET days = '[9]'`).run();
    raw.close();
    expect(() => s.subscriptions()).toThrow();
  });
});
