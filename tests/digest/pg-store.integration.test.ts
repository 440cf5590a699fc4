import { createServer, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PG_SCHEMA_VERSION, PgDigestStore } from '../../src/digest/pg-store.js';
import { SyncPostgres } from '../../src/digest/pg-sync.js';
import { HAS_POSTGRES, startCluster, type TestCluster } from '../support/postgres.js';
import { harnessOf, newsroom, storeContract, t } from './store-contract.js';

let cluster: TestCluster;
beforeAll(async () => {
  if (HAS_POSTGRES) cluster = await startCluster();
}, 120_000);
afterAll(() => cluster?.stop());

let url: string;
let database = '';
let made = 0;
const harness = harnessOf({
  fresh: async () => {
    database = `contract_${++made}`;
    url = await cluster.createDatabase(database);
  },
  open: () => new PgDigestStore(url),
  remove: () => cluster.dropDatabase(database),
});
const openStore = harness.open;

/** Runs one statement on the cluster as its own client, as another process would. */
async function asAdmin<Row>(sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

describe.runIf(HAS_POSTGRES)('PgDigestStore', () => {
  storeContract('PgDigestStore', harness);

  describe('on its own', () => {
    beforeAll(harness.fresh);
    afterAll(harness.cleanup);

    it('applies its migrations once, however often it is opened', async () => {
      openStore().close();
      const again = openStore();
      expect(again.schemaVersion).toBe(PG_SCHEMA_VERSION);
      const rows = await asAdmin<{ version: number }>('SELECT version FROM dossier_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
    });

    it('comes back after the server drops its connection, failing at most one call in between, by name', async () => {
      const store = openStore();
      store.subscribe(newsroom, t('2026-03-02T10:00Z'));
      // Waits (up to 5 s) until each session has ended, so that no call below can still run on the old one.
      await asAdmin(`SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = 'dossier'`);
      // The client reads the end of its session in its own time: the first call after may fail (by name) or
      // already reconnect.
      let failures = 0;
      let found: unknown[] = [];
      for (let i = 0; i < 3 && !found.length; i++) {
        try {
          found = store.subscriptions();
        } catch (error) {
          expect(error).toMatchObject({ code: 'database' });
          expect((error as Error).message).toContain(`The digest database ${url}`);
        }
        if (!found.length) failures++;
      }
      expect(found).toHaveLength(1);
      expect(failures).toBeLessThanOrEqual(1);
      expect(store.check()).toBeUndefined();
    });

    it('opens a new connection at the statement after one the server ended its session in', () => {
      const db = new SyncPostgres(url);
      try {
        // The statement gets the server's FATAL error as its answer, and the socket closes only after it: the
        // statement sent next must not go to the closing connection. Several rounds, as the close may be quick.
        for (let round = 0; round < 5; round++) {
          expect(() => db.query('SELECT pg_terminate_backend(pg_backend_pid())')).toThrow(
            'terminating connection due to administrator command',
          );
          expect(db.query('SELECT 1 AS one').rows).toEqual([{ one: 1 }]);
        }
      } finally {
        db.close();
      }
    });

    it('rejects a corrupted row instead of trusting it', async () => {
      const store = openStore();
      store.subscribe({ ...newsroom, channelId: 'C-BAD' }, t('2026-03-02T10:00Z'));
      await asAdmin(`UPDATE subscriptions SET days = '{9}' WHERE channel_id = 'C-BAD'`);
      expect(() => store.subscription('slack', 'C-BAD')).toThrow();
    });
  });

  it('refuses to start without its server in one line naming it, never its password', () => {
    const port = new URL(cluster.adminUrl).port;
    // The cluster's port with a database that does not exist: PostgreSQL itself says no.
    expect(() => new PgDigestStore(`postgres://dossier_test:s3cret@127.0.0.1:${port}/nowhere`)).toThrow(
      new RegExp(
        String.raw`^Could not open the digest database postgres://dossier_test@127\.0\.0\.1:\d+/nowhere ` +
          String.raw`\(DATABASE_URL\): .*nowhere.*\.$`,
      ),
    );
    try {
      new PgDigestStore('postgres://dossier_test:s3cret@127.0.0.1:1/dossier');
    } catch (error) {
      expect((error as Error).message).toMatch(
        /^Could not open the digest database postgres:\/\/dossier_test@127\.0\.0\.1:1\/dossier/,
      );
      expect((error as Error).message).not.toContain('s3cret');
    }
  });

  it('gives up on a server that does not answer, then fails at once for a while rather than block again', async () => {
    // Accepts connections and never says a word, as a server behind a network partition.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket.on('error', () => undefined)));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as { port: number };
    const db = new SyncPostgres(`postgres://dossier_test@127.0.0.1:${port}/dossier`, { timeoutMs: 300 });
    try {
      expect(() => db.query('SELECT 1')).toThrow('PostgreSQL did not answer within 300 ms');
      await vi.waitFor(() => expect(sockets).toHaveLength(1));
      expect(() => db.query('SELECT 1')).toThrow('PostgreSQL did not answer within 300 ms a moment ago');
      await new Promise((done) => setTimeout(done, 100));
      expect(sockets).toHaveLength(1);
    } finally {
      db.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => silent.close(done));
    }
  });
});
