import { describe, expect, it } from 'vitest';
import { WORDNET_DIR, readWordNet } from '../../src/search/wordnet.js';

describe('readWordNet', () => {
  it("bridges a corpus word only to synonyms whose own commonest sense is that word's", async () => {
    const { synonyms } = await readWordNet(['homicide', 'profit', 'career'], WORDNET_DIR);
    const to = (word: string) => synonyms.filter(([, w]) => w === word).map(([other]) => other);
    // "murder" is commonly a kind of homicide, and "killing" the act of one.
    expect(to('homicide')).toEqual(expect.arrayContaining(['murder']));
    // "a killing" is a profit only in a rare sense, and a "calling" searches as "call", commonly a telephone call.
    expect(to('profit')).not.toContain('killing');
    expect(to('career')).not.toContain('calling');
  });
});
