import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { botContext, type BotContext } from '../../../adapters/bot.js';
import { TerminalAdapter } from '../../../adapters/terminal/repl.js';
import { noStyle, type TerminalStyle } from '../../../adapters/terminal/render.js';
import type { CommandGate } from '../../../src/commands/index.js';
import { DOSSIER_VERSION } from '../../../src/version.js';
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

async function session(lines: string[], parts: Partial<BotContext> = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  const terminal = new TerminalAdapter(botContext({ dossier: dossier(), ...parts }), {}, { input, output });
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

  it('goes on answering after a line whose handling threw, which it says in one line', async () => {
    let runs = 0;
    // A gate that fails once, outside any command: as a failing logger or clock would.
    const gate = {
      run: async (_ctx: unknown, run: () => Promise<unknown>) => {
        if (++runs === 1) throw new Error('the gate broke');
        return run();
      },
    } as unknown as CommandGate;
    const out = await session(['sources', 'sources', 'exit'], { gate });
    expect(out).toContain('Something went wrong answering that. It has been logged; please try again.');
    expect(out.match(/1 document, 8 passages\./g)).toHaveLength(2);
  });

  it('names the command a mistyped one was meant to be as typed here, alone', async () => {
    const out = await session(['figurs ferry', 'help sorces', 'exit']);
    expect(out).toContain('Unknown command figurs — did you mean `figures`?');
    expect(out).toContain('"sorces" is not a command (did you mean `sources`?): the commands are `ask`, `cite`,');
    expect(out).not.toContain('/brief figures');
  });

  it('answers the slash command alone with help, as Slack does, in any case', async () => {
    const out = await session(['/brief', '/BRIEF sources', 'exit']);
    expect(out).toContain('Dossier: cited answers from your documents');
    expect(out).toContain('1 document, 8 passages.');
  });

  it('answers the command line’s name alone with help, as the slash command alone, not as a question', async () => {
    const out = await session(['dossier', 'Dossier.', 'exit']);
    expect(out.match(/Dossier: cited answers from your documents/g)).toHaveLength(2);
    expect(out).not.toContain('Nothing in the corpus answers');
  });

  it('says an option of the command line typed here is the command line’s, rather than search for it', async () => {
    const out = await session([
      'cartel revenue estimate --limit 5',
      'figures revenue --json',
      'cite estimate --since=2020',
    ]);
    const option = (name: string, here: string) =>
      `\`--${name}\` is an option of the \`dossier\` command line, not of this session: ${here}.`;
    expect(out).toContain(option('limit', 'type the command without it, then `more` for the next results'));
    expect(out).toContain(option('json', 'type the command without it'));
    expect(out).toContain(option('since', 'type the command without it'));
    expect(out).not.toContain('Nothing in the corpus answers');
    // A dash or a word after two that the command line does not take is the question's.
    expect(await session(['cartel revenue -- estimate --verbatim'])).not.toContain('is an option of');
  });

  it('reads the slash command typed twice as once, before a command, more or exit', async () => {
    const out = await session(['/brief /brief help', '/brief /BRIEF sources']);
    expect(out).toContain('Dossier: cited answers from your documents');
    // Once in the greeting, once for sources.
    expect(out.match(/1 document, 8 passages\./g)).toHaveLength(2);
    // Ends the session as exit does, rather than search for "brief exit".
    expect(await session(['/brief  /brief exit'])).toBe(await session(['exit']));
  });

  it('reads a leading @Dossier, the command line’s name or a slash before a word it takes as that word', async () => {
    const out = await session(['@Dossier sources', '@dossier: /brief sources', 'dossier sources', '/sources']);
    // Once in the greeting, once for each line: none is searched for as a question.
    expect(out.match(/1 document, 8 passages\./g)).toHaveLength(5);
    expect(out).not.toContain('Nothing in the corpus answers');
    // Before any other word they are a question's: `dossier of …` is asked, not refused as a command.
    expect(await session(['dossier of revenue estimates'])).toContain('Nothing in the corpus answers this question.');
  });

  it('ends the session on /exit or /quit as on exit, and pages on "More." or "more!" as on more', async () => {
    for (const word of ['/exit', '/quit', 'Exit.'])
      expect(await session([word, 'sources']), word).toBe(await session(['exit', 'sources']));
    const out = await session(['cartel revenue estimate', 'More.', 'more!']);
    expect(out.match(/^\d+(?=\. “)/gm)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('prints its version on version, or dossier version, as the command line does on --version', async () => {
    const out = await session(['version', 'dossier version', '/version']);
    expect(out.match(new RegExp(`^(> )?Dossier ${DOSSIER_VERSION.replaceAll('.', '\\.')}$`, 'gm'))).toHaveLength(3);
    expect(out).not.toContain('Nothing in the corpus answers');
  });

  it('takes empty lines read from a pipe as nothing, drawing the prompt once for each command', async () => {
    const out = await session(['', 'sources', '', '  ', 'sources', '']);
    expect(out).not.toContain('> >');
    expect(out.match(/> /g)).toHaveLength(3);
  });

  it('prompts before every reply to lines from a pipe, though the input ends during a slow one', async () => {
    // A gate as slow as `add` fetching a page: the pipe's end arrives while the first line is still being answered.
    const gate = {
      run: async (_ctx: unknown, run: () => Promise<unknown>) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return run();
      },
    } as unknown as CommandGate;
    const out = await session(['sources', 'version', 'sources'], { gate });
    expect(out.match(/^> (Sources in the corpus|Dossier \d)/gm)).toEqual([
      '> Sources in the corpus',
      '> Dossier 0',
      '> Sources in the corpus',
    ]);
    // No prompt is left hanging after the last reply: nothing more will be read.
    expect(out.endsWith('\n\n')).toBe(true);
  });

  it('answers a slow line from a pipe on its prompt, though the input ends after the prompt is drawn', async () => {
    // The first line answered at once and its next prompt drawn; the second as slow as `add` fetching a page, so the
    // pipe ends while that prompt shows with the line already read: its answer belongs on it, not a line below.
    let runs = 0;
    const gate = {
      run: async (_ctx: unknown, run: () => Promise<unknown>) => {
        if (++runs === 2) await new Promise((resolve) => setTimeout(resolve, 50));
        return run();
      },
    } as unknown as CommandGate;
    for (const lines of [
      ['version', 'sources'],
      ['version', 'sources', 'version'],
    ]) {
      const out = await session(lines, { gate });
      runs = 0;
      expect(out, lines.join()).toContain('\n\n> Sources in the corpus');
      expect(out, lines.join()).not.toMatch(/> \n/);
    }
  });

  it('answers no line after exit read from the same pipe', async () => {
    const out = await session(['sources', 'exit', 'sources']);
    expect(out.match(/1 document, 8 passages\./g)).toHaveLength(2);
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

  it('says `more` pages ask answers after an answer of another command (cite, figures, sources)', async () => {
    const out = await session([
      'cite Cartel revenue estimate number 3',
      'more',
      'figures revenue',
      'more',
      'sources',
      'More.',
    ]);
    for (const command of ['cite', 'figures', 'sources'])
      expect(out).toMatch(
        new RegExp(
          `^(> )?\`more\` shows the next passages of an \`ask\` answer; \`${command}\` answers come on one page\\.$`,
          'm',
        ),
      );
    expect(out).not.toMatch(/No more results|Nothing in the corpus answers/);
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
