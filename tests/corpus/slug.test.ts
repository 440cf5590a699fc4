import { describe, expect, it } from 'vitest';
import { slug } from '../../src/corpus/slug.js';

describe('slug', () => {
  it('folds accents into the plain letter', () => {
    expect(slug('Café prices')).toBe('cafe-prices');
    expect(slug('Zürich São Paulo')).toBe('zurich-sao-paulo');
  });

  it('ends on a letter or digit, after trailing punctuation and after the cut at 60 characters', () => {
    expect(slug('Fares, 2024 (est.)!')).toBe('fares-2024-est');
    expect(slug('--Harbour dues--')).toBe('harbour-dues');
    const cut = slug(`${'a'.repeat(59)} b`);
    expect(cut).toBe('a'.repeat(59));
  });

  it('is empty for text with no letter or digit it can keep, so the caller names the file', () => {
    expect(slug('')).toBe('');
    expect(slug('¿¡…!?')).toBe('');
    expect(slug('東京')).toBe('');
  });
});
