import { describe, expect, it } from 'vitest';
import {
  errorReply,
  markRanges,
  replyOf,
  said,
  type Citation,
  type Excerpt,
  type Reply,
} from '../../../src/answer/reply.js';
import { LIMITS, escapeMrkdwn, fitsSlack, renderSlack, type SlackMessage } from '../../../adapters/slack/render.js';
import { ACTIONS } from '../../../adapters/slack/buttons.js';
import { NARROWER_TOPIC } from '../../../src/answer/figures/reply.js';
import { typed } from '../../../src/errors.js';

const citation = (paragraph = 2, over: Partial<Citation> = {}): Citation => ({
  source: 'harbour.md',
  title: 'Harbour report',
  author: 'Ann Lee',
  publisher: 'Port Gazette',
  date: '2024-03-01',
  paragraph,
  ...over,
});

const excerpt = (text: Excerpt['text'], paragraph = 2): Excerpt => ({
  text,
  citation: citation(paragraph),
  figures: [],
  score: 1,
});

/** An answer found in the corpus, unless `over` says otherwise. */
const reply = (over: Partial<Reply>): Reply => replyOf('harbour dredging', [], { isAnswer: true, ...over });

/** An answer of one excerpt of `text`, cited as `cited`. */
const excerptReply = (text: Excerpt['text'], cited = citation()): Reply =>
  reply({ blocks: [{ type: 'excerpt', excerpt: { ...excerpt(text), citation: cited } }] });

/** The More results button under a message, if it has one. */
const moreButton = (message: SlackMessage) =>
  message.blocks
    .flatMap((b) => (b.type === 'actions' ? (b.elements as { action_id: string; value: string }[]) : []))
    .find((b) => b.action_id === ACTIONS.more);

/** Every mrkdwn string in a message, wherever Block Kit keeps it. */
function texts(message: SlackMessage): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (typeof n.text === 'string') out.push(n.text);
      Object.values(n).forEach(walk);
    }
  };
  walk(message.blocks);
  return out;
}

const sentence = (i: number) =>
  `Sentence ${i} of the long paragraph says the dredging went on for many weeks and cost more than planned.`;

describe('renderSlack', () => {
  it('quotes each excerpt with its matched words in bold and its citation in a context block', () => {
    const message = renderSlack(
      excerptReply([{ text: 'The ' }, { text: 'dredging', strong: true }, { text: ' cost €4m.' }]),
    );
    const quote = message.blocks.find((b) => b.type === 'section' && b.text?.text.startsWith('> '));
    expect(quote).toMatchObject({ text: { type: 'mrkdwn', text: '> The *dredging* cost €4m.' } });
    const cite = message.blocks[message.blocks.indexOf(quote!) + 1];
    expect(cite).toMatchObject({ type: 'context' });
    expect(JSON.stringify(cite)).toContain('“Harbour report” · Ann Lee, Port Gazette · 2024-03-01 · ¶2');
  });

  it('writes a member as Slack’s mention, and anything but a Slack user id as text, inert', () => {
    const listed = (member: string) =>
      texts(
        renderSlack(replyOf('Digest', [{ type: 'text', text: [{ text: 'set up by ' }, { text: member, member }] }])),
      );
    expect(listed('U0ANA')).toContain('set up by <@U0ANA>');
    expect(listed('W0ANA')).toContain('set up by <@W0ANA>');
    expect(listed('U1> <!channel')).toContain('set up by U1&gt; &lt;!channel');
  });

  it('keeps the spaces around a bold span outside the asterisks', () => {
    const message = renderSlack(
      excerptReply([{ text: 'the' }, { text: ' dredging ', strong: true }, { text: 'cost' }]),
    );
    expect(texts(message)).toContain('> the *dredging* cost');
  });

  it('takes an escaped &, < or > touching a bold span inside its asterisks: no entity is beside a marker', () => {
    const message = renderSlack(
      excerptReply([
        { text: 'Sold to ' },
        { text: 'Johnson', strong: true },
        { text: '&' },
        { text: 'Johnson', strong: true },
        { text: ' at <' },
        { text: '5 km', strong: true },
        { text: ' (>' },
        { text: '3%', strong: true },
        { text: '); R&D ' },
        { text: 'costs', strong: true },
        { text: '<>& paid, ' },
        { text: 'AT&T', strong: true },
        { text: ' & ' },
        { text: 'fees', strong: true },
      ]),
    );
    const quoted = texts(message).find((t) => t.startsWith('> '));
    expect(quoted).toBe(
      '> Sold to *Johnson&amp;Johnson* at *&lt;5 km* (*&gt;3%*); R&amp;D *costs&lt;&gt;&amp;* paid, ' +
        '*AT&amp;T* &amp; *fees*',
    );
  });

  it('escapes mentions, links and channel pings from documents and queries, in blocks and in the fallback text', () => {
    const hostile = '<!channel> @here <@U123> <https://evil.example|click> & more';
    const message = renderSlack(
      reply({ title: hostile, blocks: [{ type: 'excerpt', excerpt: excerpt([{ text: hostile }]) }] }),
    );
    for (const t of [...texts(message), message.text]) {
      expect(t).not.toMatch(/<!|<@|<https/);
      expect(t).not.toMatch(/@here/);
    }
    expect(message.text).toContain('&lt;!channel&gt;');
    expect(texts(message).join('\n')).toContain('&lt;https://evil.example|click&gt; &amp; more');
  });

  it('shows the title as typed, with no link, channel or mention Slack would make of it (verbatim)', () => {
    const [title] = renderSlack(reply({ title: 'fees at harbour.example/… for #general and @ann' })).blocks;
    expect(title).toMatchObject({ type: 'section', text: { type: 'mrkdwn', verbatim: true } });
  });

  it('breaks a mass mention a highlight marks, the mention whole inside the bold', () => {
    const text = 'The notice went to @everyone and @here on Monday';
    const at = text.indexOf('everyone');
    const shown = texts(renderSlack(excerptReply(markRanges(text, [[at, at + 8]]))));
    expect(shown.join('\n')).toContain('went to *@\u2060everyone* and @\u2060here on');
  });

  it('neutralises mrkdwn control characters and line breaks in source text', () => {
    expect(escapeMrkdwn('a *b* ~c~ ```code``` _d_ snake_case\nnext')).toBe('a ∗b∗ ∼c∼ ˋˋˋcodeˋˋˋ ˍdˍ snake_case next');
  });

  it('links a citation only to a plain web address', () => {
    const good = renderSlack(excerptReply([{ text: 'x' }], citation(1, { url: 'https://port.example/a?b=1&c=2' })));
    expect(texts(good).join()).toContain('<https://port.example/a?b=1&amp;c=2|“Harbour report”>');
    const bad = renderSlack(excerptReply([{ text: 'x' }], citation(1, { url: 'javascript:alert(1)|<!here>' })));
    expect(texts(bad).join()).not.toContain('javascript');
  });

  it('cuts an over-long excerpt at a sentence boundary with "…"', () => {
    const long = Array.from({ length: 60 }, (_, i) => sentence(i)).join(' ');
    const message = renderSlack(excerptReply([{ text: long }]));
    const quote = texts(message).find((t) => t.startsWith('> '))!;
    expect(quote.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(quote).toMatch(/planned\. …$/);
  });

  /** Forty excerpts of two sentences and five more results: more than one message holds. */
  const fortyExcerpts = () => {
    const blocks = Array.from({ length: 40 }, (_, i) => ({
      type: 'excerpt' as const,
      excerpt: excerpt([{ text: `${sentence(i)} ${sentence(i + 1)}` }], i + 1),
    }));
    return renderSlack(
      reply({ blocks, more: 5, next: { command: 'ask', args: { question: 'harbour dredging', offset: 40 } } }),
      { request: { t: 'harbour dredging' }, share: 'offer' },
    );
  };

  it('stays within 50 blocks and the total size, and says how many results were left out', () => {
    const message = fortyExcerpts();
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(JSON.stringify(message.blocks).length).toBeLessThanOrEqual(LIMITS.blocksChars);
    for (const t of texts(message)) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
    const shown = texts(message).filter((t) => t.startsWith('> ')).length;
    expect(shown).toBeGreaterThan(3);
    expect(shown).toBeLessThan(40);
    expect(texts(message).join('\n')).toContain(`${40 - shown + 5} more results not shown.`);
    expect(message.blocks.at(-1)).toMatchObject({ type: 'actions' });
  });

  it('moves More results back so that it shows the excerpts this message had no room for', () => {
    const message = fortyExcerpts();
    const shown = texts(message).filter((t) => t.startsWith('> ')).length;
    const more = (message.blocks.at(-1) as { elements: { action_id: string; value: string }[] }).elements.find(
      (b) => b.action_id === ACTIONS.more,
    )!;
    expect(JSON.parse(more.value)).toEqual({ c: 'ask', a: { question: 'harbour dredging', offset: shown } });
    expect(texts(message).join('\n')).toContain('Press *More results* to see them.');
  });

  it('stays under the total size with few but huge excerpts, shortening the last one that fits', () => {
    const huge = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const blocks = Array.from({ length: 8 }, (_, i) => ({
      type: 'excerpt' as const,
      excerpt: excerpt([{ text: huge }], i + 1),
    }));
    const message = renderSlack(reply({ blocks }));
    expect(JSON.stringify(message.blocks).length).toBeLessThanOrEqual(LIMITS.blocksChars);
    expect(texts(message).join('\n')).toMatch(/\d more results? not shown\./);
  });

  it('says whether a reply shows whole: not once an excerpt is shortened or left out (what a digest may post)', () => {
    // Each excerpt within a section's 3,000 characters; eight of them beyond a message's total.
    const huge = Array.from({ length: 25 }, (_, i) => sentence(i)).join(' ');
    const blocks = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ type: 'excerpt' as const, excerpt: excerpt([{ text: huge }], i + 1) }));
    expect(fitsSlack(reply({ blocks: blocks(1) }))).toBe(true);
    expect(fitsSlack(reply({ blocks: blocks(8) }))).toBe(false);
    expect(fitsSlack(reply({ blocks: blocks(1), more: 5 }))).toBe(true);
  });

  it('puts the request in compact JSON button values: share, more, and feedback', () => {
    const message = renderSlack(
      reply({ more: 2, next: { command: 'ask', args: { question: 'harbour', offset: 3 } } }),
      { request: { t: 'harbour' }, share: 'offer' },
    );
    const actions = message.blocks.find((b) => b.type === 'actions');
    const buttons = (actions as { elements: { action_id: string; value: string }[] }).elements;
    expect(buttons.map((b) => b.action_id)).toEqual([
      ACTIONS.share,
      ACTIONS.more,
      ACTIONS.feedbackUp,
      ACTIONS.feedbackDown,
    ]);
    expect(JSON.parse(buttons[1]!.value)).toEqual({ c: 'ask', a: { question: 'harbour', offset: 3 } });
    expect(buttons[0]!.value).toBe('{"t":"harbour"}');
  });

  it('offers no Share button on an answer that is already public', () => {
    const message = renderSlack(reply({}), { request: { t: 'harbour' }, share: undefined });
    expect(JSON.stringify(message.blocks)).not.toContain(ACTIONS.share);
    expect(JSON.stringify(message.blocks)).toContain(ACTIONS.feedbackUp);
  });

  it('shows an error as one escaped line without buttons', () => {
    const message = renderSlack(
      replyOf('x', [], { status: 'error', error: { code: 'bad-arguments', message: 'no <!here> command' } }),
      { request: { t: 'x' }, share: 'offer' },
    );
    expect(message.blocks).toHaveLength(1);
    expect(message.text).toBe('no &lt;!here&gt; command');
  });

  it('says why a private answer shows no chart and that Share posts it, before the chart’s alt text', () => {
    const chart = {
      name: 'chart.png',
      contentType: 'image/png' as const,
      draw: async () => new Uint8Array([1]),
      title: 'Cost',
      alt: 'Cost by year',
    };
    expect(
      texts(renderSlack(reply({ attachments: [chart] }), { request: { t: 'x' }, share: 'offer' })).join(),
    ).toContain(
      ':bar_chart: Slack shows no chart in a message only you can see; *Share in channel* posts it with the answer: ' +
        'Cost by year',
    );
    expect(texts(renderSlack(reply({ attachments: [chart] }), { chartUploaded: true })).join()).not.toContain(
      'Cost by year',
    );
  });

  it('shows figures and disagreements bold, with the sentence and citation of each', () => {
    const item = (text: string, paragraph: number) => ({
      text,
      measure: 'dredging cost',
      when: '2023',
      sentence: [{ text: 'The dredging cost ' }, { text, strong: true }, { text: ' in 2023.' }],
      citation: citation(paragraph),
    });
    const message = renderSlack(
      reply({
        blocks: [
          { type: 'figures', title: 'Key figures', items: [item('€4m', 1)] },
          { type: 'disagreement', title: 'Sources differ on dredging cost', items: [item('€4m', 1), item('€5m', 7)] },
        ],
      }),
    );
    const all = texts(message).join('\n');
    expect(all).toContain(
      '*Key figures*\n• *€4m* (2023): “The dredging cost *€4m* in 2023.” — ' +
        '“Harbour report” · Ann Lee, Port Gazette · 2024-03-01 · ¶1',
    );
    expect(all).toContain('*Sources differ on dredging cost*\n• *€4m* (2023)');
    expect(all).toContain('*€5m*');
    expect(all).toContain('¶7');
  });

  it("names a figure's table row beside its time, which tells the rows of one column apart", () => {
    const text = 'class: Yoga — price: £8 (2025-26)';
    const item = {
      text: '£8',
      measure: 'price',
      row: 'Yoga',
      when: '2025-26',
      sentence: [{ text }],
      citation: citation(),
    };
    const all = texts(renderSlack(reply({ blocks: [{ type: 'figures', title: 'price', items: [item] }] }))).join('\n');
    expect(all).toContain(`*price*\n• *£8* (Yoga, 2025-26): “${text}”`);
  });

  it('cuts the sentence of a figure too long for a section, never its citation', () => {
    const long = Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ');
    const item = { text: '€4m', sentence: [{ text: '€4m', strong: true }, { text: ` was the cost. ${long}` }] };
    const message = renderSlack(
      reply({ blocks: [{ type: 'figures', title: 'Key figures', items: [{ ...item, citation: citation(3) }] }] }),
    );
    for (const t of texts(message)) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
    const line = texts(message).find((t) => t.includes('• *€4m*'))!;
    expect(line).toMatch(/ …” — “Harbour report” · Ann Lee, Port Gazette · 2024-03-01 · ¶3$/);
  });

  it('cuts a long title, author list, publisher and section in a citation, so the figure and its link show', () => {
    const authors = Array.from({ length: 120 }, (_, i) => `Ferry Researcher Number ${i}`).join(', ');
    const long = citation(3, {
      title: 'A ferry report with a very long title '.repeat(40),
      author: authors,
      publisher: 'The Harbour Board of the Northern Estuary Ports '.repeat(5),
      heading: 'Costs of the crossing '.repeat(10),
      url: 'https://port.example/report',
    });
    const item = { text: '€4m', sentence: [{ text: '€4m', strong: true }, { text: ' was the cost.' }], citation: long };
    const message = renderSlack(reply({ blocks: [{ type: 'figures', title: 'Key figures', items: [item] }] }));
    const line = texts(message).find((t) => t.includes('• *€4m*'))!;
    expect(line.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(line).toMatch(
      /\n• \*€4m\*: “\*€4m\* was the cost\.” — <https:\/\/port\.example\/report\|“A ferry report .+ …”> · /,
    );
    expect(line).toContain('Ferry Researcher Number 1, ');
    expect(line).not.toContain('Ferry Researcher Number 119');
    expect(line).toMatch(/ · ¶3 of the document, in section “Costs of the crossing .* …”$/);
  });

  it('keeps a figure deep inside a sentence too long for a section in view, cutting around it', () => {
    const clause = (i: number) => `the ferry on crossing ${i} carried walkers and their dogs`;
    const before = Array.from({ length: 80 }, (_, i) => clause(i)).join(', ');
    const sentence = [
      { text: `Across the summer ${before}, and in August alone it took ` },
      { text: '12,400 passengers', strong: true },
      { text: ` over the estuary, ${Array.from({ length: 20 }, (_, i) => clause(i)).join(', ')}.` },
    ];
    const message = renderSlack(
      reply({
        blocks: [
          {
            type: 'figures',
            title: 'Key figures',
            items: [{ text: '12,400 passengers', sentence, citation: citation(5) }],
          },
        ],
      }),
    );
    const line = texts(message).find((t) => t.startsWith('• *12,400 passengers*'))!;
    expect(line.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(line).toContain('in August alone it took *12,400 passengers* over the estuary');
    // Cut before the figure, between words, with room for all that follows it, so only its beginning is marked.
    expect(line).toMatch(/: “… [a-z]+, .* crossing 19 carried walkers and their dogs\.” — “Harbour report” · /);
    expect(line).toMatch(/” — “Harbour report” · Ann Lee, Port Gazette · 2024-03-01 · ¶5$/);
  });

  it('says how to see figures left out for want of room, a narrower topic, since figures do not page', () => {
    const clause = (i: number) => `the ferry on crossing ${i} carried walkers and their dogs`;
    const sentence = (n: number) => [
      { text: `${n.toLocaleString('en')} passengers`, strong: true },
      { text: ` crossed, as ${Array.from({ length: 40 }, (_, i) => clause(i)).join(', ')}.` },
    ];
    const blocks = Array.from({ length: 8 }, (_, i) => ({
      type: 'figures' as const,
      title: `ferry passengers on route ${i + 1}`,
      items: [{ text: `${1000 + i} passengers`, sentence: sentence(1000 + i), citation: citation(i + 1) }],
    }));
    const message = renderSlack(reply({ blocks, leftOutHint: NARROWER_TOPIC }), { request: { t: 'x' } });
    expect(JSON.stringify(message.blocks).length).toBeLessThanOrEqual(LIMITS.blocksChars);
    const shown = texts(message).filter((t) => t.includes('• *')).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(8);
    expect(texts(message)).toContain(
      `${8 - shown} more results not shown. Name a narrower topic (one measure, place or year) to see them.`,
    );
    const actions = message.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string }[] };
    expect(actions.elements.map((b) => b.action_id)).not.toContain(ACTIONS.more);
    // Nothing left out, nothing said.
    const one = renderSlack(reply({ blocks: blocks.slice(0, 1), leftOutHint: NARROWER_TOPIC }));
    expect(texts(one).join('\n')).not.toMatch(/not shown|narrower/);
  });

  it('splits a long list into sections that each fit', () => {
    const items = Array.from({ length: 80 }, (_, i) => [
      { text: `Document ${i}`, strong: true },
      { text: ' — a source with a fairly long description line' },
    ]);
    const message = renderSlack(reply({ blocks: [{ type: 'list', items }] }));
    expect(message.blocks.length).toBeGreaterThan(2);
    for (const t of texts(message)) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(texts(message).join('\n')).toContain('• *Document 79*');
  });

  it('shows as many items of a list too long for one message as fit, and counts the rest', () => {
    const items = Array.from({ length: 150 }, (_, i) => [
      { text: `Harbour bulletin ${i} on dredging, ferries and the quay works`, strong: true },
      { text: ` — Harbour Desk, Port Gazette, 2026-01-15 · 1 passage · https://example.org/bulletins/${i}` },
    ]);
    const message = renderSlack(reply({ isAnswer: false, blocks: [{ type: 'list', items }] }));
    const shown = texts(message).join('\n').match(/^• /gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(40);
    expect(texts(message)).toContain(`${150 - shown} more results not shown.`);
    expect(JSON.stringify(message.blocks).length).toBeLessThanOrEqual(LIMITS.blocksChars);
  });

  it('offers the rest of a list that pages (sources) as More results, from the first item not shown', () => {
    const items = Array.from({ length: 150 }, (_, i) => [
      { text: `Harbour bulletin ${i} on dredging, ferries and the quay works`, strong: true },
      { text: ` — Harbour Desk, Port Gazette, 2026-01-15 · 1 passage · https://example.org/bulletins/${i}` },
    ]);
    const rest = { command: 'sources', args: { offset: 160 } };
    const message = renderSlack(reply({ isAnswer: false, blocks: [{ type: 'list', items }], rest }));
    const shown = texts(message).join('\n').match(/^• /gm)?.length ?? 0;
    expect(texts(message)).toContain(`${150 - shown} more results not shown. Press *More results* to see them.`);
    const more = moreButton(message);
    expect(JSON.parse(more!.value)).toEqual({ c: 'sources', a: { offset: 10 + shown } });
    // A list shown whole has no more to offer.
    const whole = renderSlack(reply({ isAnswer: false, blocks: [{ type: 'list', items: items.slice(0, 3) }], rest }));
    expect(moreButton(whole)).toBeUndefined();
  });

  it('shows the bot’s own code spans as code and escapes the text around them (issue 13.4)', () => {
    const message = renderSlack(
      reply({
        status: 'empty',
        isAnswer: false,
        blocks: [{ type: 'text', text: said('Nothing answers this. Try `sources` or <!here> *now*.') }],
      }),
    );
    expect(texts(message).join('\n')).toContain(
      'Nothing answers this. Try `sources` or &lt;!here&gt; \u2217now\u2217.',
    );
    const error = renderSlack(errorReply('no-topics', 'Give topics, e.g. `/brief digest preview fentanyl`.'));
    expect(error.blocks[0]).toMatchObject({
      text: { text: ':warning: Give topics, e.g. `/brief digest preview fentanyl`.' },
    });
    expect(error.text).toBe('Give topics, e.g. `/brief digest preview fentanyl`.');
  });

  it('keeps input quoted inside a code span inert: no mention, no line break, no way out of the code', () => {
    const message = renderSlack(errorReply('unknown-command', 'There is no `<!channel> x` command.'));
    expect(message.text).toBe('There is no `&lt;!channel&gt; x` command.');
  });

  it('shows a backtick the user typed, quoted in a refusal, as a character, and the bot’s code spans as code', () => {
    const unknown = renderSlack(errorReply('unknown-command', `Unknown command ${typed('figur`s')} — try \`help\`.`));
    // mrkdwn has no escape for a backtick, so plain text shows its lookalike, as for a backtick in a document.
    expect(unknown.text).toBe('Unknown command figur\u02cbs — try `help`.');
    expect(texts(unknown)).toEqual([':warning: Unknown command figur\u02cbs — try `help`.']);
    const inCode = renderSlack(errorReply('unknown-command', `There is no \`${typed('tide`s')}\` command.`));
    expect(inCode.text).toBe('There is no `tide\u02cbs` command.');
  });

  it('offers Share and 👍/👎 only on an answer found in the corpus (issue 13.6)', () => {
    const request = { t: 'harbour' };
    const ids = (r: Reply) =>
      (
        renderSlack(r, { request, share: 'offer' }).blocks.find((b) => b.type === 'actions') as
          { elements: { action_id: string }[] } | undefined
      )?.elements.map((b) => b.action_id) ?? [];
    expect(ids(reply({}))).toEqual([ACTIONS.share, ACTIONS.feedbackUp, ACTIONS.feedbackDown]);
    for (const notAnswer of [
      reply({ isAnswer: false, title: 'Dossier: cited answers from your documents' }),
      reply({ isAnswer: undefined, title: 'Sources in the corpus' }),
      reply({ status: 'empty', isAnswer: false }),
    ])
      expect(ids(notAnswer)).toEqual([]);
    expect(ids(reply({ isAnswer: false, more: 2, next: { command: 'ask', args: { offset: 3 } } }))).toEqual([
      ACTIONS.more,
    ]);
  });

  it('says an answer was shared instead of offering Share again, and names who shared the posted copy', () => {
    const done = renderSlack(reply({}), { request: { t: 'harbour' }, share: 'done' });
    expect(JSON.stringify(done.blocks)).not.toContain(ACTIONS.share);
    expect(texts(done)).toContain('Shared in the channel.');
    const posted = renderSlack(reply({}), { request: { t: 'harbour' }, sharedBy: 'ann <@U1>' });
    expect(texts(posted)).toContain('Shared by ann &lt;@U1&gt;');
    expect(JSON.stringify(posted.blocks)).not.toContain(ACTIONS.share);
  });

  it('cites the section heading, in the order every surface uses', () => {
    const message = renderSlack(excerptReply([{ text: 'The dredging cost €4m.' }], citation(2, { heading: 'Costs' })));
    expect(texts(message).join('\n')).toContain(
      '“Harbour report” · Ann Lee, Port Gazette · 2024-03-01 · ¶2 of the document, in section “Costs”',
    );
  });
});
