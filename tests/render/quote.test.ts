import { describe, expect, it } from 'vitest';
import { quoted } from '../../src/render/quote.js';

describe('quoted', () => {
  it('shows a quotation between double marks, as written', () => {
    expect(quoted('The ferry sails at nine.')).toBe('“The ferry sails at nine.”');
    expect(quoted('The ferry sails at nine.', '*The ferry* sails at nine.')).toBe('“*The ferry* sails at nine.”');
  });

  it('shows one opening or closing with a double mark of its own between single marks, never two side by side', () => {
    expect(quoted('“We will sail at nine,” the captain said.')).toBe('‘“We will sail at nine,” the captain said.’');
    expect(quoted('The captain said that “we sail at nine.”')).toBe('‘The captain said that “we sail at nine.”’');
    expect(quoted('"We sail at nine," she said.')).toBe('‘"We sail at nine," she said.’');
    // A mark inside leaves the outer ones as they are.
    expect(quoted('The “night boat” sails at nine.')).toBe('“The “night boat” sails at nine.”');
  });
});
