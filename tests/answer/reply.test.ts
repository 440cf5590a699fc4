import { describe, expect, it } from 'vitest';
import {
  count,
  markRanges,
  mergeSpans,
  plain,
  publisherBesides,
  replyOf,
  said,
  withoutMembers,
  type RichText,
} from '../../src/answer/reply.js';
import { asWritten, typed } from '../../src/errors.js';

const shown = (rich: RichText) => rich.map((s) => (s.strong ? `[${s.text}]` : s.text)).join('');
const TEXT = 'one of the world’s most corrupt countries, said the U.S. envoy';
const at = (word: string) => [TEXT.indexOf(word), TEXT.indexOf(word) + word.length] as const;

describe('count', () => {
  it('writes a number with its noun, plural but for one', () => {
    expect([count(0, 'hive'), count(1, 'hive'), count(2, 'hive')]).toEqual(['0 hives', '1 hive', '2 hives']);
  });
});

describe('markRanges', () => {
  it('marks whole words only, however the range cuts them (issue 13.7)', () => {
    expect(shown(markRanges(TEXT, [[TEXT.indexOf('’s') + 1, TEXT.indexOf('’s') + 2]]))).toContain('[world’s] most');
    expect(shown(markRanges(TEXT, [[TEXT.indexOf('U.S.') + 2, TEXT.indexOf('U.S.') + 3]]))).toContain(
      'the [U.S.] envoy',
    );
    expect(shown(markRanges(TEXT, [[at('corrupt')[0] + 2, at('corrupt')[0] + 4]]))).toContain(
      'most [corrupt] countries',
    );
  });

  it('marks a mention with its sign, never a word inside it, but not the domain of an address', () => {
    const text = 'The notice went to @everyone, to @here and to clerk@harbour.example';
    const mark = (word: string, cut = 0) =>
      shown(markRanges(text, [[text.indexOf(word) + cut, text.indexOf(word) + cut + 3]]));
    expect(mark('everyone', 5)).toContain('went to [@everyone], to');
    expect(mark('here')).toContain('to [@here] and');
    expect(mark('harbour')).toBe('The notice went to @everyone, to @here and to clerk@[harbour.example]');
  });

  it('marks a number with thousands separators as one word, however the range cuts it', () => {
    const text = 'the Guard would initially total some 50,000, then 1,250,000 in all';
    const from = text.indexOf('50,000');
    expect(shown(markRanges(text, [[from, from + 2]]))).toBe(
      'the Guard would initially total some [50,000], then 1,250,000 in all',
    );
    const big = text.indexOf('1,250,000');
    expect(
      shown(
        markRanges(text, [
          [big, big + 1],
          [big + 6, big + 9],
        ]),
      ),
    ).toContain('then [1,250,000] in all');
  });

  it('joins marks with only spaces between them into one phrase, but not across punctuation', () => {
    expect(shown(markRanges(TEXT, [at('world’s'), at('most'), at('corrupt'), at('countries'), at('said')]))).toBe(
      'one of the [world’s most corrupt countries], [said] the U.S. envoy',
    );
  });

  it('keeps every character, so the quote stays verbatim', () => {
    const rich = markRanges(TEXT, [at('most'), [0, 200], [-5, 2]]);
    expect(plain(rich)).toBe(TEXT);
    expect(shown(rich)).toBe(`[${TEXT}]`);
  });
});

describe('said and mergeSpans', () => {
  it('reads the bot’s own code spans from backticks', () => {
    expect(said('Try `sources` now.')).toEqual([{ text: 'Try ' }, { text: 'sources', code: true }, { text: ' now.' }]);
  });

  it('keeps a backtick someone typed, quoted with `typed`, as a backtick in the span it falls in', () => {
    expect(said(`Unknown command ${typed('shel`f')} — try \`help\`.`)).toEqual([
      { text: 'Unknown command shel`f — try ' },
      { text: 'help', code: true },
      { text: '.' },
    ]);
    expect(said(`There is no \`${typed('a`b')}\` command.`)).toEqual([
      { text: 'There is no ' },
      { text: 'a`b', code: true },
      { text: ' command.' },
    ]);
    // A word joiner typed before the end of a quote cannot mark the message's own closing backtick.
    expect(said(`There is no \`${typed('ab\u2060')}\` command.`)).toEqual([
      { text: 'There is no ' },
      { text: 'ab', code: true },
      { text: ' command.' },
    ]);
    expect(asWritten(`"${typed('7`30')}" is not a time`)).toBe('"7`30" is not a time');
  });

  it('merges neighbours of the same weight but never a code span', () => {
    expect(
      mergeSpans([
        { text: 'a' },
        { text: 'b' },
        { text: 'c', strong: true },
        { text: 'd', strong: true },
        { text: '' },
      ]),
    ).toEqual([{ text: 'ab' }, { text: 'cd', strong: true }]);
    expect(
      mergeSpans([
        { text: 'x', code: true },
        { text: 'y', code: true },
      ]),
    ).toHaveLength(2);
  });

  it('never merges a member into its neighbours, and a message others see shows the member as its text', () => {
    const rich: RichText = [{ text: 'set up by ' }, { text: 'U0ANA', member: 'U0ANA' }, { text: '.' }];
    expect(mergeSpans(rich)).toEqual(rich);
    const shown = withoutMembers(
      replyOf('Digest', [
        { type: 'text', text: rich },
        { type: 'list', items: [rich] },
      ]),
    );
    expect(shown.blocks).toEqual([
      { type: 'text', text: [{ text: 'set up by ' }, { text: 'U0ANA' }, { text: '.' }] },
      { type: 'list', items: [[{ text: 'set up by ' }, { text: 'U0ANA' }, { text: '.' }]] },
    ]);
    expect(mergeSpans(rich.map(({ member: _m, ...span }) => span))).toEqual([{ text: 'set up by U0ANA.' }]);
  });
});

describe('publisherBesides', () => {
  it('leaves the publisher out where the author’s last part names it, whatever its case', () => {
    expect(publisherBesides('Property Services, Larchfield Homes', 'Larchfield Homes')).toBeUndefined();
    expect(publisherBesides('larchfield homes', 'Larchfield Homes ')).toBeUndefined();
    expect(publisherBesides('Ann Lee', 'Port Gazette')).toBe('Port Gazette');
    expect(publisherBesides(undefined, 'Port Gazette')).toBe('Port Gazette');
    expect(publisherBesides('Ann Lee', undefined)).toBeUndefined();
  });
});
