import { publisherBesides, type Citation } from '../answer/reply.js';
import { fitText } from './cut.js';
import { safeLink } from './links.js';

/**
 * The most characters a citation's title, author, publisher and section heading each take, cut at a word with "…".
 * A citation is otherwise as long as its document's metadata: a report by forty authors, or a title that is a whole
 * paragraph, left a figure's line (Slack's 3,000-character section, Discord's 1,024-character field) no room for its
 * sentence, so the figure was shown without it or left out. The cut parts stay long enough to find the document.
 */
export const CITATION_PARTS = { title: 200, author: 150, publisher: 100, heading: 100 };

export type CitationParts = typeof CITATION_PARTS;

/** What a platform supplies to write a citation: its escaping, and how it shows the title and the link. */
export interface CitationMarkup {
  /** Makes document text inert on the platform. */
  escape(text: string): string;
  /** The escaped title, linked to `link` where the platform links titles. */
  title(escapedTitle: string, link: string | undefined): string;
  /** The address, after the other parts, for platforms that do not link the title. */
  link?(link: string): string;
}

/**
 * A citation in the one field order every surface uses: title · author, publisher · date · ¶paragraph, then the
 * link where the platform shows it apart. Only addresses that pass `safeLink` become links.
 *
 * The paragraph is counted from the document's start (the number `--json`, charts and passage ids give), so a
 * section heading is named after it, as where the paragraph is: "§ Costs ¶14" reads, as citation styles write it,
 * as the 14th paragraph of Costs. Counting within the section instead would give one passage two numbers.
 * Each part is cut to `parts` before escaping, so an escape is never cut in two.
 */
export function formatCitation(c: Citation, markup: CitationMarkup, parts: CitationParts = CITATION_PARTS): string {
  const link = safeLink(c.url);
  const cut = (text: string | undefined, max: number) => text && fitText(text, max);
  const who = [cut(c.author, parts.author), cut(publisherBesides(c.author, c.publisher), parts.publisher)]
    .filter(Boolean)
    .join(', ');
  const where = c.heading
    ? `¶${c.paragraph} of the document, in section “${markup.escape(cut(c.heading, parts.heading)!)}”`
    : `¶${c.paragraph}`;
  return [
    markup.title(markup.escape(cut(c.title, parts.title)!), link),
    who && markup.escape(who),
    c.date && markup.escape(c.date),
    where,
    link && markup.link?.(link),
  ]
    .filter(Boolean)
    .join(' · ');
}
