import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH } from '../../../src/commands/index.js';
import { note, tempCorpus } from '../../support/corpus.js';

const CLI = fileURLToPath(new URL('../../../adapters/terminal/cli.ts', import.meta.url));
let corpus: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  corpus = await tempCorpus({ 'a.md': note('Guard', 'The National Guard was deployed to the southern border in 2019.') });
});
afterAll(() => corpus.cleanup());

const dossier = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args, '--corpus', corpus.dir, '--cache', `${corpus.dir}/.cache`], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'error' } });

describe('the dossier command line', () => {
  it('refuses an over-long query in --json mode with the same one line as every surface', () => {
    const question = 'why '.repeat(MAX_QUERY_LENGTH).trim();
    const run = dossier('ask', question, '--json');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(`dossier: ask <question>: keep the question to at most ${MAX_QUERY_LENGTH} characters (this one has ${question.length}).`);
  });

  it('still answers a query within the limit as JSON', () => {
    const run = dossier('ask', 'where was the National Guard deployed?', '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results[0].source).toBe('a.md');
  });
});
