import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.js';
import { chooseSentences } from '../../src/answer/excerpt.js';

/** A passage of the given sentences, one space apart. */
function passageOf(...sentences: string[]): Passage {
  let start = 0;
  const spans = sentences.map((text) => {
    const sentence = { text, start };
    start += text.length + 1;
    return sentence;
  });
  return { id: 'a.md#1', source: 'a.md', paragraph: 1, text: sentences.join(' '), sentences: spans };
}

const LONG = 'x'.repeat(130);
/** Scores a sentence by how many times it says "fee". */
const fees = (s: { text: string }) => s.text.split('fee').length - 1;
const shown = (chosen: ReturnType<typeof chooseSentences>) => chosen.sentences.map((s) => s.text);

describe('chooseSentences', () => {
  it('centres on the best sentence and grows toward the neighbour that adds more, within the limit', () => {
    const passage = passageOf(`A fee ${LONG}.`, 'Nothing here.', `The fee and fee ${LONG}.`, `Another fee ${LONG}.`);
    const chosen = chooseSentences(passage, fees, 2);
    expect(shown(chosen)).toEqual([`The fee and fee ${LONG}.`, `Another fee ${LONG}.`]);
    expect(chosen).toMatchObject({ before: true, after: false });
  });

  it('stops at a neighbour that adds nothing once the excerpt is long enough to stand alone', () => {
    const passage = passageOf(`Unrelated ${LONG}.`, `The fee ${LONG}.`, `Unrelated again ${LONG}.`);
    expect(shown(chooseSentences(passage, fees))).toEqual([`The fee ${LONG}.`]);
  });

  it('adds the next sentence to one too short to stand alone, even when it adds nothing', () => {
    const passage = passageOf('The fee rose.', 'It was announced on Monday.', 'Later news.');
    expect(shown(chooseSentences(passage, fees, 3, 40))).toEqual(['The fee rose.', 'It was announced on Monday.']);
    expect(shown(chooseSentences(passage, fees, 3, 0))).toEqual(['The fee rose.']);
  });

  it('reads a passage without sentences as one', () => {
    const passage = { ...passageOf('A fee.'), sentences: [] };
    expect(chooseSentences(passage, fees)).toEqual({
      sentences: [{ text: 'A fee.', start: 0 }],
      before: false,
      after: false,
    });
  });
});
