import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/corpus/formats/html.js';
import { HARBOUR_META, outline } from './fixtures.js';

const FIXTURE = new URL('../../fixtures/corpus/formats/harbour.html', import.meta.url);

describe('parseHtml', () => {
  it("reads a definition list's terms as headings over their descriptions", () => {
    const html =
      '<main><h2>Which bin</h2><dl><dt>Green sack</dt><dd>Paper and card, every week.</dd><dt>Red box</dt>' +
      '<dd>Glass, every other week.</dd><dd>Rinse it first.</dd></dl></main>';
    expect(outline(parseHtml(html).blocks)).toEqual([
      '# Which bin',
      '# Green sack',
      'Paper and card, every week.',
      '# Red box',
      'Glass, every other week.',
      'Rinse it first.',
    ]);
  });

  it('keeps the article and leaves out navigation, sidebar, footer and the headline (the title)', async () => {
    const { blocks } = parseHtml(await readFile(FIXTURE, 'utf8'));
    expect(outline(blocks)).toEqual([
      'The old harbour lights shone again on Friday evening after a two-year restoration that cost the town about ' +
        '40,000\u00a0pounds.',
      'Photo: Tom Reed',
      '# What changed',
      'Engineers fitted new lamps. The council set three goals:',
      '- Halve the running costs.',
      '- Keep the original brass housings.',
      'Residents gathered on the quay to watch, and the mayor thanked the volunteers who raised part of the money.',
    ]);
  });

  it("reads the page's meta tags, without the site's name in the title", async () => {
    expect(parseHtml(await readFile(FIXTURE, 'utf8')).meta).toEqual(HARBOUR_META);
  });

  it('takes from a title holding the site’s name the part the page’s own heading or og:title gives', () => {
    const page = (head: string, body: string) =>
      parseHtml(`<html><head>${head}</head><body>${body}<p>The harbour handled 4,200 ships.</p></body></html>`).meta
        .title;
    const h1 = '<h1>Harbour report</h1>';
    expect(page('<title>Harbour report | Portside Gazette</title>', h1)).toBe('Harbour report');
    expect(page('<title>Portside Gazette — Harbour report</title>', h1)).toBe('Harbour report');
    expect(page('<title>News - Harbour report, 2025 - Portside</title>', '<h1>Harbour  report, 2025</h1>')).toBe(
      'Harbour report, 2025',
    );
    // A heading of several of the title's parts, as the page writes it.
    expect(page('<title>Ferries - Winter timetable | Bay Lines</title>', '<h1>Ferries - Winter timetable</h1>')).toBe(
      'Ferries - Winter timetable',
    );
    // og:title, when the title is the one holding the site's name, and the other way round.
    const og = (title: string) => `<meta property="og:title" content="${title}">`;
    expect(page(`${og('Harbour report')}<title>Harbour report | Portside Gazette</title>`, '')).toBe('Harbour report');
    expect(page(`${og('Harbour report | Portside Gazette')}<title>Harbour report</title>`, '')).toBe('Harbour report');
    // The site's logo as a heading too: two parts are headings, so which is the page's own is not told; kept whole.
    expect(page('<title>Harbour report | Portside Gazette</title>', `<h1>Portside Gazette</h1>${h1}`)).toBe(
      'Harbour report | Portside Gazette',
    );
    // No heading equals a part, or none is given: the title as it is, a dash or colon of its own kept.
    expect(page('<title>Harbour report | Portside Gazette</title>', '<h1>Latest news</h1>')).toBe(
      'Harbour report | Portside Gazette',
    );
    expect(page('<title>Buses: year one - a review</title>', '')).toBe('Buses: year one - a review');
  });

  it("takes the publisher from the title's other part where the page names it its site: home link or ©", () => {
    const meta = (title: string, body: string) =>
      parseHtml(
        `<html><head><title>${title}</title></head><body>${body}<article><h1>Grit bins refilled</h1>` +
          '<p>The parish refilled its twelve grit bins on Monday, before the first frost.</p></article></body></html>',
      ).meta;
    const logo = '<header><a href="/"><img src="logo.png" alt="Eastmere Gazette"></a></header>';
    expect(meta('Grit bins refilled | Eastmere Gazette', logo)).toMatchObject({
      title: 'Grit bins refilled',
      publisher: 'Eastmere Gazette',
    });
    const home = '<nav><a href="https://eastmere.example/">Eastmere Parish Council</a> <a href="/news">News</a></nav>';
    const footer = '<footer>© 2019–2026 Eastmere Parish Council. All rights reserved.</footer>';
    // A section's name between the two is neither linked as the home page nor holds the copyright.
    for (const body of [home, footer])
      expect(meta('Grit bins refilled - News - Eastmere Parish Council', body)).toMatchObject({
        title: 'Grit bins refilled',
        publisher: 'Eastmere Parish Council',
      });
    expect(meta('Eastmere Gazette — Grit bins refilled', logo).publisher).toBe('Eastmere Gazette');
    // A part the page names nowhere as its site, or only as a section, is no publisher.
    expect(meta('Grit bins refilled | News', '<a href="/news">News</a>').publisher).toBeUndefined();
    expect(meta('Grit bins refilled | Eastmere Gazette', '<p>Eastmere Gazette</p>').publisher).toBeUndefined();
    // Nor is a title the page gives no own part of: which part is the site's is not told.
    expect(meta('Winter | Eastmere Gazette', logo).publisher).toBeUndefined();
  });

  it('reads a bare fragment: paragraphs, line breaks, nested lists, no title', () => {
    const { blocks, meta } = parseHtml(
      '<p>One<br>line.</p><div>Loose ' +
        '<b>text</b><ul><li>Item<ol><li>Sub-item</li></ol></li></ul></div><script>var ' +
        'x = 1;</script>',
    );
    expect(outline(blocks)).toEqual(['One line.', 'Loose text', '- Item', '- Sub-item']);
    expect(meta.title).toBeUndefined();
  });

  it('reads each row of a data table as an item, its cells under their columns, as a Markdown table is', () => {
    const html =
      '<p>Ferry hours:</p><table><thead><tr><th>pier</th><th>weekdays</th><th>Sundays</th></tr></thead><tbody>' +
      '<tr><td>North Pier</td><td>6am to 10pm</td><td>closed</td></tr><tr><td>Quay Steps</td><td>7am to 9pm</td>' +
      '<td></td></tr></tbody></table><table><tr><td>Long Bay</td><td>£3</td></tr></table>' +
      '<table><tr><td><p>A layout cell.</p></td><td><p>Another.</p></td></tr></table>';
    expect(parseHtml(html).blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Ferry hours:'],
      ['item', 'pier: North Pier — weekdays: 6am to 10pm; Sundays: closed'],
      ['item', 'pier: Quay Steps — weekdays: 7am to 9pm'],
      ['item', 'Long Bay — £3'],
      ['paragraph', 'A layout cell.'],
      ['paragraph', 'Another.'],
    ]);
  });

  it("names the columns by a header row with an empty corner, or by any row of the table's head", () => {
    // A budget by year, its rows named by th cells under an empty corner; a timetable exported with td in its thead.
    const html =
      '<table><tr><td></td><th>2025</th><th>2026</th></tr><tr><th>Roads</th><td>£4m</td><td>£5m</td></tr></table>' +
      '<table><thead><tr><td>route</td><td>first bus</td></tr></thead><tbody><tr><td>Line 4</td><td>06:10</td></tr>' +
      '</tbody></table>';
    expect(parseHtml(html).blocks.map((b) => [b.kind, b.text])).toEqual([
      ['item', 'Roads — 2025: £4m; 2026: £5m'],
      ['item', 'route: Line 4 — first bus: 06:10'],
    ]);
  });

  it("reads a table's caption as a paragraph introducing its rows", () => {
    const html =
      '<p>Boats leave every hour.</p><table><caption>Ferry fares from 1 April 2026</caption><tr><th>crossing</th>' +
      '<th>adult</th></tr><tr><td>Mill Quay</td><td>£3.20</td></tr></table><p>Bicycles travel free.</p>';
    expect(parseHtml(html).blocks).toEqual([
      { kind: 'paragraph', text: 'Boats leave every hour.' },
      { kind: 'paragraph', text: 'Ferry fares from 1 April 2026', introduces: true },
      { kind: 'item', text: 'crossing: Mill Quay — adult: £3.20' },
      { kind: 'paragraph', text: 'Bicycles travel free.' },
    ]);
  });

  it('reads a cell spanning columns under each of them, and a row of one cell across the table as a title', () => {
    // A bus company's fares of our own: a title row over the header, a section row, a cell over two columns.
    const html =
      '<table><tr><th colspan="4">Bus fares 2026</th></tr><tr><th>route</th><th>weekdays</th><th>Sundays</th>' +
      '<th>fare</th></tr><tr><td colspan="4">Town routes</td></tr><tr><td>Line 4</td><td colspan="2">no service' +
      '</td><td>£2</td></tr><tr><td>Line 5</td><td>hourly</td><td>none</td><td>£3</td></tr></table>';
    expect(parseHtml(html).blocks).toEqual([
      { kind: 'paragraph', text: 'Bus fares 2026', introduces: true },
      { kind: 'paragraph', text: 'Town routes', introduces: true },
      { kind: 'item', text: 'route: Line 4 — weekdays: no service; Sundays: no service; fare: £2' },
      { kind: 'item', text: 'route: Line 5 — weekdays: hourly; Sundays: none; fare: £3' },
    ]);
  });

  it('names a column by both rows of a two-row header, and reads a cell spanning rows in each of them', () => {
    // A ferry company's fares and first sailings of our own: "adult" over "single" and "return", "crossing" over both
    // header rows, and a port beside its weekday and Sunday sailings.
    const fares =
      '<table><thead><tr><th rowspan="2">crossing</th><th colspan="2">adult</th><th colspan="2">child</th></tr>' +
      '<tr><th>single</th><th>return</th><th>single</th><th>return</th></tr></thead><tbody><tr><td>Port Ellen</td>' +
      '<td>£4</td><td>£7</td><td>£2</td><td>£3.50</td></tr></tbody></table>';
    const sailings =
      '<table><tr><th>port</th><th>day</th><th>first sailing</th></tr><tr><td rowspan="2">Port Ellen</td>' +
      '<td>weekdays</td><td>07:00</td></tr><tr><td>Sundays</td><td>09:30</td></tr></table>';
    expect(parseHtml(fares + sailings).blocks).toEqual([
      {
        kind: 'item',
        text: 'crossing: Port Ellen — adult single: £4; adult return: £7; child single: £2; child return: £3.50',
      },
      { kind: 'item', text: 'port: Port Ellen — day: weekdays; first sailing: 07:00' },
      { kind: 'item', text: 'port: Port Ellen — day: Sundays; first sailing: 09:30' },
    ]);
  });

  it('reads a page that leaves out its body tag', () => {
    expect(
      parseHtml('<!doctype html><html><head><title>Quay</title></head><p>The quay is open.</p></html>'),
    ).toMatchObject({ blocks: [{ kind: 'paragraph', text: 'The quay is open.' }], meta: { title: 'Quay' } });
  });

  it('leaves out advertisement slots named by class or id, and only whole names', () => {
    const { blocks } = parseHtml(
      `<div class="ad-slot">Ferries at half price this winter.</div>
       <p id="sponsored">Brought to you by Tarrow Paints.</p>
       <p class="lead-paragraph">The quay reopened on Monday.</p>
       <p class="header-note download">The lamps stay on till dawn.</p>`,
    );
    expect(blocks.map((b) => b.text)).toEqual(['The quay reopened on Monday.', 'The lamps stay on till dawn.']);
  });
});
