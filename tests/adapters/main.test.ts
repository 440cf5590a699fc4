import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { note, tempCorpus } from '../support/corpus.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm start with no platform tokens', () => {
  it('runs the terminal session, with warnings as plain lines and no JSON logs between answers', async () => {
    const corpus = await tempCorpus({
      'tram.md': note('Tram funding', 'The city spent four million euros on the tram.'),
      'broken.pdf': 'not a pdf',
    });
    const data = await mkdtemp(join(tmpdir(), 'dossier-main-'));
    try {
      const env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        CORPUS_DIR: corpus.dir,
        CACHE_DIR: join(data, 'cache'),
        DATABASE_PATH: join(data, 'dossier.db'),
      };
      const proc = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
        cwd: ROOT,
        env,
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
    } finally {
      await corpus.cleanup();
      await rm(data, { recursive: true, force: true });
    }
  }, 90_000);
});
