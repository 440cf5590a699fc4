import { afterEach, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { botContext } from '../adapters/bot.js';
import { HEALTH_PATH, healthHandler, startHealthServer, stopHealthServer } from '../adapters/health-server.js';
import { SlackAdapter } from '../adapters/slack/app.js';
import { Dossier } from '../src/engine/dossier.js';
import { healthHttpStatus, healthReport, newestDate, type HealthInputs } from '../src/health.js';
import { silentLogger } from '../src/log.js';
import { SlackStub } from './adapters/slack/slack-stub.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const healthy: HealthInputs = {
  now: NOW,
  stopping: false,
  index: { documents: 12, passages: 91 },
  corpus: { loadedAt: new Date('2026-03-10T11:00:00Z'), newestDocumentDate: '2026-03-03' },
  database: { path: '/data/dossier.db', open: true, unfinishedSlots: 0 },
  platforms: { slack: { state: 'connected', mode: 'http' }, discord: { state: 'connected', mode: 'gateway' } },
};

describe('healthReport', () => {
  it('reports index size, corpus age, the database and each platform, ok and 200 when all is well', () => {
    const report = healthReport(healthy);
    expect(report).toEqual({
      status: 'ok',
      time: '2026-03-10T12:00:00.000Z',
      index: { documents: 12, passages: 91 },
      corpus: { loadedAt: '2026-03-10T11:00:00.000Z', newestDocumentDate: '2026-03-03', newestDocumentAgeDays: 7 },
      database: { state: 'open', path: '/data/dossier.db', open: true, unfinishedSlots: 0 },
      platforms: { slack: { state: 'connected', mode: 'http' }, discord: { state: 'connected', mode: 'gateway' } },
      feeds: [],
      problems: [],
    });
    expect(healthHttpStatus(report)).toBe(200);
  });

  it('shows each feed’s state and last error, and is degraded while one is paused', () => {
    const working = {
      url: 'https://example.org/a.rss',
      state: 'active' as const,
      failures: 1,
      lastError: 'example.org answered 503.',
      lastPolledAt: '2026-03-10T11:00:00.000Z',
    };
    const paused = { ...working, url: 'https://example.org/b.rss', state: 'paused' as const, failures: 5 };
    const report = healthReport({ ...healthy, feeds: [working, paused] });
    expect(report.feeds).toEqual([working, paused]);
    expect(report.status).toBe('degraded');
    expect(report.problems).toEqual([
      'the feed https://example.org/b.rss is paused after 5 failed polls: example.org answered 503.',
    ]);
  });

  it(
    'is degraded, still 200, naming each problem, when a platform is down, ' + 'the database closed or the index empty',
    () => {
      const report = healthReport({
        ...healthy,
        index: { documents: 0, passages: 0 },
        database: { path: '/data/dossier.db', open: false, unfinishedSlots: 0 },
        platforms: {
          slack: { state: 'connected', mode: 'http' },
          discord: { state: 'connecting', mode: 'gateway', detail: 'the gateway connection is (re)opening' },
        },
      });
      expect(report.status).toBe('degraded');
      expect(report.database).toMatchObject({ state: 'closed' });
      expect(report.problems).toEqual([
        'the index holds no passages',
        'the database at /data/dossier.db is closed',
        'discord is connecting: the gateway connection is (re)opening',
      ]);
      expect(healthHttpStatus(report)).toBe(200);
    },
  );

  it('says stopping, with 503, once shutdown has begun', () => {
    const report = healthReport({
      ...healthy,
      stopping: true,
      database: { path: '/data/dossier.db', open: true, unfinishedSlots: 1 },
    });
    expect(report).toMatchObject({ status: 'stopping', database: { unfinishedSlots: 1 } });
    expect(healthHttpStatus(report)).toBe(503);
  });

  it('leaves the corpus age null when no document states a date, and reports no database where there is none', () => {
    const report = healthReport({ ...healthy, corpus: { loadedAt: NOW }, database: undefined });
    expect(report.corpus).toEqual({
      loadedAt: NOW.toISOString(),
      newestDocumentDate: null,
      newestDocumentAgeDays: null,
    });
    expect(report.database).toEqual({ state: 'none' });
  });

  it('finds the newest stated date and ignores missing or malformed ones', () => {
    expect(newestDate(['2025-12-01', undefined, '2026-01-15', 'March 2026', '2026-01-02'])).toBe('2026-01-15');
    expect(newestDate([undefined])).toBeUndefined();
  });
});

describe('the health server (HEALTH_PORT)', () => {
  let server: Server | undefined;
  afterEach(async () => {
    if (server) await stopHealthServer(server);
    server = undefined;
  });

  const serve = async (report: () => ReturnType<typeof healthReport>) => {
    server = await startHealthServer(0, healthHandler(report), '127.0.0.1');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  it('answers GET /healthz with the report as JSON, and 404 elsewhere', async () => {
    const base = await serve(() => healthReport(healthy));
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toMatchObject({ status: 'ok', index: { passages: 91 } });
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(404);
  });

  it('answers HEAD with the status alone and any other method with 405 naming GET and HEAD', async () => {
    await expectMethodsRefused(await serve(() => healthReport(healthy)));
  });

  it('answers 503 with the reason when the report itself fails', async () => {
    const base = await serve(() => {
      throw new Error('The database connection is not open');
    });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'error',
      problems: ['the health report failed: The database connection is not open'],
    });
  });
});

/** HEAD is taken without a body; POST, PUT, DELETE and OPTIONS are 405 with an Allow header naming what is taken. */
async function expectMethodsRefused(base: string): Promise<void> {
  const head = await fetch(`${base}/healthz`, { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(await head.text()).toBe('');
  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
    const res = await fetch(`${base}/healthz`, { method, ...(method === 'OPTIONS' ? {} : { body: '{}' }) });
    expect({ method, status: res.status, allow: res.headers.get('allow') }).toEqual({
      method,
      status: 405,
      allow: 'GET, HEAD',
    });
  }
}

describe('/healthz beside the Slack receiver (Slack HTTP mode)', () => {
  it('answers GET with the report, HEAD without a body and any other method with 405', async () => {
    const stub = new SlackStub();
    await stub.start();
    const dossier = Dossier.fromCorpus({ dir: '/nowhere', documents: [], warnings: [] });
    const adapter = new SlackAdapter(
      botContext({ dossier, log: silentLogger() }),
      { botToken: 'xoxb-health', signingSecret: 's', port: 0, command: '/brief', apiUrl: `${stub.url}/api/` },
      { host: '127.0.0.1', httpRoutes: [{ path: HEALTH_PATH, handler: healthHandler(() => healthReport(healthy)) }] },
    );
    try {
      await adapter.start();
      const base = `http://127.0.0.1:${adapter.port}`;
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', index: { passages: 91 } });
      await expectMethodsRefused(base);
    } finally {
      await adapter.stop();
      await stub.stop();
    }
  });
});
