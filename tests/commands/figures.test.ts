import { describe, expect, it } from 'vitest';
import { runCommand, runText } from '../../src/commands/index.js';
import { NARROWER_TOPIC } from '../../src/answer/figures/reply.js';
import { HARBOUR } from '../answer/figures/fixtures.js';
import { commandContext } from '../support/commands.js';
import { corpusForSuite } from '../support/corpus.js';

const harbour = corpusForSuite(HARBOUR);
const ctx = () => commandContext(harbour());

describe('figures command', () => {
  it('answers `figures <topic>` typed as text, with the chart of a series', async () => {
    const reply = await runText('figures cargo thefts', ctx());
    expect(reply).toMatchObject({ status: 'ok', title: 'Figures on cargo thefts' });
    expect(reply.blocks[0]).toMatchObject({ type: 'figures', title: 'cargo thefts at the harbour' });
    expect(reply.attachments.map((a) => a.contentType)).toEqual(['image/png']);
  });

  it('does not page, and says to name a narrower topic for figures a platform has no room for', async () => {
    const reply = await runText('figures cargo thefts', ctx());
    expect(reply.next).toBeUndefined();
    expect(reply.leftOutHint).toBe(NARROWER_TOPIC);
  });

  it('draws its chart with the drawer the context passes in (the bot’s chart workers)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const asked: string[] = [];
    const reply = await runText('figures cargo thefts', {
      ...ctx(),
      drawChart: async ({ series }) => (asked.push(series.measure), png),
    });
    expect(await reply.attachments[0]!.draw()).toBe(png);
    expect(asked).toEqual(['cargo thefts at the harbour']);
  });

  it('asks for a topic in one line when there is none', async () => {
    const reply = await runCommand('figures', { topic: '  ' }, ctx());
    expect(reply.status).toBe('error');
    expect(reply.error).toEqual({
      code: 'bad-arguments',
      message: 'The topic is missing: `figures <topic>`.',
    });
  });

  it('accepts a topic of 200 characters and refuses a longer one, saying "at most"', async () => {
    const topic = `cargo thefts ${'x'.repeat(200)}`.slice(0, 200);
    expect((await runCommand('figures', { topic }, ctx())).status).not.toBe('error');
    expect((await runCommand('figures', { topic: `${topic}x` }, ctx())).error?.message).toBe(
      'Keep the topic to at most 200 characters (this one has 201).',
    );
  });
});
