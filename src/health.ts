import type { Platform, PlatformStatus } from './commands/adapter.js';
import { DAY_MS } from './schedule.js';

/** What /healthz is computed from, gathered by the composition root at request time. */
export interface HealthInputs {
  now: Date;
  /** True once shutdown has begun: the process is finishing work and will exit. */
  stopping: boolean;
  index: { documents: number; passages: number };
  corpus: {
    /** When the corpus was loaded and indexed at start-up. */
    loadedAt: Date;
    /** The latest date any document states (YYYY-MM-DD), if any states one. */
    newestDocumentDate?: string;
  };
  /** The digest database; absent when the process runs without one. */
  database?: DatabaseProbe;
  /** The feeds followed, with their state; absent when the process runs without a database. */
  feeds?: FeedProbe[];
  platforms: Partial<Record<Platform, PlatformStatus>>;
}

export interface DatabaseProbe {
  path: string;
  open: boolean;
  /** Digest slots claimed, being posted, or waiting to be looked for, whose outcome is not recorded yet. */
  unfinishedSlots: number;
  /** What is wrong with it (its file deleted or replaced while running), naming the file. */
  problem?: string;
}

export interface FeedProbe {
  url: string;
  state: 'active' | 'paused';
  /** Failed polls in a row. */
  failures: number;
  lastError: string | null;
  lastPolledAt: string | null;
}

export type HealthStatus = 'ok' | 'degraded' | 'stopping';

export interface HealthReport {
  status: HealthStatus;
  time: string;
  index: { documents: number; passages: number };
  corpus: { loadedAt: string; newestDocumentDate: string | null; newestDocumentAgeDays: number | null };
  database: (DatabaseProbe & { state: 'open' | 'closed' }) | { state: 'none' };
  platforms: Partial<Record<Platform, PlatformStatus>>;
  feeds: FeedProbe[];
  /** Why the status is not `ok`, one short line each. */
  problems: string[];
}

/**
 * The /healthz report. `degraded` when the database is closed or its file gone, the index is empty or a platform
 * is not connected; `stopping` during shutdown, so a load balancer stops sending requests.
 */
export function healthReport(inputs: HealthInputs): HealthReport {
  const { now, database, platforms } = inputs;
  const problems: string[] = [];
  if (inputs.index.passages === 0) problems.push('the index holds no passages');
  if (database && !database.open) problems.push(`the database at ${database.path} is closed`);
  if (database?.problem) problems.push(database.problem);
  for (const feed of inputs.feeds ?? [])
    if (feed.state === 'paused')
      problems.push(
        `the feed ${feed.url} is paused after ${feed.failures} failed polls: ${feed.lastError ?? 'no error kept'}`,
      );
  for (const [platform, status] of Object.entries(platforms)) {
    if (status.state !== 'connected')
      problems.push(`${platform} is ${status.state}${status.detail ? `: ${status.detail}` : ''}`);
  }
  const newest = inputs.corpus.newestDocumentDate;
  const newestTime = newest ? Date.parse(`${newest}T00:00:00Z`) : Number.NaN;
  return {
    status: inputs.stopping ? 'stopping' : problems.length > 0 ? 'degraded' : 'ok',
    time: now.toISOString(),
    index: inputs.index,
    corpus: {
      loadedAt: inputs.corpus.loadedAt.toISOString(),
      newestDocumentDate: newest ?? null,
      newestDocumentAgeDays: Number.isNaN(newestTime)
        ? null
        : Math.max(0, Math.floor((now.getTime() - newestTime) / DAY_MS)),
    },
    database: database ? { state: database.open ? 'open' : 'closed', ...database } : { state: 'none' },
    platforms,
    feeds: inputs.feeds ?? [],
    problems,
  };
}

/**
 * 503 while stopping, which load balancers read as "send nothing here"; 200 otherwise, a degraded
 * report included, since one platform being down is no reason to take the others out of service.
 */
export const healthHttpStatus = (report: HealthReport): number => (report.status === 'stopping' ? 503 : 200);

/** The latest YYYY-MM-DD among the documents' stated dates. */
export function newestDate(dates: Iterable<string | undefined>): string | undefined {
  let newest: string | undefined;
  for (const date of dates)
    if (date && /^\d{4}-\d{2}-\d{2}/.test(date) && (!newest || date > newest)) newest = date.slice(0, 10);
  return newest;
}
