import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * The engine killed with SIGKILL halfway through writing a save (the parsed corpus, the index), then started again:
 * real processes and real files (`engine/open-process.ts`). The next start loses nothing of the corpus, does not
 * crash, finds no save damaged, and the one after answers from what it saved.
 */

const SCRIPT = fileURLToPath(new URL('./engine/open-process.ts', import.meta.url));
const HARBOUR = '# Harbour dredging\n\nThe dredging of the outer harbour cost the port four million euros.\n';
const KEEPER = '# Lighthouse\n\nThe lighthouse keeper retired after forty years on the rock.\n';
const QUESTION = 'when did the lighthouse keeper retire';

interface Start {
  code: number | null;
  signal: string | null;
  stderr: string;
  found?: { documents: string[]; top?: string; indexed: boolean; said: string[] };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-killed-mid-save-'));
  await mkdir(join(dir, 'corpus'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** One start of the engine over the corpus and cache in `dir`, killed mid-save of `crashAt` when given. */
function start(crashAt?: 'corpus' | 'index'): Promise<Start> {
  const proc = spawn(process.execPath, ['--import', 'tsx', SCRIPT, join(dir, 'corpus'), join(dir, 'cache'), QUESTION], {
    env: { ...process.env, CRASH_MID_SAVE: crashAt ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) =>
    proc.once('close', (code, signal) =>
      resolve({ code, signal, stderr, ...(stdout.trim() ? { found: JSON.parse(stdout) as Start['found'] } : {}) }),
    ),
  );
}

describe('a start killed halfway through writing a save (kill -9), and the next starts', () => {
  for (const kind of ['corpus', 'index'] as const) {
    it(`the ${kind}: nothing lost, no save found damaged, no half-write left, then answered from saves`, async () => {
      await writeFile(join(dir, 'corpus', 'harbour.md'), HARBOUR);
      expect(await start()).toMatchObject({ code: 0, found: { indexed: true } });
      // A document added while the bot was down: the next start saves the corpus and the index again, and dies there.
      await writeFile(join(dir, 'corpus', 'lighthouse.md'), KEEPER);
      const killed = await start(kind);
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      expect(await readdir(join(dir, 'cache'))).toContainEqual(expect.stringMatching(new RegExp(`^${kind}-.*\\.tmp$`)));

      const again = await start();
      expect(again.code, again.stderr).toBe(0);
      expect(again.found).toMatchObject({
        documents: ['harbour.md', 'lighthouse.md'],
        top: expect.stringContaining('keeper'),
      });
      expect(again.found!.said.filter((line) => /cannot be read|damaged/.test(line))).toEqual([]);
      expect((await readdir(join(dir, 'cache'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);

      const last = await start();
      expect(last.found).toMatchObject({ documents: ['harbour.md', 'lighthouse.md'], indexed: false, said: [] });
      expect(last.found!.top).toContain('keeper');
    }, 60_000);
  }
});
