import { beforeAll, describe, expect, it } from 'vitest';
import {
  readValidationSet,
  TUNING_FILE,
  type ValidationSet,
  type ValidationSetName,
  VALIDATION_SETS,
} from './cases.js';
import { applyEdits, numberInWords } from './transforms.js';

describe('quote edits', () => {
  const line = 'The harbor “center” organized 12 programs at 3.5 percent, costing $40 and 1,200 hours in Mérida.';

  it('make a typo by swapping the middle letters of a word, or dropping one of a doubled pair', () => {
    expect(applyEdits(line, [['typo', 1]])).toContain('The habror “center”');
    expect(applyEdits('the bullets flew', [['typo', 1]])).toBe('the bulets flew');
    expect(() => applyEdits(line, [['typo', 0]])).toThrow(/too short/);
  });

  it('swap or drop a word, keeping the punctuation around it', () => {
    expect(applyEdits(line, [['swap', 2, 'middle']])).toContain('harbor “middle” organized');
    expect(applyEdits(line, [['drop', 0]])).toMatch(/^harbor /);
    expect(applyEdits(line, [['swap', 12, '1200']])).toContain('costing $40 and 1200 hours');
    expect(applyEdits(line, [['swap', 7, 'three']])).toContain('at three percent');
    expect(() => applyEdits(line, [['drop', 40]])).toThrow(/no word 40/);
  });

  it('add a word, or run two sentences together', () => {
    expect(applyEdits('the ferry left at noon', [['add', 2, 'finally']])).toBe('the ferry finally left at noon');
    expect(applyEdits('the ferry left', [['add', 3, 'late']])).toBe('the ferry left late');
    expect(applyEdits('Rain fell. Roads flooded.', [['join', 1]])).toBe('Rain fell roads flooded.');
    expect(() => applyEdits('Rain fell. Roads flooded.', [['join', 0]])).toThrow(/ends no sentence/);
    expect(() => applyEdits('Rain fell.', [['join', 1]])).toThrow(/ends no sentence/);
  });

  it('straighten or drop quotes, keeping apostrophes inside words', () => {
    expect(applyEdits('“Hugs” aren’t ‘bullets’', [['straight']])).toBe(`"Hugs" aren't 'bullets'`);
    expect(applyEdits('“Hugs” aren’t ‘bullets’', [['unquote']])).toBe('Hugs aren’t bullets');
  });

  it('spell the British way without touching words that only look like it', () => {
    expect(applyEdits(line, [['british']])).toBe(
      'The harbour “centre” organised 12 programmes at 3.5 per cent, costing $40 and 1,200 hours in Mérida.',
    );
    expect(() => applyEdits('they seized a prize of a given size in the laboratory', [['british']])).toThrow(
      /changes nothing/,
    );
  });

  it('write whole numbers under a thousand in words, leaving decimals, money and thousands alone', () => {
    expect(applyEdits('extradited 10 to 20 people', [['numwords']])).toBe('extradited ten to twenty people');
    expect(applyEdits(line, [['numwords']])).toContain(
      'organized twelve programs at 3.5 percent, costing $40 and 1,200',
    );
    expect([0, 7, 19, 40, 43, 100, 205, 999].map(numberInWords)).toEqual([
      'zero',
      'seven',
      'nineteen',
      'forty',
      'forty-three',
      'one hundred',
      'two hundred and five',
      'nine hundred and ninety-nine',
    ]);
  });

  it('strip accents, lower the case and wrap the quote in chat, in order', () => {
    const memo = 'Who said this — “%s” I need it for the memo.';
    expect(applyEdits('Mérida’s 40 programs', [['accents'], ['lower'], ['wrap', memo]])).toBe(
      'Who said this — “merida’s 40 programs” I need it for the memo.',
    );
  });

  it('refuse an edit that changes nothing, since that is a mistake in the case', () => {
    expect(() => applyEdits('no quotes here', [['straight']])).toThrow(/changes nothing/);
  });
});

describe('the tuning file', () => {
  const words = (q: string) => new Set(q.toLowerCase().match(/[\p{L}\p{N}]+/gu));
  /** Shared words over all words: 0.34 and above flagged paraphrases of validation questions written from them. */
  const jaccard = (a: Set<string>, b: Set<string>) => {
    const shared = [...a].filter((w) => b.has(w)).length;
    return shared / (a.size + b.size - shared);
  };

  it(
    'parses, with unique ids, and holds no near-copy of a validation ' + 'question, so the held-out set stays unseen',
    async () => {
      const tuning = await readValidationSet(TUNING_FILE);
      const heldOut = await Promise.all(SETS.map(([, file]) => readValidationSet(file)));
      const questions = [...tuning.ask, ...tuning.offTopic, ...tuning.figures, ...(tuning.offTopicFigures ?? [])];
      const ids = questions.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      const held = heldOut.flatMap((v) => [...v.ask, ...v.offTopic, ...v.figures]).map((c) => words(c.q));
      const near = questions.filter((c) => held.some((v) => jaccard(words(c.q), v) >= 0.34));
      expect(near.map((c) => c.id)).toEqual([]);
    },
  );

  it('holds quotes with unique ids, none a span sharing words with a held-out quote', async () => {
    const tuning = await readValidationSet(TUNING_FILE);
    const heldOut = await Promise.all(SETS.map(([, file]) => readValidationSet(file)));
    const ids = tuning.cite.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // `000:9e9c0e7555:24-35` → its paragraph and word range.
    const range = (span: string) => {
      const [doc, key, words] = span.split(':');
      const [from, to] = words!.split('-').map(Number);
      return { paragraph: `${doc}:${key}`, from: from!, to: to! };
    };
    const held = heldOut.flatMap((v) => v.cite.map((c) => range(c.span)));
    const overlapping = tuning.cite.filter((c) => {
      const t = range(c.span);
      return held.some((h) => h.paragraph === t.paragraph && h.from < t.to && t.from < h.to);
    });
    expect(overlapping.map((c) => c.id)).toEqual([]);
  });
});

/**
 * What each held-out set must hold: validation what issue 12 asks for; validation-b, validation-c and validation-d
 * what their briefs ask for, with about ten questions (at least ten for validation-c and -d) on each of the five
 * articles.
 */
const HOLDS: Record<ValidationSetName, { ask: number; perArticle: number; figures: number; cite: number }> = {
  validation: { ask: 60, perArticle: 1, figures: 15, cite: 15 },
  'validation-b': { ask: 50, perArticle: 8, figures: 10, cite: 12 },
  'validation-c': { ask: 60, perArticle: 10, figures: 15, cite: 12 },
  'validation-d': { ask: 50, perArticle: 10, figures: 15, cite: 12 },
};
const SETS = Object.entries(VALIDATION_SETS) as [ValidationSetName, string][];

describe.each(SETS)('the %s file', (name, file) => {
  const holds = HOLDS[name];
  let set: ValidationSet;
  beforeAll(async () => {
    set = await readValidationSet(file);
  });

  it('parses, with unique ids', () => {
    const ids = [...set.ask, ...set.offTopic, ...set.figures, ...set.cite].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const counts =
    `${holds.ask} chat-style questions, 15 off-topic, ${holds.figures} ` + `figure topics, ${holds.cite} quotes`;
  it(`holds ${counts}`, () => {
    expect(set.ask.length).toBeGreaterThanOrEqual(holds.ask);
    for (const style of ['short', 'abbreviation', 'lowercase', 'typo', 'paraphrase', 'long'])
      expect(set.ask.filter((c) => c.style.includes(style as never)).length, style).toBeGreaterThanOrEqual(3);
    expect(set.offTopic.length).toBeGreaterThanOrEqual(15);
    expect(set.offTopic.filter((c) => c.near).length).toBeGreaterThanOrEqual(5);
    expect(set.offTopic.filter((c) => !c.near).length).toBeGreaterThanOrEqual(5);
    expect(set.figures.length).toBeGreaterThanOrEqual(holds.figures);
    expect(set.cite.length).toBeGreaterThanOrEqual(holds.cite);
    const wraps = set.cite.flatMap((c) => c.do.filter((e) => e[0] === 'wrap').map((e) => e[1] as string));
    expect(wraps.length).toBeGreaterThanOrEqual(5);
    expect(wraps.some((w) => w.includes('“%s”'))).toBe(true);
    expect(wraps.some((w) => w.includes('"%s"'))).toBe(true);
    expect(set.cite.some((c) => c.do.some((e) => e[0] === 'numwords'))).toBe(true);
  });
});

describe('the held-out sets', () => {
  it('share no question and no ids: each measures on its own', async () => {
    const sets = await Promise.all(SETS.map(([, file]) => readValidationSet(file)));
    const fold = (q: string) =>
      q
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    const questions = sets.flatMap((set) => [...set.ask, ...set.offTopic, ...set.figures].map((c) => fold(c.q)));
    const ids = sets.flatMap((set) => [...set.ask, ...set.offTopic, ...set.figures, ...set.cite].map((c) => c.id));
    expect(questions.filter((q, i) => questions.indexOf(q) !== i)).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
