import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.js';
import { note, tempCorpus } from '../support/corpus.js';
import { ASKER, CHANNEL_ID, DM_CHANNEL_ID, DiscordStandIn, discordError } from './discord/stand-in.js';

const ROOT = resolve(import.meta.dirname, '../..');
const LEFT = '\u001b[D';
const UP = '\u001b[A';
// eslint-disable-next-line no-control-regex -- the terminal's cursor movements are what is taken out
const CSI = /\u001b\[[0-9;]*[A-Za-z]/g;
/** Node's arguments that run the bot from its source (`npm start` runs it built). */
const MAIN = ['--import', 'tsx', 'adapters/main.ts'];

/** The bot's environment: the test's corpus, a cache and database under `data`, no platform but those `extra` adds. */
const mainEnv = (corpusDir: string, data: string, extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  CORPUS_DIR: corpusDir,
  CACHE_DIR: join(data, 'cache'),
  DATABASE_PATH: join(data, 'dossier.db'),
  ...extra,
});

describe('npm start with no platform tokens', () => {
  it('runs the terminal session, with warnings as plain lines and no JSON logs between answers', async () => {
    const corpus = await tempCorpus({
      'tram.md': note('Tram funding', 'The city spent four million euros on the tram.'),
      'broken.pdf': 'not a pdf',
    });
    const data = await mkdtemp(join(tmpdir(), 'dossier-main-'));
    try {
      const proc = spawn(process.execPath, MAIN, {
        cwd: ROOT,
        env: mainEnv(corpus.dir, data),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      proc.stdin.end('how much did the city spend on the tram\nexit\n');
      const code = await new Promise<number | null>((done) => proc.on('exit', done));
      expect(code).toBe(0);
      expect(stdout).toContain('four million euros');
      expect(`${stdout}${stderr}`).not.toMatch(/"level":/);
      expect(stderr).toMatch(/^dossier: broken\.pdf .+$/m);
      // A first start, with a fresh cache: the indexing is said before the session's first line.
      expect(stderr).toMatch(/^dossier: Indexing the corpus in .+; a large one takes a while\. .+$/m);
    } finally {
      await corpus.cleanup();
      await rm(data, { recursive: true, force: true });
    }
  }, 90_000);

  it('edits the line and recalls it with the arrows on a real terminal (a pseudo-terminal from script)', async () => {
    const corpus = await tempCorpus({
      'tram.md': note('Tram funding', 'The city spent four million euros on the tram.'),
    });
    const data = await mkdtemp(join(tmpdir(), 'dossier-main-'));
    try {
      // script(1) runs the bot on a pseudo-terminal, as a person's terminal would, and exits with its code.
      const bot = [process.execPath, ...MAIN].join(' ');
      const proc = spawn('script', ['--quiet', '--flush', '--return', '--command', bot, '/dev/null'], {
        cwd: ROOT,
        env: mainEnv(corpus.dir, data, { TERM: 'xterm' }),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let screen = '';
      proc.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
      const exited = new Promise<number | null>((done) => proc.on('exit', done));
      const shown = async (pattern: RegExp, from: number) => {
        while (!pattern.test(screen.slice(from).replace(CSI, ''))) {
          if (proc.exitCode !== null) throw new Error(`the bot exited:\n${screen}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await shown(/> $/, 0);
      // One key at a time, as typed: readline takes a chunk of several as pasted text, arrows and all.
      const type = async (...keys: string[]) => {
        for (const key of keys) {
          proc.stdin.write(key);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      let from = screen.length;
      // "hlp", two steps left, "e": help, where a terminal without line editing sent "hlp\x1b[D\x1b[De".
      await type('h', 'l', 'p', LEFT, LEFT, 'e', '\r');
      await shown(/sources[\s\S]*> $/, from);
      expect(screen.slice(from)).not.toContain('Unknown command');
      from = screen.length;
      await type(UP, '\r');
      await shown(/sources[\s\S]*> $/, from);
      proc.stdin.write('exit\r');
      expect(await exited).toBe(0);
    } finally {
      await corpus.cleanup();
      await rm(data, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('npm start with a Discord token', () => {
  it('tells a paused digest’s subscriber in a direct message (the adapter’s notify), not by a post', async () => {
    const corpus = await tempCorpus({
      'tram.md': note('Tram funding', 'The city spent four million euros on the tram.'),
    });
    const data = await mkdtemp(join(tmpdir(), 'dossier-main-'));
    const standIn = await DiscordStandIn.start();
    try {
      // A daily digest whose slot passed ten minutes ago, within the grace window: the first pass at start sends it.
      const now = Date.now();
      const slot = new Date(now - 10 * 60_000);
      const time = `${String(slot.getUTCHours()).padStart(2, '0')}:${String(slot.getUTCMinutes()).padStart(2, '0')}`;
      const store = new SqliteDigestStore(join(data, 'dossier.db'));
      store.subscribe(
        {
          platform: 'discord',
          channelId: CHANNEL_ID,
          subscriberId: ASKER.id,
          topics: ['tram'],
          time,
          days: [0, 1, 2, 3, 4, 5, 6],
          timeZone: 'UTC',
        },
        new Date(now - 60 * 60_000),
      );
      store.close();
      // The bot may no longer see the channel: the subscription is paused, and its subscriber must be told.
      const isPost = (channel: string) => (r: { method: string; path: string }) =>
        r.method === 'POST' && r.path === `/channels/${channel}/messages`;
      standIn.respond(isPost(CHANNEL_ID), discordError(403, 50001, 'Missing Access'));
      const discord = { DISCORD_TOKEN: 'stand-in-bot-token', DISCORD_API_URL: standIn.apiUrl };
      const proc = spawn(process.execPath, MAIN, {
        cwd: ROOT,
        env: mainEnv(corpus.dir, data, discord),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((done) => proc.on('exit', done));
      try {
        // Posted to the user's id as if it were a channel, the notice would go to /channels/<user id>/messages.
        const notice = await standIn
          .waitFor((r) => isPost(DM_CHANNEL_ID)(r) || isPost(ASKER.id)(r), 60_000)
          .catch((error: unknown) => {
            throw new Error(`${String(error)}\n${output}`);
          });
        expect(notice.path).toBe(`/channels/${DM_CHANNEL_ID}/messages`);
        expect(JSON.stringify(notice.body.embeds)).toContain('(50001 Missing Access)');
        expect(standIn.requests).toContainEqual(
          expect.objectContaining({ method: 'POST', path: '/users/@me/channels', body: { recipient_id: ASKER.id } }),
        );
      } finally {
        proc.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
      expect(standIn.requests.filter(isPost(ASKER.id))).toEqual([]);
    } finally {
      await standIn.close();
      await corpus.cleanup();
      await rm(data, { recursive: true, force: true });
    }
  }, 90_000);
});
