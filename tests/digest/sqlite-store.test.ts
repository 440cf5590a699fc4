import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_VERSION, SqliteDigestStore } from '../../src/digest/sqlite-store.js';
import { harnessOf, newsroom, storeContract, t } from './store-contract.js';

let dir: string;
let path: string;
const harness = harnessOf({
  fresh: () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-store-'));
    path = join(dir, 'data', 'dossier.db');
  },
  open: (file: string = path) => new SqliteDigestStore(file),
  remove: () => rmSync(dir, { recursive: true, force: true }),
});
const openStore = harness.open;

storeContract('SqliteDigestStore', harness);

describe('SqliteDigestStore', () => {
  beforeEach(harness.fresh);
  afterEach(harness.cleanup);

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
    old.markSeen('a.md', t('2026-03-01T00:00Z'));
    old.close();
    // Back to schema 2: the run, subscription and document columns added since, the leases table, no feeds.
    const raw = new Database(path);
    raw.exec(`DROP TABLE document_versions;
      DROP TABLE button_states; DROP TABLE feed_items; DROP TABLE feeds; DROP INDEX digest_runs_unfinished;
      ALTER TABLE documents_seen DROP COLUMN title; ALTER TABLE documents_seen DROP COLUMN changed_at;
      ALTER TABLE documents_seen DROP COLUMN removed_at; ALTER TABLE documents_seen DROP COLUMN hash;
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
    expect(upgraded.run(sub.id, t('2026-03-03T13:00Z'))).toMatchObject({ state: 'claimed', shownIds: [] });
    // A document seen before hashes were kept is known without one, so a start takes it as unchanged.
    expect(upgraded.knownDocuments()).toEqual(new Map([['a.md', undefined]]));
    // A document seen before titles were kept is said removed by its source.
    upgraded.markRemoved('a.md', t('2026-03-04T00:00Z'));
    expect(upgraded.changedSince(t('2026-03-02T00:00Z')).removed).toEqual([{ source: 'a.md' }]);
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
    const copy = openStore(`${path}.recovered`);
    expect(copy.subscriptions()).toHaveLength(1);

    const other = openStore(join(dir, 'other.db'));
    other.close();
    const b = openStore(join(dir, 'b.db'));
    renameSync(join(dir, 'other.db'), join(dir, 'b.db'));
    expect(b.check()).toMatch('was replaced by another file');
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
