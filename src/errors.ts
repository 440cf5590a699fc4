/**
 * Every code a user can meet, in a reply's `error` or a `DossierError`. Each message names the problem and what to
 * do about it; the code is stable for logs and tests. (Posting to a platform has its own, `DeliveryErrorCode`.)
 *
 * Asking:
 * - `unknown-command`: the first word names no command; the message offers the nearest one and `help`.
 * - `only-a-link`: a question that is a link and nothing else; the message says how to add the page (to whoever may)
 *   and to ask in words.
 * - `bad-arguments`: a command's arguments fail its schema; the message says which and how to ask.
 * - `rate-limited`, `timeout`, `restarting`: the gate's refusals (too many questions, an answer too slow, the bot
 *   shutting down); the message says when to ask again. `restarting` is also an add stopped by the shutdown.
 * - `no-more-results`, `no-question-yet`: the terminal's `more` with nothing left, or before any question.
 * - `command-line-option`: an option of the `dossier` command line (`--limit`) typed in the terminal session.
 * - `busy`, `closed`: a worker pool (the chart workers) has too many tasks waiting, or is shutting down; the
 *   message says to try again in a moment.
 *   `closed` is also a `DigestRuntime` started twice, or after it was stopped (the composition root's mistake).
 * - `internal`: a handler failed unexpectedly; the asker is told to try again, the operator finds it in the log.
 *
 * The corpus and answers:
 * - `corpus-missing`: the corpus folder is absent, not a folder or unreadable; the message names the path.
 * - `lexicon-missing`: the lexicon file a setting names (LEXICON, `--lexicon`) is absent or unreadable; the message
 *   names the path.
 * - `lexicon-malformed`: the lexicon file a setting names is not YAML or not `term: [synonym, …]` entries; the
 *   message names the path and the problem.
 * - `chart-font`: no font to draw a chart; the message names the package to install.
 *
 * Digests:
 * - `digest-unavailable`: digests need the bot running with its database (`npm start`).
 * - `digest-paused`: the bot could not post a channel's digest; the message says why and how to resume.
 * - `no-topics`, `too-many-topics`, `bad-time`, `bad-time-zone`, `bad-date`: a subscription or preview asked for
 *   wrongly; the message gives the right form with an example.
 * - `not-allowed`: only members who can manage the channel may change its digest.
 * - `cannot-post-here`: a digest subscribed where the bot could not post it (a Slack direct message, group DM or
 *   channel it is not in; a Discord direct message, or a channel where it lacks a permission the post needs); the
 *   message says to subscribe from a channel where the bot can post, or which permission to give it.
 * - `database`, `database-lost`: the digest database cannot be opened, or its file went missing under the bot;
 *   the message names the file (DATABASE_PATH) or says the operator has been told.
 *
 * Adding documents and following feeds (src/ingest):
 * - `add-unavailable`, `feeds-unavailable`: adding needs the corpus folder, feeds the bot's database (`npm start`).
 * - `no-file`, `unsupported-content`, `no-text`: nothing Dossier can read was shared; the message names the formats.
 * - `bad-url`, `address-refused`, `robots-disallowed`, `fetch-failed`, `fetch-timeout`, `too-large`: a link that
 *   cannot or may not be fetched (`FetchErrorCode`); the message says why and, where it can, what to share instead.
 * - `store-failed`: the document could not be written to the corpus folder; the message gives the reason in words,
 *   without the server's paths (`fileError`).
 * - `feed-unknown`, `not-a-feed`: `feeds` named a feed Dossier does not follow, or a link that is no feed.
 *
 * Starting a platform:
 * - `slack-config`: neither SLACK_APP_TOKEN nor SLACK_SIGNING_SECRET is set.
 * - `slack-auth`: Slack refused the bot token; the message says which token and where to copy it from.
 * - `discord-connect`: the Discord client could not log in or connect; the message gives Discord's reason.
 */
export type ErrorCode =
  | 'unknown-command'
  | 'only-a-link'
  | 'bad-arguments'
  | 'rate-limited'
  | 'timeout'
  | 'restarting'
  | 'no-more-results'
  | 'no-question-yet'
  | 'command-line-option'
  | 'busy'
  | 'closed'
  | 'internal'
  | 'corpus-missing'
  | 'lexicon-missing'
  | 'lexicon-malformed'
  | 'chart-font'
  | 'digest-unavailable'
  | 'digest-paused'
  | 'no-topics'
  | 'too-many-topics'
  | 'bad-time'
  | 'bad-time-zone'
  | 'bad-date'
  | 'cannot-post-here'
  | 'not-allowed'
  | 'database'
  | 'database-lost'
  | 'add-unavailable'
  | 'feeds-unavailable'
  | 'no-file'
  | 'no-text'
  | FetchErrorCode
  | 'store-failed'
  | 'feed-unknown'
  | 'not-a-feed'
  | 'slack-config'
  | 'slack-auth'
  | 'discord-connect';

/** Why a fetch was refused or failed; each comes with one line a person can act on. */
export type FetchErrorCode =
  | 'bad-url'
  | 'address-refused'
  | 'robots-disallowed'
  | 'fetch-failed'
  | 'fetch-timeout'
  | 'too-large'
  | 'unsupported-content';

/** An error a user can act on: a stable code for logs and tests, and a one-line message for chat. */
export class DossierError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DossierError';
  }
}

/**
 * Put before a backtick that someone typed, where a message quotes their words: a message's own backticks mark the
 * bot's code spans (`said` in src/answer/reply.ts reads them), and a typed one must stay a backtick. A word joiner:
 * where a message is shown as it is (a log, a store), it leaves the backtick looking as it was typed.
 */
export const TYPED_BACKTICK = '\u2060`';

/** Most characters of someone's words a message quotes back, or a log keeps: a pasted paragraph is not worth it. */
export const SHOWN_TYPED_CHARS = 200;

/**
 * Someone's words as a message quotes them ("fig`ures" is not a command): each backtick marked as typed, so the chat
 * platforms show it rather than open code with it. Word joiners of their own are dropped, so none can mark the
 * message's next backtick. Past `SHOWN_TYPED_CHARS` they are cut with an ellipsis: `help` followed by 3,000 letters,
 * or a time of that length, was repeated whole in a one-line refusal.
 */
export const typed = (text: string): string => {
  const chars = Array.from(text.replace(/\u2060/g, ''));
  const shown =
    chars.length > SHOWN_TYPED_CHARS ? `${chars.slice(0, SHOWN_TYPED_CHARS - 1).join('')}…` : chars.join('');
  return shown.replace(/`/g, TYPED_BACKTICK);
};

/** A message as written, for a surface that shows backticks as they are (the terminal): the typed marks taken out. */
export const asWritten = (message: string): string => message.replaceAll(TYPED_BACKTICK, '`');

/** The first line of an error's message, for a one-line warning. */
export function errorLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** What the system's error codes for a file or folder mean, in words, whether it was being read or written. */
const FILE_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'its links go round in a loop',
  ENAMETOOLONG: 'its name is too long',
  EIO: 'the disk reported an error',
  EBUSY: 'it is in use',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
};

/**
 * An error of the system's about a file in words and without its path: Node's message names the code and the path
 * ("EACCES: permission denied, open '/srv/…/a.md'"), where the line it goes in names the file already, and may reach
 * a chat, which has no business with the server's folders. A code not listed keeps Node's words, less the code and
 * the path.
 */
function fileReason(error: unknown, reasons: Record<string, string>): string {
  const code = (error as NodeJS.ErrnoException).code;
  const known = code && (reasons[code] ?? FILE_REASONS[code]);
  return (
    known ||
    errorLine(error)
      .replace(/^[A-Z][A-Z0-9_]+: /, '')
      .replace(/, \w+ '.*'$/, '')
  );
}

/** Why a file could not be written ("its folder does not exist" rather than "ENOENT: …, open '/srv/…/y.png'"). */
export const fileError = (error: unknown): string => fileReason(error, { ENOENT: 'its folder does not exist' });

/**
 * Why a file or folder could not be read ("permission denied" rather than "EACCES: …, open '/srv/…/a.md'"): one found
 * when the folder was listed and gone when it was read was moved or deleted meanwhile.
 */
export const readError = (error: unknown): string => fileReason(error, { ENOENT: 'it was moved or deleted' });
