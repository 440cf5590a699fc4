/**
 * Text from documents and users, made inert for Discord: it can neither ping anyone nor change the
 * layout of an embed. `allowedMentions: { parse: [] }` already stops pings at the API; escaping
 * here also keeps `<@123>` and `@everyone` from *looking* like mentions, and keeps a stray `*`,
 * `|` or `[text](url)` from turning a quote into bold, a spoiler or a disguised link.
 */

/** Markdown characters that act anywhere in a line, and `<` which opens mentions, channels and timestamps. */
const INLINE = /[\\*_~`|[\]<]/g;
/** Blockquotes, headings, subtext and lists only act at the start of a line. */
const LINE_START = /^(\s*)(>|#|-|\+)/gm;
const ORDERED_LIST = /^(\s*)(\d+)\.(?=\s)/gm;
/** A zero-width space after `@` keeps the word readable and the mass mention dead. */
const MASS_MENTION = /@(everyone|here)/gi;

export function neutralise(text: string): string {
  return breakMassMentions(text.replace(INLINE, '\\$&').replace(LINE_START, '$1\\$2').replace(ORDERED_LIST, '$1$2\\.'));
}

/** `@everyone` and `@here` made plain words, in text and in the bot's code spans alike. */
export const breakMassMentions = (text: string): string => text.replace(MASS_MENTION, '@\u200b$1');
