import type { Reply } from './answer/reply.js';
import type { Platform } from './commands/command.js';

/**
 * What the core asks of a platform, and all it knows of one (Hubot's robot/adapter split): an
 * adapter turns the platform's requests into commands and renders replies back.
 */
export interface Adapter<Target = unknown> {
  readonly platform: Platform;
  start(): Promise<void>;
  /** Stops taking requests and closes the platform connection. */
  stop(): Promise<void>;
  /** Answers one request where it came from. */
  deliver(target: Target, reply: Reply): Promise<void>;
  /** Posts to a channel unprompted (a digest). */
  post(channelId: string, reply: Reply): Promise<void>;
}
