import type { Citation } from '../answer/reply.js';
import { safeLink } from './links.js';

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
 */
export function formatCitation(c: Citation, markup: CitationMarkup): string {
  const link = safeLink(c.url);
  const who = [c.author, c.publisher].filter(Boolean).join(', ');
  const where = c.heading
    ? `¶${c.paragraph} of the document, in section “${markup.escape(c.heading)}”`
    : `¶${c.paragraph}`;
  return [
    markup.title(markup.escape(c.title), link),
    who && markup.escape(who),
    c.date && markup.escape(c.date),
    where,
    link && markup.link?.(link),
  ]
    .filter(Boolean)
    .join(' · ');
}
