import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plain } from '../../src/answer/reply.js';
import { commands, MAX_QUERY_LENGTH, runCommand, runText, type CommandContext } from '../../src/commands/index.js';
import { defineCommand } from '../../src/commands/command.js';
import { Dossier } from '../../src/dossier.js';
import { DossierError } from '../../src/errors.js';
import { note, tempCorpus } from '../support/corpus.js';

let ctx: CommandContext;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const corpus = await tempCorpus({ 'a.md': note('Guard', 'The National Guard was deployed to the southern border in 2019.') });
  cleanup = corpus.cleanup;
  ctx = { dossier: await Dossier.open({ corpusDir: corpus.dir }), platform: 'terminal', user: { id: 'u1' }, channel: { id: 'c1' }, now: () => new Date('2026-01-01T00:00:00Z') };
});
afterAll(() => cleanup());

describe('the command table', () => {
  it('treats text without a command as a question', async () => {
    const reply = await runText('where was the National Guard deployed?', ctx);
    expect(reply.status).toBe('ok');
    expect(reply.blocks[0]?.type).toBe('excerpt');
  });

  it('dispatches named commands, case-insensitively', async () => {
    expect((await runText('SOURCES', ctx)).title).toBe('Sources in the corpus');
    expect((await runText('cite The National Guard was deployed', ctx)).status).toBe('ok');
  });

  it('answers empty input with help listing every command', async () => {
    const reply = await runText('   ', ctx);
    const listed = reply.blocks.flatMap((b) => (b.type === 'list' ? b.items.map(plain) : []));
    for (const c of commands) expect(listed.some((l) => l.startsWith(c.usage))).toBe(true);
  });

  it('gives a one-line error naming the problem for a missing or over-long argument', async () => {
    const missing = await runText('cite', ctx);
    expect(missing.status).toBe('error');
    expect(missing.error?.message).toBe('cite <quote>: type a quote after the command.');
    const long = await runText(`ask ${'why '.repeat(MAX_QUERY_LENGTH)}`, ctx);
    expect(long.error?.code).toBe('bad-arguments');
    expect(long.error?.message).toContain(`under ${MAX_QUERY_LENGTH} characters`);
    expect((await runCommand('nope', {}, ctx)).error?.code).toBe('unknown-command');
  });

  it('isolates a failing handler: the user gets a polite line, not a stack trace', async () => {
    const boom = defineCommand({ name: 'boom', summary: 'fails', usage: 'boom', args: z.object({}), fromText: () => ({}), run: async () => { throw new Error('secret internals at line 42'); } });
    const known = defineCommand({ name: 'known', summary: 'fails politely', usage: 'known', args: z.object({}), fromText: () => ({}), run: async () => { throw new DossierError('corpus-missing', 'The corpus folder ./nope does not exist.'); } });
    commands.push(boom, known);
    try {
      const reply = await runText('boom', ctx);
      expect(reply.error?.code).toBe('internal');
      expect(reply.error?.message).not.toContain('secret');
      expect((await runText('known', ctx)).error).toEqual({ code: 'corpus-missing', message: 'The corpus folder ./nope does not exist.' });
    } finally {
      commands.splice(commands.indexOf(boom), 2);
    }
  });
});
