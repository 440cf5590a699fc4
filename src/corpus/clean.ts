import type { Block } from './block.js';
import { isShortLine, wordCount } from './text.js';

/** What a dropped piece of page furniture was; metadata is read from some of them (see metadata.ts). */
export type BoilerplateKind =
  | 'credit'
  | 'comments'
  | 'control'
  | 'copyright'
  | 'disclaimer'
  | 'tags'
  | 'chrome'
  | 'republication'
  | 'teaser'
  | 'related'
  | 'social';

/** A block cleaning removed, kept so the metadata it states (publisher, date) can still be read. */
export interface Note {
  kind: BoilerplateKind;
  text: string;
}

/**
 * How long a block each rule takes for page furniture: the furniture is short, and a longer block that opens the
 * same way is the article's own text about it. Named here, not in DEFAULT_RANKING, which lives in search, above the
 * corpus.
 */
export const CLEAN_DEFAULTS = {
  /** A picture's caption or credit ("Photo: …", "Image credit: …"): a line, not a paragraph about a photograph. */
  creditMaxWords: 15,
  /** A lost picture's line or an agency's credit ("Image unavailable", "Photo by … / Reuters"). */
  lostPictureMaxWords: 12,
  /** A copyright, disclaimer or republication notice: a sentence or two of a page's small print. */
  noticeMaxWords: 60,
  /** Labelled fields ("Topic: …", "Region: …") that make a block the page's own chrome rather than a sentence. */
  chromeMinFields: 2,
};

/** A picture the scrape left out ("Image unavailable") or its credit ("Photo by … / Reuters"). */
const LOST_PICTURE = new RegExp(
  String.raw`^(?:(?:photo|image|picture|video|graphic|media)s? (?:removed|unavailable|not available|` +
    String.raw`not displayed)|(?:photo )?(?:by )?[^.!?]{0,60}\b(?:Getty Images|Reuters|Associated Press|AP Photo|` +
    String.raw`AFP|EPA-EFE|Shutterstock|Alamy|iStock(?:photo)?)\b[^.!?]{0,40})\.?$`,
  'i',
);
/** A comment widget's own words: "Leave a Reply", "3 comments". */
const COMMENT_WIDGET = new RegExp(
  String.raw`^(?:\d+\s+(?:comments?|responses?|replies)|leave a (?:reply|comment)|(?:post|add|show|` +
    String.raw`view) (?:a )?comments?|comments?|join the (?:conversation|discussion))\W*$`,
  'i',
);
/** A button or link that is a page control: "Read more", "Share this article", "Back to top". */
const PAGE_CONTROL = new RegExp(
  String.raw`^(?:read more|load more|show more|see more|continue reading|advertisement|` +
    String.raw`sponsored(?: content)?|share(?: this(?: article| story| page)?)?|print(?: this)?|email|` +
    String.raw`subscribe(?: now)?|sign up|back to top|skip to (?:main )?content)[\s»›>…:.]*$`,
  'i',
);
/**
 * A page asking for its reader's verdict, with the buttons' words: "Was this page helpful? Yes No", or with no noun,
 * as FAQ and help pages ask it under each answer: "Was this helpful?".
 */
const FEEDBACK_PROMPT =
  /^(?:was|is) this(?: (?:page|article|information|answer))? (?:helpful|useful)\?(?:\s+(?:yes|no)\b)*\W*$/i;
/** A cookie notice: "We use cookies to improve your experience", "This site uses cookies to remember your settings". */
const COOKIE_NOTICE = /^(?:this (?:web)?site|we(?: and our partners)?) uses? cookies\b/i;
/** What only a notice about a website's cookies speaks of, beside them: the site, browsing, consent, settings. */
const WEB_WORDS = /\b(?:(?:web)?site|brows\w*|experience|consent|accept\w*|settings|preferences|privacy)\b/i;
/** "The above article first appeared in …". */
const REPUBLISHED = new RegExp(
  String.raw`^(?:the above|this) (?:article|piece|story|essay|op-ed|column|commentary|` +
    String.raw`post)\b.{0,40}?\b(?:first|originally|previously) (?:appeared|published|ran)\b`,
  'i',
);

/**
 * Whole blocks that are page furniture, as scrapers of news and think-tank pages capture it. Each
 * rule holds for the whole block, so an article sentence that merely mentions "Reuters" or
 * "comments" stays.
 */
const RULES: { kind: BoilerplateKind; test: (text: string) => boolean }[] = [
  // Captions and credits of pictures that the scrape did not keep: "Photo: …", "Image: Reuters".
  {
    kind: 'credit',
    test: (t) =>
      /^(?:photo(?:graph)?|image|picture|illustration|graphic|video)s?(?: credit)?\s*:/i.test(t) &&
      wordCount(t) <= CLEAN_DEFAULTS.creditMaxWords,
  },
  {
    kind: 'credit',
    test: (t) => LOST_PICTURE.test(t) && wordCount(t) <= CLEAN_DEFAULTS.lostPictureMaxWords,
  },
  // Comment widgets: "Leave a Reply", "3 comments".
  {
    kind: 'comments',
    test: (t) => COMMENT_WIDGET.test(t),
  },
  // Buttons and links that are page controls, not text.
  {
    kind: 'control',
    test: (t) => PAGE_CONTROL.test(t),
  },
  // A feedback prompt or a cookie notice a saved page kept.
  { kind: 'control', test: (t) => FEEDBACK_PROMPT.test(t) },
  {
    kind: 'control',
    test: (t) => COOKIE_NOTICE.test(t) && WEB_WORDS.test(t) && wordCount(t) <= CLEAN_DEFAULTS.noticeMaxWords,
  },
  {
    kind: 'copyright',
    test: (t) =>
      (/^(?:©|copyright\b|\(c\)\s*\d{4})/i.test(t) || /\ball rights reserved\b/i.test(t)) &&
      wordCount(t) <= CLEAN_DEFAULTS.noticeMaxWords,
  },
  // "The views expressed by contributors are their own and not the view of …".
  {
    kind: 'disclaimer',
    test: (t) => /^the (?:views|opinions) expressed\b/i.test(t) && wordCount(t) <= CLEAN_DEFAULTS.noticeMaxWords,
  },
  // "Tags Harbour Board Dredging in Portsmouth …": a list, not a sentence.
  {
    kind: 'tags',
    test: (t) => /^(?:tags|topics|filed under|categories|keywords)\s*:?\s+\S/i.test(t) && !/[.!?]$/.test(t),
  },
  // "October 30, 2017 Topic: Security Region: North America Tags: …": labelled fields of the page.
  {
    kind: 'chrome',
    test: (t) =>
      (t.match(/\b(?:topics?|region|tags|section|categor(?:y|ies)|filed under|posted in)\s*:/gi)?.length ?? 0) >=
      CLEAN_DEFAULTS.chromeMinFields,
  },
  // "The above article first appeared in … and is being republished in … with permission."
  {
    kind: 'republication',
    test: (t) => REPUBLISHED.test(t) && wordCount(t) <= CLEAN_DEFAULTS.noticeMaxWords,
  },
  // A blurb that links on to another page ("… Read more"): its text is a teaser, not this article.
  { kind: 'teaser', test: (t) => /\s(?:read more|continue reading)[\s»›>…:.]*$/i.test(t) },
];

/** Headers of a list of other pages' headlines: "Recommended", "Most Popular", "Related Articles". */
const RELATED = new RegExp(
  String.raw`^(?:recommended(?: for you| reading| stories| articles)?|most (?:popular|read|viewed|shared)|` +
    String.raw`related(?: articles| stories| posts| content| coverage)?|you (?:may|might) also like|` +
    String.raw`trending(?: now)?|popular (?:stories|posts|now)|what to read next)\W*$`,
  'i',
);

/** "Follow him on Twitter @handle." — the sentence goes, the rest of an author's bio stays. */
const SOCIAL = new RegExp(
  String.raw`(?:^|\s+)(?:you can )?follow (?:him|her|them|me|us)\b[^.!?]*?\bon (?:twitter|x|facebook|` +
    String.raw`instagram|linkedin|threads|bluesky|mastodon)\b[^.!?]*[.!?]?`,
  'gi',
);

export function boilerplateKind(text: string): BoilerplateKind | undefined {
  return RULES.find((rule) => rule.test(text))?.kind;
}

/**
 * Removes page furniture: whole boilerplate blocks (see RULES), a "Recommended" header with the
 * headlines listed under it, and "Follow … on Twitter" sentences. What was removed is returned as
 * notes.
 */
export function clean(blocks: Block[]): { blocks: Block[]; notes: Note[] } {
  const kept: Block[] = [];
  const notes: Note[] = [];
  let inRelated = false;
  for (const block of blocks) {
    if (inRelated && isShortLine(block.text)) {
      notes.push({ kind: 'related', text: block.text });
      continue;
    }
    inRelated = RELATED.test(block.text);
    const kind = inRelated ? 'related' : boilerplateKind(block.text);
    if (kind) {
      notes.push({ kind, text: block.text });
      continue;
    }
    const text = block.text.replace(SOCIAL, '').trim();
    if (text !== block.text) notes.push({ kind: 'social', text: block.text });
    if (text) kept.push(text === block.text ? block : { ...block, text });
  }
  return { blocks: kept, notes };
}

/**
 * Keeps the first of paragraphs repeated verbatim, and drops a paragraph that the next one repeats
 * and continues: scraped pages often show a lede alone and then again at the start of the body.
 * Headings may legitimately repeat ("Summary" in two sections) and are kept, except a repeat of
 * the title. A block that is whole sentences of another block of the same document goes too, wherever
 * it stands: a pull quote, or a lede shown apart from its paragraph, repeats what the page already says.
 */
export function dropRepeats(blocks: Block[], title?: string): Block[] {
  const seen = new Set<string>();
  const quoted = repeatedSentences(blocks);
  return blocks.filter((block, i) => {
    if (block.kind === 'heading') return block.text !== title;
    if (block.text === title || seen.has(block.text) || quoted.has(i)) return false;
    seen.add(block.text);
    const next = blocks[i + 1];
    return !(
      next &&
      next.kind === block.kind &&
      next.text.length > block.text.length &&
      next.text.startsWith(block.text) &&
      /\s/.test(next.text[block.text.length]!)
    );
  });
}

/** Quote marks a pull quote may add or leave off around the words it repeats. */
const QUOTE_MARKS = /^["“‘']+|["”’']+$/g;
/** Whole sentences: from a capital or a digit to a full stop, question or exclamation mark. */
const SENTENCES = /^[\p{Lu}\d].*[.!?]$/su;

/**
 * The blocks (by index) that are whole sentences, of two words or more, of a longer block that is no heading, quote
 * marks aside. Candidates are found by their first two words, so a long document is not compared block by block.
 */
function repeatedSentences(blocks: Block[]): Set<number> {
  const byPair = new Map<string, number[]>();
  blocks.forEach((block, i) => {
    if (block.kind === 'heading') return;
    const words = block.text.replace(QUOTE_MARKS, '').split(/\s+/);
    for (let j = 0; j + 1 < words.length; j++) {
      const pair = `${words[j]!.replace(QUOTE_MARKS, '')} ${words[j + 1]}`;
      const list = byPair.get(pair);
      if (!list) byPair.set(pair, [i]);
      else if (list.at(-1) !== i) list.push(i);
    }
  });
  const repeated = new Set<number>();
  blocks.forEach((block, i) => {
    const core = block.text.replace(QUOTE_MARKS, '');
    if (block.kind === 'heading' || !SENTENCES.test(core)) return;
    const words = core.split(/\s+/);
    if (words.length < 2) return;
    const holders = byPair.get(`${words[0]} ${words[1]}`) ?? [];
    if (holders.some((j) => j !== i && blocks[j]!.text.length > block.text.length && holdsWhole(blocks[j]!.text, core)))
      repeated.add(i);
  });
  return repeated;
}

/** Whether `text` holds `part` between word boundaries (a space, an edge or a quote mark or bracket either side). */
function holdsWhole(text: string, part: string): boolean {
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    const before = text[at - 1];
    const after = text[at + part.length];
    if ((before === undefined || /[\s"“‘'(]/.test(before)) && (after === undefined || /[\s"”’')]/.test(after)))
      return true;
  }
  return false;
}
