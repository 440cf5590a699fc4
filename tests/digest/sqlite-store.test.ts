import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    old.subscribe(newsroom, t('2026-03-02T10:00Z'));
    old.close();
    const raw = new Database(path);
    raw.exec('DROP TABLE leases; PRAGMA user_version = 1;');
    raw.close();
    const upgraded = openStore();
    expect(upgraded.schemaVersion).toBe(SCHEMA_VERSION);
    expect(upgraded.acquireLease('k', 'p1', t('2026-03-02T10:00Z'), t('2026-03-02T10:05Z'))).toBe(true);
    expect(upgraded.subscriptions()).toHaveLength(1);
  });

  it('keeps subscriptions, runs, sent passages and first-seen times across close and reopen', () => {
    const a = openStore();
    const sub = a.subscribe(newsroom, t('2026-03-02T10:00Z'));
    expect(a.claimRun(sub.id, t('2026-03-03T13:00Z'), 'p1', t('2026-03-03T13:00Z'), t('2026-03-03T13:05Z'))).toBe(true);
    a.markSent(sub.id, t('2026-03-03T13:00Z'), t('2026-03-03T13:00:02Z'), ['a.md#1', 'b.md#2']);
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
    expect(b.run(sub.id, t('2026-03-03T13:00Z'))).toMatchObject({ state: 'sent', sentAt: '2026-03-03T13:00:02.000Z' });
    expect(b.lastSentAt(sub.id)?.toISOString()).toBe('2026-03-03T13:00:02.000Z');
    expect([...b.sentPassages('slack', 'C1')].sort()).toEqual(['a.md#1', 'b.md#2']);
    expect(b.seenSince(t('2026-03-03T08:00Z'))).toEqual(['a.md']);
  });

  it('subscribing a channel again replaces its schedule and keeps its id', () => {
    const s = openStore();
    const first = s.subscribe(newsroom, t('2026-03-02T10:00Z'));
    s.pause(first.id, 'channel-gone');
    const second = s.subscribe({ ...newsroom, topics: ['extraditions'], time: '07:00' }, t('2026-03-04T10:00Z'));
    expect(second).toMatchObject({
      id: first.id,
      topics: ['extraditions'],
      time: '07:00',
      state: 'active',
      createdAt: '2026-03-02T10:00:00.000Z',
    });
    expect(s.subscriptions()).toHaveLength(1);
    expect(s.unsubscribe('slack', 'C1')).toBe(true);
    expect(s.unsubscribe('slack', 'C1')).toBe(false);
  });

  it('gives a slot to one claimant; an expired claim can be taken over, a posting or sent one never', () => {
    const a = openStore();
    const b = openStore();
    const { id } = a.subscribe(newsroom, t('2026-03-02T10:00Z'));
    const slot = t('2026-03-03T13:00Z');
    expect(a.claimRun(id, slot, 'p1', slot, t('2026-03-03T13:05Z'))).toBe(true);
    expect(b.claimRun(id, slot, 'p2', t('2026-03-03T13:01Z'), t('2026-03-03T13:06Z'))).toBe(false);
    expect(b.claimRun(id, slot, 'p2', t('2026-03-03T13:05Z'), t('2026-03-03T13:10Z'))).toBe(true);
    expect(b.run(id, slot)).toMatchObject({ owner: 'p2', attempts: 2, state: 'claimed' });
    b.markPosting(id, slot, 'p2');
    expect(a.claimRun(id, slot, 'p1', t('2026-03-03T14:00Z'), t('2026-03-03T14:05Z'))).toBe(false);
    expect(a.skipRun(id, slot, t('2026-03-03T14:00Z'), 'late')).toBe(false);
  });

  it('gives a lease to one holder until it lapses', () => {
    const a = openStore();
    const b = openStore();
    expect(
      a.acquireLease('digest-1:2026-03-03T13:00:00.000Z', 'p1', t('2026-03-03T13:00Z'), t('2026-03-03T13:10Z')),
    ).toBe(true);
    expect(
      b.acquireLease('digest-1:2026-03-03T13:00:00.000Z', 'p2', t('2026-03-03T13:01Z'), t('2026-03-03T13:11Z')),
    ).toBe(false);
    expect(
      b.acquireLease('digest-1:2026-03-03T13:00:00.000Z', 'p2', t('2026-03-03T13:10Z'), t('2026-03-03T13:20Z')),
    ).toBe(true);
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
