import { webApi } from '@slack/bolt';

const TOKEN_REFUSALS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive']);
const tokenRefused = (code: string) => `Slack refused the bot token (${code}): check SLACK_BOT_TOKEN.`;

/** Slack's own error name (`channel_not_found`, `ratelimited`, …) when the failure carries one. */
export function slackErrorCode(error: unknown): string | undefined {
  if ((error as { code?: unknown }).code === webApi.ErrorCode.RateLimitedError) return 'ratelimited';
  return (error as { data?: { error?: string } }).data?.error;
}

/** The one line an operator needs when Slack's check of the bot token at start-up fails. */
export function describeTokenCheckFailure(error: unknown): string {
  const code = slackErrorCode(error);
  if (code && TOKEN_REFUSALS.has(code)) return tokenRefused(code);
  const cause =
    code ??
    (error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error));
  return `Could not check the bot token with Slack (${cause}): check the network and SLACK_API_URL.`;
}

/** The one line an operator needs when Slack refuses a call. */
export function describeSlackFailure(error: unknown, channel: string): string {
  const code = slackErrorCode(error);
  if (code && TOKEN_REFUSALS.has(code)) return tokenRefused(code);
  switch (code) {
    case 'channel_not_found':
      return (
        `Slack channel ${channel} was not found (channel_not_found): check the channel id, and that the app is ` +
        `installed in its workspace.`
      );
    case 'not_in_channel':
      return `The bot is not a member of channel ${channel} (not_in_channel): invite it there with /invite @Dossier.`;
    case 'is_archived':
      return `Slack channel ${channel} is archived (is_archived).`;
    case 'ratelimited':
      return (
        `Slack rate-limited the bot for channel ${channel} beyond what an answer can wait ` +
        `(Retry-After ${(error as { retryAfter?: number }).retryAfter ?? '?'} s); the answer was dropped.`
      );
    case 'http_404':
    case 'http_410':
      return (
        `Slack no longer accepts answers to that request (${code}): a response_url lasts 30 minutes and takes ` +
        `five answers.`
      );
    case 'missing_scope':
      return (
        `Slack would not show the bot the history of channel ${channel} (missing_scope): ` +
        `add the channels:history and groups:history scopes (manifest.yaml) and reinstall the app.`
      );
    case 'msg_blocks_too_long':
    case 'invalid_blocks':
      return `Slack refused the answer's blocks (${code}).`;
    default:
      return (
        `Slack call for channel ${channel} failed: ` +
        `${code ?? (error instanceof Error ? error.message : String(error))}`
      );
  }
}

/**
 * What a person in the channel can do about a refusal, in words for them rather than for the
 * operator (whose line, from `describeSlackFailure`, goes to the log).
 */
export function describeForUser(error: unknown): string {
  const code = slackErrorCode(error);
  switch (code) {
    case 'not_in_channel':
      return (
        'Dossier is not a member of this channel (not_in_channel). Invite it with `/invite @Dossier` and share ' +
        'again.'
      );
    case 'channel_not_found':
    case 'is_archived':
      return `Slack will not let Dossier post here (${code}).`;
    case 'ratelimited':
      return 'Slack is limiting how fast Dossier may post (ratelimited). Try again in a minute.';
    default:
      return `Slack refused it (${code ?? 'no answer'}). Try again in a moment.`;
  }
}
