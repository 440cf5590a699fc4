import { describe, expect, it } from 'vitest';
import { renderDiscord } from '../../adapters/discord/render.js';
import { renderSlack } from '../../adapters/slack/render.js';
import { renderTerminal } from '../../adapters/terminal/render.js';
import { askJson } from '../../src/answer/ask.js';
import { cite, citeReply } from '../../src/answer/cite.js';
import type { Citation } from '../../src/answer/reply.js';
import { CITATION_PARTS, formatCitation } from '../../src/render/citation.js';
import { corpusForSuite, note } from '../support/corpus.js';

const citation: Citation = {
  source: 'harbour.md',
  title: 'Harbour report',
  author: 'Ann Lee',
  publisher: 'Port Gazette',
  date: '2024-03-01',
  paragraph: 2,
  heading: 'Costs',
  url: 'https://port.example/report?a=1&b=2',
};

describe('formatCitation', () => {
  it('writes every surface’s citation in one field order, with the platform’s escaping and title', () => {
    const markup = { escape: (t: string) => t.toUpperCase(), title: (t: string) => `“${t}”` };
    expect(formatCitation(citation, markup)).toBe(
      '“HARBOUR REPORT” · ANN LEE, PORT GAZETTE · 2024-03-01 · ¶2 of the document, in section “COSTS”',
    );
  });

  it('links the title or shows the address apart, as the platform does, and only a safe address', () => {
    const linked = { escape: (t: string) => t, title: (t: string, link?: string) => (link ? `<${link}|${t}>` : t) };
    expect(formatCitation(citation, linked)).toMatch(/^<https:\/\/port\.example\/report\?a=1&b=2\|Harbour report> · /);
    const apart = { escape: (t: string) => t, title: (t: string) => t, link: (l: string) => `[link](${l})` };
    expect(formatCitation(citation, apart)).toMatch(/“Costs” · \[link\]\(https:\/\/port\.example\/report\?a=1&b=2\)$/);
    expect(formatCitation({ ...citation, url: 'javascript:alert(1)' }, apart)).not.toContain('link');
  });

  it('cuts a long title, author list, publisher and section at a word, before escaping, on every surface', () => {
    const long: Citation = {
      ...citation,
      title: 'A & B ferry report '.repeat(30),
      author: Array.from({ length: 60 }, (_, i) => `Ann Lee ${i}`).join(', '),
      heading: 'Costs of the crossing '.repeat(10),
    };
    const escaped = formatCitation(long, { escape: (t) => t.replace(/&/g, '&amp;'), title: (t) => t }, CITATION_PARTS);
    const [title, who] = escaped.split(' · ');
    expect(title).toMatch(/^A &amp; B ferry report .* …$/);
    expect(title!.replace(/&amp;/g, '&').length).toBeLessThanOrEqual(CITATION_PARTS.title);
    expect(who).toMatch(/^Ann Lee 0, .*Ann Lee \d+,? …, Port Gazette$/);
    expect(escaped).toMatch(/in section “Costs of the crossing .* …”$/);
    const short = formatCitation(long, { escape: (t) => t, title: (t) => t }, { ...CITATION_PARTS, title: 30 });
    expect(short).toMatch(/^A & B ferry report A & B …/);
  });

  it('names the publisher once where the author already ends with it', () => {
    // A tenants' leaflet of our own, "Property Services, Larchfield Homes", published by Larchfield Homes.
    const markup = { escape: (t: string) => t, title: (t: string) => t };
    const team = { ...citation, author: 'Property Services, Larchfield Homes', publisher: 'larchfield homes' };
    expect(formatCitation(team, markup)).toMatch(
      /^Harbour report · Property Services, Larchfield Homes · 2024-03-01 · /,
    );
    expect(formatCitation({ ...citation, author: 'Port Gazette' }, markup)).toMatch(/ · Port Gazette · 2024/);
    // A publisher the author only mentions is still named.
    const staff = { ...citation, author: 'Ann Lee, Port Gazette staff' };
    expect(formatCitation(staff, markup)).toContain(' · Ann Lee, Port Gazette staff, Port Gazette · ');
  });

  it('leaves out the parts a document does not give', () => {
    const markup = { escape: (t: string) => t, title: (t: string) => t };
    expect(formatCitation({ source: 'a.txt', title: 'A', paragraph: 1 }, markup)).toBe('A · ¶1');
  });
});

/** Two sections, the second's second paragraph quoted: the 5th paragraph from the start, the 2nd of its section. */
const FERRY = note(
  'Ferry review',
  [
    'The council reviewed the island ferry this spring.',
    '## Timetable',
    'Sailings now leave every forty minutes.',
    'The last boat was moved to half past ten.',
    '## Fares',
    'Season tickets were left as they were.',
    'A single crossing now costs six pounds for adults.',
  ].join('\n\n'),
);
const QUOTE = 'A single crossing now costs six pounds for adults.';

/** Where a reader counting the file's paragraphs from its start finds the quote: headings and front matter aside. */
const fromTheStart =
  FERRY.split(/\n\s*\n/)
    .slice(1)
    .filter((p) => !p.startsWith('#'))
    .findIndex((p) => p.trim() === QUOTE) + 1;

describe('the citation of a paragraph in a later section', () => {
  const dossier = corpusForSuite({ 'ferry.md': FERRY });
  const shown = () => citeReply(cite(dossier(), QUOTE));
  const where = `¶${fromTheStart} of the document, in section “Fares”`;

  it('gives the number counted from the document’s start in --json, with the section apart', () => {
    const [best] = askJson(cite(dossier(), QUOTE)).results;
    expect(fromTheStart).toBe(5);
    expect(best).toMatchObject({ source: 'ferry.md', paragraph: fromTheStart, heading: 'Fares', passage: QUOTE });
  });

  it('says so on every surface, never as the section’s own paragraph number', () => {
    const discord = renderDiscord(shown()).message.embeds.map((e) => e.description ?? '');
    const surfaces = {
      terminal: renderTerminal(shown()),
      slack: JSON.stringify(renderSlack(shown()).blocks),
      discord: discord.join('\n'),
    };
    for (const [surface, text] of Object.entries(surfaces)) {
      expect(text, surface).toContain(where);
      // "§ Fares ¶5", or any number right after the section's name, reads as the 5th paragraph of Fares.
      expect(text, surface).not.toMatch(/Fares\W{0,3}¶/);
      expect(text, surface).not.toMatch(/¶2\b/);
    }
  });
});
