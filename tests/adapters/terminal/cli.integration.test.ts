import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plain } from '../../../src/answer/reply.js';
import { worded } from '../../../src/commands/asking.js';
import { commands, findCommand, MAX_QUERY_LENGTH, runText } from '../../../src/commands/index.js';
import { createLogger } from '../../../src/log.js';
import { commandContext } from '../../support/commands.js';
import { HARBOUR } from '../../answer/figures/fixtures.js';
import { note, tempCorpus } from '../../support/corpus.js';

const CLI = fileURLToPath(new URL('../../../adapters/terminal/cli.ts', import.meta.url));
type Folder = { dir: string; cleanup: () => Promise<void> };
let corpus: Folder;
let harbour: Folder;
let revenue: Folder;
let empty: Folder;
beforeAll(async () => {
  corpus = await tempCorpus({
    'a.md': note('Guard', 'The National Guard was deployed to the southern border in 2019.'),
  });
  harbour = await tempCorpus(HARBOUR);
  revenue = await tempCorpus({
    'revenue.md': note(
      'Revenue',
      Array.from({ length: 8 }, (_, i) => `Cartel revenue estimate number ${i + 1} came from a different agency.`).join(
        '\n\n',
      ),
    ),
  });
  empty = await tempCorpus({});
});
afterAll(() => Promise.all([corpus, harbour, revenue, empty].map((f) => f.cleanup())));

const run = (args: string[], over: Folder = corpus, logLevel = 'error') =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', CLI, ...args, '--corpus', over.dir, '--cache', `${over.dir}/.cache`],
    { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: logLevel } },
  );
const dossier = (...args: string[]) => run(args);
const lines = (text: string) => text.trim().split('\n');

describe('the dossier command line', () => {
  it('refuses an over-long query in --json mode with the same one line as every surface', () => {
    const question = 'why '.repeat(MAX_QUERY_LENGTH).trim();
    const run = dossier('ask', question, '--json');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(
      `dossier: Keep the question to at most ${MAX_QUERY_LENGTH} characters (this one has ${question.length}).`,
    );
  });

  it('refuses a missing or over-long query on stderr in one line, with or without --json, before loading', () => {
    const missing = { dir: join(corpus.dir, 'no-such-corpus'), cleanup: async () => {} };
    const long = 'why '.repeat(MAX_QUERY_LENGTH).trim();
    for (const [args, line] of [
      [['ask', ''], 'dossier: The question is missing: `dossier ask <question>`.'],
      [['cite', '  ', '--json'], 'dossier: The quote is missing: `dossier cite <quote>`.'],
      [['figures', '', '--limit', '2'], 'dossier: --limit is for ask and cite (not "figures").'],
      [
        ['ask', long, '--limit', '5'],
        `dossier: Keep the question to at most ${MAX_QUERY_LENGTH} characters (this one has ${long.length}).`,
      ],
    ] as const) {
      const refused = run([...args], missing);
      expect([refused.stdout, refused.stderr.trim()]).toEqual(['', line]);
      expect(refused.status).not.toBe(0);
    }
  });

  it('writes the commands its refusals suggest as they are typed here, after dossier', () => {
    const link = dossier('ask', 'https://example.org/report');
    expect([link.status, link.stdout]).toEqual([1, '']);
    expect(link.stderr).toContain('To add the page to the corpus: `dossier add https://example.org/report`');
  });

  it('refuses a lexicon file that is not there in one line naming it, as a corpus folder not found', () => {
    const missing = join(corpus.dir, 'no-such-lexicon.yaml');
    const refused = dossier('ask', 'guard', '--lexicon', missing);
    expect([refused.status, refused.stdout, lines(refused.stderr)]).toEqual([
      1,
      '',
      [`dossier: Lexicon file not found: ${missing} (name a YAML file of synonyms, or none)`],
    ]);
  });

  it('refuses a malformed lexicon named by --lexicon or LEXICON in one line; warns of the corpus’s own', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dossier-lexicon-'));
    const lexicon = join(folder, 'list.yaml');
    await writeFile(lexicon, '- guard\n- militia\n');
    const line =
      `dossier: Lexicon file malformed: ${lexicon} (expected "term: [synonym, …]" entries; fix it, or name another ` +
      'file, or none)';
    try {
      const byOption = dossier('ask', 'guard', '--lexicon', lexicon);
      expect([byOption.status, byOption.stdout, lines(byOption.stderr)]).toEqual([1, '', [line]]);
      const bySetting = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'ask', 'guard', '--corpus', corpus.dir], {
        encoding: 'utf8',
        env: { ...process.env, LOG_LEVEL: 'error', LEXICON: lexicon, CACHE_DIR: `${corpus.dir}/.cache` },
      });
      expect([bySetting.status, bySetting.stdout, lines(bySetting.stderr)]).toEqual([1, '', [line]]);
    } finally {
      await rm(folder, { recursive: true });
    }
    const own = await tempCorpus({
      'a.md': note('Guard', 'The National Guard was deployed to the southern border in 2019.'),
      'synonyms.yaml': 'guard: [militia\n  army: : :\n',
    });
    try {
      // Not --json, which keeps warnings off stderr.
      const warned = run(['ask', 'guard'], own, 'warn');
      expect(warned.status).toBe(0);
      expect(warned.stdout).toContain('southern border');
      expect(lines(warned.stderr)).toEqual([
        expect.stringMatching(new RegExp(`^dossier: lexicon ${own.dir}/synonyms.yaml ignored: not YAML: .+ line 1`)),
      ]);
    } finally {
      await own.cleanup();
    }
  });

  it('still answers a query within the limit as JSON', () => {
    const run = dossier('ask', 'where was the National Guard deployed?', '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).results[0].source).toBe('a.md');
  });

  it('gives up to --limit results of ask and cite, three without it', () => {
    const results = (...args: string[]) => JSON.parse(run([...args, '--json'], revenue).stdout).results.length;
    expect(results('ask', 'cartel revenue estimate agency')).toBe(3);
    expect(results('ask', 'cartel revenue estimate agency', '--limit', '7')).toBe(7);
    expect(results('cite', 'cartel revenue estimate number came from a different agency', '--limit', '5')).toBe(5);
    const printed = run(['ask', 'cartel revenue estimate agency', '--limit', '5'], revenue);
    expect(printed.stdout.match(/came from a different agency/g)).toHaveLength(5);
  }, 120_000);

  it('refuses a --limit outside 1 to 10, or on another command, in one line', { timeout: 120_000 }, () => {
    // Number() reads the last four as 10, 3, 3 and 3.
    for (const limit of ['0', '11', 'ten', '2.5', '1e1', '0x3', ' 3', '3.0']) {
      const refused = dossier('ask', 'guard', '--limit', limit);
      expect(refused.status).toBe(2);
      expect(lines(refused.stderr)).toEqual([`dossier: --limit takes a whole number from 1 to 10 (not "${limit}").`]);
    }
    expect(dossier('figures', 'guard', '--limit', '3').stderr.trim()).toBe(
      'dossier: --limit is for ask and cite (not "figures").',
    );
  });

  it('refuses an option help or version does not take in one line, as after any command', () => {
    for (const [args, line] of [
      [['help', '--limit', '2'], '--limit is for ask and cite (not "help").'],
      [['help', 'ask', '--chart', 'a.png'], '--chart is for figures (not "help").'],
      [['help', '--since', '2026-01-01'], '--since is for digest (not "help").'],
      [['version', '--topics', 'a, b'], '--topics is for digest (not "version").'],
      [['version', '--json'], 'version has no --json output; run it without --json to read it.'],
    ] as const) {
      const refused = dossier(...args);
      expect([refused.status, refused.stdout, lines(refused.stderr)]).toEqual([2, '', [`dossier: ${line}`]]);
    }
    // --help and --version answer whatever else is typed, as a command line's flags do.
    expect(dossier('ask', 'guard', '--limit', '2', '--version').status).toBe(0);
    expect(dossier('ask', 'guard', '--limit', '2', '--help').status).toBe(0);
  });

  it('refuses an unknown or malformed option in one line, without the usage', { timeout: 120_000 }, () => {
    for (const [args, line] of [
      [['ask', 'guard', '--bogus'], 'dossier: Unknown option --bogus: `dossier help` lists the options'],
      [['ask', 'guard', '--limit'], 'dossier: --limit needs a value: --limit N.'],
      [['sources', '--json=yes'], 'dossier: --json takes no value.'],
      // Empty, as "--corpus $DIR" with DIR unset gives: the working folder was read as the corpus.
      [['ask', 'guard', '--corpus', ''], 'dossier: --corpus needs a value: --corpus DIR.'],
      [['ask', 'guard', '--cache', ' '], 'dossier: --cache needs a value: --cache DIR.'],
      [['sources', '--lexicon', ''], 'dossier: --lexicon needs a value: --lexicon FILE.'],
    ] as const) {
      // The option last, after run()'s own --corpus and --cache, as a person types it.
      const refused = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8' });
      expect([refused.status, refused.stdout, lines(refused.stderr)]).toEqual([2, '', [expect.stringContaining(line)]]);
    }
  });
});

describe('dossier help', () => {
  it('prints the usage of the table’s commands and its own options for help, --help, -h and no command', () => {
    for (const args of [['help'], ['--help'], ['-h'], []]) {
      const help = run(args);
      expect([help.status, help.stderr]).toEqual([0, '']);
      const [here = '', bot = ''] = help.stdout.split('In the bot only');
      // Every command of the shared table, with its summary: here, or (feeds, digest's channel actions) in the bot.
      for (const command of commands.filter((c) => c.name !== 'digest' && c.name !== 'feeds'))
        expect(here).toContain(`  ${command.usage}`.padEnd(21) + worded({ platform: 'terminal' }, command.summary));
      expect(here).toContain('digest preview <topics, …>');
      for (const part of ['--corpus DIR', '--cache DIR', '--json', '--chart FILE', '--limit N', '--topics "a, b"'])
        expect(here + bot).toContain(part);
      expect(bot).toContain(findCommand('feeds')!.usage);
      expect(bot).toContain('digest subscribe|unsubscribe|pause|list …');
      // Posted where the bot's digest is subscribed: no call of this command line is a terminal a digest is posted to.
      expect(bot).toContain('A morning digest of new passages on saved topics, posted to the channel or terminal bot');
      expect(help.stdout).not.toMatch(/this (terminal|channel)\b/i);
    }
  });

  it(
    'gives one command’s usage for help <command>, and refuses a word that names none or words sources lacks',
    {
      timeout: 120_000,
    },
    () => {
      const ask = run(['help', 'ask']);
      expect([ask.status, ask.stderr]).toEqual([0, '']);
      expect(lines(ask.stdout)).toEqual(['Usage: dossier ask <question>', `  ${String(findCommand('ask')!.summary)}`]);
      // Help about the chat's slash command is the whole usage, as in chat; a command with its slash is the command.
      expect(lines(run(['help', '/brief']).stdout)[0]).toBe('Usage: dossier <command> [text] [options]');
      expect(run(['help', '/ask']).stdout).toBe(ask.stdout);
      const feeds = run(['help', 'feeds']);
      expect([feeds.status, feeds.stderr]).toEqual([0, '']);
      expect(lines(feeds.stdout)).toEqual([
        `In the bot only: ${findCommand('feeds')!.usage}`,
        `  ${String(findCommand('feeds')!.summary)}`,
        '  Type it in the terminal bot (`npm start`), or after /brief in Slack or Discord.',
      ]);
      const missing = { dir: join(corpus.dir, 'no-such-corpus'), cleanup: async () => {} };
      for (const [args, status, line] of [
        [
          ['help', 'me'],
          2,
          'dossier: "me" is not a command: the commands are `dossier ask`, `dossier cite`, `dossier figures`, ' +
            '`dossier sources`, `dossier add`, `dossier feeds`, `dossier digest`, `dossier version` and ' +
            '`dossier help`. To ask a question, type it without help: `dossier ask <question>`.',
        ],
        // The terminal bot's own words, which its `help` explains, are no command here: each says why, as typed alone.
        [
          ['help', 'exit'],
          2,
          'dossier: There is no session to end here: each run answers once and exits. `exit` ends the terminal bot.',
        ],
        [
          ['help', 'Quit'],
          2,
          'dossier: There is no session to end here: each run answers once and exits. `exit` ends the terminal bot.',
        ],
        [
          ['help', 'more', '--json'],
          2,
          'dossier: There is no `more` here, where each run prints one page: `--limit N` gives up to 10 results.',
        ],
        [
          // Words after a command that takes none are a slip of usage, exit 2 as after `dossier help ask`; it was 1.
          ['sources', 'on', 'the', 'guard'],
          2,
          'dossier: `dossier sources` takes nothing after it. To search the documents for those words, ask: ' +
            '`dossier ask …`.',
        ],
      ] as const) {
        // Refused before the corpus is loaded: this one does not exist.
        const refused = run([...args], missing);
        expect([refused.status, refused.stdout, lines(refused.stderr)]).toEqual([status, '', [line]]);
      }
    },
  );

  it('gives help digest preview as the terminal bot does, from the command table, and what it adds here', async () => {
    const cli = run(['help', 'digest', 'preview']);
    expect([cli.status, cli.stderr]).toEqual([0, '']);
    // Help needs no corpus: the terminal bot's answer, with no engine behind it.
    const asked = commandContext(undefined as never, { log: createLogger('silent') });
    const bot = (await runText('help digest preview', asked)).blocks;
    // The bot's second line says what a preview without topics gives in a channel, which the command line has not.
    expect(bot).toHaveLength(2);
    const [usage, summary] = plain(bot[0]!.type === 'text' ? bot[0]!.text : []).split(' — ');
    expect(usage).toBe('digest preview <topics, …>');
    expect(lines(cli.stdout)).toEqual([
      `Usage: dossier ${usage}`,
      `  ${summary}`,
      '  Nothing is yet seen here, where there is no channel. Also `dossier digest --topics "a, b"`; ' +
        '`--since YYYY-MM-DD` leads it with the documents dated from that day.',
    ]);
  });

  it('gives help digest subscribe, pause, list and unsubscribe as the terminal bot does, in the bot only', async () => {
    const asked = commandContext(undefined as never, { log: createLogger('silent') });
    for (const typed of ['subscribe', 'pause', 'list', 'unsubscribe']) {
      const cli = run(['help', 'digest', typed]);
      expect([cli.status, cli.stderr]).toEqual([0, '']);
      const bot = (await runText(`help digest ${typed}`, asked)).blocks;
      expect(bot).toHaveLength(1);
      const [usage, summary] = plain(bot[0]!.type === 'text' ? bot[0]!.text : []).split(' — ');
      expect(usage).toMatch(new RegExp(`^digest ${typed}\\b`));
      // The bot's own words, where it is typed: this command line is neither the terminal bot nor a channel.
      const there = summary!
        .replace(/^This terminal/, 'The channel or terminal bot')
        .replace(/this terminal/, 'the channel or terminal bot');
      expect(cli.stdout).not.toMatch(/this terminal/i);
      expect(lines(cli.stdout)).toEqual([
        `In the bot only: ${usage}`,
        `  ${there}`,
        '  Type it in the terminal bot (`npm start`), or after /brief in Slack or Discord.',
      ]);
    }
  });

  it('says in one line where to use a command that needs a channel or the running bot, before loading', () => {
    const missing = { dir: join(corpus.dir, 'no-such-corpus'), cleanup: async () => {} };
    const where = 'Type it in the terminal bot (`npm start`), or after /brief in Slack or Discord';
    const feeds = 'the running bot polls each feed and keeps what it took from it in its database';
    const digest = "a digest belongs to a chat channel, and the bot's scheduler posts it";
    const preview = '; what runs here is `dossier digest preview <topics, …>`';
    for (const [args, line] of [
      [['feeds', 'list'], `feeds list runs in the bot, not here: ${feeds}. ${where}.`],
      [['feeds', 'add', 'https://example.org/feed.xml'], `feeds add runs in the bot, not here: ${feeds}. ${where}.`],
      [['digest'], `digest list runs in the bot, not here: ${digest}. ${where}${preview}.`],
      [['digest', 'list', '--json'], `digest list runs in the bot, not here: ${digest}. ${where}${preview}.`],
      [
        ['digest', 'subscribe', 'guard', 'at', '07:30'],
        `digest subscribe runs in the bot, not here: ${digest}. ${where}${preview}.`,
      ],
      [['digest', 'unsubscribe'], `digest unsubscribe runs in the bot, not here: ${digest}. ${where}${preview}.`],
      // Not a preview of no topics ("Name the topics to preview", exit 1), as it was read before.
      [['digest', 'pause'], `digest pause runs in the bot, not here: ${digest}. ${where}${preview}.`],
    ] as const) {
      const refused = run([...args], missing);
      expect([refused.status, refused.stdout, lines(refused.stderr)]).toEqual([2, '', [`dossier: ${line}`]]);
    }
  });

  it(
    'previews a digest of the topics typed or given by --topics; refuses one without topics or with a time',
    {
      timeout: 120_000,
    },
    () => {
      const typed = run(['digest', 'preview', 'National Guard']);
      expect([typed.status, typed.stderr]).toEqual([0, '']);
      expect(typed.stdout).toContain('southern border');
      expect(run(['digest', '--topics', 'National Guard']).stdout).toBe(typed.stdout);
      expect(run(['digest', 'preview', '--topics', 'National Guard']).stdout).toBe(typed.stdout);
      const missing = { dir: join(corpus.dir, 'no-such-corpus'), cleanup: async () => {} };
      for (const [args, status, line] of [
        [
          ['digest', 'preview'],
          1,
          'Name the topics to preview: `dossier digest preview ferry fares, harbour dredging`.',
        ],
        [
          ['digest', 'preview', 'guard', 'at', '07:30'],
          1,
          '"digest preview" shows the digest as it would be now, so it takes topics and no time ("07:30"): a ' +
            'digest’s schedule is set with `digest subscribe`.',
        ],
        [
          ['digest', 'preview', 'guard', '--topics', 'army'],
          2,
          'Give the topics once: `dossier digest preview a, b` or `dossier digest --topics "a, b"`.',
        ],
        [['digest', 'list', '--topics', 'army'], 2, '--topics is for digest preview (not "digest list").'],
        [['ask', 'guard', '--topics', 'army'], 2, '--topics is for digest (not "ask").'],
        [['figures', 'guard', '--since', '2020-01-01'], 2, '--since is for digest (not "figures").'],
        // It answered, then said "No chart: no figures answer this topic", as if figures had been asked for.
        [['ask', 'guard', '--chart', 'guard.png'], 2, '--chart is for figures (not "ask").'],
        [
          ['digest', 'preview', 'guard', '--since', 'yesterday'],
          2,
          '--since "yesterday" is not a date: use YYYY-MM-DD.',
        ],
      ] as const) {
        const refused = run([...args], missing);
        expect([refused.status, refused.stdout, lines(refused.stderr)]).toEqual([status, '', [`dossier: ${line}`]]);
      }
    },
  );
});

describe('dossier on a mistyped command, --version and --json', () => {
  it('refuses a command one or two letters off with the command meant, before loading the corpus', () => {
    const missing = { dir: join(corpus.dir, 'no-such-corpus'), cleanup: async () => {} };
    for (const [args, line] of [
      [['figurs', 'overdose deaths'], 'dossier: Unknown command figurs — did you mean `dossier figures`?'],
      [['sorces'], 'dossier: Unknown command sorces — did you mean `dossier sources`?'],
      [['sorces', '--json'], 'dossier: Unknown command sorces — did you mean `dossier sources`?'],
      [
        ['more'],
        'dossier: There is no `more` here, where each run prints one page: `--limit N` gives up to 10 results.',
      ],
      // The terminal bot's words for ending a session were searched as a question (exit 0, "Nothing … answers").
      [
        ['exit'],
        'dossier: There is no session to end here: each run answers once and exits. `exit` ends the terminal bot.',
      ],
      [
        ['QUIT'],
        'dossier: There is no session to end here: each run answers once and exits. `exit` ends the terminal bot.',
      ],
    ] as const) {
      const typo = run([...args], missing);
      expect([typo.status, typo.stdout, typo.stderr.trim()]).toEqual([2, '', line]);
    }
  });

  it('prints its version', { timeout: 120_000 }, () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const version = run(['--version']);
    expect([version.status, version.stdout]).toEqual([0, `dossier ${pkg.version}\n`]);
    // The table's `version` command, answered before the corpus is loaded; `help version` is its row.
    expect(run(['version']).stdout).toBe(`dossier ${pkg.version}\n`);
    expect(run(['help', 'version']).stdout).toBe('Usage: dossier version\n  The version of Dossier running\n');
  });

  it('answers whatever the bot’s own settings say: a bad Slack token is the bot’s to refuse, not dossier’s', () => {
    const env = { ...process.env, LOG_LEVEL: 'error', SLACK_BOT_TOKEN: 'not-a-token', SLACK_PORT: 'eighty' };
    const args = [
      '--import',
      'tsx',
      CLI,
      'ask',
      'National Guard',
      '--corpus',
      corpus.dir,
      '--cache',
      `${corpus.dir}/.cache`,
    ];
    const asked = spawnSync(process.execPath, args, { encoding: 'utf8', env });
    expect([asked.status, asked.stderr]).toEqual([0, '']);
    expect(asked.stdout).toContain('The National Guard was deployed');
    // A setting it does read is still checked, in one line.
    const bad = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...env, LOG_LEVEL: 'loud' } });
    expect([bad.status, bad.stderr.trim()]).toEqual([
      1,
      'dossier: LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent (it is "loud")',
    ]);
  });

  it('names a command in a preview as it is typed here, after dossier', async () => {
    // More documents from --since than a digest announces: the rest are left to `sources`.
    const seven = await tempCorpus(
      Object.fromEntries(
        ['ferry', 'harbour', 'bakery', 'library', 'market', 'orchard', 'tram'].map((word, i) => [
          `${word}.md`,
          note(`The ${word} report`, `The ${word} opened its doors to visitors in the spring.`, `2026-02-0${i + 1}`),
        ]),
      ),
    );
    try {
      const preview = run(['digest', 'preview', 'visitors', '--since', '2026-01-01'], seven);
      expect([preview.status, preview.stderr]).toEqual([0, '']);
      expect(preview.stdout).toContain('…and 2 more; `dossier sources` lists them all.');
    } finally {
      await seven.cleanup();
    }
  });

  it('gives help as JSON, and says in one line that digest has none', () => {
    const help = run(['help', '--json']);
    expect(help.status).toBe(0);
    const parsed = JSON.parse(help.stdout) as Record<'commands' | 'bot' | 'options', { usage: string }[]>;
    expect(parsed.commands.map((c) => c.usage.split(' ')[0])).toEqual([
      'ask',
      'cite',
      'figures',
      'sources',
      'add',
      'digest',
      'version',
      'help',
    ]);
    expect(parsed.options.map((o) => o.usage)).toContain('--json');
    expect(parsed.bot.map((c) => c.usage.split(' ')[0])).toEqual(['feeds', 'digest']);
    // A subcommand's help is its row alone, where it runs, as the text gives it: not the whole command's rows.
    const subcommand = (typed: string) => JSON.parse(run(['help', 'digest', typed, '--json']).stdout) as typeof parsed;
    const preview = subcommand('preview');
    expect([preview.commands.map((c) => c.usage), preview.bot]).toEqual([['digest preview <topics, …>'], []]);
    for (const typed of ['subscribe', 'pause', 'list', 'unsubscribe']) {
      const botOnly = subcommand(typed);
      expect(botOnly.commands).toEqual([]);
      expect(botOnly.bot.map((c) => c.usage.split(' ').slice(0, 2).join(' '))).toEqual([`digest ${typed}`]);
    }
    const digest = run(['digest', '--topics', 'guard', '--json']);
    expect([digest.status, digest.stdout, lines(digest.stderr)]).toEqual([
      2,
      '',
      ['dossier: digest has no --json output; run it without --json to read it.'],
    ]);
  });

  it('gives every source field in sources --json, null where the document states none, like ask', async () => {
    const undated = await tempCorpus({ 'plain.txt': 'The ferry runs twice a day in summer and once in winter.' });
    try {
      const sources = run(['sources', '--json'], undated);
      expect(sources.status).toBe(0);
      const [doc] = (JSON.parse(sources.stdout) as { sources: Record<string, unknown>[] }).sources;
      expect(doc).toMatchObject({
        source: 'plain.txt',
        author: null,
        publisher: null,
        date: null,
        url: null,
        fetched: null,
        tags: [],
      });
      const ask = JSON.parse(run(['ask', 'ferry in winter', '--json'], undated).stdout) as {
        results: Record<string, unknown>[];
      };
      expect(ask.results[0]).toMatchObject({ author: null, date: null });
    } finally {
      await undated.cleanup();
    }
  });

  it('reads a figures topic without chat markup in --json mode too, as its reply does', () => {
    const [marked, plainly] = [
      ['figures', '**cargo** _thefts_'],
      ['figures', 'cargo thefts'],
    ].map((args) => run([...args, '--json'], harbour));
    expect(marked!.status).toBe(0);
    expect(JSON.parse(marked!.stdout)).toEqual(JSON.parse(plainly!.stdout));
  });

  it('answers a question that starts with no command as ask, in --json mode too', () => {
    const question = run(['where', 'was', 'the', 'National', 'Guard', 'deployed?', '--json']);
    expect(question.status).toBe(0);
    expect(JSON.parse(question.stdout).query).toBe('where was the National Guard deployed?');
  });
});

describe('dossier without `more`', () => {
  it('prints the first page of an answer with no hint to type `more`, which a one-shot command cannot take', () => {
    const ask = run(['ask', 'cartel revenue estimate'], revenue);
    expect(ask.status).toBe(0);
    expect(ask.stdout).toContain('3. “');
    expect(ask.stdout).not.toMatch(/more results|type `more`/);
  });
});

describe('dossier --chart', () => {
  it('writes the chart of a series as a PNG file', () => {
    const path = join(harbour.dir, 'thefts.png');
    const figures = run(['figures', 'cargo thefts', '--chart', path], harbour);
    expect(figures.status).toBe(0);
    expect(figures.stderr.trim()).toBe(`dossier: chart written to ${path}`);
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses a file name not ending in .png in one line, before loading anything', () => {
    const path = join(harbour.dir, 'thefts.svg');
    const figures = run(['figures', 'cargo thefts', '--chart', path], harbour);
    expect(figures.status).toBe(2);
    expect(figures.stdout).toBe('');
    expect(figures.stderr.trim()).toBe(
      `dossier: --chart writes a PNG image: give a file name ending in .png (not "${path}").`,
    );
    expect(existsSync(path)).toBe(false);
    // Over a corpus folder that does not exist: the refusal comes first, so nothing was loaded.
    const early = run(['figures', 'cargo thefts', '--chart', 'thefts.svg'], {
      dir: join(harbour.dir, 'no-such-corpus'),
      cleanup: async () => {},
    });
    expect([early.status, early.stderr.trim()]).toEqual([
      2,
      'dossier: --chart writes a PNG image: give a file name ending in .png (not "thefts.svg").',
    ]);
  });

  it('says in one line why an answer has no chart: no figures, or figures that are no series over time', () => {
    for (const [topic, line] of [
      ['zebra quantum', 'dossier: No chart: no figures answer this topic.'],
      ['dock workers', 'dossier: No chart for this answer: its figures do not form a series over time.'],
    ] as const) {
      const path = join(harbour.dir, 'none.png');
      const figures = run(['figures', topic, '--chart', path], harbour);
      expect([figures.status, figures.stderr.trim(), existsSync(path)]).toEqual([0, line, false]);
    }
  });

  it('says in one line why the chart could not be written, after the answer, and exits 1', () => {
    const path = join(harbour.dir, 'no-such-folder', 'thefts.png');
    const figures = run(['figures', 'cargo thefts', '--chart', path], harbour);
    expect(figures.status).toBe(1);
    expect(figures.stdout).toContain('cargo thefts at the harbour');
    expect(figures.stderr.trim()).toBe(`dossier: could not write the chart to ${path}: its folder does not exist`);
  });
});

describe('dossier on a first start', () => {
  it('says on stderr that it is indexing the corpus when nothing of it is saved, and not once it is', async () => {
    const fresh = await tempCorpus({ 'ferry.md': note('Ferries', 'The ferry fare rose to four euros.') });
    try {
      const first = run(['ask', 'ferry fare'], fresh, 'info');
      expect([first.status, first.stderr]).toEqual([
        0,
        `dossier: Indexing the corpus in ${fresh.dir}; a large one takes a while. Later starts read the saved index.\n`,
      ]);
      expect(first.stdout).toContain('four euros');
      const again = run(['ask', 'ferry fare'], fresh, 'info');
      expect([again.status, again.stderr]).toEqual([0, '']);
    } finally {
      await fresh.cleanup();
    }
  });
});

describe('dossier over an empty corpus folder', () => {
  it('warns in one line naming the folder, then answers as usual', () => {
    const ask = run(['ask', 'cartel revenue'], empty, 'info');
    expect(ask.status).toBe(0);
    const warnings = lines(ask.stderr).filter((l) => l.includes('holds no documents'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBe(
      `dossier: The corpus folder ${empty.dir} holds no documents: add .txt, ` +
        `.md, .markdown, .html, .htm, .pdf, .csv files to it.`,
    );
  });
});
