import type { Reply } from '../answer/reply.js';

/** The surfaces Dossier answers on; each has one adapter. */
export type Platform = 'slack' | 'discord' | 'terminal';

/** How a digest post is marked, so that `findPost` can tell later whether it reached the channel. */
export interface PostOptions {
  /** The slot's id, unique per subscription and slot. */
  key: string;
}

/**
 * A platform connection as /healthz reports it. `connected`: a live connection to the platform
 * (Socket Mode, Discord's gateway) or the HTTP receiver listening; `connecting`: starting or
 * reconnecting; `disconnected`: down (it may come back); `stopped`: never started or shut down.
 */
export type ConnectionState = 'connected' | 'connecting' | 'disconnected' | 'stopped';

export interface PlatformStatus {
  state: ConnectionState;
  /** How it connects (`socket-mode`, `http`, `gateway`, `stdin`). */
  mode: string;
  /** One line on what is wrong, when something is. */
  detail?: string;
}

/**
 * What the core asks of a platform, and all it knows of one (Hubot's robot/adapter split): an
 * adapter turns the platform's requests into commands and renders replies back.
 */
export interface Adapter<Target = unknown> {
  readonly platform: Platform;
  /**
   * What a command is typed after here (`/brief`, Slack's SLACK_COMMAND), as its posts name a command
   * (`CommandContext.slashCommand`); absent where a command is typed alone (the terminal bot).
   */
  readonly slashCommand?: string;
  start(): Promise<void>;
  /** Stops taking requests and closes the platform connection. */
  stop(): Promise<void>;
  /** Answers one request where it came from. */
  deliver(target: Target, reply: Reply): Promise<void>;
  /**
   * Posts to a channel unprompted (a digest), marked with `options.key` where the platform keeps
   * such a mark. A failure throws a DeliveryError saying whether the post may have gone out.
   */
  post(channelId: string, reply: Reply, options?: PostOptions): Promise<void>;
  /**
   * Whether a post marked with `key` is among the channel's messages since `since` (the digest gives its first
   * attempt's time less a margin for the platform's clock, `DELIVERY_DEFAULTS.clockSkewMs`): how the digest
   * settles a post the platform did not confirm, before posting it again. Throws a DeliveryError
   * when it cannot tell (`cannot-check` when it never will). Absent where the platform cannot be asked.
   */
  findPost?(channelId: string, key: string, since: Date): Promise<boolean>;
  /**
   * Whether `reply`, posted here, shows whole: nothing left out or cut for the platform's limits on one message. The
   * digest posts only what fits, so that what it records as sent is what the channel sees. Absent where any reply does.
   */
  fits?(reply: Reply): boolean;
  /**
   * Tells one user something unprompted, in a direct message (a paused digest's notice to its subscriber). Absent
   * where `post` with the user's id does it: Slack opens the app's direct message with a user given as the channel.
   */
  notify?(userId: string, reply: Reply): Promise<void>;
  /** The connection's state now, for /healthz. Cheap and synchronous: no call to the platform. */
  status?(): PlatformStatus;
}
