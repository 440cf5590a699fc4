import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { TerminalAdapter } from '../../../adapters/terminal/repl.js';
import {
  ansi,
  noStyle,
  renderTerminal,
  styleFor,
  wrap,
  type TerminalStyle,
} from '../../../adapters/terminal/render.js';
import { errorReply, replyOf, textReply, type ReplyBlock } from '../../../src/answer/reply.js';
import { typed } from '../../../src/errors.js';
import { corpusForSuite, note } from '../../support/corpus.js';

/** Eight paragraphs that answer one question alike: more than a page of answers. */
const dossier = corpusForSuite({
  'revenue.md': note(
    'Revenue',
    Array.from({ length: 8 }, (_, i) => `Cartel revenue estimate number ${i + 1} came from a different agency.`).join(
      '\n\n',
    ),
  ),
});

async function session(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  const terminal = new TerminalAdapter(botContext({ dossier: dossier() }), {}, { input, output });
  await terminal.start();
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await terminal.finished;
  return text;
}

describe('TerminalAdapter', () => {
  it('answers the same commands as the chat apps, with or without the slash command', async () => {
    const out = await session(['/brief cite Cartel revenue estimate number 3', 'sources', 'exit']);
    expect(out).toContain('“Cartel revenue estimate number 3 came from a different agency.”');
    expect(out).toContain('“Revenue” · Test Desk, Dossier Tests · 2026-01-15 · ¶3');
    expect(out).toContain('1 document, 8 passages.');
  });

  it('answers the slash command alone with help, as Slack does, in any case', async () => {
    const out = await session(['/brief', '/BRIEF sources', 'exit']);
    expect(out).toContain('Dossier: cited answers from your documents');
    expect(out).toContain('1 document, 8 passages.');
  });

  it('reads the slash command typed twice as once, before a command, more or exit', async () => {
    const out = await session(['/brief /brief help', '/brief /BRIEF sources']);
    expect(out).toContain('Dossier: cited answers from your documents');
    // Once in the greeting, once for sources.
    expect(out.match(/1 document, 8 passages\./g)).toHaveLength(2);
    // Ends the session as exit does, rather than search for "brief exit".
    expect(await session(['/brief  /brief exit'])).toBe(await session(['exit']));
  });

  it('takes empty lines read from a pipe as nothing, drawing the prompt once for each command', async () => {
    const out = await session(['', 'sources', '', '  ', 'sources', '']);
    expect(out).not.toContain('> >');
    expect(out.match(/> /g)).toHaveLength(3);
  });

  it('shows the next page on `more`, its results numbered on from the page before', async () => {
    const out = await session(['cartel revenue estimate', 'more', 'cartel revenue estimate']);
    expect(out).toMatch(/5 more results: type `more`\./);
    expect(out).toMatch(/2 more results: type `more`\./);
    // 1-3, then 4-6, then a new question starts again at 1.
    expect(out.match(/^\d+(?=\. “)/gm)).toEqual(['1', '2', '3', '4', '5', '6', '1', '2', '3']);
  });

  it('says so in one line on `more` past the last page, instead of asking for the word "more"', async () => {
    const out = await session(['cartel revenue estimate', 'more', 'more', 'more', 'more']);
    expect(out).toMatch(/2 more results: type `more`\./);
    expect(out.match(/^(> )?No more results\.$/gm)).toHaveLength(2);
    expect(out).not.toContain('Nothing in the corpus answers');
  });

  it('says there is no next page after an answer that has none (cite, sources)', async () => {
    const out = await session(['cite Cartel revenue estimate number 3', 'more', 'sources', 'more']);
    expect(out.match(/^(> )?No more results\.$/gm)).toHaveLength(2);
    expect(out).not.toContain('Nothing in the corpus answers');
  });

  it('asks for a question first on `more` before any answer, and still pages the first answer after', async () => {
    const out = await session(['more', 'MORE', 'cartel revenue estimate', 'more']);
    expect(out.match(/^(> )?Ask a question first; `more` shows the next results of the last answer\.$/gm)).toHaveLength(
      2,
    );
    expect(out).toMatch(/2 more results: type `more`\./);
    expect(out).not.toContain('Nothing in the corpus answers');
  });
});

/** A terminal as readline sees one: key presses in, escape sequences out, `columns` wide. */
function ttySession(columns = 80, options: { style?: TerminalStyle } = {}) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns });
  let raw = '';
  output.on('data', (d: Buffer) => (raw += d.toString()));
  const terminal = new TerminalAdapter(botContext({ dossier: dossier() }), {}, { input, output, ...options });
  /** What the screen shows, without readline's cursor movements and the styles. */
  const shown = () => raw.replace(CSI, '');
  const waitFor = async (text: string | RegExp, from = 0) => {
    for (let i = 0; i < 500; i++) {
      const rest = raw.slice(from);
      if (typeof text === 'string' ? rest.includes(text) : text.test(rest)) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`never shown: ${String(text)}\n${shown()}`);
  };
  return {
    terminal,
    type: (keys: string) => input.write(keys),
    raw: () => raw,
    shown,
    waitFor,
    /** Ends the session as Ctrl-D does. */
    async end() {
      input.write('\u0004');
      await terminal.finished;
    },
  };
}

// eslint-disable-next-line no-control-regex -- readline's escape sequences are what is taken out
const CSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const UP = '\u001b[A';
// eslint-disable-next-line no-control-regex -- the styles are what is looked for
const BOLD_OR_DIM = /\u001b\[(1|2|22)m/;
const LEFT = '\u001b[D';

describe('TerminalAdapter on a terminal', () => {
  it('edits the line with the arrows instead of sending their escape codes', async () => {
    const tty = ttySession();
    await tty.terminal.start();
    tty.type(`hlp${LEFT}${LEFT}e\r`);
    await tty.waitFor('sources');
    expect(tty.shown()).not.toContain('Unknown command');
    expect(tty.shown()).not.toContain('[D');
    await tty.end();
  });

  it('brings back the lines typed this session with the up arrow', async () => {
    const tty = ttySession();
    await tty.terminal.start();
    tty.type('cite Cartel revenue estimate number 3\r');
    await tty.waitFor('¶3');
    const from = tty.raw().length;
    tty.type(`sources\r`);
    await tty.waitFor('1 document, 8 passages.', from);
    const again = tty.raw().length;
    tty.type(`${UP}${UP}\r`);
    await tty.waitFor('¶3', again);
    await tty.end();
  });

  it('wraps answers at the terminal’s width between words, continuing under the text', async () => {
    const tty = ttySession(40, { style: noStyle });
    await tty.terminal.start();
    const from = tty.raw().length;
    tty.type('cite Cartel revenue estimate number 3\r');
    await tty.waitFor('¶3', from);
    const answer = tty.shown().slice(tty.shown().indexOf('1. '));
    const lines = answer.split(/\r?\n/).filter(Boolean);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(40);
    expect(lines.slice(0, 3)).toEqual([
      '1. “Cartel revenue estimate number 3',
      '   came from a different agency.”',
      expect.stringMatching(/^ {3}— “Revenue” ·/),
    ]);
    await tty.end();
  });

  it('shows no bold or dim when NO_COLOR is set, and both on a terminal when it is not', async () => {
    /** What a terminal session shows for one cite, with NO_COLOR set to `noColor`. */
    const citeWith = async (noColor: string): Promise<string> => {
      vi.stubEnv('NO_COLOR', noColor);
      try {
        const tty = ttySession();
        await tty.terminal.start();
        tty.type('cite Cartel revenue estimate number 3\r');
        await tty.waitFor('¶3');
        const raw = tty.raw();
        await tty.end();
        return raw;
      } finally {
        vi.unstubAllEnvs();
      }
    };
    expect(await citeWith('1')).not.toMatch(BOLD_OR_DIM);
    expect(await citeWith('')).toContain('\u001b[1m');
  });

  it(
    'prints a digest or a warning that arrives above the prompt, then draws ' + 'the prompt and the line typed again',
    async () => {
      const tty = ttySession(80, { style: noStyle });
      await tty.terminal.start();
      tty.type('cartel reve');
      await tty.waitFor('cartel reve');
      const from = tty.raw().length;
      await tty.terminal.post('C1', { title: 'Morning digest', status: 'ok', blocks: [], attachments: [], more: 0 });
      const errors: string[] = [];
      tty.terminal.interject('dossier: corpus/broken.pdf could not be read\n', {
        write: (t: string) => errors.push(t),
      });
      const shown = tty.raw().slice(from).replace(CSI, '');
      // The line being typed is cleared, the digest printed in its place, and the prompt drawn again under it.
      expect(tty.raw().slice(from).startsWith('\u001b[1G\u001b[2K[to C1]\nMorning digest\n')).toBe(true);
      expect(errors).toEqual(['dossier: corpus/broken.pdf could not be read\n']);
      expect(shown).toMatch(/^\[to C1\]\nMorning digest\n+> cartel reve> cartel reve$/);
      tty.type('nue estimate number 3\r');
      await tty.waitFor('1. “Cartel revenue estimate number 3', from);
      await tty.end();
    },
  );

  it('clears the line on Ctrl-C, and ends the session on Ctrl-C at an empty prompt', async () => {
    const tty = ttySession();
    await tty.terminal.start();
    tty.type('half a question\u0003');
    tty.type('sources\r');
    await tty.waitFor('1 document, 8 passages.');
    expect(tty.shown()).not.toContain('Nothing in the corpus answers');
    tty.type('\u0003');
    await tty.terminal.finished;
  });
});

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

  it('heads a disagreement with its title as the core wrote it, as a figures block', () => {
    const citation = { source: 'port.md', title: 'Port', paragraph: 2 };
    const item = (text: string) => ({ text, sentence: [{ text: `It cost ${text}.` }], citation });
    const reply = replyOf('Dredging', [
      { type: 'disagreement', title: 'Sources differ on dredging cost', items: [item('€4m'), item('€5m')] },
    ]);
    const lines = renderTerminal(reply).split('\n');
    expect(lines[lines.indexOf('Sources differ on dredging cost') + 1]).toBe('  • €4m: “It cost €4m.”');
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
