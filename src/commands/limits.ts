import * as z from 'zod';
import { withoutMarkup, withoutMentions } from '../corpus/text.js';
import { typed } from '../errors.js';

/**
 * The limits every command runs under, whatever the surface: how many results one answer gives,
 * and how often one user or channel may ask (`RateLimiter`, used by `CommandGate`).
 */

/**
 * Most results one answer gives: figures listed by `figures`, and passages reachable through
 * `ask`'s More results pages in all (three a page). A narrower question finds better ones.
 */
export const MAX_RESULTS = 10;

/**
 * Most people mentioned in one command's text that are named in its reply (`withPeopleNamed`): each costs the platform
 * a call (Slack's users.info), and a question names a person or two; any beyond are shown as `@someone`.
 */
export const MAX_PEOPLE_NAMED = 5;

/**
 * A command's free-text argument (a question, a quote, a topic): trimmed, required, and at most `max` characters,
 * with messages that name it. Mentions alone (`@everyone`, `<@U123>`), which every answer reads the text without, are
 * missing too: answered, they gave a reply titled with nothing ("Figures on ", Slack's bold "**"). Chat's Markdown
 * around words is taken off first (`withoutMarkup`): `*why* did costs rise` was refused.
 */
export const textArg = (what: string, max: number) =>
  z
    // Not given at all, as a Discord option registered optional before it was required comes: missing too, where zod
    // said "Invalid input: expected string, received undefined".
    .string({ error: (issue) => (issue.input === undefined ? `the ${what} is missing` : undefined) })
    .overwrite((text) => withoutMarkup(text).trim())
    .overwrite((text) => (withoutMentions(text).trim() ? text : ''))
    .min(1, `the ${what} is missing`)
    .max(max, {
      error: (issue) => `keep the ${what} to at most ${max} characters (this one has ${String(issue.input).length})`,
    })
    .describe(`The ${what}`);

/** Longer than any link a person pastes, short enough to keep a pasted page out. */
const MAX_URL_LENGTH = 2000;

/**
 * A trimmed text that is one link in one pair of angle brackets (`<https://…>`, as Slack wraps a link and Discord
 * stops its preview, or Slack's `<https://…|label>`) as that link alone; any other text as it is.
 */
export const unwrapLink = (text: string): string => text.replace(/^<([^<>|\s]+)(?:\|[^<>]*)?>$/, '$1');

/**
 * A first word that is meant as a link: a scheme, "www." or a domain's dot. Text that is no link at all ("the harbour
 * report") is left to the fetch's own line, "… is not a web address", which says what is wrong with it.
 */
const LINK_SHAPED = /:\/\/|^www\.|\.[a-z]{2,}/i;

/**
 * A link argument (a page's, a feed's): trimmed, unwrapped (`unwrapLink`), at most `MAX_URL_LENGTH` characters, and
 * with no space in it. A link holds none (a space in one is written %20), so words typed after it (`add https://…
 * the lighting review`) are refused in one line naming them: they were fetched as part of the link, and the site
 * answered 404, which said nothing of the words.
 */
export const linkArg = () =>
  z
    .string()
    .trim()
    .overwrite(unwrapLink)
    .max(MAX_URL_LENGTH, `a link is at most ${MAX_URL_LENGTH} characters`)
    .refine((link) => !/\s/.test(link) || !LINK_SHAPED.test(link.split(/\s/)[0]!), {
      error: (issue) =>
        `give the link alone: "${typed(String(issue.input).split(/\s+/).slice(1).join(' '))}" after it is no part ` +
        'of it (a space in a link is written %20)',
    });

/** Most topics one digest follows: kept modest so a digest is read, and fits Slack's and Discord's limits. */
export const MAX_TOPICS = 5;

export interface RateLimiterOptions {
  /** Commands each key may run per minute, as a burst or spread out; 0 turns the limit off. */
  perMinute: number;
  /** Milliseconds since any fixed point (default `Date.now`); tests pass their own. */
  now?: () => number;
  /**
   * Most keys remembered (default 10,000). Past it the least recently seen key is forgotten,
   * which only ever gives that key a fresh allowance, so memory stays bounded under any load.
   */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date. */
  at: number;
}

const MINUTE_MS = 60_000;

/**
 * A token bucket per key (a user, a channel): `perMinute` tokens, refilled continuously at
 * `perMinute` a minute, one taken per command. Someone may ask `perMinute` questions at once and
 * then one every `60 / perMinute` seconds. Keys idle long enough to be full again are dropped,
 * since a full bucket and no bucket mean the same thing.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMinute: number;
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor({ perMinute, now = Date.now, maxKeys = 10_000 }: RateLimiterOptions) {
    this.perMinute = perMinute;
    this.now = now;
    this.maxKeys = maxKeys;
  }

  /** How many keys are remembered (for tests and health checks). */
  get size(): number {
    return this.buckets.size;
  }

  /** Milliseconds until `key` may run a command; 0 when it may now. Takes nothing. */
  waitMs(key: string): number {
    if (this.perMinute <= 0) return 0;
    const tokens = this.tokens(key, this.now());
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * MINUTE_MS) / this.perMinute);
  }

  /** Takes one token from `key` (call after `waitMs` said 0). */
  take(key: string): void {
    if (this.perMinute <= 0) return;
    const now = this.now();
    const tokens = this.tokens(key, now);
    // Re-inserted so the map stays in order of last use, oldest first.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    this.forgetIdle(now);
  }

  private tokens(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.perMinute;
    return Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) * this.perMinute) / MINUTE_MS);
  }

  /** Drops keys whose buckets have refilled, oldest first, and the oldest past `maxKeys`. */
  private forgetIdle(now: number): void {
    for (const [key, bucket] of this.buckets) {
      const full = bucket.tokens + ((now - bucket.at) * this.perMinute) / MINUTE_MS >= this.perMinute;
      if (!full && this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}
