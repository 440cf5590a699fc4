import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFigures } from '../../../src/answer/figures/answer.js';
import { figureItem, figuresReply, markFigures } from '../../../src/answer/figures/reply.js';
import type { Attachment } from '../../../src/answer/reply.js';
import type { Dossier } from '../../../src/engine/dossier.js';
import { DossierError } from '../../../src/errors.js';
import { note, openCorpus, withCorpus } from '../../support/corpus.js';

let dossier: Dossier;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dossier, cleanup } = await openCorpus({
    'harvest.md': note(
      'Pear Harvests',
      [
        'The pear harvest came to 4,100 tonnes in 2022.',
        'The pear harvest came to 4,800 tonnes in 2023.',
        'The pear harvest came to 5,600 tonnes in 2024.',
      ].join('\n\n'),
    ),
    'co-op.md': note('Co-operative Letter', 'The co-operative put the pear harvest at 5,900 tonnes in 2024.'),
  }));
});
afterAll(() => cleanup());

const drawn = { kind: 'chart' } as unknown as Attachment;
const shape = (topic: string, chart: () => Attachment = () => drawn) => {
  const reply = figuresReply(answerFigures(dossier, topic), chart);
  const blocks = reply.blocks.map((b) =>
    b.type === 'figures' || b.type === 'disagreement' ? [b.type, b.title, b.items.map((i) => i.text)] : b,
  );
  return { status: reply.status, blocks, attachments: reply.attachments };
};

describe('figuresReply', () => {
  it("sets the sources' differing figures side by side before the rest of their measure, and charts the series", () => {
    expect(shape('pear harvest')).toEqual({
      status: 'ok',
      blocks: [
        ['disagreement', 'Sources differ on pear harvest', ['5,600 tonnes', '5,900 tonnes']],
        ['figures', 'pear harvest', ['4,100 tonnes', '4,800 tonnes']],
      ],
      attachments: [drawn],
    });
  });

  it('heads two groups of one measure by how their figures are given, never twice alike', async () => {
    // Notes of our own on an apiary: colonies counted in a table, and as a share in a sentence.
    const survey =
      'Beekeepers reported after the winter.\n\n| apiary | colonies | losses |\n|---|---|---|\n' +
      '| Hill Farm | 480 | 173 |\n| River Meadow | 210 | 40 |\n\nAbout 12 percent of colonies were lost to mites.';
    await withCorpus({ 'survey.md': note('Winter Survey', survey) }, async (bees) => {
      const titles = figuresReply(answerFigures(bees, 'colonies'), () => drawn).blocks.flatMap((b) =>
        b.type === 'figures' || b.type === 'disagreement' ? [b.title] : [],
      );
      expect(new Set(titles).size).toBe(titles.length);
      expect(titles).toEqual(expect.arrayContaining(['colonies (number)', 'colonies (percent)']));
    });
  });

  it('still answers when the chart cannot be drawn, saying why, and lets an unforeseen failure through', () => {
    const noFont = () => {
      throw new DossierError('chart-font', 'no font to draw with.');
    };
    const { blocks, attachments } = shape('pear harvest', noFont);
    expect(attachments).toEqual([]);
    expect(blocks.at(-1)).toEqual({ type: 'text', text: [{ text: 'Chart left out: no font to draw with.' }] });
    const broken = () => {
      throw new TypeError('a bug');
    };
    expect(() => shape('pear harvest', broken)).toThrow('a bug');
  });

  it('says how to name a topic of question words alone, or of symbols alone, rather than that none has figures', () => {
    expect(shape('how much')).toEqual({
      status: 'empty',
      blocks: [
        {
          type: 'text',
          text: [
            { text: 'That topic has only words too common to look for: say what it is about, as in ' },
            { text: 'ferry fares since 2020', code: true },
            { text: ', or see ' },
            { text: 'help', code: true },
            { text: ' for the commands.' },
          ],
        },
      ],
      attachments: [],
    });
    expect(shape('???').blocks).toEqual([
      { type: 'text', text: [{ text: 'That topic has no words to look for: name it in words.' }] },
    ]);
  });

  it('says so when the corpus has no figures on the topic', () => {
    expect(shape('submarine cables')).toEqual({
      status: 'empty',
      blocks: [{ type: 'text', text: [{ text: 'No figures on submarine cables in the corpus.' }] }],
      attachments: [],
    });
  });
});

describe('figureItem and markFigures', () => {
  it("marks the figure in its sentence, and leaves out a measure the figure's own words say", () => {
    const [figure] = answerFigures(dossier, 'pear harvest').figures;
    const item = figureItem({ ...figure!, text: '5,600 tonnes', measure: 'Tonnes' });
    expect(item.measure).toBeUndefined();
    expect(figureItem(figure!).measure).toBe('pear harvest');
    // A bare number under a label's unit of measure is shown in it: "41.2 tonnes" for "Freight (tonnes) — 2023: 41.2".
    expect(figureItem({ ...figure!, text: '41.2', units: 'tonnes' }).text).toBe('41.2 tonnes');
    // A bare number a column's header made money ("cost (USD)", "income (£ millions)") is shown as money; one whose own
    // words say their currency as they are.
    expect(figureItem({ ...figure!, text: '13,200', value: 13200, unit: 'USD' }).text).toBe('$13,200');
    expect(figureItem({ ...figure!, text: '41.2', value: 41.2e6, unit: 'GBP' }).text).toBe('£41.2 million');
    expect(figureItem({ ...figure!, text: '900', value: 900, unit: 'MXN' }).text).toBe('900 pesos');
    expect(figureItem({ ...figure!, text: '2,400 euros', value: 2400, unit: 'EUR' }).text).toBe('2,400 euros');
    expect(figureItem({ ...figure!, text: '5p', value: 0.05, unit: 'GBP' }).text).toBe('5p');
    expect(figureItem({ ...figure!, text: 'USD 75', value: 75, unit: 'USD' }).text).toBe('USD 75');
    expect(
      markFigures('Yields: 12 and 15 crates.', [
        { start: 8, end: 10 },
        { start: 15, end: 24 },
      ]),
    ).toEqual([
      { text: 'Yields: ' },
      { text: '12', strong: true },
      { text: ' and ' },
      { text: '15 crates', strong: true },
      { text: '.' },
    ]);
  });
});
