import { describe, expect, it } from 'vitest';
import { ansi, noStyle, renderTerminal, styleFor, wrap } from '../../../adapters/terminal/render.js';
import { errorReply, replyOf, textReply, type ReplyBlock } from '../../../src/answer/reply.js';
import { typed } from '../../../src/errors.js';

describe('renderTerminal', () => {
  it('strips control characters from document text so it cannot drive the terminal', () => {
    const reply = textReply('x\u001b[2J', 'a\u001b]0;pwned\u0007b');
    expect(renderTerminal(reply)).not.toContain('\u001b');
    expect(renderTerminal(reply)).not.toContain('\u0007');
  });

  it('ends a reply with further results with the `more` hint unless told not to (the one-shot CLI)', () => {
    const reply = textReply('Cartel revenue', 'first page', { more: 7, next: { command: 'ask', args: {} } });
    expect(renderTerminal(reply)).toMatch(/7 more results: type `more`\.$/);
    expect(renderTerminal(reply, undefined, { moreHint: false })).not.toContain('more');
    expect(renderTerminal(reply, undefined, { moreHint: false })).toMatch(/first page$/);
  });

  it('prints a list item’s lead-in on its own result’s first line, not under the citation before it', () => {
    const citation = { source: 'plan.md', title: 'Plan', paragraph: 4 };
    const excerpt = (text: string, context?: string): ReplyBlock => ({
      type: 'excerpt',
      excerpt: { text: [{ text }], citation, figures: [], score: 1, ...(context ? { context } : {}) },
    });
    const reply = replyOf('Plan', [
      excerpt('Funding rose.'),
      excerpt('Training judges;', 'The plan has three pillars:'),
    ]);
    const lines = renderTerminal(reply).split('\n');
    const second = lines.indexOf('2. The plan has three pillars:');
    expect(second).toBeGreaterThan(0);
    expect(lines[second - 1]).toBe('');
    expect(lines[second + 1]).toBe('   “Training judges;”');
    expect(lines[second + 2]).toMatch(/^ {3}— “Plan”/);
  });

  it('lines a two-digit result’s quote, citation and key figures up under its text, as its wrapped lines', () => {
    const citation = { source: 'ferry.md', title: 'Ferry', paragraph: 2 };
    const figure = { text: '12,400', sentence: [{ text: 'It took 12,400.' }], citation };
    const reply = replyOf('Ferry', [
      { type: 'excerpt', excerpt: { text: [{ text: 'It took 12,400.' }], citation, figures: [figure], score: 1 } },
      {
        type: 'excerpt',
        excerpt: { text: [{ text: 'Winter crossings;' }], citation, figures: [], score: 1, context: 'It sails:' },
      },
    ]);
    const lines = renderTerminal(reply, noStyle, { firstNumber: 9 }).split('\n');
    expect(lines.slice(2)).toEqual([
      '9. “It took 12,400.”',
      '   — “Ferry” · ¶2',
      '   Key figures: 12,400',
      '',
      '10. It sails:',
      '    “Winter crossings;”',
      '    — “Ferry” · ¶2',
    ]);
  });

  it('quotes a sentence that opens with a quotation mark of its own without doubling the mark', () => {
    const citation = { source: 'ferry.md', title: 'Ferry', paragraph: 3 };
    const sentence = '“We will carry 12,400 people,” the captain said.';
    const reply = replyOf('Ferry', [
      {
        type: 'figures',
        title: 'people',
        items: [{ text: '12,400 people', sentence: [{ text: sentence }], citation }],
      },
      { type: 'excerpt', excerpt: { text: [{ text: sentence }], citation, figures: [], score: 1 } },
    ]);
    const out = renderTerminal(reply, noStyle);
    expect(out).not.toMatch(/““|””/);
    expect(out).toContain(`  • 12,400 people: ‘${sentence}’`);
    expect(out).toContain(`1. ‘${sentence}’`);
  });

  it('heads a disagreement with its title as the core wrote it, as a figures block', () => {
    const citation = { source: 'port.md', title: 'Port', paragraph: 2 };
    const item = (text: string) => ({ text, sentence: [{ text: `It cost ${text}.` }], citation });
    const reply = replyOf('Dredging', [
      { type: 'disagreement', title: 'Sources differ on dredging cost', items: [item('€4m'), item('€5m')] },
    ]);
    const lines = renderTerminal(reply).split('\n');
    expect(lines[lines.indexOf('Sources differ on dredging cost') + 1]).toBe('  • €4m: “It cost €4m.”');
  });

  it("names a figure's table row beside its time, which tells the rows of one column apart", () => {
    const citation = { source: 'gym.md', title: 'Gym prices', paragraph: 4 };
    const text = 'class: Yoga — price: £8 (2026)';
    const item = { text: '£8', row: 'Yoga', when: '2026', sentence: [{ text }], citation };
    const lines = renderTerminal(replyOf('Prices', [{ type: 'figures', title: 'price', items: [item] }])).split('\n');
    expect(lines[lines.indexOf('price') + 1]).toBe(`  • £8 (Yoga, 2026): “${text}”`);
  });

  it('prints a figure’s sentence whole however long, so a figure deep inside it is never cut away', () => {
    const citation = { source: 'ferry.md', title: 'Ferry', paragraph: 3 };
    const before = Array.from({ length: 80 }, (_, i) => `the ferry on crossing ${i} carried walkers`).join(', ');
    const sentence = [
      { text: `In summer ${before}, and in August it took ` },
      { text: '12,400', strong: true },
      { text: ' people.' },
    ];
    const reply = replyOf('Ferry', [
      { type: 'figures', title: 'Ferry passengers', items: [{ text: '12,400', sentence, citation }] },
    ]);
    const lines = renderTerminal(reply).split('\n');
    expect(lines[lines.indexOf('Ferry passengers') + 1]).toBe(
      `  • 12,400: “In summer ${before}, and in August it took 12,400 people.”`,
    );
  });

  it('styles only a terminal, and not when NO_COLOR is set to anything', () => {
    expect(styleFor({ isTTY: true }, {})).toBe(ansi);
    expect(styleFor({ isTTY: true }, { NO_COLOR: '1' })).toBe(noStyle);
    expect(styleFor({ isTTY: true }, { NO_COLOR: '' })).toBe(ansi);
    expect(styleFor({ isTTY: false }, {})).toBe(noStyle);
  });

  it('prints a backtick the user typed, quoted in an error, as typed, with nothing added', () => {
    expect(renderTerminal(errorReply('bad-time', `"${typed('7`30')}" is not a time: use \`HH:MM\`.`))).toBe(
      '"7`30" is not a time: use `HH:MM`.',
    );
  });

  it('prints an error as its one line', () => {
    expect(renderTerminal(errorReply('bad-arguments', 'cite <quote>: type a quote after the command.'))).toBe(
      'cite <quote>: type a quote after the command.',
    );
  });
});

describe('wrap', () => {
  it('breaks between words within the width, continuing under the text past the indent and marker', () => {
    const wrapped = wrap('  • Cargo thefts rose to 1,200 in 2018 along the main corridor', 24);
    expect(wrapped.split('\n')).toEqual([
      '  • Cargo thefts rose to',
      '    1,200 in 2018 along',
      '    the main corridor',
    ]);
  });

  it('counts what the terminal shows, not the style codes, and leaves a word longer than the line whole', () => {
    const styled = `${ansi.dim('   — a citation')} ${ansi.bold('bold')}`;
    expect(wrap(styled, 22)).toBe(styled);
    const link = 'https://example.org/a/very/long/path/that/cannot/be/cut';
    expect(wrap(`see ${link} now`, 20).split('\n')).toEqual(['see', link, 'now']);
  });
});
