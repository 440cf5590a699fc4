import { describe, expect, it } from 'vitest';
import { cite, citeReply, quotedSpan, withoutChatFrame } from '../../src/answer/cite.js';
import { quoteWords } from '../../src/answer/quote-words.js';
import { plain } from '../../src/answer/reply.js';
import { corpusForSuite, note, withCorpus } from '../support/corpus.js';

const SLOGANS = note(
  'Slogans',
  'The president summed up his approach in four words. “Abrazos, no ' +
    'balazos” became the slogan of his government.\n\nCritics said the ' +
    'policy left the cartels unchecked.',
);

const dossier = corpusForSuite({
  'slogans.md': SLOGANS,
  'corruption.md': note(
    'Corruption',
    'Observers rank it among the world’s most corrupt countries. The U.S. embassy declined to comment.',
  ),
  'reform.md': note(
    'Reform',
    'The Peña Nieto government intended to build a unified police command in ' +
      'every state and large city. Congress never passed the law.',
  ),
});

describe('cite', () => {
  it('finds an exact quote and returns the original sentence', () => {
    const [best] = cite(dossier(), 'Congress never passed the law.').results;
    expect(best?.passage.source).toBe('reform.md');
    expect(plain(best!.excerpt.text)).toContain('Congress never passed the law.');
  });

  it('reads a quote without the chat markup that addresses people, inside or around its quote marks', () => {
    const [plainQuote] = cite(dossier(), 'Congress never passed the law.').results;
    for (const typed of [
      '<!channel> Congress never passed the law. <@U123|ann> <@U456>',
      '<@U123> said “Congress never passed <!here> the law” — true?',
    ]) {
      const [best] = cite(dossier(), typed).results;
      expect(best?.passage.source).toBe('reform.md');
      expect(best?.score).toBe(plainQuote!.score);
    }
  });

  it("reads a link's label as the quote, and no address as part of one", () => {
    const [plainQuote] = cite(dossier(), 'Congress never passed the law.').results;
    // Shown back short: a link by its label, else its site.
    for (const [typed, shown] of [
      ['[Congress never passed the law.](https://example.org/reform)', 'Congress never passed the law.'],
      ['https://example.org/a Congress never passed the law.', 'example.org/… Congress never passed the law.'],
    ]) {
      const answer = cite(dossier(), typed!);
      expect(answer.results[0]?.score, typed).toBe(plainQuote!.score);
      expect(answer.query).toBe(shown);
    }
  });

  it('echoes the quote it read without the gaps the markup left, found or not (a reply title Slack makes bold)', () => {
    expect(cite(dossier(), '<@U123|Ann> said “Congress never passed the law”  <!here>').query).toBe(
      '@Ann said “Congress never passed the law”',
    );
    expect(cite(dossier(), '@everyone   zebra <@U1> quantum').query).toBe('zebra @someone quantum');
  });

  it('forgives a typo, straight quotes and a missing accent', () => {
    const [best] = cite(dossier(), '"Abrazos, no balasos" became the slogan').results;
    expect(best?.passage.source).toBe('slogans.md');
    expect(plain(best!.excerpt.text)).toContain('“Abrazos, no balazos” became the slogan of his government.');
    expect(
      cite(dossier(), 'the Pena Nieto government intended to build a unified police command').results[0]?.passage
        .source,
    ).toBe('reform.md');
  });

  it('forgives a changed word', () => {
    expect(
      cite(dossier(), 'The Peña Nieto government wanted to build a unified police command in every state').results[0]
        ?.passage.source,
    ).toBe('reform.md');
  });

  it('cites title, author, publisher, date and paragraph', () => {
    const [best] = cite(dossier(), 'Critics said the policy left the cartels unchecked').results;
    expect(best?.excerpt.citation).toMatchObject({
      title: 'Slogans',
      author: 'Test Desk',
      publisher: 'Dossier Tests',
      date: '2026-01-15',
      paragraph: 2,
    });
  });

  it('returns nothing for a quote the corpus does not hold', () => {
    expect(cite(dossier(), 'It was the best of times, it was the worst of times').results).toEqual([]);
  });

  it('finds a quote of common words that matches word for word', () => {
    expect(cite(dossier(), 'Congress never passed the law').results[0]?.passage.source).toBe('reform.md');
  });

  it('marks the quoted words whole, as phrases, never a letter inside a word (issue 13.7)', () => {
    const [best] = cite(dossier(), 'one of the world’s most corrupt countries').results;
    const marked = best!.excerpt.text.filter((s) => s.strong).map((s) => s.text);
    expect(marked).toEqual(['the world’s most corrupt countries']);
    const [embassy] = cite(dossier(), 'The U.S. embassy declined to comment').results;
    const strong = embassy!.excerpt.text.filter((s) => s.strong).map((s) => s.text);
    expect(strong.join(' ')).toContain('embassy declined to comment');
    for (const word of strong) expect(word).not.toMatch(/^(s|S|’s)$/);
  });

  it('looks up the quoted span of chat text, curly or straight, and falls back to the whole text', () => {
    const chat = (quote: string) =>
      `Interesting point from the hearing — ${quote} Do we know if that happened? Anyone?`;
    for (const quote of [
      '“The Peña Nieto government intended to build a unified police command in every state.”',
      '"The Pena Nieto government intended to build a unified police command in every state."',
      '“The Peña Nieto government intended … a unified police command …”',
    ])
      expect(cite(dossier(), chat(quote)).results[0]?.passage.source, quote).toBe('reform.md');
    expect(
      cite(dossier(), 'the government intended to build a unified police command').results[0]?.passage.source,
    ).toBe('reform.md');
    expect(quotedSpan('he said "Abrazos, no balazos" twice')).toBe('Abrazos, no balazos');
    expect(quotedSpan("it's the government's plan")).toBeUndefined();
  });

  it('finds a quote across a full stop whole: it is compared with runs of windowSentences sentences', async () => {
    const quote = 'summed up his approach in four words. Abrazos, no balazos became the slogan';
    const [across] = cite(dossier(), quote).results;
    expect(plain(across!.excerpt.text)).toContain('in four words. “Abrazos, no balazos” became the slogan');
    const oneSentence = { ranking: { cite: { windowSentences: 1 } } };
    await withCorpus(
      { 'slogans.md': SLOGANS },
      (dossier) => expect(cite(dossier, quote).results[0]?.score ?? 0).toBeLessThan(across!.score),
      oneSentence,
    );
  });

  it('reads numbers written as words as digits', async () => {
    await withCorpus(
      { 'a.md': note('Transfers', 'The state sent 10 to 20 prisoners north in March.') },
      async (numbers) => {
        expect(cite(numbers, 'sent ten to twenty prisoners north').results[0]?.passage.source).toBe('a.md');
      },
    );
  });

  it('reads a number written any way as the same number, so the quote loses no word to how it was typed', async () => {
    const lines = [
      'The orchard shipped 45,000 crates of pears and 1.2 billion seeds in ninety-five days.',
      'About 2.5 times as many walkers crossed the bridge, some 130 per cent of the forecast.',
      'Six hundred and twelve volunteers planted 3,400,000 trees along the river.',
    ];
    const retyped = [
      'The orchard shipped 45 thousand crates of pears and 1.2bn seeds in 95 days.',
      'About two and a half times as many walkers crossed the bridge, some 130% of the forecast.',
      '612 volunteers planted 3.4 million trees along the river.',
      'The orchard shipped 45k crates of pears and 1,200,000,000 seeds in ninety five days.',
    ];
    await withCorpus(
      Object.fromEntries(lines.map((text, i) => [`${i}.md`, note(`Line ${i}`, text)])),
      async (numbers) => {
        for (const [i, quote] of retyped.entries()) {
          const [best] = cite(numbers, quote).results;
          expect(best?.passage.source, quote).toBe(`${i % 3}.md`);
          // Every word found: only how much of the sentence the quote leaves out keeps it from a perfect score.
          expect(best?.score, quote).toBeGreaterThan(0.99);
        }
      },
    );
  });

  it('keeps a long number as typed and reads no number into a year, a list or a lone "and"', () => {
    expect(quoteWords('parcel 1234567890123 left in 2017 and a half century later')).toEqual(
      'parcel 1234567890123 left in 2017 and a half century later'.split(' '),
    );
    expect(quoteWords('rows 1,2,3 and 200 and five more, 007 and 3.40')).toEqual([
      'rows',
      '1',
      '2',
      '3',
      'and',
      '200',
      'and',
      '5',
      'more',
      '007',
      'and',
      '3.40',
    ]);
    expect(quoteWords('Two hundred and five thousand, 2 and a half, ninety-nine, one hundred')).toEqual([
      '205000',
      '2.5',
      '99',
      '100',
    ]);
    expect(quoteWords('thousands of hundreds, a million')).toEqual(['thousands', 'of', 'hundreds', 'a', 'million']);
  });

  it('reads a dotted version as one word, with or without its "v", as the search reads it', async () => {
    expect(quoteWords('We rolled back to v4.1.7 at 15:06.')).toEqual(quoteWords('we rolled back to 4.1.7 at 15:06'));
    expect(quoteWords('rolled back to V4.1.7')).toEqual(['rolled', 'back', 'to', '4.1.7']);
    await withCorpus(
      {
        'postmortem.md': note(
          'Postmortem',
          'The team rolled back to v4.1.7 at 15:06 and logins recovered.\n\nVersion 4.1 had shipped in January.',
        ),
      },
      (dossier) => {
        const [best] = cite(dossier, 'the team rolled back to 4.1.7 at 15:06 and logins recovered').results;
        expect(best?.passage.id).toBe('postmortem.md#1');
        expect(best?.score).toBeGreaterThan(0.99);
      },
    );
  });
});

describe('cite, a compound written apart, with a hyphen or as one word', () => {
  const town = corpusForSuite({
    'roofs.md': note('Roofs', 'The new library has a multi-layered roof that keeps the reading room cool in summer.'),
    'choir.md': note('Choir', 'The choir rehearses in a multipurpose hall behind the station on Thursdays.'),
    'bridge.md': note('Bridge', 'Engineers inspected the cross border rail bridge after the storm last winter.'),
  });

  it.each([
    ['roofs.md', 'the new library has a multilayered roof that keeps the reading room cool in summer'],
    ['choir.md', 'the choir rehearses in a multi-purpose hall behind the station on Thursdays'],
    ['choir.md', 'the choir rehearses in a multi purpose hall behind the station on Thursdays'],
    ['bridge.md', 'engineers inspected the crossborder rail bridge after the storm last winter'],
    ['bridge.md', 'engineers inspected the cross-border rail bridge after the storm last winter'],
  ])('finds %s from "%s" as if typed as the text has it, and marks every word of it', (source, quote) => {
    const [best] = cite(town(), quote).results;
    expect(best?.passage.source).toBe(source);
    expect(best?.score).toBe(1);
    const unmarked = best!.excerpt.text.filter((s) => !s.strong).map((s) => s.text);
    expect(unmarked.join('')).not.toMatch(/\p{L}/u);
  });
});

describe('cite, a compound written one way in the quote and another in the text, beside its parts', () => {
  const clinic = corpusForSuite({
    'staff.md': note(
      'Staff',
      'Healthcare workers said the health of the staff came first, and the care of patients second. ' +
        'The board said a new agreement would follow.',
    ),
    'harbour.md': note('Harbour', 'Boats were tied up in the harbour all winter, said the harbour master.'),
    'dock.md': note('Dock', 'Ferries were tied up at the dock all winter, said the dock master.'),
  });

  it('matches two words of the quote with the one word the text writes, not each with the same word elsewhere', () => {
    const asWritten = cite(clinic(), 'healthcare workers said the health of the staff came first').results[0];
    const [apart] = cite(clinic(), 'health care workers said the health of the staff came first').results;
    expect(apart?.passage.source).toBe('staff.md');
    expect(apart?.score).toBe(asWritten?.score);
    // Two words of which the text has one alone ("said a" for "said", "a new" for "new") are no compound of it.
    expect(cite(clinic(), 'the board said a new agreement would follow').results[0]?.score).toBe(1);
  });

  it.each(['harbourmaster', 'the harbourmaster', 'said the harbourmaster'])(
    'finds "%s" where the text writes the compound as two words',
    (quote) => {
      const [best, ...rest] = cite(clinic(), quote).results;
      expect(best?.passage.source).toBe('harbour.md');
      expect(rest).toEqual([]);
    },
  );
});

describe('cite, a quote typed in chat without quote marks', () => {
  const park = corpusForSuite({
    'garden.md': note(
      'Garden',
      'The walled garden opens at nine. Visitors must not bring dogs, bicycles or scooters into the walled garden at ' +
        'any time. The café closes at four.',
    ),
    'lake.md': note('Lake', 'Rowing boats can be hired on the lake from April to September, weather allowing.'),
    'shop.md': note(
      'Shop',
      'The shop sells seeds, maps and gifts, and can find you a guide for a group of ten or more.',
    ),
  });

  it.each([
    ['garden.md', 'can you find where it says visitors cant bring dogs or scooters into the garden or something'],
    [
      'garden.md',
      'someone told me the leaflet says that visitors cannot bring dogs or bicycles into the garden - where is it from',
    ],
    ['lake.md', 'rowing boats can be hired on the lake from april. Do we know if that is still true?'],
  ])('finds %s from "%s", read without the chat that asks for it', (source, typed) => {
    const [best] = cite(park(), typed).results;
    expect(best?.passage.source).toBe(source);
  });

  it.each([
    ['can u find where it says you cant drive after the test', 'you cant drive after the test'],
    ['Could someone please show me the bit that says fares rise in May?', 'fares rise in May?'],
    ['wait, is it really true that the bridge reopens in June', 'the bridge reopens in June'],
    ['someone at work told me our minutes say that the vote was unanimous', 'the vote was unanimous'],
    ['where does the report say the vote was unanimous', 'the vote was unanimous'],
    ['the vote was unanimous or something like that', 'the vote was unanimous'],
    ['the vote was unanimous — which paper is that in?', 'the vote was unanimous'],
    ['the vote was unanimous, thanks', 'the vote was unanimous'],
    ['can u find where they admitted the ferry was late every day', 'the ferry was late every day'],
    ['where does the leaflet warn that the path floods in winter', 'the path floods in winter'],
    ['which page says the café closes at four', 'the café closes at four'],
    ['what document mentions that the bridge reopens in June', 'the bridge reopens in June'],
  ])('reads "%s" as "%s"', (typed, quote) => expect(withoutChatFrame(typed)).toBe(quote));

  it.each([
    'The minister said the plan was dead',
    'Most problems can be put right on the spot.',
    'will the new plan be a lot like the old plan with both sides just trying harder?',
    'So far this year, homicides are up',
    'What people say about the plan matters less than the vote',
    // A question longer than chat's about a quote may be the quote's own last sentence.
    'The vote was close. Was it the third time in ten years that the council had voted against the plan?',
  ])('leaves "%s", which no chat frames, as it is', (typed) => expect(withoutChatFrame(typed)).toBe(typed));
});

describe('cite, a quote of a word or two', () => {
  const harbour = corpusForSuite({
    'log.md': note(
      'Logbook',
      'Whatever the weather had been, each entry the keeper wrote in the lighthouse logbook that winter ended ' +
        'with one word, "Fogbound, again", underlined twice.\n\nThe relief boat came only when the sea allowed it.',
    ),
    'boats.md': note('Boats', 'Three fishing boats were tied up in the harbour for most of the winter.'),
  });

  it.each(['fogbound', 'Fogbound again', 'fogbound, again'])(
    'finds the long sentence that holds "%s" as written, and marks it',
    (quote) => {
      const [best, ...rest] = cite(harbour(), quote).results;
      expect(best?.passage.source).toBe('log.md');
      expect(rest).toEqual([]);
      expect(best!.excerpt.text.filter((s) => s.strong).map((s) => s.text)).toContain('Fogbound');
    },
  );

  it('still finds nothing for a word or two the text has apart, or for stop words alone', () => {
    expect(cite(harbour(), 'again fogbound').results).toEqual([]);
    expect(cite(harbour(), 'the').results).toEqual([]);
    expect(cite(harbour(), 'icebound').results).toEqual([]);
  });
});

describe('cite, a compound of a word or two typed apart', () => {
  // Neither "multi" nor "storey" is a word of this corpus on its own: only the joined form finds the passage.
  const town = corpusForSuite({
    'parking.md': note('Parking', 'The council approved a multistorey car park beside the station last spring.'),
    'boats.md': note('Boats', 'Three fishing boats were tied up in the harbour for most of the winter.'),
  });

  it.each(['multi storey', 'multi-storey', 'multistorey'])(
    'finds the passage that writes "%s" as one word',
    (quote) => {
      const [best, ...rest] = cite(town(), quote).results;
      expect(best?.passage.source).toBe('parking.md');
      expect(rest).toEqual([]);
    },
  );
});

describe('cite, the search for a quote', () => {
  const town = corpusForSuite({
    'parking.md': note('Parking', 'The council approved a multistorey car park beside the station last spring.'),
  });

  it("adds a joined pair of the quote's words only where the corpus holds it as one word", () => {
    const searched: string[] = [];
    const library = town();
    const watched = new Proxy(library, {
      get: (target, key) =>
        key === 'search'
          ? (query: string, options: object) => {
              searched.push(query);
              return target.search(query, options);
            }
          : Reflect.get(target, key),
    });
    expect(cite(watched, 'the council approved a multi storey car park').results[0]?.passage.source).toBe('parking.md');
    // Before, every neighbouring pair was searched ("thecouncil", "councilapproved", …): each a word the corpus lacks,
    // which the search expanded fuzzily, over a hundred milliseconds a quote on a large corpus.
    expect(searched).toEqual(['the council approved a multi storey car park multistorey']);
  });
});

describe('citeReply, when nothing is found', () => {
  const sayings = corpusForSuite({
    'hamlet.md': note('Hamlet', 'He paused on the stair. To be or not to be, that is the question. Then he went on.'),
  });
  const said = (quote: string) => {
    const reply = citeReply(cite(sayings(), quote));
    expect(reply.status).toBe('empty');
    return reply.blocks.map((b) => (b.type === 'text' ? plain(b.text) : '')).join(' ');
  };

  it('says a quote of stop words alone is too common to locate and to quote more, once it is not found', () => {
    for (const quote of ['the', 'of the', '“is the”', 'Was it the?'])
      expect(said(quote), quote).toBe(
        'That quote is too short or too common to locate: its words are in nearly every passage. ' +
          'Quote more of the passage’s words, e.g. a whole sentence.',
      );
    // Looked for all the same, as a sentence may be made of such words alone.
    expect(cite(sayings(), 'to be or not to be, that is the question').results[0]?.passage.source).toBe('hamlet.md');
  });

  it('says a quote with no words has none to look for', () => {
    expect(said('???')).toBe('That quote has no words to look for: quote the words of the passage.');
  });

  it('says a quote with words the corpus lacks is not close to any passage, and where to see what it holds', () => {
    expect(said('icebound zebra crossing')).toBe(
      'No passage in the corpus is close to that quote. Check its wording, or sources to see what the corpus holds.',
    );
  });
});
