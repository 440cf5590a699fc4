import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebFixture } from '../../ingest/web-fixture.js';
import { note, tempCorpus } from '../../support/corpus.js';

const CLI = fileURLToPath(new URL('../../../adapters/terminal/cli.ts', import.meta.url));
const web = new WebFixture();
let corpus: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  await web.start();
  corpus = await tempCorpus({ 'tides.md': note('Tide tables', 'High water at the quay was at 06:12 on Monday.') });
});
afterAll(async () => {
  await web.stop();
  await corpus.cleanup();
});

/** The CLI in a child process, asynchronously: the fixture server answers from this process meanwhile. */
async function dossier(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', CLI, ...args, '--corpus', corpus.dir, '--cache', `${corpus.dir}/.cache`],
      { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'error', NO_COLOR: '1', ...env } },
    );
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('dossier add <url>', () => {
  it('refuses the local server by default, naming why, and stores nothing', { timeout: 60_000 }, async () => {
    const run = await dossier(['add', web.url('/news/harbour-lights')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      'dossier: 127.0.0.1 is a loopback address: Dossier fetches only from public addresses.',
    );
    expect(await readdir(corpus.dir)).not.toContain('added');
  });

  it(
    'adds a page from a server FETCH_ALLOW_PRIVATE allows, then sources lists it with its link',
    { timeout: 120_000 },
    async () => {
      const url = web.url('/news/harbour-lights');
      const added = await dossier(['add', url], { FETCH_ALLOW_PRIVATE: '127.0.0.1' });
      expect(added.status).toBe(0);
      expect(added.stdout).toContain('Added: Harbour lights return to the old quay');
      expect(added.stdout).toContain('Indexed 4 passages');
      expect(added.stdout).toContain(url);

      const sources = await dossier(['sources']);
      expect(sources.stdout).toContain(
        'Harbour lights return to the old quay — Maren Holt, The Coastal Gazette, 2026-11-20 · 4 passages · ',
      );
      expect(sources.stdout).toMatch(/4 passages · http:\/\/127\.0\.0\.1:\d+\/news\/harbour-lights/);
      const json = JSON.parse((await dossier(['sources', '--json'])).stdout) as { sources: Record<string, unknown>[] };
      expect(json.sources.find((s) => s.url === url)).toMatchObject({
        source: 'added/127-0-0-1/harbour-lights.html',
        fetched: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        passages: 4,
      });
    },
  );
});

/** The CLI in a child process, to be sent a signal while it runs; `ended` is its exit status and what it printed. */
function running(args: string[], env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, ...args, '--corpus', corpus.dir, '--cache', `${corpus.dir}/.cache`],
    { env: { ...process.env, LOG_LEVEL: 'error', NO_COLOR: '1', ...env } },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const ended = once(child, 'exit').then(([status, signal]) => ({ status, signal, stderr }));
  return { child, ended };
}

/** What adds have stored in the corpus folder, half-written files (dot-names) included. */
const stored = async () => (await readdir(corpus.dir, { recursive: true })).filter((p) => p.startsWith('added'));

async function until(done: () => boolean): Promise<void> {
  while (!done()) await sleep(20);
}

describe('dossier add <url> stopped by a signal', () => {
  // A fetch that would otherwise wait its whole time limit.
  const allowed = { FETCH_ALLOW_PRIVATE: '127.0.0.1', FETCH_TIMEOUT_SECONDS: '600' };

  it(
    'SIGINT mid-fetch: the fetch is cut, one line says so, exit 130, and nothing is stored',
    { timeout: 120_000 },
    async () => {
      const before = await stored();
      const add = running(['add', web.url('/never-finishes')], allowed);
      await until(() => web.requestsTo('/never-finishes') > 0);
      add.child.kill('SIGINT');
      const ended = await add.ended;
      expect([ended.status, ended.signal]).toEqual([130, null]);
      expect(ended.stderr.trim().split('\n').at(-1)).toBe('dossier: stopped by SIGINT: nothing was added.');
      expect(await stored()).toEqual(before);
    },
  );

  it(
    'SIGTERM while a page of over 1 MB is read in its worker thread: the worker ended, exit 143, nothing stored',
    { timeout: 120_000 },
    async () => {
      const almanac = Array.from(
        { length: 20_000 },
        (_, i) => `Day ${i + 1}: the bakery on Mill Lane baked ${(i % 40) + 60} loaves and sold all but ${i % 7}.`,
      ).join('\n\n');
      expect(almanac.length).toBeGreaterThan(1024 * 1024);
      let served = false;
      web.route('/bakery-almanac.txt', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(almanac, () => (served = true));
      });
      const before = await stored();
      const add = running(['add', web.url('/bakery-almanac.txt')], allowed);
      await until(() => served);
      // Its worker thread starts once the page has arrived, and takes seconds to read this much.
      await sleep(150);
      add.child.kill('SIGTERM');
      const ended = await add.ended;
      expect([ended.status, ended.signal]).toEqual([143, null]);
      expect(ended.stderr.trim().split('\n').at(-1)).toBe('dossier: stopped by SIGTERM: nothing was added.');
      expect(await stored()).toEqual(before);
    },
  );
});
