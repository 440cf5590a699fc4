import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import type { Agent, request } from 'undici';
import { extname } from 'node:path';
import { CONFIG_DEFAULTS } from '../config.js';
import { SUPPORTED_EXTENSIONS } from '../corpus/files.js';
import { DossierError, typed, type FetchErrorCode } from '../errors.js';
import { DOSSIER_VERSION } from '../version.js';
import { refusedAddress, type AddressPolicy } from './address.js';

export type { FetchErrorCode };

export class FetchError extends DossierError {
  constructor(
    override readonly code: FetchErrorCode,
    message: string,
  ) {
    super(code, message);
  }
}

export interface FetchSettings extends AddressPolicy {
  /** Largest body accepted (FETCH_MAX_MB), checked against Content-Length and while reading. */
  maxBytes: number;
  /** The whole fetch, redirects and robots.txt included (FETCH_TIMEOUT_SECONDS). */
  timeoutMs: number;
  /** Redirects followed before the fetch is refused. */
  maxRedirects: number;
  /** Sent with every request, and the name robots.txt rules are matched against (its first word). */
  userAgent: string;
  /** robots.txt beyond this size is read only this far (RFC 9309 asks for at least 500 KiB). */
  robotsMaxBytes: number;
  /** How long a site's robots.txt is trusted before it is read again (RFC 9309: at most a day). */
  robotsTtlMs: number;
  /** DNS, passed in so tests can name hosts: every address a name resolves to, as IP literals. */
  resolve: (hostname: string) => Promise<string[]>;
  /** The clock of the robots.txt cache. */
  now: () => number;
}

export const FETCH_DEFAULTS: FetchSettings = {
  maxBytes: CONFIG_DEFAULTS.FETCH_MAX_MB * 1024 * 1024,
  timeoutMs: CONFIG_DEFAULTS.FETCH_TIMEOUT_SECONDS * 1000,
  maxRedirects: 5,
  allowPrivate: false,
  userAgent: `Dossier/${DOSSIER_VERSION} (briefing bot; fetches only links its users add; honours robots.txt)`,
  robotsMaxBytes: 512 * 1024,
  robotsTtlMs: 24 * 3600_000,
  resolve: async (hostname) => (await dnsLookup(hostname, { all: true })).map((a) => a.address),
  now: () => Date.now(),
};

/** What one kind of fetch accepts: media types, and how a refusal names them. */
export interface Accept {
  types: readonly string[];
  /** "a web page, PDF or text file": ends the line refusing any other type. */
  described: string;
}

export interface FetchRequest {
  accept: Accept;
  /** Conditional request (feeds): the validators of the last answer. */
  etag?: string;
  lastModified?: string;
  /**
   * Sent only to the link's own origin (a chat platform's token for a file shared there), so a
   * redirect elsewhere never carries them.
   */
  headers?: Record<string, string>;
  /**
   * Whether robots.txt is read (default true). Off for a file a chat platform hands the bot on a
   * person's request: robots.txt speaks to crawlers, and the platform's file store is not crawled.
   */
  robots?: boolean;
  /** How a refusal names what is fetched ("report.pdf"); by default "The page at <host>". */
  what?: string;
}

/** Any media type: a file shared in chat, whose format its name gives. */
export const ANY_TYPE = '*/*';

export interface Fetched {
  notModified: false;
  /** Where the body came from, after redirects. */
  url: string;
  /** Media type, lower case, without parameters. */
  contentType: string;
  charset?: string;
  bytes: Uint8Array;
  etag?: string;
  lastModified?: string;
}

export type FetchResult = Fetched | { notModified: true; url: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Causes followed looking for a timeout, however deep a library wraps it: bounded, so that a loop of causes ends. */
const MAX_CAUSE_DEPTH = 5;

/** Thrown from DNS lookup inside a connection attempt, so the connection never opens. */
class RefusedAddressError extends Error {}

// robots-parser is CommonJS whose type file declares no callable default export.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (
  url: string,
  text: string,
) => { isAllowed(url: string, agent?: string): boolean | undefined };

type RobotsRule = { allows: (url: string) => boolean } | { refusal: FetchError };

/**
 * Fetches web pages and feeds for people who paste links into chat, without letting a link turn the
 * bot against its own network: only http and https; every address a host resolves to is checked
 * when the connection is made (so a redirect, or a name that resolves differently the second time,
 * is checked too) and refused unless public (AddressPolicy); bodies are capped while they stream;
 * the whole fetch has one time limit; the media type must be one the caller accepts; robots.txt is
 * honoured for every URL fetched, redirects included. Bytes are returned, never run: parsing them
 * is the corpus pipeline's job.
 */
export class SafeFetcher {
  readonly settings: FetchSettings;
  private connection?: Promise<{ agent: Agent; request: typeof request }>;
  private readonly robots = new Map<string, { rule: RobotsRule; until: number }>();

  constructor(settings: Partial<FetchSettings> = {}) {
    this.settings = { ...FETCH_DEFAULTS, ...settings };
  }

  /** Closes idle connections (tests, shutdown). */
  async close(): Promise<void> {
    if (this.connection) await (await this.connection).agent.destroy();
  }

  /**
   * undici is loaded on the first fetch, not with the module: every command-line call loads the command table,
   * and most never fetch, while loading undici costs them about 0.15 s.
   */
  private connect(): Promise<{ agent: Agent; request: typeof request }> {
    this.connection ??= import('undici').then((undici) => ({
      request: undici.request,
      agent: new undici.Agent({
        headersTimeout: this.settings.timeoutMs,
        bodyTimeout: this.settings.timeoutMs,
        connect: { timeout: this.settings.timeoutMs, lookup: this.guardedLookup },
      }),
    }));
    return this.connection;
  }

  /** The body at `url`, or a FetchError whose message says in one line why not. */
  async fetch(url: string, request: FetchRequest): Promise<FetchResult> {
    const start = parseWebUrl(url);
    const deadline = AbortSignal.timeout(this.settings.timeoutMs);
    try {
      return await this.follow(start, request, deadline);
    } catch (error) {
      throw this.explain(error, start, deadline);
    }
  }

  private async follow(start: URL, req: FetchRequest, signal: AbortSignal): Promise<FetchResult> {
    let url = start;
    for (let hop = 0; ; hop++) {
      if (req.robots !== false) await this.checkRobots(url, signal);
      const conditional = hop === 0 ? conditionalHeaders(req) : {};
      const credentials = url.origin === start.origin ? req.headers : undefined;
      const res = await this.get(url, signal, { ...credentials, accept: req.accept.types.join(', '), ...conditional });
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode) && typeof location === 'string') {
        await res.body.dump();
        if (hop >= this.settings.maxRedirects)
          throw new FetchError(
            'fetch-failed',
            `${start.host} redirected more than ${this.settings.maxRedirects} times.`,
          );
        url = parseWebUrl(new URL(location, url).href, 'redirected to');
        continue;
      }
      if (res.statusCode === 304 && hop === 0 && (req.etag || req.lastModified)) {
        await res.body.dump();
        return { notModified: true, url: url.href };
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        await res.body.dump();
        throw new FetchError('fetch-failed', `${url.host} answered ${res.statusCode}.`);
      }
      const { type, charset } = mediaType(header(res.headers['content-type']), url);
      if (!req.accept.types.includes(type) && !req.accept.types.includes(ANY_TYPE)) {
        await res.body.dump();
        throw new FetchError(
          'unsupported-content',
          `${url.host} sent ${type || 'no content type'}, not ${req.accept.described}.`,
        );
      }
      const bytes = await this.readBody(res, req.what ?? `The page at ${url.host}`, this.settings.maxBytes);
      return {
        notModified: false,
        url: url.href,
        contentType: type,
        charset,
        bytes,
        etag: header(res.headers.etag),
        lastModified: header(res.headers['last-modified']),
      };
    }
  }

  private async get(url: URL, signal: AbortSignal, headers: Record<string, string>) {
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    // A literal address opens its connection without a DNS lookup, so it is checked here.
    if (isIP(literal)) this.checkAddress(url.hostname, literal);
    const { agent, request } = await this.connect();
    return request(url, {
      dispatcher: agent,
      method: 'GET',
      signal,
      headers: { 'user-agent': this.settings.userAgent, ...headers },
    });
  }

  private async readBody(
    res: Awaited<ReturnType<typeof request>>,
    what: string,
    maxBytes: number,
  ): Promise<Uint8Array> {
    const declared = Number(header(res.headers['content-length']));
    const tooLarge = () => new FetchError('too-large', `${what} is larger than ${megabytes(maxBytes)}.`);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.body.destroy();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        res.body.destroy();
        throw tooLarge();
      }
      chunks.push(chunk);
    }
    return new Uint8Array(Buffer.concat(chunks));
  }

  private checkAddress(host: string, address: string): void {
    const refused = refusedAddress(address, this.settings);
    if (refused)
      throw new FetchError(
        'address-refused',
        `${host} is ${refused}${host.replace(/^\[|\]$/g, '') === address ? '' : ` (${address})`}: Dossier fetches ` +
          `only from public addresses.`,
      );
  }

  /**
   * net's lookup hook: resolves through `settings.resolve` and refuses before connecting if any address is not allowed.
   */
  private readonly guardedLookup = (
    hostname: string,
    options: LookupOptions,
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    this.settings.resolve(hostname).then(
      (addresses) => {
        try {
          if (addresses.length === 0)
            throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
          for (const address of addresses) this.checkAddress(hostname, address);
        } catch (error) {
          callback(error instanceof FetchError ? new RefusedAddressError(error.message) : (error as Error), '');
          return;
        }
        const all = addresses.map((address) => ({ address, family: isIP(address) }));
        if (options.all) callback(null, all);
        else callback(null, all[0]!.address, all[0]!.family);
      },
      (error: Error) => callback(error, ''),
    );
  };

  /** Refuses `url` when its site's robots.txt disallows it for Dossier. */
  private async checkRobots(url: URL, signal: AbortSignal): Promise<void> {
    const now = this.settings.now();
    let cached = this.robots.get(url.origin);
    if (!cached || cached.until <= now) {
      cached = { rule: await this.readRobots(url, signal), until: now + this.settings.robotsTtlMs };
      this.robots.set(url.origin, cached);
    }
    if ('refusal' in cached.rule) throw cached.rule.refusal;
    if (!cached.rule.allows(url.href))
      throw new FetchError('robots-disallowed', `robots.txt at ${url.host} disallows ${url.pathname}.`);
  }

  /**
   * RFC 9309: a robots.txt that is missing (4xx) allows everything; one the server fails to give
   * (5xx) disallows everything for now. A host that cannot be reached at all fails the fetch itself.
   */
  private async readRobots(url: URL, signal: AbortSignal): Promise<RobotsRule> {
    let at = new URL('/robots.txt', url.origin);
    for (let hop = 0; hop <= this.settings.maxRedirects; hop++) {
      const res = await this.get(at, signal, { accept: 'text/plain' });
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode) && typeof location === 'string') {
        await res.body.dump();
        at = parseWebUrl(new URL(location, at).href, 'redirected to');
        continue;
      }
      if (res.statusCode >= 400 && res.statusCode < 500) {
        await res.body.dump();
        return { allows: () => true };
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        await res.body.dump();
        return {
          refusal: new FetchError(
            'robots-disallowed',
            `robots.txt at ${url.host} could not be read (it answered ${res.statusCode}), so nothing there is ` +
              `fetched for now.`,
          ),
        };
      }
      const text = new TextDecoder().decode(await this.readPrefix(res, this.settings.robotsMaxBytes));
      const robot = robotsParser(at.href, text);
      const agent = this.settings.userAgent.split('/')[0]!;
      // Rules are matched against the robots.txt's own origin: a page redirected elsewhere is checked there in turn.
      return { allows: (page) => robot.isAllowed(sameOrigin(page, at), agent) !== false };
    }
    return { allows: () => true };
  }

  /** The first `max` bytes of a body, the rest discarded: an over-long robots.txt is read as far as it goes. */
  private async readPrefix(res: Awaited<ReturnType<typeof request>>, max: number): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= max) {
        res.body.destroy();
        break;
      }
    }
    return new Uint8Array(Buffer.concat(chunks).subarray(0, max));
  }

  /** Every failure as one FetchError line naming the host. */
  private explain(error: unknown, url: URL, deadline: AbortSignal): FetchError {
    if (error instanceof FetchError) return error;
    if (deadline.aborted || isTimeout(error))
      return new FetchError(
        'fetch-timeout',
        `${url.host} did not finish answering within ${this.settings.timeoutMs / 1000} s.`,
      );
    const refused = findCause(error, (e) => e instanceof RefusedAddressError);
    if (refused) return new FetchError('address-refused', refused.message);
    const code = String(findCause(error, (e) => typeof (e as { code?: unknown }).code === 'string')?.code ?? '');
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      return new FetchError('fetch-failed', `${url.hostname} could not be found (no such host).`);
    if (code === 'ECONNREFUSED') return new FetchError('fetch-failed', `${url.host} refused the connection.`);
    return new FetchError(
      'fetch-failed',
      `${url.host} could not be fetched (${code || (error instanceof Error ? error.message : String(error))}).`,
    );
  }
}

/**
 * Whether text that is no URL names a file: a path ("./notes.md", "~/report.pdf", "C:\\docs\\a.txt") or a name of a
 * format the corpus reads ("minutes.pdf"). Someone adding a file they have by its path is helped by where files go,
 * not by being asked for an https:// link.
 */
function looksLikeFile(text: string): boolean {
  // "example.com/report.pdf" is a link typed without its scheme: a bare file name has no slash.
  const named = !text.includes('/') && SUPPORTED_EXTENSIONS.includes(extname(text).toLowerCase());
  return named || /^(?:\.{0,2}\/|~\/|[a-z]:\\)|\\/i.test(text);
}

/** `input` as an http(s) URL without credentials, or a FetchError saying why not. */
export function parseWebUrl(input: string, role = 'the link'): URL {
  const text = input.trim();
  // Before the URL is parsed: "C:\\docs\\a.txt" parses as a link of the scheme "c:".
  if (looksLikeFile(text)) {
    const where = 'copy it into the corpus folder, or share it with the bot in chat';
    throw new FetchError('bad-url', `"${typed(text)}" is a file, not a web address: ${where}.`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError('bad-url', `"${typed(text)}" is not a web address: give a full https:// link.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError('bad-url', `Only http and https links are fetched (${role} is ${url.protocol}).`);
  if (url.username || url.password)
    throw new FetchError('bad-url', 'A link with a user name or password in it is not fetched.');
  url.hash = '';
  return url;
}

function conditionalHeaders(req: FetchRequest): Record<string, string> {
  return {
    ...(req.etag ? { 'if-none-match': req.etag } : {}),
    ...(req.lastModified ? { 'if-modified-since': req.lastModified } : {}),
  };
}

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The Content-Type's media type and charset; with none, the type the URL's extension implies. */
function mediaType(value: string | undefined, url: URL): { type: string; charset?: string } {
  if (!value) return { type: BY_EXTENSION[/\.[a-z]+$/i.exec(url.pathname)?.[0].toLowerCase() ?? ''] ?? '' };
  const [type = '', ...params] = value.split(';').map((s) => s.trim());
  const charset = params
    .find((p) => /^charset=/i.test(p))
    ?.slice('charset='.length)
    .replace(/^"|"$/g, '')
    .toLowerCase();
  return { type: type.toLowerCase(), ...(charset ? { charset } : {}) };
}

const BY_EXTENSION: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
};

function sameOrigin(page: string, robots: URL): string {
  const url = new URL(page);
  return new URL(url.pathname + url.search, robots.origin).href;
}

function isTimeout(error: unknown): boolean {
  return Boolean(
    findCause(error, (e) => {
      const code = (e as { code?: unknown }).code;
      return (
        code === 'UND_ERR_HEADERS_TIMEOUT' ||
        code === 'UND_ERR_BODY_TIMEOUT' ||
        code === 'UND_ERR_CONNECT_TIMEOUT' ||
        (e as Error).name === 'TimeoutError'
      );
    }),
  );
}

function findCause(error: unknown, test: (e: Error) => boolean): (Error & { code?: unknown }) | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < MAX_CAUSE_DEPTH; e = e.cause, depth++)
    if (test(e)) return e;
  return undefined;
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
