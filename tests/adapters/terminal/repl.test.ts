import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { TerminalAdapter } from '../../../adapters/terminal/repl.js';
import { renderTerminal } from '../../../adapters/terminal/render.js';
import { errorReply, type Reply } from '../../../src/answer/reply.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { note, tempCorpus } from '../../support/corpus.js';

let dossier: Dossier;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const paragraphs = Array.from(
    { length: 8 },
    (_, i) => `Cartel revenue estimate number ${i + 1} came from a different agency.`,
  ).join('\n\n');
  const corpus = await tempCorpus({ 'revenue.md': note('Revenue', paragraphs) });
  cleanup = corpus.cleanup;
  dossier = await Dossier.open({ corpusDir: corpus.dir });
});
afterAll(() => cleanup());

async function session(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  const terminal = new TerminalAdapter(botContext({ dossier }), {}, { input, output });
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

  it('shows the next page on `more`', async () => {
    const out = await session(['cartel revenue estimate', 'more']);
    expect(out).toMatch(/5 more results: type `more`\./);
    expect(out).toMatch(/2 more results: type `more`\./);
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

describe('renderTerminal', () => {
  it('strips control characters from document text so it cannot drive the terminal', () => {
    const reply: Reply = {
      title: 'x\u001b[2J',
      status: 'ok',
      blocks: [{ type: 'text', text: [{ text: 'a\u001b]0;pwned\u0007b' }] }],
      attachments: [],
      more: 0,
    };
    expect(renderTerminal(reply)).not.toContain('\u001b');
    expect(renderTerminal(reply)).not.toContain('\u0007');
  });

  it('ends a reply with further results with the `more` hint unless told not to (the one-shot CLI)', () => {
    const reply: Reply = {
      title: 'Cartel revenue',
      status: 'ok',
      blocks: [{ type: 'text', text: [{ text: 'first page' }] }],
      attachments: [],
      more: 7,
      next: { command: 'ask', args: {} },
    };
    expect(renderTerminal(reply)).toMatch(/7 more results: type `more`\.$/);
    expect(renderTerminal(reply, undefined, { moreHint: false })).not.toContain('more');
    expect(renderTerminal(reply, undefined, { moreHint: false })).toMatch(/first page$/);
  });

  it('prints an error as its one line', () => {
    expect(renderTerminal(errorReply('bad-arguments', 'cite <quote>: type a quote after the command.'))).toBe(
      'cite <quote>: type a quote after the command.',
    );
  });
});
