/**
 * Rules for plain text that several layers share and none owns: here, in the lowest layer, so each may import them.
 * Imports nothing.
 */

/** The longest line read as a title, headline or byline: a long headline's length, well short of a paragraph's. */
export const LINE_DEFAULTS = {
  shortLineChars: 150,
  shortLineWords: 20,
};

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A line short enough to be a title or headline (`LINE_DEFAULTS`). */
export function isShortLine(text: string): boolean {
  return text.length <= LINE_DEFAULTS.shortLineChars && wordCount(text) <= LINE_DEFAULTS.shortLineWords;
}

/** `text` as a regular expression that matches it literally: a site's name or a currency's sign inside a pattern. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text with its first letter a capital, as a title or a sentence opens: "this channel" → "This channel". */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** `text` with each run of white space one space, and none at either end: a line as shown, a passage as hashed. */
export const collapseSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** `text` with its accents off, letters kept: "Café" is "Cafe", "São" is "Sao"; a ligature is its letters ("ﬁ"). */
export function withoutAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Names in the order a person reads a list in: numbers by their value ("Bulletin 2" before "Bulletin 10"), case and
 * accents aside ("école" beside "Ecole", "apple" before "Banana"). English's collation, named rather than the
 * machine's locale, so a list comes in one order wherever the bot runs.
 */
const AS_READ = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
/**
 * Compares two names as a person orders them (`AS_READ`): the one comparator for lists a reader scans by name. Names
 * that differ only in case or accents ("Resume", "résumé") come in their characters' order, so a list's order, and
 * so its pages, never depends on the order the names were met in.
 */
export const compareAsRead = (a: string, b: string): number => AS_READ.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * A word of a name, written with a capital: "Ada", "O'Neill", "Jean-Luc", "St.", and "José" with its accent as a mark
 * of its own (text as some systems save it). A pattern's source, for the names search reads an alias from ("Maria
 * Ortiz, or MO": `aliasesIn`) and the answer reads a name from ("who heads it": `namesIn`), one rule for both.
 */
export const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}’'.-]+`;

// Chat's mentions. Each adapter reads its own platform's markup first (Slack's `slackToPlain`), but the core is
// also asked where none does (the command line, a Discord option), and two layers read what was typed without them:
// search, for the words it looks for (`withoutLinks`), and the answer, for the question its reply shows back
// (`asShown`). The command layer is above both and search is no place for chat's markup: the one rule sits here.

/** Chat's broadcast mentions, as a person types them ("@here"; the Slack adapter turns "<!here>" into it). */
const BROADCAST = /(^|[\s(])@(?:everyone|here|channel)\b/gi;
/**
 * Chat's mention markup, which reaches the core as typed where no adapter reads it first (a terminal, a Discord
 * option): Slack's "<!channel>", "<!here>", "<@U123>", "<@U123|ann>", "<#C123|general>", "<!subteam^S1|@desk>",
 * Discord's "<@123>", "<@!123>", "<@&123>", "<#123>". A "<" followed by anything else ("fees < 5") is left alone.
 */
const MENTION = /<[@#!][^<>]*>/g;

/**
 * Text a person typed without the chat markup that addresses people rather than says anything ("<!channel> what did
 * the review find, <@U123>?"): its pieces ("channel", "U123") would count as words no passage holds. The one place
 * questions, quotes and topics lose it, before they are read (`withoutLinks` in search, `cite`).
 */
export function withoutMentions(text: string): string {
  return text.replace(MENTION, ' ').replace(BROADCAST, '$1');
}

/** The most characters one emphasis wraps, which keeps reading a long paste (before it is refused as such) linear. */
const MAX_MARKED = 300;
/**
 * Chat's emphasis: a run of one to three asterisks or underscores, or one or two tildes, around words (Markdown's,
 * Slack's and Discord's bold, italics and strikethrough), opened before a word and closed after one, the same run
 * both sides; an underscore inside a word (`snake_case`) and a star between spaces (`5 * 3`) mark nothing.
 */
const EMPHASIS = (['\\*', '_', '~'] as const).map((c) => {
  const run = `(${c}{1,${c === '~' ? 2 : 3}})`;
  const marked = `(?=[^\\s${c}])(.{0,${MAX_MARKED}}?[^\\s${c}])`;
  return new RegExp(`(^|[^\\p{L}\\p{N}${c}])${run}${marked}\\2(?![\\p{L}\\p{N}${c}])`, 'gu');
});
/** Code as chat marks it, in backticks (one, or three for a block). */
const CODE = /(`+)([^`]+?)\1/g;
/** A quotation's markers at a line's start, the last followed by a space (`> quoted`, `>>> quoted`; not `>5 years`). */
const QUOTED = /^[ \t]*(?:>[ \t]*)*>[ \t]+/gm;

/**
 * Text a person typed without chat's Markdown around its words (`*why* did costs rise`, `__what__ is`, `` `fares` ``,
 * `> quoted`): the markers are no words, and kept, a marked word was not the word the corpus holds ("__what__" is no
 * question word). Only markers that wrap words go: a quote's lone asterisk ("Revenue*") stays as typed. Read once,
 * where a question, quote or topic enters the command table (`textArg`).
 */
export function withoutMarkup(text: string): string {
  let out = text.replace(QUOTED, '').replace(CODE, '$2');
  // Nested emphasis (`**_why_**`) is taken off one layer at a time.
  for (let before = ''; before !== out;) {
    before = out;
    for (const marker of EMPHASIS) out = out.replace(marker, '$1$3');
  }
  return out;
}

/**
 * A web address, bare (without the full stop or bracket after it) or as a Markdown link's target, its label caught.
 * Search reads a question without them (`withoutLinks`); a reply shows them short (`asShown`).
 */
export const LINK = /\[([^\]]*)\]\(\s*(?:https?:\/\/|www\.)[^)]*\)|(?:https?:\/\/|www\.)[^\s<>()]*[^\s<>().,;:!?'"]/gi;

/**
 * A link as a reply shows it back: a Markdown link by its label, else its site, with "/…" for the rest of its
 * address ("https://www.harbour.example/reports/2024?id=7" → "harbour.example/…"). Shown whole, a pasted address
 * of a few hundred characters would fill a title that has room for a question, and be a live link in it.
 */
function shortLink(link: string, label: string | undefined): string {
  if (label?.trim()) return label.trim();
  const target = label === undefined ? link : link.slice(link.indexOf('](') + 2, -1).trim();
  const [, site = '', rest = ''] = /^(?:https?:\/\/)?(?:[^/?#@]*@)?(?:www\.)?([^/?#]*)(.*)$/i.exec(target) ?? [];
  return rest.replace(/^\//, '') ? `${site}/…` : site;
}

/**
 * A topic as its reply shows it back (a digest's, a saved query): without the mentions, which address people rather
 * than say what is asked (`withoutMentions`), its links short (`shortLink`), and without the gaps they leave.
 */
export function asShown(text: string): string {
  return collapseSpaces(withoutMentions(text).replace(LINK, (link, label?: string) => shortLink(link, label)));
}

/**
 * A person's mention in chat's markup: Slack's "<@U123>" and "<@U123|ann>", Discord's "<@123>" and "<@!123>", and
 * either once the command layer has named the person in it ("<@123|Ann Lee>", `namedMentions`). Not a role's
 * ("<@&123>"), a channel's or a broadcast, which address many rather than say who a question is about.
 */
export const PERSON_MENTION = /<@!?([\p{L}\p{N}]+)(?:\|([^<>]*))?>/gu;

/** A person mentioned whom nobody could name (the terminal, a name the platform would not give). */
export const SOMEONE = '@someone';

/**
 * A question or quote as its reply shows it back (the reply's title, `--json`'s query), as `asShown` shows a topic but
 * for the people it mentions, who are part of what is asked ("what did <@U123> say about fares"): each is shown by
 * name, as chat shows a mention (`@Ann Lee`), or as SOMEONE, where the question read "what did say about fares". Only
 * shown: search reads the question without them (`withoutMentions`), a person in chat being no word of the corpus.
 * Written as plain text, which the renderers make inert: no mention is made of it.
 */
export function asEchoed(text: string): string {
  // Mentions and symbols alone are no question (`notSearchedLine` reads the echo for a word): shown without them.
  const shown = asShown(text);
  if (!/[\p{L}\p{N}]/u.test(shown)) return shown;
  const named = text.replace(PERSON_MENTION, (_mention, _id, name?: string) => {
    const label = name?.replace(/^@/, '').trim();
    return label ? `@${label}` : SOMEONE;
  });
  return asShown(named);
}
