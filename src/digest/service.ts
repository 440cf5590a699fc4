import type { Platform } from '../commands/adapter.js';
import type { DigestDesk, Requester, SubscribeRequest } from '../commands/digest-desk.js';
import type { Reply } from '../answer/reply.js';
import type { Dossier } from '../engine/dossier.js';
import { CONFIG_DEFAULTS } from '../config.js';
import { DossierError, typed } from '../errors.js';
import { composeDigest, turnOf, type FigureSource } from './compose.js';
import { corpusNews, type DigestScheduler } from './scheduler.js';
import { isValidTimeZone, parseTime, WEEKDAYS } from '../schedule.js';
import type { DigestStore, Subscription } from './store.js';

/** Who may subscribe or unsubscribe a channel: anyone in it, or only those who can manage it. */
export type ManagePolicy = 'anyone' | 'managers';

/** Slack channels are usually owned by everyone in them; Discord has a Manage Channels permission for this. */
const DEFAULT_POLICY: Record<Platform, ManagePolicy> = {
  slack: CONFIG_DEFAULTS.DIGEST_MANAGE_SLACK,
  discord: CONFIG_DEFAULTS.DIGEST_MANAGE_DISCORD,
  terminal: 'anyone',
};

const DEFAULT_TIME = '08:00';

export interface DigestServiceOptions {
  store: DigestStore;
  dossier: Dossier;
  /** IANA name used when a subscriber gives none (config TZ_DEFAULT). */
  defaultTimeZone: string;
  policy?: Partial<Record<Platform, ManagePolicy>>;
  /** Told when subscriptions change, so its node-cron jobs follow. */
  scheduler?: Pick<DigestScheduler, 'sync'>;
  figures?: FigureSource;
  now?: () => Date;
}

/** Why a digest paused with `digest pause` is paused, as `digest list` says it ("Paused: …"). */
export const PAUSED_ON_REQUEST = 'paused with digest pause';

/** What the `digest` command asks of the digest: subscriptions of the asker's channel, and previews. */
export class DigestService implements DigestDesk {
  private readonly policy: Record<Platform, ManagePolicy>;
  private readonly now: () => Date;

  constructor(private readonly options: DigestServiceOptions) {
    if (!isValidTimeZone(options.defaultTimeZone))
      throw new DossierError(
        'bad-time-zone',
        `The default time zone "${options.defaultTimeZone}" is not an IANA time zone name.`,
      );
    this.policy = { ...DEFAULT_POLICY, ...options.policy };
    this.now = options.now ?? (() => new Date());
  }

  get defaultTimeZone(): string {
    return this.options.defaultTimeZone;
  }

  subscribe(who: Requester, request: SubscribeRequest): Subscription {
    this.authorize(who);
    const time = request.time ?? DEFAULT_TIME;
    const timeZone = request.timeZone ?? this.options.defaultTimeZone;
    // The command validates these too; the service is a public API, so it does not trust callers.
    if (!request.topics.length)
      throw new DossierError(
        'no-topics',
        'Name at least one topic, e.g. `digest subscribe ferry fares, harbour dredging`.',
      );
    if (!parseTime(time))
      throw new DossierError('bad-time', `"${typed(time)}" is not a time: use e.g. 07:30 or 7:30am.`);
    if (!isValidTimeZone(timeZone))
      throw new DossierError(
        'bad-time-zone',
        `"${typed(timeZone)}" is not a time zone: use an IANA name such as Europe/London.`,
      );
    const [hour, minute] = parseTime(time)!;
    const sub = this.options.store.subscribe(
      {
        platform: who.platform,
        channelId: who.channelId,
        subscriberId: who.userId,
        topics: request.topics,
        time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
        days: request.days ?? WEEKDAYS,
        timeZone,
      },
      this.now(),
    );
    this.options.scheduler?.sync();
    return sub;
  }

  unsubscribe(who: Requester): boolean {
    this.authorize(who);
    const removed = this.options.store.unsubscribe(who.platform, who.channelId);
    this.options.scheduler?.sync();
    return removed;
  }

  pause(who: Requester): Subscription | undefined {
    this.authorize(who);
    const { store } = this.options;
    const sub = store.subscription(who.platform, who.channelId);
    if (!sub) return undefined;
    if (sub.state !== 'paused') store.pause(sub.id, PAUSED_ON_REQUEST);
    this.options.scheduler?.sync();
    return store.subscription(who.platform, who.channelId);
  }

  subscription(platform: Platform, channelId: string): Subscription | undefined {
    return this.options.store.subscription(platform, channelId);
  }

  /**
   * The digest the channel would get now, without remembering anything as sent: fitted by `fits` as its post would be,
   * so it shows what the digest would send.
   */
  preview(
    platform: Platform,
    channelId: string,
    topics?: string[],
    fits?: (reply: Reply) => boolean,
  ): Reply | undefined {
    const { store, dossier, figures } = this.options;
    const sub = store.subscription(platform, channelId);
    const chosen = topics?.length ? topics : sub?.topics;
    if (!chosen) return undefined;
    const seen = store.sentItems(platform, channelId);
    const { reply } = composeDigest({
      dossier,
      topics: chosen,
      ...(sub ? corpusNews(store, dossier, sub, seen) : { newDocuments: [] }),
      seen,
      turn: turnOf(this.now()),
      ...(fits ? { fits } : {}),
      figures,
      title: `Digest preview: ${chosen.join(', ')}`,
    });
    return { ...reply, onlyAsker: true };
  }

  needsManager(platform: Platform): boolean {
    return this.policy[platform] === 'managers';
  }

  private authorize(who: Requester): void {
    if (this.needsManager(who.platform) && !who.canManageChannel) {
      throw new DossierError('not-allowed', 'Only members who can manage this channel may change its digest.');
    }
  }
}
