import { describe, expect, it } from 'vitest';
import { CURRENCY_SIGNS } from '../../src/corpus/currencies.js';

describe('CURRENCY_SIGNS', () => {
  it("matches each currency's sign literally, a dollar sign included, and no other character", () => {
    const sign = new RegExp(`^(?:${CURRENCY_SIGNS})$`, 'i');
    for (const typed of ['$', 'US$', '€', '£']) expect(sign.test(typed)).toBe(true);
    for (const other of ['', 'S', 'us', '#']) expect(sign.test(other)).toBe(false);
  });
});
