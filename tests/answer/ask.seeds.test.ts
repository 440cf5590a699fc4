import { beforeAll, describe, expect, it } from 'vitest';
import { ask, askJson, askReply } from '../../src/answer/ask.js';
import { plain } from '../../src/answer/reply.js';
import { Dossier } from '../../src/engine/dossier.js';
import { HAS_SEEDS, SEEDS } from '../support/shared.js';

describe.runIf(HAS_SEEDS)('ask over the seed articles', () => {
  let dossier: Dossier;
  beforeAll(async () => {
    dossier = await Dossier.open({ corpusDir: SEEDS });
  });

  it('answers a question with verbatim excerpts of the passages it cites', () => {
    const answer = ask(dossier, 'how much has the US spent under Mérida');
    expect(answer.results.length).toBeGreaterThan(0);
    for (const r of answer.results) {
      for (const piece of plain(r.excerpt.text)
        .split('…')
        .map((s) => s.trim())
        .filter(Boolean))
        expect(r.passage.text).toContain(piece);
      expect(r.excerpt.citation.paragraph).toBe(r.passage.paragraph);
      expect(r.excerpt.citation.title.length).toBeGreaterThan(0);
    }
    expect(plain(answer.results[0]!.excerpt.text)).toMatch(/\$1\.6 billion|\$2\.9 billion/);
  });

  it('marks matched words in bold, including accent-folded ones', () => {
    const answer = ask(dossier, 'Mérida assistance');
    const strong = answer.results.flatMap((r) =>
      r.excerpt.text.filter((s) => s.strong).map((s) => s.text.toLowerCase()),
    );
    expect(strong).toContain('merida');
  });

  it('shows at most three sentences, cut at sentence boundaries with an ellipsis', () => {
    for (const r of ask(dossier, 'opioid overdose deaths in the United States').results) {
      const text = plain(r.excerpt.text);
      const shown = r.passage.sentences.filter((s) => text.includes(s.text));
      expect(shown.length).toBeLessThanOrEqual(3);
      if (shown.length < r.passage.sentences.length) expect(text).toContain('…');
    }
  });

  it('says nothing is relevant when the question shares nothing meaningful with the corpus', () => {
    expect(ask(dossier, 'quantum chromodynamics lattice').results).toEqual([]);
    expect(askReply(ask(dossier, 'quantum chromodynamics lattice')).status).toBe('empty');
  });

  it('pages with an offset and says how many more there are', () => {
    const first = ask(dossier, 'cartels violence', { limit: 2 });
    const second = ask(dossier, 'cartels violence', { limit: 2, offset: 2 });
    expect(first.more).toBeGreaterThan(0);
    expect(second.results[0]?.passage.id).not.toBe(first.results[0]?.passage.id);
    expect(askReply(first).next).toEqual({ command: 'ask', args: { question: 'cartels violence', offset: 2 } });
  });

  it('prints the JSON contract the evaluation script reads', () => {
    const json = askJson(ask(dossier, 'Hugs not bullets slogan'));
    expect(Object.keys(json)).toEqual(['query', 'match', 'results']);
    expect(Object.keys(json.results[0]!)).toEqual([
      'source',
      'paragraph',
      'heading',
      'passage',
      'excerpt',
      'title',
      'author',
      'date',
      'score',
    ]);
    expect(json.results[0]!.source).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
  });
});
