/**
 * Text from documents and users, made inert for Discord: it can neither ping anyone nor change the
 * layout of an embed. `allowedMentions: { parse: [] }` already stops pings at the API; escaping
 * here also keeps `<@123>` and `@everyone` from *looking* like mentions, and keeps a stray `*`,
 * `|` or `[text](url)` from turning a quote into bold, a spoiler or a disguised link.
 */

/**
 * Markdown characters that act anywhere in a line, and `<` which opens mentions, channels and timestamps; or a web
 * address, left as it is but for brackets, backticks and backslashes. Discord reads an address before any Markdown in
 * it and keeps a backslash in it as part of the link, so an escaped `_`, `*`, `~` or `|` made the link lead to another
 * page (the trap of discord.js's escapeMarkdown, discord.js issue #9950). Those three, rare in addresses, are still
 * escaped, so that whatever Discord takes an address to be, no masked link, code span or escape of what follows can
 * come of it. An address ends at whitespace or `<`, escaped as elsewhere, and is one only where it starts a word:
 * glued to the end of a word, Discord may read it as text.
 */
const INLINE = /(?<!\w)https?:\/\/[^\s<[\]`\\]+|[\\*_~`|[\]<]/gi;
/** Blockquotes, headings, subtext and lists only act at the start of a line. */
const LINE_START = /^(\s*)(>|#|-|\+)/gm;
const ORDERED_LIST = /^(\s*)(\d+)\.(?=\s)/gm;
/** A zero-width space after `@` keeps the word readable and the mass mention dead. */
const MASS_MENTION = /@(everyone|here)/gi;

export function neutralise(text: string): string {
  const inline = text.replace(INLINE, (found) => (found.length > 1 ? found : `\\${found}`));
  return breakMassMentions(inline.replace(LINE_START, '$1\\$2').replace(ORDERED_LIST, '$1$2\\.'));
}

/** `@everyone` and `@here` made plain words, in text and in the bot's code spans alike. */
export const breakMassMentions = (text: string): string => text.replace(MASS_MENTION, '@\u200b$1');
