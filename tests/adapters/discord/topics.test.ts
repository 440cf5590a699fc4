import { describe, expect, it } from 'vitest';
import { MAX_CHOICES, MAX_CHOICE_LENGTH, SCAN_SLICE, TopicSuggester } from '../../../adapters/discord/topics.js';
import type { Passage, SourceDocument } from '../../../src/corpus/types.js';
import { digestCommand, splitTopics } from '../../../src/commands/digest.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { nounPhrases } from '../../../src/engine/index.js';
import { turnCounter } from '../../support/event-loop.js';

const LONG_HEADING =
  `Funding of the regional tram network and the bus lanes that feed it ${'in every district '.repeat(4)}`.trim();
/** The long heading as a choice's value: cut after its last whole word within Discord's 100 characters. */
const LONG_VALUE = LONG_HEADING.slice(0, 100).replace(/\s+\S*$/, '');

function doc(source: string, sections: [string, string][]): SourceDocument {
  const passages: Passage[] = sections.map(([heading, text], i) => ({
    id: `${source}#${i + 1}`,
    source,
    paragraph: i + 1,
    heading,
    text,
    sentences: [{ text, start: 0 }],
  }));
  return { source, hash: source, meta: { title: source, tags: [] }, passages };
}

const dossier = () =>
  Dossier.fromCorpus({
    dir: '/corpus',
    warnings: [],
    documents: [
      doc('tram.md', [
        ['Tram funding', 'The tram budget grew even faster. The tram budget was questioned by auditors.'],
        ['Tram funding', 'Funding came from a regional grant and the tram budget, in effect.'],
        [LONG_HEADING, 'Ridership rose and tram ridership kept rising, with effect from May.'],
        ['Tram funding', 'Tram ridership doubled; the regional grant paid for it.'],
      ]),
      doc('merida.md', [['Mérida funding', 'Money for the Mérida initiative.']]),
      doc(
        'port.md',
        Array.from({ length: 40 }, (_, i): [string, string] => [
          `Section ${i} on transport`,
          'Transport ministers met.',
        ]),
      ),
    ],
  });

describe('TopicSuggester', () => {
  it(
    'offers headings, then the noun phrases passages share, filtered by what ' + 'was typed (accents and case ignored)',
    async () => {
      const topics = new TopicSuggester(dossier(), { measuresOf: () => [] });
      expect(topics.suggest('TRAM').map((c) => c.value)).toEqual(['Tram funding', LONG_VALUE]);
      await topics.prepare();
      expect(topics.suggest('TRAM').map((c) => c.value)).toEqual([
        'Tram funding',
        'tram budget',
        'tram ridership',
        'tram',
        LONG_VALUE,
      ]);
      expect(topics.suggest('MERIDA').map((c) => c.value)).toEqual(['Mérida funding']);
      expect(topics.suggest('regional').map((c) => c.value)).toEqual(['regional grant', LONG_VALUE]);
    },
  );

  it('offers no filler words: no adverbs, verbs or nouns that merely turn up (issue 13.6)', async () => {
    const topics = new TopicSuggester(dossier(), { measuresOf: () => [] });
    await topics.prepare();
    const offered = topics.suggest('').map((c) => c.value.toLowerCase());
    for (const filler of ['even', 'faster', 'grew', 'rose', 'effect', 'funding came', 'auditors', 'ridership'])
      expect(offered, filler).not.toContain(filler);
  });

  it('keeps to 25 choices of at most 100 characters, cutting a long heading with "…"', () => {
    const choices = new TopicSuggester(dossier()).suggest('o');
    expect(choices).toHaveLength(MAX_CHOICES);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
      expect(c.value.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
    }
    const long = choices.find((c) => c.value.startsWith('Funding of the regional'))!;
    expect(long.name.endsWith('…')).toBe(true);
  });

  it('offers, before a word is typed, the measures and phrases most passages name, never a heading', async () => {
    const measuresOf = (p: Passage) => (p.text.includes('budget') ? ['tram budget overrun'] : []);
    const topics = new TopicSuggester(dossier(), { measuresOf });
    // Not before the corpus is read: the 41 headings were offered, "Section 0 on transport" first.
    expect(topics.suggest('')).toEqual([]);
    await topics.prepare();
    // By the passages naming each (40, 3, then 2 each in the order met), measures and phrases together.
    const offered = ['Transport ministers', 'tram budget', 'regional grant', 'tram ridership', 'tram budget overrun'];
    expect(topics.suggest('').map((c) => c.value)).toEqual(offered);
    expect(topics.suggestInList('tram budget, ').map((c) => c.value)).toEqual(
      offered.filter((t) => t !== 'tram budget').map((t) => `tram budget, ${t}`),
    );
    const passages = (i: number): [string, string][] => [
      [`Heading ${i}`, `Harbour dues ${i} rose.`],
      [`Heading ${i}`, `Harbour dues ${i} fell.`],
    ];
    const documents = Array.from({ length: 30 }, (_, i) => doc(`d${i}.md`, passages(i)));
    const many = new TopicSuggester(Dossier.fromCorpus({ dir: '/corpus', warnings: [], documents }), {
      measuresOf: () => [],
      phrasesOf: (text) => [text.replace(/ (rose|fell)\.$/, '')],
    });
    await many.prepare();
    expect(many.suggest('').map((c) => c.value)).toEqual(Array.from({ length: 25 }, (_, i) => `Harbour dues ${i}`));
  });

  it('completes the last topic of a comma-separated list, without repeating one already chosen', async () => {
    const topics = new TopicSuggester(dossier(), { measuresOf: () => [] });
    await topics.prepare();
    expect(topics.suggestInList('ridership, tram f').map((c) => c.value)).toEqual(['ridership, Tram funding']);
    const values = topics.suggestInList('tram budget, tra').map((c) => c.value);
    expect(values[0]).toBe('tram budget, Tram funding');
    expect(values).toContain('tram budget, tram ridership');
    expect(values).not.toContain('tram budget, tram budget');
    expect(topics.suggestInList(`${'x'.repeat(95)}, tram`)).toEqual([]);
  });

  it('cuts a topic too long for the list at a word, as a value the digest command takes back', async () => {
    const topics = new TopicSuggester(dossier(), { measuresOf: () => [] });
    await topics.prepare();
    const [choice] = topics.suggestInList('tram budget, funding of the');
    // Left out before: the list with the whole heading passes Discord's 100 characters.
    expect(`tram budget, ${LONG_HEADING}`.length).toBeGreaterThan(MAX_CHOICE_LENGTH);
    const topic = choice!.value.slice('tram budget, '.length);
    expect(choice!.value.startsWith('tram budget, Funding of the regional tram network')).toBe(true);
    expect(choice!.value.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
    // Cut at a word, with no mark in what is submitted; the name shows the cut.
    expect(LONG_HEADING.startsWith(topic) && LONG_HEADING[topic.length]).toBe(' ');
    expect(choice!.name).toMatch(/^tram budget, Funding of the regional .+ …$/);
    expect(choice!.name.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
    const args = digestCommand.args.safeParse({ action: 'subscribe', topics: choice!.value });
    expect(args.success).toBe(true);
    expect(splitTopics(choice!.value)).toEqual(['tram budget', topic]);
  });

  it('offers the measures of the corpus’s figures that are noun phrases, gathered in the background', async () => {
    const measuresOf = (p: Passage) =>
      p.text.includes('budget') ? ['tram budget overrun', 'the council has spent', undefined] : [];
    const topics = new TopicSuggester(dossier(), { measuresOf });
    expect(topics.suggest('tram').map((c) => c.value)).not.toContain('tram budget overrun');
    await topics.prepare();
    expect(
      topics
        .suggest('tram')
        .map((c) => c.value)
        .slice(0, 2),
    ).toEqual(['Tram funding', 'tram budget overrun']);
    expect(topics.suggest('council').map((c) => c.value)).toEqual([]);
  });

  it('keeps offering headings when reading measures fails', async () => {
    const errors: unknown[] = [];
    const topics = new TopicSuggester(dossier(), {
      measuresOf: () => {
        throw new Error('parser bug');
      },
      onError: (e) => errors.push(e),
    });
    await topics.prepare();
    expect(errors).toEqual([new Error('parser bug')]);
    expect(topics.suggest('tram').map((c) => c.value)).toContain('Tram funding');
  });

  it('follows the corpus as documents change', () => {
    const engine = dossier();
    const topics = new TopicSuggester(engine);
    expect(topics.suggest('harbour')).toEqual([]);
    engine.upsert(doc('harbour.md', [['Harbour dredging', 'The harbour was dredged.']]));
    expect(topics.suggest('harbour').map((c) => c.value)).toContain('Harbour dredging');
  });
});

describe('TopicSuggester on a big corpus (Discord gives autocomplete 3 s, and it cannot be deferred)', () => {
  /** `count` passages of `sentences` sentences each, under as many headings, in documents of a hundred. */
  const big = (count: number, sentences = 1) =>
    ({
      documents: Array.from({ length: count / 100 }, (_, d) =>
        doc(
          `notes-${d}.md`,
          Array.from({ length: 100 }, (_, p): [string, string] => [
            `Ferry route ${d} stop ${p}`,
            Array.from(
              { length: sentences },
              (_, n) =>
                `The ferry on route ${d} called at stop ${p} on day ${n}, and the harbour board counted its riders.`,
            ).join(' '),
          ]),
        ),
      ),
    }) as unknown as Dossier;

  /** The passages whose heading or text was read since the last `clear()`: the work a keystroke or a scan does. */
  const readsOf = (dossier: Dossier) => {
    const reads = { heading: new Set<Passage>(), text: new Set<Passage>() };
    for (const passage of dossier.documents.flatMap((d) => d.passages)) {
      const { heading, text } = passage;
      Object.defineProperties(passage, {
        heading: { get: () => (reads.heading.add(passage), heading) },
        text: { get: () => (reads.text.add(passage), text) },
      });
    }
    const counts = () => ({ heading: reads.heading.size, text: reads.text.size });
    const clear = () => (reads.heading.clear(), reads.text.clear());
    return { counts, clear };
  };

  // What Discord's 3 s stands for, counted rather than timed (a time bound failed under load; speed is the bench's):
  // a keystroke tags no passage's words, the first reads each heading once, and the next reads no passage at all.
  it('answers the first keystroke over 10,000 passages from their headings, the next from what it built', () => {
    const corpus = big(10_000);
    const reads = readsOf(corpus);
    const tagged = { measures: 0, phrases: 0 };
    const topics = new TopicSuggester(corpus, {
      measuresOf: () => (tagged.measures++, []),
      phrasesOf: () => (tagged.phrases++, []),
    });
    const first = topics.suggest('ferry route 99');
    expect(reads.counts()).toEqual({ heading: 10_000, text: 0 });
    reads.clear();
    const next = topics.suggest('ferry route 99 stop 4');
    expect(reads.counts()).toEqual({ heading: 0, text: 0 });
    expect(tagged).toEqual({ measures: 0, phrases: 0 });
    expect(first.map((c) => c.value)).toContain('Ferry route 99 stop 4');
    expect(next.map((c) => c.value).slice(0, 2)).toEqual(['Ferry route 99 stop 4', 'Ferry route 99 stop 40']);
    for (const choices of [first, next]) {
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
      for (const c of choices) expect(c.value.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
    }
  });

  // The whole scan takes about a second, so one that never yielded would hold the loop that long. Counted rather than
  // timed: the passages tagged between two turns of the event loop, each a turn an interaction could be answered in.
  it('reads the phrases of 2,000 passages in the background, a slice between two turns of the event loop', async () => {
    const loop = turnCounter();
    const taggedIn = new Map<number, number>();
    const topics = new TopicSuggester(big(2_000, 5), {
      measuresOf: () => [],
      phrasesOf: (text) => (taggedIn.set(loop.turns(), (taggedIn.get(loop.turns()) ?? 0) + 1), nounPhrases(text)),
    });
    await topics.prepare();
    loop.stop();
    expect(topics.suggest('harbour board').map((c) => c.value)).toContain('harbour board');
    // 2,000 passages over at least a hundred turns, never more than a slice in one.
    expect(taggedIn.size).toBeGreaterThanOrEqual(2_000 / SCAN_SLICE);
    expect(Math.max(...taggedIn.values())).toBeLessThanOrEqual(SCAN_SLICE);
  });
});
