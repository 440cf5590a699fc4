import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/answer/reply.js';
import { formatCitation } from '../../src/render/citation.js';

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
    expect(formatCitation(citation, markup)).toBe('“HARBOUR REPORT” · ANN LEE, PORT GAZETTE · 2024-03-01 · § COSTS ¶2');
  });

  it('links the title or shows the address apart, as the platform does, and only a safe address', () => {
    const linked = { escape: (t: string) => t, title: (t: string, link?: string) => (link ? `<${link}|${t}>` : t) };
    expect(formatCitation(citation, linked)).toMatch(/^<https:\/\/port\.example\/report\?a=1&b=2\|Harbour report> · /);
    const apart = { escape: (t: string) => t, title: (t: string) => t, link: (l: string) => `[link](${l})` };
    expect(formatCitation(citation, apart)).toMatch(/¶2 · \[link\]\(https:\/\/port\.example\/report\?a=1&b=2\)$/);
    expect(formatCitation({ ...citation, url: 'javascript:alert(1)' }, apart)).not.toContain('link');
  });

  it('leaves out the parts a document does not give', () => {
    const markup = { escape: (t: string) => t, title: (t: string) => t };
    expect(formatCitation({ source: 'a.txt', title: 'A', paragraph: 1 }, markup)).toBe('A · ¶1');
  });
});
