import { describe, expect, it } from 'vitest';
import { MAX_CHOICES, MAX_CHOICE_LENGTH, TopicSuggester } from '../../../adapters/discord/topics.js';
import type { Passage, SourceDocument } from '../../../src/corpus/types.js';
import { Dossier } from '../../../src/engine/dossier.js';

const LONG_HEADING =
  `Funding of the regional tram network and the bus lanes that feed it ${'in every district '.repeat(4)}`.trim();

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
        ['Tram funding', 'The tram budget grew. The tram budget was questioned by auditors.'],
        ['Tram funding', 'Funding came from a regional grant and the tram budget.'],
        [LONG_HEADING, 'Ridership rose and ridership kept rising.'],
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
  it('offers headings first, then frequent words, filtered by what was typed (accents and case ignored)', () => {
    const topics = new TopicSuggester(dossier(), { measuresOf: () => [] });
    expect(topics.suggest('TRAM').map((c) => c.value)).toEqual(['Tram funding', 'tram', LONG_HEADING.slice(0, 100)]);
    expect(topics.suggest('fund').map((c) => c.value)).toEqual([
      LONG_HEADING.slice(0, 100),
      'Tram funding',
      'Mérida funding',
    ]);
    expect(topics.suggest('MERIDA').map((c) => c.value)).toEqual(['Mérida funding']);
    expect(topics.suggest('ridership').map((c) => c.value)).toEqual(['ridership']);
  });

  it('keeps to 25 choices of at most 100 characters, cutting a long heading with "…"', () => {
    const choices = new TopicSuggester(dossier()).suggest('');
    expect(choices).toHaveLength(MAX_CHOICES);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
      expect(c.value.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
    }
    const long = choices.find((c) => c.value.startsWith('Funding of the regional'))!;
    expect(long.name.endsWith('…')).toBe(true);
  });

  it('completes the last topic of a comma-separated list, without repeating one already chosen', () => {
    const topics = new TopicSuggester(dossier());
    expect(topics.suggestInList('ridership, tram f').map((c) => c.value)).toEqual(['ridership, Tram funding']);
    const values = topics.suggestInList('tram, tra').map((c) => c.value);
    expect(values.slice(0, 2)).toEqual(['tram, Tram funding', 'tram, transport']);
    expect(values).not.toContain('tram, tram');
    expect(topics.suggestInList(`${'x'.repeat(95)}, tram`)).toEqual([]);
  });

  it('offers the measures of the corpus’s figures, gathered in the background, between headings and words', async () => {
    const measuresOf = (p: Passage) => (p.text.includes('budget') ? ['tram budget overrun', undefined] : []);
    const topics = new TopicSuggester(dossier(), { measuresOf });
    expect(topics.suggest('tram').map((c) => c.value)).not.toContain('tram budget overrun');
    await topics.prepare();
    expect(topics.suggest('tram').map((c) => c.value)).toEqual([
      'Tram funding',
      'tram budget overrun',
      'tram',
      LONG_HEADING.slice(0, 100),
    ]);
  });

  it('keeps offering headings and words when reading measures fails', async () => {
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
