import { describe, expect, it } from 'vitest';
import { nearestName } from '../../src/commands/command.js';

const NAMES = ['ask', 'cite', 'figures', 'digest', 'sources', 'help'];

describe('nearestName', () => {
  it('reads a slip of one letter, or two in a longer name, as the name meant', () => {
    expect(nearestName('figurs', NAMES)).toBe('figures');
    expect(nearestName('figrs', NAMES)).toBe('figures');
    expect(nearestName('hlep', NAMES)).toBe('help');
    expect(nearestName('ak', NAMES)).toBe('ask');
  });

  it('allows a name of four letters or fewer only one slip', () => {
    expect(nearestName('hp', NAMES)).toBeUndefined();
    expect(nearestName('fgrs', NAMES)).toBeUndefined();
  });

  it('gives nothing for a name itself, whatever its case', () => {
    expect(nearestName('ask', NAMES)).toBeUndefined();
    expect(nearestName('ASK', NAMES)).toBeUndefined();
  });

  it('takes one slip over two, and among equals the first name', () => {
    expect(nearestName('abcdefgx', ['abcdefxy', 'abcdefgh'])).toBe('abcdefgh');
    expect(nearestName('cars', ['cart', 'card'])).toBe('cart');
  });
});
