import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../src/corpus/text.js';

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
