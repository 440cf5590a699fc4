import type { Config } from '../config.js';
import type { FetchSettings } from './fetch.js';

export {
  ADD_DEFAULTS,
  Ingest,
  PAGE_ACCEPT,
  type Added,
  type AddPolicy,
  type Contributor,
  type IngestOptions,
  type SharedFile,
} from './add.js';
export {
  FEED_ACCEPT,
  FEED_DEFAULTS,
  Feeds,
  type Feed,
  type FeedSettings,
  type FeedStore,
  type PollResult,
} from './feeds.js';
export { FETCH_DEFAULTS, FetchError, SafeFetcher, type FetchErrorCode, type FetchSettings } from './fetch.js';

/** The fetch limits the environment sets (FETCH_ALLOW_PRIVATE, FETCH_MAX_MB, FETCH_TIMEOUT_SECONDS). */
export function fetchSettings(
  config: Pick<Config, 'FETCH_ALLOW_PRIVATE' | 'FETCH_MAX_MB' | 'FETCH_TIMEOUT_SECONDS'>,
): Partial<FetchSettings> {
  return {
    allowPrivate: config.FETCH_ALLOW_PRIVATE,
    maxBytes: config.FETCH_MAX_MB * 1024 * 1024,
    timeoutMs: config.FETCH_TIMEOUT_SECONDS * 1000,
  };
}
