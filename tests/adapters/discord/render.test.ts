import { describe, expect, it } from 'vitest';
import { parseButtonId, renderDiscord, replyButtons } from '../../../adapters/discord/render.js';
import {
  errorReply,
  markRanges,
  replyOf,
  said,
  type Citation,
  type Excerpt,
  type FigureItem,
  type Reply,
} from '../../../src/answer/reply.js';
import { NARROWER_TOPIC } from '../../../src/answer/figures/reply.js';
import { typed } from '../../../src/errors.js';
import { expectWithinLimits } from './limits.js';

const citation: Citation = {
  source: 'budget.md',
  title: 'Tram budget',
  author: 'A. Writer',
  publisher: 'City Desk',
  date: '2026-03-01',
  paragraph: 4,
};

const excerpt = (text: string, strong = 'tram'): Excerpt => {
  const at = text.indexOf(strong);
  const spans =
    at < 0
      ? [{ text }]
      : [{ text: text.slice(0, at) }, { text: strong, strong: true }, { text: text.slice(at + strong.length) }];
  return { text: spans, citation, figures: [], score: 1 };
};

/** An excerpt block of `text`, cited as `citation` but for `over`. */
const excerptBlock = (text: string, over: Partial<Citation> = {}) => ({
  type: 'excerpt' as const,
  excerpt: { ...excerpt(text), citation: { ...citation, ...over } },
});

/** Eight excerpts of forty sentences each: more than one message holds. */
const eightLong = () =>
  Array.from({ length: 8 }, () =>
    excerptBlock('The tram line was funded by the council after a long debate about costs. '.repeat(40)),
  );

const render = (r: Reply) => renderDiscord(r).message;

const reply = (blocks: Reply['blocks'], extra: Partial<Reply> = {}): Reply => replyOf('tram funding', blocks, extra);

describe('renderDiscord', () => {
  it('shows matched words in bold, cites the paragraph and mentions nobody', () => {
    const message = render(reply([excerptBlock('The tram costs 4 million.')]));
    expect(message.allowedMentions).toEqual({ parse: [] });
    const description = message.embeds[0]!.description!;
    expect(description).toContain('“The **tram** costs 4 million.”');
    expect(description).toContain('*Tram budget* · A. Writer, City Desk · 2026-03-01 · ¶4');
  });

  it('escapes document text inside excerpts and citations', () => {
    const message = render(
      reply([excerptBlock('Hey @everyone, see <@123> *now*', { title: '[x](https://evil.example)' })]),
    );
    const description = message.embeds[0]!.description!;
    expect(description).toContain('@\u200beveryone');
    expect(description).toContain('\\<@123>');
    expect(description).toContain('\\*now\\*');
    expect(description).toContain('*\\[x\\](https://evil.example)*');
    expect(description).not.toMatch(/@everyone|(?<!\\)<@/);
  });

  it('breaks a mass mention a highlight marks, the mention whole inside the bold', () => {
    const text = 'The notice went to @everyone and @here on Monday';
    const at = text.indexOf('everyone');
    const marked = { ...excerpt(text), text: markRanges(text, [[at, at + 8]]) };
    const description = render(reply([{ type: 'excerpt', excerpt: marked }])).embeds[0]!.description!;
    expect(description).toContain('went to **@\u200beveryone** and @\u200bhere on');
  });

  it('links only http(s) source addresses', () => {
    const linked = render(reply([excerptBlock('tram', { url: 'https://news.example/a (1)' })]));
    expect(linked.embeds[0]!.description).toContain('[link](https://news.example/a%20%281%29)');
    const script = render(reply([excerptBlock('tram', { url: 'javascript:alert(1)' })]));
    expect(script.embeds[0]!.description).not.toContain('javascript');
  });

  it('says whether it shows the whole reply: not once a part is cut or left out (what a digest may post)', () => {
    expect(renderDiscord(reply([excerptBlock('The tram.')], { more: 5 })).whole).toBe(true);
    expect(renderDiscord(reply(eightLong())).whole).toBe(false);
    expect(renderDiscord(reply(eightLong().slice(0, 1))).whole).toBe(true);
  });

  it(
    'cuts a long reply at a sentence boundary, stays within every limit and ' + 'says how many results were left out',
    () => {
      const message = render(reply(eightLong(), { more: 5 }));
      expectWithinLimits(message.embeds);
      const description = message.embeds[0]!.description!;
      expect(description).toMatch(/costs\. …”/);
      expect(description.match(/\*\*/g)!.length % 2).toBe(0);
      expect(message.embeds.at(-1)!.footer!.text).toMatch(
        /^\d+ more results did not fit in this message\. 5 more results: press More results to see them\.$/,
      );
    },
  );

  it('leaves out an excerpt whose citation leaves too little room for its quote, rather than show a stub', () => {
    const first = excerptBlock('The tram line was funded by the council after a long debate about costs. '.repeat(48));
    const longLink = `https://example.com/${'tram-report/'.repeat(35)}`;
    const message = render(reply([first, excerptBlock('The tram depot opened. '.repeat(20), { url: longLink })]));
    expectWithinLimits(message.embeds);
    expect(message.embeds[0]!.description).not.toContain('**2.**');
    expect(message.embeds.at(-1)!.footer!.text).toBe('1 more result did not fit in this message.');
  });

  it('shows blocks in the reply’s order, as Slack does: a topic’s key figures under it, the next topic below', () => {
    const item: FigureItem = {
      text: '4 million',
      sentence: [{ text: 'The tram costs ' }, { text: '4 million', strong: true }, { text: '.' }],
      citation,
    };
    const topic = (name: string): Reply['blocks'][number] => ({ type: 'text', text: [{ text: name, strong: true }] });
    const digest = reply([
      topic('tram funding'),
      excerptBlock('The tram costs 4 million.'),
      { type: 'figures', title: 'Key figures: tram funding', items: [item] },
      topic('tram depots'),
      excerptBlock('The tram depot opened.'),
    ]);
    const { message, whole } = renderDiscord(digest);
    expectWithinLimits(message.embeds);
    expect(whole).toBe(true);
    expect(message.embeds.map((e) => e.title ?? e.description!.split('\n')[0])).toEqual([
      'tram funding',
      'Key figures: tram funding',
      '**tram depots**',
    ]);
    expect(message.embeds[0]!.description).toContain('**1.**');
    expect(message.embeds[0]!.description).not.toContain('depot');
    expect(message.embeds[2]!.description).toContain('**2.**');
    // With no room for an embed after the figures, what follows them is left out, never shown above them.
    const crowded = renderDiscord(
      reply([
        ...Array.from({ length: 9 }, () => ({ type: 'figures' as const, title: 'Key figures: tram', items: [item] })),
        topic('tram depots'),
      ]),
    );
    expect(crowded.whole).toBe(false);
    expect(JSON.stringify(crowded.message.embeds)).not.toContain('tram depots');
  });

  it('shows a figure whose link leaves too little room for its sentence cited without the link, not a stub', () => {
    // A link is never cut, or it would lead nowhere: the figure is cited by its title and paragraph alone.
    const longLink = `https://example.com/${'tram-report/'.repeat(75)}`;
    const item: FigureItem = {
      text: '4.2 million',
      sentence: [{ text: 'It cost ' }, { text: '4.2 million', strong: true }, { text: ' in all. '.repeat(100) }],
      citation: { ...citation, url: longLink },
    };
    const message = render(reply([{ type: 'figures', title: 'Key figures: tram', items: [item] }]));
    expectWithinLimits(message.embeds);
    const value = message.embeds[1]!.fields![0]!.value;
    expect(value).toMatch(/^“It cost \*\*4\.2 million\*\* in all\. .+”\n— \*Tram budget\* · A\. Writer, City Desk · /s);
    expect(value).toMatch(/ · ¶4$/);
    expect(value).not.toContain('example.com');
    expect(message.embeds.at(-1)!.footer).toBeUndefined();
    // With room for it, the link is kept.
    const short = { ...item, citation: { ...citation, url: 'https://example.com/tram' } };
    const linked = render(reply([{ type: 'figures', title: 'Key figures: tram', items: [short] }]));
    expect(linked.embeds[1]!.fields![0]!.value).toMatch(/ · ¶4 · \[link\]\(https:\/\/example\.com\/tram\)$/);
  });

  it('cuts a long title, author list, publisher and section in a citation, so a figure still has room', () => {
    const authors = Array.from({ length: 60 }, (_, i) => `Ferry Researcher Number ${i}`).join(', ');
    const item: FigureItem = {
      text: '4.2 million',
      sentence: [{ text: 'The ferry upgrade cost ' }, { text: '4.2 million', strong: true }, { text: ' euros.' }],
      citation: {
        ...citation,
        title: 'A ferry report with a very long title '.repeat(25),
        author: authors,
        publisher: 'The Harbour Board of the Northern Estuary Ports '.repeat(5),
        heading: 'Costs of the crossing '.repeat(10),
      },
    };
    const message = render(reply([{ type: 'figures', title: 'Key figures: ferry', items: [item] }]));
    expectWithinLimits(message.embeds);
    const value = message.embeds[1]!.fields![0]!.value;
    expect(value).toMatch(
      /^“The ferry upgrade cost \*\*4\.2 million\*\* euros\.”\n— \*A ferry report with .+ …\* · Ferry /,
    );
    expect(value).toContain('Ferry Researcher Number 1, ');
    expect(value).not.toContain('Ferry Researcher Number 59');
    expect(value).toMatch(/in section “Costs of the crossing .* …”$/);
    expect(message.embeds.at(-1)!.footer).toBeUndefined();
  });

  it('moves More results back to the first excerpt left out, and counts those as more', () => {
    const next = { command: 'ask', args: { question: 'tram funding', offset: 8 } };
    const rendered = renderDiscord(reply(eightLong(), { more: 5, next }));
    const shown = rendered.message.embeds[0]!.description!.match(/^\*\*\d+\.\*\*/gm)!.length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(8);
    expect(rendered.next).toEqual({ command: 'ask', args: { question: 'tram funding', offset: shown } });
    expect(rendered.message.embeds.at(-1)!.footer!.text).toBe(
      `${5 + 8 - shown} more results: press More results to see them.`,
    );
  });

  it('keeps `next` as it is when nothing was left out', () => {
    const next = { command: 'ask', args: { question: 'tram funding', offset: 3 } };
    expect(renderDiscord(reply([excerptBlock('The tram.')], { more: 1, next })).next).toBe(next);
  });

  it('puts figures in fields within the field limits', () => {
    const item: FigureItem = {
      text: '4.2 million',
      measure: 'tram cost',
      when: '2026',
      sentence: [{ text: 'It cost ' }, { text: '4.2 million', strong: true }, { text: '. '.repeat(700) }],
      citation,
    };
    const message = render(
      reply([{ type: 'figures', title: 'Key figures: tram', items: Array.from({ length: 30 }, () => item) }]),
    );
    expectWithinLimits(message.embeds);
    const figures = message.embeds[1]!;
    expect(figures.title).toBe('Key figures: tram');
    expect(figures.fields![0]!.name).toBe('4.2 million (2026)');
    expect(figures.fields![0]!.value).toContain('**4.2 million**');
    expect(message.embeds.at(-1)!.footer!.text).toMatch(/^\d+ more results did not fit in this message\.$/);
  });

  it("names a figure's table row beside its time, as Slack and the terminal do, its measure being the title", () => {
    const text = 'class: Yoga — price: £8 (2025-26)';
    const item: FigureItem = {
      text: '£8',
      measure: 'price',
      row: 'Yoga',
      when: '2025-26',
      sentence: [{ text }],
      citation,
    };
    const figures = render(reply([{ type: 'figures', title: 'price', items: [item] }])).embeds[1]!;
    expect(figures.title).toBe('price');
    expect(figures.fields![0]!.name).toBe('£8 (Yoga, 2025-26)');
  });

  it('keeps a figure deep inside a long sentence in view in its field, cutting around it', () => {
    const clause = (i: number) => `the ferry on crossing ${i} carried walkers and their dogs`;
    const clauses = (n: number) => Array.from({ length: n }, (_, i) => clause(i)).join(', ');
    const item: FigureItem = {
      text: '12,400 passengers',
      sentence: [
        { text: `Across the summer ${clauses(30)}, and in August it took ` },
        { text: '12,400 passengers', strong: true },
        { text: ` over the estuary, ${clauses(10)}.` },
      ],
      citation,
    };
    const message = render(reply([{ type: 'figures', title: 'Key figures: ferry', items: [item] }]));
    expectWithinLimits(message.embeds);
    const value = message.embeds[1]!.fields![0]!.value;
    expect(value).toContain('and in August it took **12,400 passengers** over the estuary');
    expect(value).toMatch(/^“… [a-z]+ .* …”\n— \*Tram budget\* · A\. Writer, City Desk · 2026-03-01 · ¶4$/);
  });

  it('says how to see figures that did not fit, a narrower topic, since figures do not page', () => {
    const item: FigureItem = {
      text: '4.2 million',
      sentence: [{ text: 'It cost ' }, { text: '4.2 million', strong: true }, { text: ' in all. '.repeat(100) }],
      citation,
    };
    const blocks = Array.from({ length: 9 }, (_, i) => ({
      type: 'figures' as const,
      title: `Tram costs, stage ${i + 1}`,
      items: [item],
    }));
    const rendered = renderDiscord(reply(blocks, { leftOutHint: NARROWER_TOPIC }));
    expectWithinLimits(rendered.message.embeds);
    expect(rendered.next).toBeUndefined();
    const footer = rendered.message.embeds.at(-1)!.footer!.text;
    expect(footer).toMatch(/^\d+ more results? did not fit in this message\. /);
    expect(footer).toMatch(/ Name a narrower topic \(one measure, place or year\) to see them\.$/);
    expect(render(reply(blocks.slice(0, 1), { leftOutHint: NARROWER_TOPIC })).embeds.at(-1)!.footer).toBeUndefined();
  });

  it('shows as many whole items of a list too long for one message as fit, and counts the rest', () => {
    const items = Array.from({ length: 150 }, (_, i) => [
      { text: `Harbour bulletin ${i} on dredging, ferries and the quay works`, strong: true },
      { text: ` — Harbour Desk, Port Gazette, 2026-01-15 · 1 passage · https://example.org/bulletins/${i}` },
    ]);
    const message = render(reply([{ type: 'list', items }]));
    expectWithinLimits(message.embeds);
    const lines = message.embeds[0]!.description!.split('\n');
    expect(lines.length).toBeGreaterThan(20);
    // Every line is an item whole, ending with its link, none cut through.
    for (const line of lines) expect(line).toMatch(/^• \*\*Harbour bulletin \d+ .*bulletins\/\d+$/);
    expect(message.embeds.at(-1)!.footer?.text).toBe(`${150 - lines.length} more results did not fit in this message.`);
  });

  it('pages to the rest of a list that lists from an offset (sources), from the first item not shown', () => {
    const items = Array.from({ length: 150 }, (_, i) => [
      { text: `Harbour bulletin ${i} on dredging, ferries and the quay works`, strong: true },
      { text: ` — Harbour Desk, Port Gazette, 2026-01-15 · 1 passage · https://example.org/bulletins/${i}` },
    ]);
    const rest = { command: 'sources', args: { offset: 160 } };
    const { message, next } = renderDiscord(reply([{ type: 'list', items }], { rest }));
    const shown = message.embeds[0]!.description!.split('\n').length;
    expect(next).toEqual({ command: 'sources', args: { offset: 10 + shown } });
    expect(message.embeds.at(-1)!.footer?.text).toBe(`${150 - shown} more results: press More results to see them.`);
    expect(renderDiscord(reply([{ type: 'list', items: items.slice(0, 3) }], { rest })).next).toBeUndefined();
  });

  it('titles a disagreement’s embed with the title the core wrote', () => {
    const item: FigureItem = { text: '€4m', sentence: [{ text: 'It cost €4m.' }], citation };
    const message = render(reply([{ type: 'disagreement', title: 'Sources differ on tram cost', items: [item] }]));
    expect(message.embeds.map((e) => e.title)).toContain('Sources differ on tram cost');
  });

  it('attaches the chart and shows it in the embed', () => {
    const chart = {
      name: 'tram cost.png',
      contentType: 'image/png' as const,
      draw: async () => new Uint8Array(),
      title: 'Tram cost',
      alt: 'Tram cost by year',
    };
    const { message } = renderDiscord(reply([{ type: 'text', text: [{ text: 'Chart' }] }], { attachments: [chart] }), [
      new Uint8Array([137, 80, 78, 71]),
    ]);
    expect(message.files).toEqual([
      { attachment: Buffer.from([137, 80, 78, 71]), name: 'tram_cost.png', description: 'Tram cost by year' },
    ]);
    expect(message.embeds[0]!.image).toEqual({ url: 'attachment://tram_cost.png' });
  });

  it('renders an error as one escaped line', () => {
    const message = render(errorReply('bad-arguments', 'ask <question>: type a question'));
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]!.description).toBe('ask \\<question>: type a question');
  });

  it('shows the bot’s own code spans as code, not escaped like document text (issue 13.4)', () => {
    const message = render(
      reply([{ type: 'text', text: said('Nothing answers this. Try `sources` or *bold* <@1>.') }], {
        status: 'empty',
      }),
    );
    expect(message.embeds[0]!.description).toBe('Nothing answers this. Try `sources` or \\*bold\\* \\<@1>.');
    const error = render(errorReply('bad-arguments', 'The quote is missing: `/brief cite quote`.'));
    expect(error.embeds[0]!.description).toBe('The quote is missing: `/brief cite quote`.');
  });

  it('shows a backtick the user typed, quoted in a refusal, as a character, and the bot’s code spans as code', () => {
    const unknown = render(errorReply('unknown-command', `Unknown command ${typed('figur`s')} — try \`help\`.`));
    expect(unknown.embeds[0]!.description).toBe('Unknown command figur\\`s — try `help`.');
    const inCode = render(errorReply('unknown-command', `There is no \`${typed('tide`s')}\` command.`));
    expect(inCode.embeds[0]!.description).toBe('There is no `tide\u02cbs` command.');
  });

  it('cites the section heading as Slack does, in the same order (issue 13.6)', () => {
    const message = render(reply([excerptBlock('The tram costs 4 million.', { heading: 'Costs' })]));
    expect(message.embeds[0]!.description).toContain(
      '*Tram budget* · A. Writer, City Desk · 2026-03-01 · ¶4 of the document, in section “Costs”',
    );
  });

  it('names who shared the posted copy of an answer', () => {
    const { message } = renderDiscord(reply([excerptBlock('The tram.')]), [], {
      sharedBy: 'Asker',
    });
    expect(message.embeds[0]!.author).toEqual({ name: 'Shared by Asker' });
  });
});

describe('buttons', () => {
  it('round-trips custom ids within Discord’s 100 characters', () => {
    const [row] = replyButtons('0f7c1e9a-1234-4bcd-8e2f-1234567890ab', { share: 'offer', more: true, feedback: true });
    const ids = row!.components.map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(ids.map((id) => parseButtonId(id)?.action)).toEqual(['share', 'more', 'up', 'down']);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    expect(parseButtonId('brief:share:../../etc')).toBeUndefined();
  });

  it('offers only the buttons that mean something, and shows a used Share as a disabled "Shared"', () => {
    const labels = (rows: ReturnType<typeof replyButtons>) =>
      rows.flatMap((r) => r.components.map((b) => ('label' in b && b.label) || ('emoji' in b && b.emoji?.name)));
    expect(replyButtons('f', { more: false, feedback: false })).toEqual([]);
    expect(labels(replyButtons('f', { more: true, feedback: false }))).toEqual(['More results']);
    const [done] = replyButtons('f', { share: 'done', more: false, feedback: true });
    expect(done!.components[0]).toMatchObject({ label: 'Shared', disabled: true });
  });
});
