import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { botContext } from '../../../adapters/bot.js';
import { SlackAdapter } from '../../../adapters/slack/app.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { silentLogger } from '../../../src/log.js';
import { SlackStub } from './slack-stub.js';

const APP_TOKEN = 'xapp-1-test';

/** Slack's Socket Mode end, on 127.0.0.1: says hello, then sends the envelopes a test pushes. */
const sockets = new WebSocketServer({ host: '127.0.0.1', port: 0 });
const received: Record<string, unknown>[] = [];
let socket: WebSocket | undefined;
sockets.on('connection', (ws) => {
  socket = ws;
  ws.on('message', (data: Buffer) => received.push(JSON.parse(data.toString()) as Record<string, unknown>));
  ws.send(
    JSON.stringify({
      type: 'hello',
      num_connections: 1,
      connection_info: { app_id: 'A1' },
      debug_info: { host: 'stub' },
    }),
  );
});

const stub = new SlackStub();
let corpusDir: string;
let adapter: SlackAdapter;

beforeAll(async () => {
  await stub.start();
  await new Promise<void>((resolve) => (sockets.address() ? resolve() : sockets.once('listening', () => resolve())));
  stub.route('/api/apps.connections.open', {
    status: 200,
    body: { ok: true, url: `ws://127.0.0.1:${(sockets.address() as AddressInfo).port}/link` },
  });
  corpusDir = await mkdtemp(join(tmpdir(), 'dossier-slack-socket-'));
  await writeFile(
    join(corpusDir, 'harbour.md'),
    '# Harbour\n\nThe dredging of the outer harbour cost the port four million euros.\n',
  );
  const dossier = await Dossier.open({ corpusDir });
  adapter = new SlackAdapter(botContext({ dossier, log: silentLogger() }), {
    botToken: 'xoxb-test',
    appToken: APP_TOKEN,
    port: 3000,
    command: '/brief',
    apiUrl: `${stub.url}/api/`,
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await new Promise((resolve) => sockets.close(resolve));
  await stub.stop();
  await rm(corpusDir, { recursive: true, force: true });
});

describe('SlackAdapter in Socket Mode', () => {
  it('opens the connection with the app token at SLACK_API_URL', () => {
    const [open] = stub.callsTo('/api/apps.connections.open');
    expect(open?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
  });

  it('acknowledges a slash command envelope at once and answers through response_url', async () => {
    const responseUrl = `${stub.url}/response/socket-1`;
    const payload = {
      command: '/brief',
      text: 'harbour dredging',
      user_id: 'U1',
      user_name: 'ann',
      channel_id: 'C1',
      channel_name: 'harbour',
      team_id: 'T1',
      api_app_id: 'A1',
      response_url: responseUrl,
      trigger_id: 't',
    };
    const sent = Date.now();
    socket!.send(
      JSON.stringify({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload }),
    );
    const answer = await stub.waitFor((c) => c.path === '/response/socket-1');
    expect(received).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
    expect(Date.now() - sent).toBeLessThan(3000);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.body.blocks)).toContain('*dredging*');
  });
});
