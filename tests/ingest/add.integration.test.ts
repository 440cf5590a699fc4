import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { plain, type Reply } from '../../src/answer/reply.js';
import { runAddFiles, runText } from '../../src/commands/index.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { Dossier } from '../../src/engine/index.js';
import { ADD_DEFAULTS, Ingest, SafeFetcher, type FetchSettings } from '../../src/ingest/index.js';
import { createLogger } from '../../src/log.js';
import { DOSSIER_VERSION } from '../../src/version.js';
import { parseYaml } from '../../src/yaml.js';
import { note, openCorpus } from '../support/corpus.js';
import { ARTICLE_PARAGRAPHS, send, WebFixture } from './web-fixture.js';
import { commandContext } from '../support/commands.js';

const web = new WebFixture();
let corpus: Awaited<ReturnType<typeof openCorpus>>;
let dossier: Dossier;
let fetcher: SafeFetcher;
let ingest: Ingest;
const logs: Record<string, unknown>[] = [];
const seen: string[] = [];
const FETCHED_AT = new Date('2026-11-23T08:00:00Z');

/** Names the tests resolve: the fixture server's own name, and two that lead where nothing may be fetched. */
const DNS: Record<string, string[]> = {
  'news.test': ['127.0.0.1'],
  'metadata.test': ['169.254.169.254'],
  'intranet.test': ['10.9.8.7'],
};
const resolve = async (host: string) => DNS[host] ?? [];

/** The tests' server is on 127.0.0.1, which only an explicit allowance lets Dossier reach. */
const settings = (over: Partial<FetchSettings> = {}): Partial<FetchSettings> => ({
  allowPrivate: ['127.0.0.1'],
  resolve,
  timeoutMs: 1500,
  ...over,
});

beforeAll(async () => {
  await web.start();
});
afterAll(async () => {
  await web.stop();
});

beforeEach(async () => {
  corpus = await openCorpus({
    'notes/tides.md': note('Tide tables', 'High water at the quay was at 06:12 on Monday.'),
  });
  const log = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
  dossier = corpus.dossier;
  fetcher = new SafeFetcher(settings());
  ingest = new Ingest({ dossier, fetcher, log, now: () => FETCHED_AT });
  dossier.onChange((change, source) => void (change === 'added' && seen.push(source)));
  logs.length = 0;
  seen.length = 0;
});
afterEach(async () => {
  await fetcher.close();
  await corpus.cleanup();
});

const port = () => new URL(web.origin).port;
const at = (path: string) => `http://news.test:${port()}${path}`;

const ctx = () =>
  commandContext(dossier, {
    platform: 'slack',
    user: { id: 'U7' },
    channel: { id: 'C9' },
    now: () => FETCHED_AT,
    ingest,
  });
const add = (url: string): Promise<Reply> => runText(`add ${url}`, ctx());

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** A failed add leaves the corpus folder, the index and the digest's new documents as they were. */
async function expectNothingStored(): Promise<void> {
  expect(await filesIn(corpus.dir)).toEqual(['notes/tides.md']);
  expect(dossier.documents.map((d) => d.source)).toEqual(['notes/tides.md']);
  expect(seen).toEqual([]);
}

const textOf = (reply: Reply) =>
  reply.blocks
    .map((b) => (b.type === 'text' ? plain(b.text) : b.type === 'excerpt' ? plain(b.excerpt.text) : ''))
    .join('\n');

describe('add <url>: an article page', () => {
  it('stores the article as a file with its sidecar, indexes it at once and replies with its citation', async () => {
    const reply = await add(at('/news/harbour-lights'));

    expect(reply.status).toBe('ok');
    expect(reply.title).toBe('Added: Harbour lights return to the old quay');
    expect(textOf(reply)).toContain('Indexed 4 passages');
    const excerpt = reply.blocks.find((b) => b.type === 'excerpt');
    expect(excerpt?.type === 'excerpt' && excerpt.excerpt.citation).toMatchObject({
      title: 'Harbour lights return to the old quay',
      author: 'Maren Holt',
      publisher: 'The Coastal Gazette',
      date: '2026-11-20',
      url: at('/news/harbour-lights'),
      paragraph: 1,
    });

    const source = 'added/news-test/harbour-lights.html';
    expect(await filesIn(corpus.dir)).toEqual([source, `${source}.meta.yaml`, 'notes/tides.md']);
    expect(parseYaml(await readFile(join(corpus.dir, `${source}.meta.yaml`), 'utf8'))).toEqual({
      title: 'Harbour lights return to the old quay',
      author: 'Maren Holt',
      publisher: 'The Coastal Gazette',
      date: '2026-11-20',
      url: at('/news/harbour-lights'),
      fetched: '2026-11-23T08:00:00.000Z',
    });
    // Searchable at once, and the digest hears of it.
    expect(dossier.search('iron posts foundry')[0]?.passage.source).toBe(source);
    expect(seen).toEqual([source]);
  });

  it('reads a page sent in Windows-1252 (labelled iso-8859-1) with its quotes and dashes, not as binary', async () => {
    expect((await add(at('/old/ferry-notice'))).status).toBe('ok');
    const doc = dossier.documents.find((d) => d.source.startsWith('added/'))!;
    expect(doc.passages.map((p) => p.text)).toEqual([
      'The harbour office said “the 07:10 sails” – then “the 08:40” – on Sundays.',
    ]);
  });

  it('keeps the article’s paragraphs and none of the navigation, ads, sidebar, comments or footer', async () => {
    await add(at('/news/harbour-lights'));
    const doc = dossier.documents.find((d) => d.source.startsWith('added/'))!;
    expect(doc.passages.map((p) => p.text)).toEqual(ARTICLE_PARAGRAPHS);
  });

  it('is read back from the folder exactly as it was indexed: the same document after a restart', async () => {
    await add(at('/news/harbour-lights'));
    const added = dossier.documents.find((d) => d.source.startsWith('added/'))!;
    const reloaded = (await loadCorpus(corpus.dir)).documents.find((d) => d.source === added.source);
    expect(reloaded).toEqual(added);
  });

  it('names Dossier and its version in the User-Agent and asks robots.txt first', async () => {
    const before = web.requests.length;
    await add(at('/news/harbour-lights'));
    const asked = web.requests.slice(before);
    expect(asked.map((r) => r.path)).toEqual(['/robots.txt', '/news/harbour-lights']);
    expect(asked[1]!.headers['user-agent']).toMatch(new RegExp(`^Dossier/${DOSSIER_VERSION.replace(/\./g, '\\.')} `));
  });

  it('logs who added what and how it ended, never the page’s text', async () => {
    await add(at('/news/harbour-lights?session=secret'));
    const line = logs.find((l) => l.event === 'add')!;
    expect(line).toMatchObject({
      platform: 'slack',
      user: 'U7',
      channel: 'C9',
      url: `http://news.test:${port()}/news/harbour-lights`,
      outcome: 'added',
    });
    expect(JSON.stringify(logs)).not.toContain('iron posts');
    expect(JSON.stringify(logs)).not.toContain('secret');
  });

  it('follows a redirect within the site and cites the address it landed on', async () => {
    const reply = await add(at('/to-article'));
    const excerpt = reply.blocks.find((b) => b.type === 'excerpt');
    expect(excerpt?.type === 'excerpt' && excerpt.excerpt.citation.url).toBe(at('/news/harbour-lights'));
  });
});

describe('add <url>: the same document twice is one document', () => {
  it('says so for the same link, without fetching it again', async () => {
    await add(at('/news/harbour-lights'));
    const before = web.requestsTo('/news/harbour-lights');
    const again = await add(at('/news/harbour-lights/'));
    expect(again.title).toBe('Already in the corpus: Harbour lights return to the old quay');
    expect(textOf(again)).toContain('That link is already in the corpus');
    expect(web.requestsTo('/news/harbour-lights')).toBe(before);
    expect((await filesIn(corpus.dir)).filter((f) => f.startsWith('added/'))).toHaveLength(2);
  });

  it('says so for the same text under another link', async () => {
    await add(at('/news/harbour-lights'));
    const copy = await add(at('/syndicated/harbour-lights'));
    expect(copy.title).toBe('Already in the corpus: Harbour lights return to the old quay');
    expect(textOf(copy)).toContain('The same text is already in the corpus under another link');
    expect(dossier.documents).toHaveLength(2);
    expect((await filesIn(corpus.dir)).filter((f) => f.startsWith('added/'))).toHaveLength(2);
  });
});

describe('add <url>: a PDF and a page with no title', () => {
  it('adds a PDF with its passages and the metadata its info states', async () => {
    const reply = await add(at('/reports/quay-lighting.pdf'));
    expect(reply.title).toBe('Added: Quay Lighting Review');
    const doc = dossier.document('added/news-test/quay-lighting.pdf')!;
    expect(doc.meta).toMatchObject({ author: 'Harbour Board', url: at('/reports/quay-lighting.pdf') });
    expect(doc.passages.map((p) => p.text)).toEqual([
      'The review found that the restored lamps use a third of the power of the old ones.',
      'It recommends that the east quay be fitted the same way within two years.',
    ]);
  });

  it('names a page with no title by its opening words, and keeps that opening paragraph', async () => {
    const reply = await add(at('/untitled'));
    expect(reply.title).toBe('Added: Tide gauges at the north pier recorded the…');
    const doc = dossier.document('added/news-test/untitled.html')!;
    expect(doc.passages).toHaveLength(2);
    expect((await loadCorpus(corpus.dir)).documents.find((d) => d.source === doc.source)).toEqual(doc);
  });
});

describe('add <url>: every refusal is one line naming why, and stores nothing', () => {
  const refused = async (url: string, message: string | RegExp) => {
    const reply = await add(url);
    expect(reply.status).toBe('error');
    expect(reply.error!.message).toMatch(message);
    expect(reply.error!.message).not.toContain('\n');
    await expectNothingStored();
    return reply;
  };

  it('a 404', () => refused(at('/gone'), `news.test:${port()} answered 404.`));

  it('a path robots.txt disallows, which is never requested', async () => {
    await refused(at('/private/memo'), `robots.txt at news.test:${port()} disallows /private/memo.`);
    expect(web.requestsTo('/private/memo')).toBe(0);
  });

  it('a redirect to a private address, refused before any connection', () =>
    refused(at('/to-private'), '10.20.30.40 is a private address: Dossier fetches only from public addresses.'));

  it('a redirect to a name that resolves to the cloud metadata service', () =>
    refused(at('/to-metadata'), 'metadata.test is a cloud metadata address (169.254.169.254)'));

  it('a 30 MB body announced in Content-Length', () =>
    refused(at('/huge-declared'), `The page at news.test:${port()} is larger than 20 MB.`));

  it('a 30 MB body streamed without a length, cut off at 20 MB', () =>
    refused(at('/huge-streamed'), `The page at news.test:${port()} is larger than 20 MB.`));

  it('a response that never finishes, cut off at the time limit', () =>
    refused(at('/never-finishes'), `news.test:${port()} did not finish answering within 1.5 s.`));

  it('a content type that is not a page, PDF, text or CSV', () =>
    refused(at('/logo.png'), `news.test:${port()} sent image/png, not a web page, PDF, text or CSV file.`));

  it('a page with nothing to index', () => refused(at('/empty-page'), `news.test:${port()}/empty-page has no text`));

  it('a redirect loop', () => refused(at('/loop'), `news.test:${port()} redirected more than 5 times.`));

  it('a host that does not exist', () => refused('http://nowhere.test/page', 'nowhere.test could not be found'));

  it('a link that is not http or https', () => refused('ftp://news.test/file.txt', /Only http and https/));

  it('text that is not a link', () => refused('the harbour report', /is not a web address/));

  it('a link with a password in it', () => refused('https://ann:pw@news.test/x', /user name or password/));

  it('a corpus folder it cannot write to, named by the file without the server’s own paths', async () => {
    // A file where the folder for added pages goes: the folder cannot be made, whoever the tests run as.
    await writeFile(join(corpus.dir, 'added'), 'not a folder');
    const reply = await add(at('/news/harbour-lights'));
    expect(reply.error?.code).toBe('store-failed');
    expect(reply.error?.message).toBe(
      'Could not store added/news-test/harbour-lights.html in the corpus folder (a part of the path is not a folder).',
    );
    expect(dossier.documents.map((d) => d.source)).toEqual(['notes/tides.md']);
  });

  it('logs the refusal with its reason', async () => {
    await add(at('/gone'));
    expect(logs.find((l) => l.event === 'add')).toMatchObject({ outcome: 'refused', code: 'fetch-failed' });
  });
});

describe('safe fetching by default', () => {
  it('refuses the loopback address the tests’ own server is on, without connecting to it', async () => {
    const strict = new SafeFetcher({ resolve });
    const before = web.requests.length;
    await expect(
      strict.fetch(web.url('/news/harbour-lights'), { accept: { types: ['text/html'], described: 'a page' } }),
    ).rejects.toThrow('127.0.0.1 is a loopback address: Dossier fetches only from public addresses.');
    await expect(
      strict.fetch(at('/news/harbour-lights'), { accept: { types: ['text/html'], described: 'a page' } }),
    ).rejects.toThrow('news.test is a loopback address (127.0.0.1)');
    expect(web.requests.length).toBe(before);
    await strict.close();
  });

  it('FETCH_ALLOW_PRIVATE=1 allows private addresses, but still not the metadata service', async () => {
    const open = new SafeFetcher({ resolve, allowPrivate: true });
    const fetched = await open.fetch(at('/news/harbour-lights'), {
      accept: { types: ['text/html'], described: 'a page' },
    });
    expect(fetched.notModified).toBe(false);
    await expect(
      open.fetch(at('/to-metadata'), { accept: { types: ['text/html'], described: 'a page' } }),
    ).rejects.toThrow('cloud metadata address');
    await open.close();
  });
});

describe('ADD_POLICY', () => {
  const withPolicy = (policy: 'anyone' | 'managers') =>
    new Ingest({ dossier, fetcher, log: createLogger('silent'), policy, now: () => FETCHED_AT });
  const asker = (manages: boolean) => ({
    platform: 'discord',
    userId: 'U1',
    channelId: 'C1',
    canManageChannel: async () => manages,
  });

  it('managers: refuses someone who does not manage the channel, in one line, storing nothing', async () => {
    await expect(withPolicy('managers').addUrl(at('/news/harbour-lights'), asker(false))).rejects.toThrow(
      'Only members who can manage this channel may add documents or feeds here (ADD_POLICY=managers).',
    );
    await expectNothingStored();
  });

  it('managers: lets a channel manager add, and the operator at the terminal', async () => {
    expect((await withPolicy('managers').addUrl(at('/news/harbour-lights'), asker(true))).outcome).toBe('added');
    const terminal = { platform: 'terminal', userId: 'cli', channelId: 'cli' };
    expect((await withPolicy('managers').addUrl(at('/untitled'), terminal)).outcome).toBe('added');
  });

  it('anyone: never asks whether the asker manages the channel', async () => {
    let asked = false;
    const who = { ...asker(false), canManageChannel: async () => (asked = true) };
    expect((await withPolicy('anyone').addUrl(at('/news/harbour-lights'), who)).outcome).toBe('added');
    expect(asked).toBe(false);
  });
});

describe('files shared in chat', () => {
  const file = (name: string, path: string, headers?: Record<string, string>) => ({
    name,
    download: { url: at(path), ...(headers ? { headers } : {}) },
    url: 'https://chat.test/archives/C9/p100',
  });

  it(
    'downloads the file with the platform’s headers, without asking ' + 'robots.txt, and cites where it was shared',
    async () => {
      let authorization: string | undefined;
      web.route('/private/files/review.pdf', (req, res) => {
        authorization = req.headers.authorization;
        res.writeHead(302, { location: '/reports/quay-lighting.pdf' }).end();
      });
      const robotsBefore = web.requestsTo('/robots.txt');
      const reply = await runAddFiles(
        [file('review.pdf', '/private/files/review.pdf', { authorization: 'Bearer chat-token' })],
        ctx(),
      );
      expect(reply.title).toBe('Added: Quay Lighting Review');
      expect(authorization).toBe('Bearer chat-token');
      expect(web.requestsTo('/robots.txt')).toBe(robotsBefore);
      expect(dossier.documents.find((d) => d.meta.title === 'Quay Lighting Review')?.meta.url).toBe(
        'https://chat.test/archives/C9/p100',
      );
      expect(await filesIn(corpus.dir)).toEqual([
        'added/slack/review.pdf',
        'added/slack/review.pdf.meta.yaml',
        'notes/tides.md',
      ]);
    },
  );

  it('sends the platform’s headers to the file’s own origin only, never after a redirect elsewhere', async () => {
    let leaked: string | undefined = 'not requested';
    web.route('/elsewhere/notes.md', (req, res) => {
      leaked = req.headers.authorization;
      send(res, 200, 'text/markdown', '# Notes\n\nThe quay reopened in May.\n');
    });
    // The same server under another name is another origin.
    web.route('/files/notes.md', (_req, res) =>
      res.writeHead(302, { location: `http://127.0.0.1:${port()}/elsewhere/notes.md` }).end(),
    );
    const reply = await runAddFiles(
      [file('notes.md', '/files/notes.md', { authorization: 'Bearer chat-token' })],
      ctx(),
    );
    expect(reply.status).toBe('ok');
    expect(leaked).toBeUndefined();
  });

  it('several files: each one’s outcome, a refusal not hiding the others', async () => {
    web.route('/files/a.txt', (_req, res) =>
      send(res, 200, 'text/plain', 'The east quay lamps were fitted in June.\n'),
    );
    const reply = await runAddFiles([file('a.txt', '/files/a.txt'), file('b.docx', '/files/b.docx')], ctx());
    expect(reply.title).toBe('Added 1 of 2 files');
    expect(reply.toChannel).toBe(true);
    expect(textOf(reply)).toContain('Not added: b.docx is not a file Dossier reads');
  });

  it('refusals are one line and store nothing: a 404, a file too large, a message with no file', async () => {
    const one = async (files: Parameters<typeof runAddFiles>[0], message: string) => {
      const reply = await runAddFiles(files, ctx());
      expect(reply.status).toBe('error');
      expect(reply.error!.message).toContain(message);
      expect(reply.error!.message).not.toContain('\n');
      await expectNothingStored();
    };
    await one([file('gone.md', '/gone')], `news.test:${port()} answered 404.`);
    await one([file('big.html', '/huge-declared')], 'big.html is larger than 20 MB.');
    await one([], 'That message has no file to add');
  });
});

describe('add <url>: a large document', () => {
  it('is read in a worker thread as it would be here, and indexed a slice per turn while requests go on', async () => {
    const paragraphs = Array.from({ length: 1000 }, (_, i) => `Berth ${i + 1} of the harbour holds ${i + 10} cranes.`);
    web.route('/reports/berths.txt', (_req, res) =>
      send(res, 200, 'text/plain', `Berth survey\n\n${paragraphs.join('\n\n')}\n`),
    );
    const log = createLogger('silent');
    const here = await new Ingest({ dossier, fetcher, log, now: () => FETCHED_AT }).addUrl(at('/reports/berths.txt'), {
      platform: 'terminal',
      userId: 'operator',
      channelId: 'terminal',
    });
    dossier.remove(here.document.source);
    await rm(join(corpus.dir, here.document.source));
    await rm(join(corpus.dir, `${here.document.source}.meta.yaml`));

    // What a request arriving meanwhile sees, one look per turn of the event loop.
    const looks: number[] = [];
    let looking = true;
    const look = () => {
      looks.push(dossier.search('cranes', { limit: 2000 }).length);
      if (looking) setImmediate(look);
    };
    setImmediate(look);
    const inWorker = new Ingest({ dossier, fetcher, log, now: () => FETCHED_AT, readInWorkerFrom: 0 });
    const added = await inWorker.addUrl(at('/reports/berths.txt'), {
      platform: 'terminal',
      userId: 'operator',
      channelId: 'terminal',
    });
    looking = false;

    expect(added.outcome).toBe('added');
    expect(added.document).toEqual(here.document);
    expect(looks.some((n) => n > 0 && n < 1000)).toBe(true);
    expect(dossier.search('cranes', { limit: 2000 })).toHaveLength(1000);
  });

  it('stops reading at close() (shutdown): its worker ends, nothing is stored, later adds are refused', async () => {
    web.route('/reports/quays.txt', (_req, res) =>
      send(res, 200, 'text/plain', 'Quay survey\n\nQuay 1 of the harbour holds 12 cranes.\n'),
    );
    const log = createLogger('silent');
    const inWorker = new Ingest({ dossier, fetcher, log, now: () => FETCHED_AT, readInWorkerFrom: 0 });
    // Shutdown comes as the add's reading worker starts.
    const ended = new Promise<void>((resolve) =>
      process.once('worker', (worker: Worker) => {
        inWorker.close();
        worker.once('exit', () => resolve());
      }),
    );
    const operator = { platform: 'terminal', userId: 'operator', channelId: 'terminal' };
    await expect(inWorker.addUrl(at('/reports/quays.txt'), operator)).rejects.toMatchObject({
      code: 'restarting',
      message: `Dossier is restarting: news.test:${port()}/reports/quays.txt was not added; add it again in a moment.`,
    });
    await ended;
    await expectNothingStored();
    await expect(inWorker.addUrl(at('/reports/quays.txt'), operator)).rejects.toMatchObject({ code: 'restarting' });
  });
});

describe('temp files an add killed mid-write left', () => {
  /** A process writing half of a document under an add's temp name in `dir`, as an add killed mid-write leaves it. */
  async function writer(dir: string): Promise<{ child: ChildProcess; file: string }> {
    const script = `const { openSync, writeSync } = require('node:fs');
      const name = '.' + process.pid + '-' + Date.now() + '-pilots.html.tmp';
      const file = require('node:path').join(process.argv[1], name);
      writeSync(openSync(file, 'wx'), '<h1>Pilots</h1><p>Half of');
      console.log(file);
      setInterval(() => undefined, 60_000);`;
    const child = spawn(process.execPath, ['-e', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    return { child, file: basename(line.toString().trim()) };
  }
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it('at the next add, removes those whose writer is gone or is itself; leaves a live writer’s, others', async () => {
    const dir = join(corpus.dir, 'added', 'news-test');
    await mkdir(dir, { recursive: true });
    const killed = await writer(dir);
    const live = await writer(dir);
    children.push(killed.child, live.child);
    killed.child.kill('SIGKILL');
    await once(killed.child, 'exit');
    const own = `.${process.pid}-1764979200000-pilots.txt.meta.yaml.tmp`;
    const others = ['.tmp', `.${killed.child.pid}-notes.tmp`, `${killed.child.pid}-1-pilots.html.tmp`];
    for (const name of [own, ...others]) await writeFile(join(dir, name), 'x');

    expect((await add(at('/news/harbour-lights'))).status).toBe('ok');

    const left = (await readdir(dir)).filter((name) => name.includes('tmp'));
    expect(left.sort()).toEqual([live.file, ...others].sort());
    const removed = logs.filter((l) => l.msg === 'removed a temp file an add left');
    expect(removed.map((l) => basename(String(l.file))).sort()).toEqual([killed.file, own].sort());
  });

  it('removes a live pid’s once untouched for ADD_DEFAULTS.leftoverAfterMs (the pid is reused by then)', async () => {
    const dir = join(corpus.dir, 'added', 'news-test');
    await mkdir(dir, { recursive: true });
    const live = await writer(dir);
    children.push(live.child);
    const at = (ms: number) =>
      new Ingest({ dossier, fetcher, log: createLogger('silent'), now: () => new Date(Date.now() + ms) });

    await at(ADD_DEFAULTS.leftoverAfterMs - 60_000).sweep();
    expect(await readdir(dir)).toEqual([live.file]);
    await at(ADD_DEFAULTS.leftoverAfterMs).sweep();
    expect(await readdir(dir)).toEqual([]);
  });

  it('names its temp files by the pid and clock it is given, and sweeps that pid’s as its own', async () => {
    const dir = join(corpus.dir, 'added', 'news-test');
    // A folder under the temp name the add will take (the sweep removes files only): its write is refused.
    const taken = `.4242-${FETCHED_AT.getTime()}-harbour-lights.html.tmp`;
    await mkdir(join(dir, taken), { recursive: true });
    const leftover = '.4242-1764979200000-minutes.md.tmp';
    await writeFile(join(dir, leftover), 'x');
    const given = new Ingest({
      ...{ dossier, fetcher, log: createLogger('silent'), now: () => FETCHED_AT },
      ...{ pid: 4242, processRunning: () => true },
    });
    const operator = { platform: 'terminal', userId: 'operator', channelId: 'terminal' };
    await expect(given.addUrl(at('/news/harbour-lights'), operator)).rejects.toMatchObject({ code: 'store-failed' });
    // Its own pid's, though a process of that pid runs and wrote it a moment ago: left by an earlier run of its own.
    expect(await readdir(dir)).toEqual([taken]);
  });

  it('asks whether a writer runs by the check it is given', async () => {
    const dir = join(corpus.dir, 'added', 'slack');
    await mkdir(dir, { recursive: true });
    const name = '.4242-1764979200000-minutes.md.tmp';
    await writeFile(join(dir, name), 'x');
    const asked: number[] = [];
    const running = (pid: number): boolean => {
      asked.push(pid);
      return true;
    };
    await new Ingest({ dossier, fetcher, log: createLogger('silent'), processRunning: running }).sweep();
    expect(asked).toEqual([4242]);
    expect(await readdir(dir)).toEqual([name]);
  });
});
