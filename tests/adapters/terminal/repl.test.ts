import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalAdapter } from '../../../adapters/terminal/repl.js';
import { renderTerminal } from '../../../adapters/terminal/render.js';
import { errorReply, type Reply } from '../../../src/answer/reply.js';
import { Dossier } from '../../../src/dossier.js';
import { note, tempCorpus } from '../../support/corpus.js';

let dossier: Dossier;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const paragraphs = Array.from({ length: 8 }, (_, i) => `Cartel revenue estimate number ${i + 1} came from a different agency.`).join('\n\n');
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
  const terminal = new TerminalAdapter(dossier, { input, output });
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
    expect(out).toContain('1 documents, 8 passages.');
  });

  it('shows the next page on `more`', async () => {
    const out = await session(['cartel revenue estimate', 'more']);
    expect(out).toMatch(/5 more results: type `more`\./);
    expect(out).toMatch(/2 more results: type `more`\./);
  });
});

describe('renderTerminal', () => {
  it('strips control characters from document text so it cannot drive the terminal', () => {
    const reply: Reply = { title: 'x\u001b[2J', status: 'ok', blocks: [{ type: 'text', text: [{ text: 'a\u001b]0;pwned\u0007b' }] }], attachments: [], more: 0 };
    expect(renderTerminal(reply)).not.toContain('\u001b');
    expect(renderTerminal(reply)).not.toContain('\u0007');
  });

  it('prints an error as its one line', () => {
    expect(renderTerminal(errorReply('bad-arguments', 'cite <quote>: type a quote after the command.'))).toBe('cite <quote>: type a quote after the command.');
  });
});
