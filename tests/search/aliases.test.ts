import { describe, expect, it } from 'vitest';
import { aliasesIn } from '../../src/search/aliases.js';

describe('aliasesIn', () => {
  it('finds the acronyms a text defines in brackets, capitalised or not, plural or not', () => {
    expect(aliasesIn('The council set up a Joint Transport Board (JTB) last spring.')).toEqual([
      ['Joint Transport Board', 'JTB'],
    ]);
    expect(aliasesIn('Most of it goes to small and medium enterprises (SMEs) in the area.')).toEqual([
      ['small and medium enterprises', 'SMEs'],
    ]);
    expect(aliasesIn('The JTB (Joint Transport Board) met.')).toEqual([['Joint Transport Board', 'JTB']]);
  });

  it('reads a name whose accent is saved as a mark of its own, as the answer reads names (NAME_WORD)', () => {
    const decomposed = 'The curator, Jose\u0301 Nu\u0301n\u0303ez, known as JN, retired.';
    expect(aliasesIn(decomposed)).toEqual([['Jose\u0301 Nu\u0301n\u0303ez', 'JN']]);
  });

  it('finds a name given a short form with "or" and "known as"', () => {
    expect(aliasesIn('The mayor, Maria Elena Ortiz Vidal, or MEOV, spoke.')).toEqual([
      ['Maria Elena Ortiz Vidal', 'MEOV'],
    ]);
    expect(aliasesIn('Their engineer Tomas Brandt, known as TB, retired.')).toEqual([['Tomas Brandt', 'TB']]);
  });

  it('looks back aliasLookBackChars for a long form, and names by their last aliasNameWords words', () => {
    const text = 'The council set up a Joint Transport Board (JTB) last spring.';
    expect(aliasesIn(text, { aliasNameWords: 4, aliasLookBackChars: 12 })).toEqual([]);
    expect(
      aliasesIn('The mayor, Maria Elena Ortiz Vidal, or MEOV, spoke.', { aliasNameWords: 2, aliasLookBackChars: 200 }),
    ).toEqual([['Ortiz Vidal', 'MEOV']]);
  });

  it('takes no letters found across a comma or bracket, nor a bracket that abbreviates nothing', () => {
    expect(aliasesIn('two parties, the Green Alliance and the Liberal Union (LUG), met')).toEqual([]);
    expect(aliasesIn('The report (see page 4) was late; costs rose (sharply).')).toEqual([]);
  });

  it('finds the acronyms a list of terms defines with "=", and no equation', () => {
    expect(aliasesIn('Key: ADT = average daily traffic, all lanes; HGV = heavy goods vehicle.')).toEqual([
      ['average daily traffic', 'ADT'],
      ['heavy goods vehicle', 'HGV'],
    ]);
    expect(aliasesIn('We enrolled n = 206 adults (CI = 1.2 to 3.4); ADT = the daily count.')).toEqual([]);
  });
});
