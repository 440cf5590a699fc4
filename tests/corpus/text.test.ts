import { describe, expect, it } from 'vitest';
import {
  NAME_WORD,
  LINE_DEFAULTS,
  asEchoed,
  asShown,
  collapseSpaces,
  compareAsRead,
  escapeRegExp,
  isShortLine,
  withoutAccents,
  withoutMarkup,
  withoutMentions,
  wordCount,
} from '../../src/corpus/text.js';

describe('wordCount and isShortLine', () => {
  it('count the words between any run of spaces, ignoring those at either end', () => {
    expect(wordCount('  Footbridge\tclosure \n on the towpath ')).toBe(5);
    expect(wordCount('')).toBe(0);
  });

  it("take a line for a title or byline within a long headline's length, in characters and in words", () => {
    expect(isShortLine('By MARTA OKONJO, Rivers Desk')).toBe(true);
    const words = Array.from({ length: LINE_DEFAULTS.shortLineWords }, () => 'lock');
    expect(isShortLine(words.join(' '))).toBe(true);
    expect(isShortLine([...words, 'lock'].join(' '))).toBe(false);
    expect(isShortLine('x'.repeat(LINE_DEFAULTS.shortLineChars))).toBe(true);
    expect(isShortLine('x'.repeat(LINE_DEFAULTS.shortLineChars + 1))).toBe(false);
  });
});

describe('escapeRegExp', () => {
  it('makes every character a pattern gives meaning to match only itself', () => {
    const special = 'a.b*c+d?e^f$g{1}(h)|i[j]k\\l';
    const pattern = new RegExp(`^${escapeRegExp(special)}$`);
    expect(pattern.test(special)).toBe(true);
    expect(pattern.test('aXb*c+d?e^f$g{1}(h)|i[j]k\\l')).toBe(false);
    expect(new RegExp(escapeRegExp('US$')).test('costs US$5')).toBe(true);
    expect(new RegExp(escapeRegExp('US$')).test('US')).toBe(false);
  });

  it('leaves text with no such character as it is', () => {
    expect(escapeRegExp('The Coastal Gazette – €')).toBe('The Coastal Gazette – €');
  });
});

describe('collapseSpaces', () => {
  it('makes each run of white space, line breaks and tabs among it, one space, and trims both ends', () => {
    expect(collapseSpaces('  Rent\n\t rose   by 4% ')).toBe('Rent rose by 4%');
  });
});

describe('compareAsRead', () => {
  it('orders names as a person does: numbers by value, case and accents aside, then by characters', () => {
    const names = ['bulletin 2', 'Bulletin 100', 'Éclairage', 'bulletin 10', 'Bulletin 1', 'ecluse', 'Apple', 'apple'];
    expect([...names].sort(compareAsRead)).toEqual([
      'Apple',
      'apple',
      'Bulletin 1',
      'bulletin 2',
      'bulletin 10',
      'Bulletin 100',
      'Éclairage',
      'ecluse',
    ]);
  });
});

describe('withoutAccents', () => {
  it('takes accents off and keeps the letters, case and everything else', () => {
    expect(withoutAccents('Café in São Paulo, Zürich — Ñandú')).toBe('Cafe in Sao Paulo, Zurich — Nandu');
    expect(withoutAccents('ﬁsh')).toBe('fish');
  });
});

describe('withoutMarkup', () => {
  it('takes off the Markdown chat puts around words: emphasis, strikethrough, code and a quotation', () => {
    expect(withoutMarkup('*why* did costs rise')).toBe('why did costs rise');
    expect(withoutMarkup('__what__ is the **average bill**?')).toBe('what is the average bill?');
    expect(withoutMarkup('***so*** _ferry_ ~~fares~~ ~up~')).toBe('so ferry fares up');
    expect(withoutMarkup('**_why_** the `leakline` and ```code```')).toBe('why the leakline and code');
    expect(withoutMarkup('> quoted words\n>> again')).toBe('quoted words\nagain');
    expect(withoutMarkup('(*really*), "_this_".')).toBe('(really), "this".');
  });

  it('leaves markers that wrap no words, and every word, as typed', () => {
    for (const text of ['5 * 3 * 2', 'snake_case_name', 'Revenue* rose', 'a ** b', '>5 years', 'fees < 5 > 3', '_ x _'])
      expect(withoutMarkup(text)).toBe(text);
  });
});

describe('withoutMentions and asShown', () => {
  it('drop the markup that addresses people, from either platform, and the gaps it leaves', () => {
    expect(asShown('<!here> harbour  fees (@channel) <@U1|ann> <@!42> <#C9|general>?')).toBe('harbour fees () ?');
    expect(withoutMentions('@everyone fares')).toBe(' fares');
  });

  it('show a link short: a Markdown link by its label, else its site, "/…" for the rest of its address', () => {
    const long = `https://www.harbour.example/reports/2024/fees.pdf?utm_source=${'x'.repeat(300)}`;
    expect(asShown(`<!channel> fees in ${long}, @everyone <@U123>?`)).toBe('fees in harbour.example/…, ?');
    expect(asShown('see [the fees page](https://harbour.example/fees) and www.port.example')).toBe(
      'see the fees page and port.example',
    );
    expect(asShown('fees (https://user:pw@harbour.example:8080/a).')).toBe('fees (harbour.example:8080/…).');
    expect(asShown('[](https://harbour.example/) fees')).toBe('harbour.example fees');
  });

  it('keep what only looks like a mention: an address, a comparison', () => {
    expect(asShown('email ann@here.org if fees < 5')).toBe('email ann@here.org if fees < 5');
  });
});

describe('NAME_WORD', () => {
  const word = new RegExp(`^${NAME_WORD}$`, 'u');

  it('is a word written with a capital, apostrophes, hyphens, dots and accent marks inside', () => {
    for (const name of ['Ada', "O'Neill", 'O’Neill', 'Jean-Luc', 'St.', 'U.S.', 'José', 'Jose\u0301', 'Ñu\u0303no'])
      expect(word.test(name), name).toBe(true);
  });

  it('is no word in lower case, a single letter, a number or two words', () => {
    for (const text of ['ada', 'A', '4B', 'Ada Quint', 'Ada,']) expect(word.test(text), text).toBe(false);
  });
});

describe('asEchoed', () => {
  it('shows a question back naming the people it mentions, or @someone, and no other mention', () => {
    expect(asEchoed('what did <@U123|Ann Lee> say about <@U7> and <@!42> at <!here> <#C9|general>?')).toBe(
      'what did @Ann Lee say about @someone and @someone at ?',
    );
    expect(asEchoed('<@U0LAN0Z89|@ann> <@&789> <!subteam^S1|@desk> fees')).toBe('@ann fees');
    // A topic is shown without them (a digest's), as is what search reads.
    expect(asShown('what did <@U123|Ann Lee> say')).toBe('what did say');
  });
});
