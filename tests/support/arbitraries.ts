import fc from 'fast-check';
import type { Citation, Excerpt, FigureItem, Reply, ReplyBlock, RichText } from '../../src/answer/reply.js';
import { note } from './corpus.js';

/**
 * Shared inputs for the property-based tests: text a user or a document might hold that tries to
 * ping, link, break layout or confuse the terminal. Every property runs with FUZZ_SEED so a failure
 * reproduces; set FUZZ_SEED in the environment to explore other inputs locally.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261123);

export const fuzz = (numRuns: number) => ({ seed: FUZZ_SEED, numRuns });

/** Mention, link and formatting syntax of Slack (mrkdwn, Block Kit) and Discord (Markdown). */
export const MARKUP = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0123|team>',
  '<@U123>',
  '<@U123|bob>',
  '<#C123|general>',
  '<!date^1392734382^{date}|Feb 18>',
  '<https://evil.example|click>',
  '<mailto:a@evil.example|mail>',
  '<javascript:alert(1)|x>',
  '@everyone',
  '@here',
  '@channel',
  '@EVERYONE',
  '@Here',
  '@everyone_',
  '@@here',
  '<@123>',
  '<@!123>',
  '<@&123>',
  '<#123>',
  '<t:1700000000:R>',
  '</brief ask:123>',
  '<:emoji:123>',
  '<a:dance:456>',
  '[x](https://evil.example)',
  '[click](<https://evil.example>)',
  '![img](https://evil.example/a.png)',
  '`',
  '```',
  '```js\ncode\n```',
  '*bold*',
  '**b**',
  '_it_',
  '__u__',
  '~~s~~',
  '~s~',
  '||spoiler||',
  '> quote',
  '>>> all quoted',
  '# heading',
  '## h2',
  '-# subtext',
  '- item',
  '+ item',
  '1. item',
  '1) item',
  '&amp;',
  '&lt;',
  '&gt;',
  '&#60;',
  '&',
  '<',
  '>',
  '|',
  '\\',
  '\\<@123>',
  '\\\\<@123>',
  ':warning:',
  '\u200b@everyone',
] as const;

/** Characters that control terminals, break lines, or are not what they look like. */
export const AWKWARD = [
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\u0000',
  '\u0007',
  '\u0008',
  '\u001b[31m',
  '\u001b]0;title\u0007',
  '\u007f',
  '\u0085',
  '\u009b2J',
  '\u200b',
  '\u200d',
  '\u2028',
  '\u2029',
  '\u202e',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  'é',
  'e\u0301',
  'İ',
  'ß',
  'ﬁ',
  'Ⅻ',
  '٣',
  '𝒳',
  '👍🏽',
  '👨‍👩‍👧',
  '中文',
  'ﷺ',
  'ǅ',
  'ς',
  '½',
  '²',
  '…',
  '“',
  '”',
  '’',
] as const;

/** Words of the hostile corpus (below), so queries find passages and excerpts quote hostile text. */
export const VOCAB = [
  'harbour',
  'dredging',
  'cost',
  'million',
  'council',
  'tram',
  'budget',
  'channel',
  'everyone',
  'here',
  'said',
  'how',
  'much',
  'many',
  'the',
  'in',
  '2019',
  '2021',
  '4.2',
  '$4 million',
  '45%',
  'U.S.',
  'Mérida',
  'what',
  'who',
  'why',
  'Canada',
  'ferry',
  'lights',
  'deaths',
  'rose',
  'fell',
] as const;

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 3, arbitrary: fc.constantFrom(...VOCAB) },
  { weight: 2, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '  ', '. ', ', ', '? ') },
);

/** Mixed markup, control characters, odd Unicode and corpus words, usually short, sometimes empty. */
export const hostileText = (maxFragments = 12): fc.Arbitrary<string> =>
  fc.array(fragment, { maxLength: maxFragments }).chain((parts) => fc.constantFrom(parts.join(''), parts.join(' ')));

/** Hostile text, blank text, or very long text (one fragment repeated up to `maxLength` characters). */
export const anyInput = (maxLength = 6000): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: hostileText() },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\t \r\n', '\u3000') },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileText(3), fc.integer({ min: 1, max: maxLength }))
        .map(([s, n]) => (s || 'x').repeat(n).slice(0, maxLength)),
    },
  );

/**
 * Rich text with hostile words in every span. Code spans are the bot's own and never hold input,
 * but a few do here, so that a mistake in the core that put input in one would still be inert.
 */
const richText: fc.Arbitrary<RichText> = fc.array(
  fc
    .record({
      text: anyInput(4000),
      kind: fc.constantFrom<'plain' | 'strong' | 'code'>('plain', 'plain', 'strong', 'code'),
    })
    .map(({ text, kind }) => (kind === 'plain' ? { text } : { text, [kind]: true })),
  { maxLength: 5 },
);

const url = fc.oneof(
  fc.constantFrom(
    'https://news.example/a?b=1&c=2',
    'http://x.example/(1) <2>',
    'javascript:alert(1)',
    'https://evil.example/|<!channel>',
    'https://x.example/@everyone',
    'not a url',
    '',
  ),
  fc.webUrl(),
  hostileText(3),
);

const citation: fc.Arbitrary<Citation> = fc.record(
  {
    source: hostileText(3),
    title: anyInput(600),
    author: hostileText(4),
    publisher: hostileText(4),
    date: hostileText(2),
    paragraph: fc.integer({ min: 0, max: 100_000 }),
    heading: hostileText(4),
    url,
  },
  { requiredKeys: ['source', 'title', 'paragraph'] },
);

const figureItem: fc.Arbitrary<FigureItem> = fc.record(
  { text: hostileText(3), measure: hostileText(3), when: hostileText(2), sentence: richText, citation },
  { requiredKeys: ['text', 'sentence', 'citation'] },
);

const excerpt: fc.Arbitrary<Excerpt> = fc.record(
  {
    text: richText,
    context: anyInput(500),
    citation,
    figures: fc.array(figureItem, { maxLength: 4 }),
    score: fc.double({ noNaN: true }),
  },
  { requiredKeys: ['text', 'citation', 'figures', 'score'] },
);

const block: fc.Arbitrary<ReplyBlock> = fc.oneof(
  { weight: 1, arbitrary: richText.map((text) => ({ type: 'text' as const, text })) },
  { weight: 4, arbitrary: excerpt.map((e) => ({ type: 'excerpt' as const, excerpt: e })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ title: hostileText(4), items: fc.array(figureItem, { maxLength: 30 }) })
      .map((f) => ({ type: 'figures' as const, ...f })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ title: hostileText(4), items: fc.array(figureItem, { maxLength: 6 }) })
      .map((f) => ({ type: 'disagreement' as const, ...f })),
  },
  { weight: 1, arbitrary: fc.array(richText, { maxLength: 60 }).map((items) => ({ type: 'list' as const, items })) },
);

/** Any Reply the core could build, with hostile text in every field a document or user can fill. */
export const anyReply: fc.Arbitrary<Reply> = fc
  .record({
    title: anyInput(1000),
    status: fc.constantFrom('ok', 'empty', 'error'),
    blocks: fc.array(block, { maxLength: 12 }),
    attachments: fc.array(
      fc.record({ name: hostileText(3), title: anyInput(300), alt: anyInput(2000) }).map(({ name, title, alt }) => ({
        name,
        title,
        alt,
        contentType: 'image/png' as const,
        draw: async () => new Uint8Array([137, 80, 78, 71]),
      })),
      { maxLength: 2 },
    ),
    more: fc.nat(1000),
    offset: fc.option(fc.nat(1000), { nil: undefined }),
    question: anyInput(500),
    errorMessage: anyInput(600),
    isAnswer: fc.boolean(),
  })
  .map(({ status, offset, question, errorMessage, ...rest }): Reply => ({
    ...rest,
    status,
    ...(rest.more > 0
      ? { next: { command: 'ask', args: offset === undefined ? { question } : { question, offset } } }
      : {}),
    ...(status === 'error' ? { error: { code: 'bad-arguments', message: errorMessage } } : {}),
  }));

/**
 * A small corpus whose documents are full of markup (my own writing, not the seeds): mentions and
 * links in titles, authors, headings, URLs and body text, with figures and a series over years,
 * so that ask, cite and figures quote hostile text into every renderer.
 */
export const HOSTILE_CORPUS: Record<string, string> = {
  'harbour.md': [
    '---',
    'title: "Harbour <!channel> dredging @everyone [x](https://evil.example)"',
    'author: "<@U123> *Bold* Writer"',
    'publisher: "<https://evil.example|Port Gazette> & Co"',
    'date: 2021-06-04',
    'url: https://port.example/dredging?a=1&b=<2>',
    '---',
    '',
    'The harbour dredging cost $4 million in 2019, said <@U123> to @everyone and @here.',
    '',
    '## Costs <!here> `code`',
    '',
    'In 2020 the harbour dredging cost $5 million; in 2021 it cost $6 million <https://evil.example|click>.',
    '',
    'The council budget rose 45% as [click](https://evil.example) ~~struck~~ ||spoiler|| <t:1700000000:R> _it_.',
    '',
    '- <#C123> the tram budget was 4.2 million in 2019',
    '- @channel the ferry lights cost 3 million',
    '',
    '> Quoted *harbour* text with <@&123> and <!subteam^S1|team> and \\<@123>.',
  ].join('\n'),
  'tram.txt': [
    'Tram <@U999> Budget @here',
    '',
    'By EVIL <!EVERYONE> WRITER',
    '',
    'The tram budget was $2 million in 2019 and 3 million in 2021 according to the council <!channel>.',
    '',
    '1. Deaths rose to 1,200 in 2019 @everyone *now* `rm -rf` </brief ask:1> & more.',
    '',
    '# Heading text [link](javascript:alert(1)) with U.S. and Mérida harbour dredging money.',
  ].join('\n'),
  'notes.md': note(
    '<https://evil.example|Spoofed title> @everyone',
    'Canada said the harbour cost 7 million in 2018 <!here>, a figure the ' +
      'council disputed at length in its spring meeting, where members asked ' +
      'why the dredging ran over budget again and who would pay for the ' +
      '\u001b[31mred ink.',
  ),
  'page.html':
    '<html><head><title>Page &lt;!channel&gt; @here</title><meta ' +
    'name="author" content="&lt;@U1&gt;"></head><body><article><h1>Ferry ' +
    '&lt;@U1&gt;</h1>' +
    '<p>The ferry lights cost 8 million in 2020 &lt;!channel&gt; @everyone [x](https://evil.example) **bold**.</p>' +
    '<p>The harbour council said the ferry budget fell 10% in 2021 ' +
    '&lt;https://evil.example|click&gt;.</p></article></body></html>',
};
