import type { Reply } from '../answer/reply.js';
import type { DigestSchedule } from '../schedule.js';
import type { Platform } from './adapter.js';

/** The person and channel a digest command comes from. */
export interface Requester {
  platform: Platform;
  channelId: string;
  userId: string;
  /** Filled in by adapters that know (Discord's Manage Channels permission); unknown counts as no. */
  canManageChannel?: boolean;
}

export interface SubscribeRequest {
  topics: string[];
  /** `HH:MM`; default 08:00. */
  time?: string;
  /** 0 = Sunday … 6 = Saturday; default weekdays. */
  days?: number[];
  /** IANA name; default the configured time zone. */
  timeZone?: string;
}

/** A channel's digest as the `digest` command shows it. */
export interface ChannelDigest extends DigestSchedule {
  topics: string[];
  /** Who subscribed the channel. */
  subscriberId: string;
  state: 'active' | 'paused';
  pausedReason: string | null;
}

/**
 * What the `digest` command asks of the digest: the asker's channel's subscription, and previews.
 * `DigestService` in src/digest provides it; the command sees only this, so the command table does
 * not depend on the digest's store and scheduler.
 */
export interface DigestDesk {
  /** Whether changing a channel's digest on `platform` needs someone who manages the channel. */
  needsManager(platform: Platform): boolean;
  subscription(platform: Platform, channelId: string): ChannelDigest | undefined;
  subscribe(who: Requester, request: SubscribeRequest): ChannelDigest;
  /** False when the channel had no digest. */
  unsubscribe(who: Requester): boolean;
  /**
   * Pauses the channel's digest, keeping its topics and schedule (subscribing to the same again resumes it); undefined
   * when the channel has none.
   */
  pause(who: Requester): ChannelDigest | undefined;
  /**
   * The digest the channel would get now, for the asker alone, fitted by `fits` as a post of it would be; undefined
   * when there are no topics.
   */
  preview(
    platform: Platform,
    channelId: string,
    topics?: string[],
    fits?: (reply: Reply) => boolean,
  ): Reply | undefined;
}
