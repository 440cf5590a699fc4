import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { freePort } from './ports.js';

/**
 * A throwaway PostgreSQL cluster for the tests that need one: `initdb` in a temp folder, the server
 * on a free port of 127.0.0.1 with its unix socket in that folder, stopped and removed in teardown.
 * Needs PostgreSQL's binaries (`pg_ctl` on PATH or under /usr/lib/postgresql/N/bin): `.ci/run`
 * installs Debian's `postgresql` when they are missing. initdb refuses to run as root, so under root
 * the cluster runs as the `postgres` user (or `nobody`).
 */

/** The folder holding initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
function binaries(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(delimiter).find((dir) => dir && existsSync(join(dir, 'pg_ctl')));
  if (onPath && existsSync(join(onPath, 'initdb'))) return onPath;
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian)
    .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(debian, versions[0], 'bin') : undefined;
}

export const PG_BIN = binaries();
export const HAS_POSTGRES = PG_BIN !== undefined;

/** Who runs the server: the test's own user, or under root an unprivileged one. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      // No such user here: try the next.
    }
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

export interface TestCluster {
  /** A URL for a database of its own, created on first call for each name. */
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  /** The URL of the cluster's maintenance database, for an admin connection. */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'dossier_test';

/** initdb, then the server started and waited for; throws with PostgreSQL's own output when either fails. */
export async function startCluster(): Promise<TestCluster> {
  if (!PG_BIN) throw new Error('PostgreSQL is not installed: no pg_ctl on PATH or under /usr/lib/postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pg-'));
  const user = serverUser();
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const run = (tool: string, args: string[]) => {
    const options: SpawnSyncOptions = { encoding: 'utf8', cwd: dir, ...user, env: { ...process.env, LC_ALL: 'C' } };
    const result = spawnSync(join(PG_BIN, tool), args, options);
    if (result.status !== 0)
      throw new Error(`${tool} failed: ${String(result.stderr || result.stdout || result.error?.message)}`);
  };
  run('initdb', ['-D', data, '-U', USER, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  // Durability is the server's own business and not under test: no fsync, so each test's database is quick to make.
  const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off`;
  try {
    run('pg_ctl', ['-D', data, '-l', log, '-o', settings, '-w', '-t', '60', 'start']);
  } catch (error) {
    const said = existsSync(log) ? readFileSync(log, 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${said}`);
  }
  const url = (database: string) => `postgres://${USER}@127.0.0.1:${port}/${database}`;
  const adminUrl = url('postgres');
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    adminUrl,
    async createDatabase(name) {
      await admin(`CREATE DATABASE ${name}`);
      return url(name);
    },
    async dropDatabase(name) {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
