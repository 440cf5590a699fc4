import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { localServer, type LocalServer } from '../../support/local-server.js';

/** One request the stand-in received. */
export interface Recorded {
  path: string;
  headers: IncomingMessage['headers'];
  raw: Buffer;
  /** The body parsed as Slack clients send it: JSON, or form fields (JSON-looking values decoded). */
  body: Record<string, unknown>;
  at: number;
}

interface Canned {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  /** Answer this long after the request arrived: a slow platform. */
  delayMs?: number;
  /** Break the connection instead of answering (the request itself was taken, or not, as `body` says). */
  reset?: boolean;
}

/** A message the stand-in keeps for a channel, as `conversations.history` returns it. */
export interface StoredMessage {
  channel: string;
  ts: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  text?: string;
  blocks?: { type: string; elements?: { text?: string }[] }[];
}

/**
 * A stand-in for Slack on 127.0.0.1: the Web API under `/api/`, the file upload URL under
 * `/upload/`, and response_urls under `/response/`. It records every request and answers like
 * Slack does, unless a test queues another answer with `failNext`. Messages `chat.postMessage`
 * took (its planned answer is `ok`, however late it comes or whether it comes) are kept for
 * `conversations.history`, metadata included.
 */
export class SlackStub {
  readonly calls: Recorded[] = [];
  readonly messages: StoredMessage[] = [];
  /** Called as each request arrives, before it is answered (a test may kill the bot there). */
  onRequest?: (call: Recorded) => void;
  private tsCounter = 0;
  private readonly queued = new Map<string, Canned[]>();
  private readonly routes = new Map<string, Canned>();
  private readonly held = new Map<string, Promise<Canned | undefined>>();
  private readonly waiters: (() => void)[] = [];
  private server?: LocalServer;
  url = '';

  async start(): Promise<this> {
    this.server = await localServer((req, raw, res) => {
      const path = new URL(req.url ?? '/', 'http://stub').pathname;
      const call: Recorded = {
        path,
        headers: req.headers,
        raw,
        body: parseBody(req.headers['content-type'], raw),
        at: Date.now(),
      };
      this.calls.push(call);
      for (const wake of this.waiters.splice(0)) wake();
      const planned = this.queued.get(path)?.shift() ?? this.routes.get(path) ?? this.answer(call);
      if (path === '/api/chat.postMessage') this.keep(call, planned);
      this.onRequest?.(call);
      void (this.held.get(path) ?? Promise.resolve(undefined)).then(async (released) => {
        const answer = released ?? planned;
        if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
        if (answer.reset) return void req.socket.destroy();
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
      });
    });
    this.url = this.server.url;
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  /** The next request to `path` gets this answer instead of the usual one. */
  failNext(path: string, answer: Canned): void {
    this.queued.set(path, [...(this.queued.get(path) ?? []), answer]);
  }

  /** The next request to `path` is refused as Slack refuses one over its rate limit, to come back in `seconds`. */
  rateLimitNext(path: string, seconds: number): void {
    this.failNext(path, {
      status: 429,
      headers: { 'retry-after': String(seconds) },
      body: { ok: false, error: 'ratelimited' },
    });
  }

  /** Every request to `path` gets this answer from now on. */
  route(path: string, answer: Canned): void {
    this.routes.set(path, answer);
  }

  /**
   * Requests to `path` are recorded on arrival but not answered until the returned function is
   * called: with an answer of its own, or the usual one. A platform slow to take a post.
   */
  hold(path: string): (answer?: Canned) => void {
    let release!: (answer?: Canned) => void;
    this.held.set(path, new Promise((resolve) => (release = resolve)));
    return (answer) => {
      this.held.delete(path);
      release(answer);
    };
  }

  callsTo(path: string): Recorded[] {
    return this.calls.filter((c) => c.path === path);
  }

  /** Resolves with the first recorded request (from index `from` on) that matches, or rejects after `ms`. */
  async waitFor(match: (c: Recorded) => boolean, { from = 0, ms = 5000 } = {}): Promise<Recorded> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.calls.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('the Slack stand-in did not receive the expected request');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  messagesIn(channel: string): StoredMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  /** Keeps a posted message when its answer says Slack took it. */
  private keep(call: Recorded, planned: Canned): void {
    if (planned.status !== 200 || (planned.body as { ok?: unknown }).ok !== true) return;
    const { channel, metadata, text, blocks } = call.body as Omit<StoredMessage, 'ts'>;
    this.messages.push({ channel, metadata, text, blocks, ts: this.nextTs() });
  }

  private nextTs(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(++this.tsCounter).padStart(6, '0')}`;
  }

  private answer(call: Recorded): Canned {
    const ok = (body: Record<string, unknown> = {}) => ({ status: 200, body: { ok: true, ...body } });
    const response = call.path.startsWith('/response/');
    const refused = (response || MESSAGE_CALLS.has(call.path)) && refusedBlocks(call.body.blocks);
    if (refused)
      return response ? { status: 400, body: refused } : { status: 200, body: { ok: false, error: refused } };
    switch (call.path) {
      case '/api/auth.test':
        return ok({ user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'dossier' });
      case '/api/chat.postMessage':
        return ok({ channel: call.body.channel, ts: '200.000100' });
      case '/api/conversations.history': {
        const oldest = Number(call.body.oldest ?? 0);
        const messages = this.messagesIn(String(call.body.channel))
          .filter((m) => Number(m.ts) > oldest)
          .reverse()
          .map(({ channel: _channel, metadata, ...m }) => ({
            type: 'message',
            bot_id: 'BBOT',
            ...m,
            // Slack returns metadata only to those who ask for it.
            ...(String(call.body.include_all_metadata) === 'true' ? { metadata } : {}),
          }));
        return ok({ messages, has_more: false });
      }
      case '/api/files.getUploadURLExternal':
        return ok({ upload_url: `${this.url}/upload/F1`, file_id: 'F1' });
      case '/api/files.completeUploadExternal':
        return ok({ files: [{ id: 'F1', title: 'chart' }] });
      default:
        if (call.path.startsWith('/upload/')) return { status: 200, body: 'OK - 1' };
        if (call.path.startsWith('/response/')) return { status: 200, body: 'ok' };
        return ok();
    }
  }
}

/** The Web API calls that post a message's blocks. */
const MESSAGE_CALLS = new Set(['/api/chat.postMessage', '/api/chat.postEphemeral', '/api/chat.update']);

/**
 * Slack's refusal of a message's blocks, if it would refuse them, written from Slack's documentation rather than the
 * renderer's limits, so that a limit the renderer has wrong is caught here: more than 50 blocks, a text over 3,000
 * characters or a button's value over 2,000 (`invalid_blocks`), and blocks too long in all (`msg_blocks_too_long`,
 * undocumented: measured by others at about 13,200 characters of text, slackapi/bolt-js#2509). The stand-in counts
 * their JSON, which is longer than their text, against 13,000: stricter than Slack.
 */
export function refusedBlocks(blocks: unknown): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  if (blocks.length > 50) return 'invalid_blocks';
  let overLong = false;
  const json = JSON.stringify(blocks, (key, value: unknown) => {
    if (typeof value === 'string' && value.length > (key === 'value' ? 2000 : key === 'text' ? 3000 : Infinity))
      overLong = true;
    return value;
  });
  if (overLong) return 'invalid_blocks';
  return json.length > 13_000 ? 'msg_blocks_too_long' : undefined;
}

function parseBody(contentType: string | undefined, raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (contentType?.includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(text)) {
      try {
        out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
      } catch {
        out[key] = value;
      }
    }
    return out;
  }
  return {};
}

/** The form body Slack posts for `/brief <text>`: who asks where, and the response_url for its answer. */
export function slashCommandBody({
  text,
  responseUrl,
  user = 'U1',
  channel = 'C1',
}: {
  text: string;
  responseUrl: string;
  user?: string;
  channel?: string;
}): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: channel,
    channel_name: `name-of-${channel}`,
    user_id: user,
    user_name: `name-of-${user}`,
    command: '/brief',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: 'trigger',
  }).toString();
}

/** The form body Slack posts for an interaction: its payload as JSON. */
export const interactionBody = (payload: object) => `payload=${encodeURIComponent(JSON.stringify(payload))}`;

/**
 * What Slack sends when someone in channel C1 presses one of an answer's buttons: an ephemeral answer's, or with
 * `ephemeral` false one the whole channel sees (shared, or posted in a mention's thread).
 */
export function buttonPayload(actionId: string, value: string, responseUrl: string, user = 'U2', ephemeral = true) {
  return {
    type: 'block_actions',
    user: { id: user, username: 'bo', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: '100.000001', channel_id: 'C1', is_ephemeral: ephemeral },
    trigger_id: 'trigger',
    team: { id: 'T1', domain: 'port' },
    channel: { id: 'C1', name: 'harbour' },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'dossier_actions',
        value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '100.000002',
      },
    ],
  };
}

/** What Slack sends when `user` runs the message shortcut `callbackId` on a message of U3's in `channel`. */
export function messageShortcut(
  callbackId: string,
  press: {
    message: { ts: string; text: string; files?: object[] };
    user?: { id: string; name: string };
    channel?: { id: string; name: string };
    responseUrl?: string;
  },
) {
  return {
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: 'trigger',
    message_ts: press.message.ts,
    ...(press.responseUrl ? { response_url: press.responseUrl } : {}),
    message: { type: 'message', user: 'U3', ...press.message },
    user: press.user ?? { id: 'U1', name: 'ann' },
    channel: press.channel ?? { id: 'C1', name: 'harbour' },
    team: { id: 'T1', domain: 'port' },
    token: 'legacy',
    action_ts: press.message.ts,
  };
}

/** The JSON body Slack posts to the events URL for an event (a mention): the event in its envelope. */
export function eventCallbackBody(event: Record<string, unknown>, eventId: string, eventTime: number): string {
  return JSON.stringify({
    type: 'event_callback',
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    event,
    event_id: eventId,
    event_time: eventTime,
  });
}

/** Signs a request body exactly as Slack does: v0 HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function slackHeaders(
  secret: string,
  body: string,
  contentType: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature,
  };
}
