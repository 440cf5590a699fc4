import { spawnSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { note, tempCorpus } from '../support/corpus.js';

const ROOT = resolve(import.meta.dirname, '../..');
let corpus: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  // `dossier` runs the bundle the build makes in dist/cli: bring it up to date with the sources, as `npm install` does.
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-changed'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  corpus = await tempCorpus({
    'guard.md': note('Guard', 'The National Guard was deployed to the southern border in 2019.'),
    'harbour.md': note('Harbour', 'The harbour authority spent $4.2 million on dredging in 2021.'),
  });
}, 300_000);
afterAll(() => corpus?.cleanup());

/** The installed command, as `npx dossier` runs it: bin/dossier.js and the bundle it imports. */
const dossier = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/dossier.js', ...args, '--corpus', corpus.dir, '--cache', `${corpus.dir}/.cache`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'error', FETCH_ALLOW_PRIVATE: '' },
  });

describe('the bundled dossier command', () => {
  it('answers from the bundle, as JSON and for a person', () => {
    const json = dossier('ask', 'where was the National Guard deployed?', '--json');
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).results[0].source).toBe('guard.md');
    const printed = dossier('figures', 'dredging');
    expect(printed.status).toBe(0);
    expect(printed.stdout).toContain('$4.2 million');
  });

  it('refuses a link alone as a question with --json or --limit too, as the command table does everywhere', () => {
    const link = 'https://example.org/national-guard';
    const line =
      `dossier: That is a link, not a question. To add the page to the corpus: \`dossier add ${link}\`; ` +
      'to search the corpus, ask in words.';
    for (const options of [[], ['--json'], ['--limit', '5'], ['--json', '--limit', '5']]) {
      const run = dossier('ask', link, ...options);
      expect([run.status, run.stdout, run.stderr.trim()], options.join(' ')).toEqual([1, '', line]);
    }
  });

  it('exits 2 for a command, subcommand, option or words it does not take, 1 for a command missing its words', () => {
    for (const [args, line] of [
      [['figurs'], 'Unknown command figurs — did you mean `dossier figures`?'],
      [
        ['digest', 'prevue'],
        '"prevue" is not one of subscribe, unsubscribe, pause, list or preview (did you mean preview?).',
      ],
      // Not "feeds lsit runs in the bot": the bot has no such subcommand either.
      [['feeds', 'lsit'], '"lsit" is not one of add, list or remove (did you mean list?).'],
      [['ask', 'guard', '--limit', '11'], '--limit takes a whole number from 1 to 10 (not "11").'],
      // Words after the command help explains were ignored: the help for ask, and no answer to the question.
      [
        ['help', 'ask', 'extra', 'words'],
        '`dossier help` explains one command: type `dossier help ask` without "extra words".',
      ],
      [
        ['help', 'digest', 'preview', 'ferry', 'fares'],
        '`dossier help` explains one command: type `dossier help digest preview` without "ferry fares".',
      ],
    ] as const) {
      const run = dossier(...args);
      expect([run.status, run.stdout, run.stderr.trim()], args.join(' ')).toEqual([2, '', `dossier: ${line}`]);
    }
    // One subcommand is taken, as in chat: its help is the command's.
    const subcommand = dossier('help', 'digest', 'preview');
    expect([subcommand.status, subcommand.stderr]).toEqual([0, '']);
    expect(subcommand.stdout).toContain('Usage: dossier digest preview');
    const missing = dossier('ask');
    expect([missing.status, missing.stderr.trim()]).toEqual([
      1,
      'dossier: The question is missing: `dossier ask <question>`.',
    ]);
  });

  it('loads the chunks that only digest and add need when they run', () => {
    const digest = dossier('digest', '--topics', 'harbour dredging');
    expect(digest.status, digest.stderr).toBe(0);
    expect(digest.stdout).toContain('dredging');
    // A refusal from the fetcher's own checks: the ingest chunk loaded, and nothing was fetched.
    const add = dossier('add', 'http://127.0.0.1:9/report.pdf');
    expect(add.status).toBe(1);
    expect(add.stderr.trim()).toBe(
      'dossier: 127.0.0.1 is a loopback address: Dossier fetches only from public addresses.',
    );
  });

  it('answers without a build when a checkout rewrote the sources unchanged, and stamps dist/ as current', () => {
    const stamp = resolve(ROOT, 'dist/.sources-hash');
    const bundle = statSync(resolve(ROOT, 'dist/cli/dossier.js')).mtimeMs;
    // Older than every source, as after a checkout: the times say "maybe changed", the hash says not.
    utimesSync(stamp, new Date(0), new Date(0));
    const json = dossier('ask', 'where was the National Guard deployed?', '--json');
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).results[0].source).toBe('guard.md');
    expect(statSync(resolve(ROOT, 'dist/cli/dossier.js')).mtimeMs).toBe(bundle);
    expect(statSync(stamp).mtimeMs).toBeGreaterThan(0);
  });

  // The command line reads only its own settings (loadSettings), each refused in our own words: a malformed
  // setting of the bot's, here one zod itself would refuse, is not read at all.
  it('is not stopped by a malformed setting only the bot reads', () => {
    const run = spawnSync(process.execPath, ['bin/dossier.js', 'sources'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'warn', SLACK_API_URL: 'not a url' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
