import { FeedSchema, type Feed } from '../ingest/feeds.js';
import { DigestRunSchema, SubscriptionSchema, type DigestRun, type Subscription } from './store.js';

/**
 * A table row as a store read it, its columns decoded to plain values (lists as arrays, times as ISO
 * strings): each store decodes its own column types, and these map the one schema's column names
 * to the domain's and validate the result, so a corrupted row is refused rather than trusted.
 */
export type Columns = Record<string, unknown>;

export const subscriptionFromRow = (r: Columns): Subscription =>
  SubscriptionSchema.parse({
    id: r.id,
    platform: r.platform,
    channelId: r.channel_id,
    subscriberId: r.subscriber_id,
    topics: r.topics,
    time: r.time,
    days: r.days,
    timeZone: r.time_zone,
    state: r.state,
    pausedReason: r.paused_reason,
    createdAt: r.created_at,
    scheduleFrom: r.schedule_from,
  });

export const runFromRow = (r: Columns): DigestRun =>
  DigestRunSchema.parse({
    subscriptionId: r.subscription_id,
    slot: r.slot,
    state: r.state,
    owner: r.owner,
    leaseUntil: r.lease_until,
    attempts: r.attempts,
    postingAt: r.posting_at,
    shownIds: r.passage_ids,
    sentAt: r.sent_at,
    note: r.note,
  });

export const feedFromRow = (r: Columns): Feed =>
  FeedSchema.parse({
    id: r.id,
    url: r.url,
    title: r.title,
    state: r.state,
    etag: r.etag,
    lastModified: r.last_modified,
    failures: r.failures,
    lastError: r.last_error,
    lastPolledAt: r.last_polled_at,
    addedBy: r.added_by,
    createdAt: r.created_at,
    items: r.items,
  });
