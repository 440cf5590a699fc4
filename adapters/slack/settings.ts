import type { webApi } from '@slack/bolt';
import type { Config } from '../../src/config.js';

/** The message shortcuts' callback ids; manifest.yaml declares the same. */
export const FIND_SOURCE_CALLBACK_ID = 'find_source';
export const ADD_TO_DOSSIER_CALLBACK_ID = 'add_to_dossier';
/** The events the app subscribes to; manifest.yaml declares the same. */
export const BOT_EVENTS = ['app_mention'] as const;
/** The path of every HTTP-mode request: slash command, interactivity and events. */
export const EVENTS_PATH = '/slack/events';

/** The Slack part of the configuration (see src/config.ts for the variables). */
export interface SlackSettings {
  /** `xoxb-…` (SLACK_BOT_TOKEN). */
  botToken: string;
  /** HTTP mode (SLACK_SIGNING_SECRET); needed unless `appToken` is set. */
  signingSecret?: string;
  /** `xapp-…` (SLACK_APP_TOKEN): Socket Mode, no public URL needed. Wins over `signingSecret`. */
  appToken?: string;
  /** Port of the HTTP receiver (SLACK_PORT); 0 picks a free one. */
  port: number;
  /** The slash command, e.g. `/brief` (SLACK_COMMAND). */
  command: string;
  /** Another Web API base URL (SLACK_API_URL), e.g. a stand-in for tests. */
  apiUrl?: string;
}

/** The Slack settings from the configuration, or undefined when Slack is not configured. */
export function slackSettings(config: Config): SlackSettings | undefined {
  if (!config.SLACK_BOT_TOKEN) return undefined;
  return {
    botToken: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    port: config.SLACK_PORT,
    command: config.SLACK_COMMAND,
    apiUrl: config.SLACK_API_URL,
  };
}

/** How long one call to Slack (the Web API, or a response_url) is awaited before it counts as failed. */
export const CALL_TIMEOUT_MS = 10_000;

/**
 * Interactive answers cannot wait out Bolt's default (ten retries over about 30 minutes): a few
 * quick retries of failed requests within about 10 s.
 */
export const INTERACTIVE_RETRIES: webApi.RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 300,
  maxTimeout: 3000,
  maxRetryTime: 10_000,
};
/**
 * How long one answer may wait on 429s in all. Within it each Retry-After is honoured; a longer
 * one drops the answer with a log line instead of holding it (and, in the Web API client, every
 * other call) for minutes.
 */
export const RATE_LIMIT_BUDGET_MS = 10_000;
