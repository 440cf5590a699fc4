/**
 * A local stand-in for Discord on 127.0.0.1: the REST API (under `/api/v10`) and the gateway
 * (plain JSON text frames, no compression), enough for a real discord.js Client to log in, become
 * ready, receive interactions and answer them. Tests read what the bot sent in `requests`.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { SnowflakeUtil, type APIEmbed } from 'discord.js';
import { afterAll, beforeAll } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';

export const BOT_ID = '900000000000000001';
export const APPLICATION_ID = '900000000000000002';
export const GUILD_ID = '900000000000000003';
export const CHANNEL_ID = '900000000000000004';
export const COMMAND_ID = '900000000000000005';
export const ASKER = {
  id: '900000000000000010',
  username: 'asker',
  discriminator: '0',
  global_name: 'Asker',
  avatar: null,
};
export const BYSTANDER = {
  id: '900000000000000011',
  username: 'bystander',
  discriminator: '0',
  global_name: 'Bystander',
  avatar: null,
};
export type StandInUser = typeof ASKER;

export const DM_CHANNEL_ID = '900000000000000006';
/** What Discord gives an app in a direct message: Attach Files, Embed Links, Mention Everyone, Use External Emojis. */
const DM_APP_PERMISSIONS = String((1n << 15n) | (1n << 14n) | (1n << 17n) | (1n << 18n));

/** Administrator: every permission. */
export const ALL_PERMISSIONS = '8';
/** View Channel, Send Messages and Use Application Commands, but not Manage Channels. */
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 31n));

export interface UploadedFile {
  field: string;
  name: string;
  type: string;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/1/abc/callback`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body; for multipart uploads, the parsed `payload_json`. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever the bot sent
  files: UploadedFile[];
  at: number;
}

export interface CannedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** For a channel message: Discord kept it, whatever this answer says (or whether it arrives). */
  keep?: boolean;
  /** Break the connection instead of answering. */
  reset?: boolean;
  /** Answer only this long after the request arrived (Discord acted on it at once); not at all if the bot hung up. */
  delayMs?: number;
}

/** A message the stand-in keeps in a channel, with the nonce it was created with. */
interface StoredMessage {
  id: string;
  channelId: string;
  nonce?: string;
  at: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  message: Record<string, any>;
}

/** How long Discord refuses a second message with the same nonce (`enforce_nonce`): "a few minutes". */
const NONCE_WINDOW_MS = 5 * 60_000;

interface Override {
  match: (req: RecordedRequest) => boolean;
  response: CannedResponse;
  times: number;
}

export class DiscordStandIn {
  readonly requests: RecordedRequest[] = [];
  /** Messages created in channels (digests), oldest first. */
  readonly channelMessages: StoredMessage[] = [];
  /** IDENTIFY payloads the gateway received. */
  readonly identifies: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** RESUME payloads the gateway received. */
  readonly resumes: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  private readonly sockets = new Set<WebSocket>();
  private readonly overrides: Override[] = [];
  private readonly listeners = new Set<() => void>();
  private sequence = 0;
  private nextId = 1000;

  private constructor(
    private readonly server: Server,
    private readonly gateway: WebSocketServer,
    readonly port: number,
  ) {}

  static async start(): Promise<DiscordStandIn> {
    const server = createServer();
    const gateway = new WebSocketServer({ server });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const standIn = new DiscordStandIn(server, gateway, (server.address() as AddressInfo).port);
    server.on('request', (req, res) => void standIn.onRequest(req, res));
    gateway.on('connection', (socket) => standIn.onSocket(socket));
    return standIn;
  }

  /** The value for DISCORD_API_URL / the client's `rest.api`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Answers the next `times` requests that `match` with `response` instead of the default. */
  respond(match: (req: RecordedRequest) => boolean, response: CannedResponse, times = 1): void {
    this.overrides.push({ match, response, times });
  }

  /** Resolves with the first request (already received or still to come) that matches. */
  async waitFor(match: (req: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const found = () => this.requests.find(match);
    return new Promise((resolve, reject) => {
      const hit = found();
      if (hit) return resolve(hit);
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(
          new Error(
            `stand-in: no matching request within ${timeoutMs} ms; got ` +
              `${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`,
          ),
        );
      }, timeoutMs);
      const check = () => {
        const hit = found();
        if (!hit) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(hit);
      };
      this.listeners.add(check);
    });
  }

  /** Sends a gateway dispatch (op 0) to every connected client. */
  dispatch(t: string, d: unknown): void {
    const frame = JSON.stringify({ op: 0, t, s: ++this.sequence, d });
    for (const socket of this.sockets) socket.send(frame);
  }

  /** Dispatches an INTERACTION_CREATE and returns its id and token, which the bot's answer will name. */
  interact(payload: Record<string, unknown>): { id: string; token: string } {
    const id = String(payload.id);
    const token = String(payload.token);
    this.dispatch('INTERACTION_CREATE', payload);
    return { id, token };
  }

  /** A `/brief <subcommand>` interaction (type 2) as Discord sends it. */
  command(
    subcommand: string,
    options: Record<string, string | number> = {},
    user: StandInUser = ASKER,
    permissions = ALL_PERMISSIONS,
  ): Record<string, unknown> {
    return this.interaction(2, user, permissions, {
      id: COMMAND_ID,
      name: 'brief',
      type: 1,
      options: [
        {
          type: 1,
          name: subcommand,
          options: Object.entries(options).map(([name, value]) => ({
            name,
            type: typeof value === 'number' ? 4 : 3,
            value,
          })),
        },
      ],
    });
  }

  /**
   * A message context-menu command (type 2, command type 3) on a message of ASKER's carrying
   * `attachments` and saying `content`, as Discord sends it: the message under `resolved`.
   */
  messageCommand(
    name: string,
    attachments: { filename: string; url: string; size?: number; content_type?: string }[],
    user: StandInUser = ASKER,
    content = 'see attached',
  ): Record<string, unknown> {
    const message: Record<string, unknown> = {
      ...this.message({ content }, CHANNEL_ID),
      author: { ...ASKER },
      attachments: attachments.map((a) => ({ id: this.snowflake(), size: 100, proxy_url: a.url, ...a })),
    };
    const targetId = String(message.id);
    return this.interaction(2, user, ALL_PERMISSIONS, {
      id: COMMAND_ID,
      name,
      type: 3,
      target_id: targetId,
      resolved: { messages: { [targetId]: message } },
    });
  }

  /** An autocomplete interaction (type 4) with `option` focused. */
  autocomplete(subcommand: string, option: string, typed: string, user: StandInUser = ASKER): Record<string, unknown> {
    return this.interaction(4, user, ALL_PERMISSIONS, {
      id: COMMAND_ID,
      name: 'brief',
      type: 1,
      options: [{ type: 1, name: subcommand, options: [{ name: option, type: 3, value: typed, focused: true }] }],
    });
  }

  /** A button click (type 3) on a message the bot sent. */
  button(customId: string, user: StandInUser = ASKER, ephemeral = true): Record<string, unknown> {
    return {
      ...this.interaction(3, user, ALL_PERMISSIONS, { custom_id: customId, component_type: 2 }),
      message: this.message({ content: '', flags: ephemeral ? 64 : 0 }, CHANNEL_ID),
    };
  }

  /**
   * `payload` (an interaction in the guild's channel) typed in the bot's direct message with its user instead, as
   * Discord sends it there: no guild or member, the user apart, and the few permissions Discord gives an app in a DM.
   */
  inDirectMessage(payload: Record<string, unknown>, channelId = DM_CHANNEL_ID): Record<string, unknown> {
    const { guild_id: _guild, guild_locale: _locale, member, ...rest } = payload;
    const user = (member as { user: StandInUser }).user;
    return {
      ...rest,
      user,
      channel_id: channelId,
      channel: { id: channelId, type: 1, recipients: [user] },
      app_permissions: DM_APP_PERMISSIONS,
      authorizing_integration_owners: { '0': GUILD_ID },
      context: 1,
    };
  }

  /** Closes every gateway connection with `code`, as Discord does before asking a client to resume. */
  dropConnections(code = 4000): void {
    for (const socket of this.sockets) socket.close(code, 'stand-in dropped the connection');
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private interaction(
    type: number,
    user: StandInUser,
    permissions: string,
    data: Record<string, unknown>,
  ): Record<string, unknown> {
    return {
      id: this.snowflake(),
      application_id: APPLICATION_ID,
      type,
      token: `interaction-token-${this.nextId}-${'x'.repeat(40)}`,
      version: 1,
      guild_id: GUILD_ID,
      channel_id: CHANNEL_ID,
      channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' },
      member: {
        user,
        roles: [],
        permissions,
        joined_at: '2026-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
      },
      app_permissions: ALL_PERMISSIONS,
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': GUILD_ID },
      context: 0,
      data,
    };
  }

  /**
   * Creates a channel message, or with `enforce_nonce` returns the bot's message with the same
   * nonce from the last few minutes instead, as Discord does.
   */
  private create(req: RecordedRequest, channelId: string): Record<string, unknown> {
    const nonce = req.body?.nonce === undefined ? undefined : String(req.body.nonce);
    if (nonce !== undefined && req.body?.enforce_nonce) {
      const earlier = this.channelMessages.find(
        (m) => m.channelId === channelId && m.nonce === nonce && Date.now() - m.at < NONCE_WINDOW_MS,
      );
      if (earlier) return earlier.message;
    }
    const id = SnowflakeUtil.generate().toString();
    const message = { ...this.message(req.body, channelId), id, nonce };
    this.channelMessages.push({ id, channelId, nonce, at: Date.now(), message });
    return message;
  }

  private snowflake(): string {
    return `9100000000000${String(++this.nextId).padStart(5, '0')}`;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private message(body: any, channelId: string): Record<string, unknown> {
    return {
      id: this.snowflake(),
      channel_id: channelId,
      type: 0,
      content: body?.content ?? '',
      author: { id: BOT_ID, username: 'Dossier', discriminator: '0', avatar: null, bot: true, global_name: null },
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body?.flags ?? 0,
    };
  }

  private onSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    const send = (payload: unknown) => socket.send(JSON.stringify(payload));
    send({ op: 10, s: null, t: null, d: { heartbeat_interval: 41_250 } });
    socket.on('message', (raw) => {
      const payload = JSON.parse(String(raw));
      if (payload.op === 1) send({ op: 11, s: null, t: null, d: null });
      if (payload.op === 6) {
        this.resumes.push(payload.d);
        send({ op: 0, t: 'RESUMED', s: ++this.sequence, d: {} });
      }
      if (payload.op === 2) {
        this.identifies.push(payload.d);
        send({
          op: 0,
          t: 'READY',
          s: ++this.sequence,
          d: {
            v: 10,
            user: {
              id: BOT_ID,
              username: 'Dossier',
              discriminator: '0',
              avatar: null,
              bot: true,
              global_name: null,
              flags: 0,
            },
            guilds: [{ id: GUILD_ID, unavailable: true }],
            session_id: 'stand-in-session',
            resume_gateway_url: this.gatewayUrl,
            shard: [0, 1],
            application: { id: APPLICATION_ID, flags: 0 },
          },
        });
        this.dispatch('GUILD_CREATE', {
          id: GUILD_ID,
          name: 'Stand-in guild',
          owner_id: ASKER.id,
          unavailable: false,
          member_count: 2,
          roles: [
            {
              id: GUILD_ID,
              name: '@everyone',
              permissions: '3072',
              position: 0,
              color: 0,
              hoist: false,
              managed: false,
              mentionable: false,
              flags: 0,
            },
          ],
          channels: [
            { id: CHANNEL_ID, type: 0, name: 'general', guild_id: GUILD_ID, position: 0, permission_overwrites: [] },
          ],
          threads: [],
          members: [],
          emojis: [],
          stickers: [],
          features: [],
          joined_at: '2026-01-01T00:00:00.000Z',
        });
      }
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.apiUrl);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      headers: req.headers,
      body: undefined,
      files: [],
      at: Date.now(),
    };
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://stand-in/', {
        method: 'POST',
        headers: { 'content-type': type },
        body: raw,
      }).formData();
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') recorded.body = JSON.parse(value);
        } else
          recorded.files.push({
            field,
            name: value.name,
            type: value.type,
            data: Buffer.from(await value.arrayBuffer()),
          });
      }
    } else if (raw.length) recorded.body = JSON.parse(raw.toString('utf8'));
    this.requests.push(recorded);
    for (const listener of [...this.listeners]) listener();

    const override = this.overrides.find((o) => o.times > 0 && o.match(recorded));
    if (override) override.times--;
    const created = /^\/channels\/(\d+)\/messages$/.exec(recorded.path);
    if (override?.response.keep && created && recorded.method === 'POST') this.create(recorded, created[1]!);
    if (override?.response.reset) return void req.socket.destroy();
    if (override?.response.delayMs) await delay(override.response.delayMs);
    if (res.destroyed || req.socket.destroyed) return;
    const { status, body, headers } = override?.response ?? this.answer(recorded);
    res.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  /** What Discord would answer when all goes well. */
  private answer(req: RecordedRequest): CannedResponse {
    const { method, path } = req;
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    const sent = /^\/interactions\/\d+\/[^/]+\/callback$/.test(path) ? req.body?.data : req.body;
    const refused = (method === 'POST' || method === 'PATCH') && refusedMessage(sent);
    if (refused) return discordError(400, 50035, `Invalid Form Body (${refused})`);
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if (method === 'DELETE' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) return { status: 204 };
    if (
      (method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) ||
      (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path))
    ) {
      return { status: 200, body: this.message(req.body, CHANNEL_ID) };
    }
    const channelMessages = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && channelMessages) return { status: 200, body: this.create(req, channelMessages[1]!) };
    if (method === 'GET' && channelMessages) {
      // Newest first, as Discord lists them; a stored message carries no nonce.
      const after = BigInt(req.query.get('after') ?? '0');
      const limit = Number(req.query.get('limit') ?? 50);
      const found = this.channelMessages.filter((m) => m.channelId === channelMessages[1] && BigInt(m.id) > after);
      return {
        status: 200,
        body: found
          .slice(0, limit)
          .reverse()
          .map((m) => ({ ...m.message, nonce: undefined })),
      };
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      // The bot's direct message with a user: Discord's one channel per pair, created on first asking.
      const recipient = [ASKER, BYSTANDER].find((u) => u.id === req.body?.recipient_id);
      return { status: 200, body: { id: DM_CHANNEL_ID, type: 1, last_message_id: null, recipients: [recipient] } };
    }
    const channel = /^\/channels\/(\d+)$/.exec(path);
    if (method === 'GET' && channel)
      return {
        status: 200,
        body: { id: channel[1], type: 0, guild_id: GUILD_ID, name: 'general', position: 0, permission_overwrites: [] },
      };
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return {
        status: 200,
        body: (req.body as object[]).map((c) => ({
          ...c,
          id: this.snowflake(),
          application_id: APPLICATION_ID,
          version: '1',
        })),
      };
    }
    return { status: 404, body: { code: 0, message: '404: Not Found' } };
  }
}

/** Characters as Discord counts them: code points, not UTF-16 units. */
const length = (text: unknown) => (typeof text === 'string' ? [...text].length : 0);

/**
 * What Discord would refuse in a message it is sent (400, 50035 Invalid Form Body), if anything, written from
 * Discord's documentation rather than the renderer's limits, so that a limit the renderer has wrong is caught here:
 * content over 2,000 characters, more than 10 embeds, an embed's title or author over 256, its description over
 * 4,096, more than 25 fields, a field's name over 256 or value over 1,024, a footer over 2,048, and more than 6,000
 * characters across every embed (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 */
export function refusedMessage(body: unknown): string | undefined {
  const { content, embeds = [] } = (body ?? {}) as { content?: string; embeds?: APIEmbed[] };
  if (length(content) > 2000) return 'content over 2,000 characters';
  if (embeds.length > 10) return 'more than 10 embeds';
  let total = 0;
  for (const e of embeds) {
    const fields = e.fields ?? [];
    const over =
      length(e.title) > 256 ||
      length(e.author?.name) > 256 ||
      length(e.description) > 4096 ||
      fields.length > 25 ||
      length(e.footer?.text) > 2048 ||
      fields.some((f) => length(f.name) > 256 || length(f.value) > 1024);
    if (over) return 'an embed over its limits';
    total += length(e.title) + length(e.author?.name) + length(e.description) + length(e.footer?.text);
    for (const f of fields) total += length(f.name) + length(f.value);
  }
  return total > 6000 ? 'embeds over 6,000 characters in all' : undefined;
}

/** Discord's error body for a refused request. */
export const discordError = (
  status: number,
  code: number,
  message: string,
  headers?: Record<string, string>,
): CannedResponse => ({ status, body: { code, message }, headers });

/** A stand-in started before the calling suite's tests and closed after them; the returned function gives it. */
export function standInForSuite(): () => DiscordStandIn {
  let standIn: DiscordStandIn | undefined;
  beforeAll(async () => {
    standIn = await DiscordStandIn.start();
  });
  afterAll(() => standIn?.close());
  return () => standIn!;
}
