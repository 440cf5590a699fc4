import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDiscord } from '../../adapters/discord/render.js';
import { renderSlack } from '../../adapters/slack/render.js';
import { ansi, renderTerminal } from '../../adapters/terminal/render.js';
import { ask } from '../../src/answer/ask.js';
import { cite } from '../../src/answer/cite.js';
import { answerFigures } from '../../src/answer/figures/index.js';
import { ELLIPSIS, plain, type Reply } from '../../src/answer/reply.js';
import { commands, runCommand, runText, type CommandContext } from '../../src/commands/index.js';
import { DigestService } from '../../src/digest/service.js';
import { digestWorld } from '../digest/fixtures.js';
import { anyInput, fuzz, HOSTILE_CORPUS, MARKUP, VOCAB } from '../support/arbitraries.js';
import { expectInertDiscord, expectInertSlack, expectInertTerminal } from '../support/inert.js';
import { commandContext } from '../support/commands.js';

let world: Awaited<ReturnType<typeof digestWorld>>;
let ctx: CommandContext;
beforeAll(async () => {
  world = await digestWorld(HOSTILE_CORPUS);
  const digest = new DigestService({
    store: world.openStore(),
    dossier: world.dossier,
    defaultTimeZone: 'UTC',
    now: () => new Date('2026-03-03T10:00Z'),
  });
  ctx = commandContext(world.dossier, { platform: 'slack', now: () => new Date('2026-03-03T10:00Z'), digest });
});
afterAll(() => world.cleanup());

/** Text typed after /brief: sometimes a command name, then corpus words mixed with markup and anything else. */
const typed = fc
  .tuple(
    fc.constantFrom(
      '',
      '',
      'ask ',
      'cite ',
      'figures ',
      'FIGURES ',
      'sources',
      'help ',
      'digest subscribe ',
      'digest preview ',
      'digest list ',
      'digest ',
      'more ',
    ),
    fc.array(fc.oneof(fc.constantFrom(...VOCAB), fc.constantFrom(...MARKUP), anyInput(800)), { maxLength: 8 }),
  )
  .map(([command, words]) => command + words.join(' '));

/** Quotes from the hostile documents, rendered, show up escaped: proof the properties saw hostile excerpts. */
const quotedHostile = { slack: 0, discord: 0 };

/** Renders a reply for every platform and checks each is within its limits and inert. */
function expectRenderedSafely(reply: Reply, request: string): void {
  const slack = renderSlack(reply, { request: { t: request }, share: 'offer' });
  expectInertSlack(slack);
  const discord = renderDiscord(reply).message;
  expectInertDiscord(discord);
  expectInertTerminal(renderTerminal(reply, ansi));
  if (reply.blocks.some((b) => b.type === 'excerpt' || b.type === 'figures')) {
    if (/&lt;(!channel|@U123|!here)&gt;/.test(JSON.stringify(slack.blocks))) quotedHostile.slack++;
    if (
      JSON.stringify(discord.embeds).includes('\\\\<@U123>') ||
      JSON.stringify(discord.embeds).includes('@\\u200beveryone')
    )
      quotedHostile.discord++;
  }
}

function expectHandled(reply: Reply): void {
  // runCommand turns a crash into an `internal` error reply, so "nothing throws" means no such reply.
  expect(reply.error?.code, reply.error?.message).not.toBe('internal');
  if (reply.status === 'error') expect(reply.error?.message).not.toMatch(/\n|\s+at .+\(.+:\d+:\d+\)/);
}

describe('commands, fuzzed over a corpus full of markup', () => {
  it(
    'answer any typed text without crashing, and every platform renders the ' +
      'answer within its limits with nothing live from input',
    async () => {
      await fc.assert(
        fc.asyncProperty(typed, async (text) => {
          const reply = await runText(text, ctx);
          expectHandled(reply);
          expectRenderedSafely(reply, text);
        }),
        fuzz(250),
      );
      expect(quotedHostile.slack).toBeGreaterThan(10);
      expect(quotedHostile.discord).toBeGreaterThan(10);
    },
  );

  it(
    'validate structured arguments of any shape (Discord options, button ' +
      'payloads) with a one-line error, never a crash',
    async () => {
      const names = fc.constantFrom(...commands.map((c) => c.name), 'nope', '', '<@U1>');
      const value = fc.oneof(
        anyInput(700),
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.array(fc.string(), { maxLength: 3 }),
        fc.object({ maxDepth: 1 }),
      );
      const args = fc.dictionary(
        fc.constantFrom('question', 'quote', 'topic', 'offset', 'action', 'topics', 'at', 'days', 'tz', 'x'),
        value,
        { maxKeys: 4 },
      );
      await fc.assert(
        fc.asyncProperty(names, args, async (name, raw) => {
          const reply = await runCommand(name, raw, ctx);
          expectHandled(reply);
          expectRenderedSafely(reply, name);
        }),
        fuzz(200),
      );
    },
  );
});

describe('ask, cite and figures, fuzzed', () => {
  const query = fc.oneof(
    anyInput(600),
    fc.array(fc.oneof(fc.constantFrom(...VOCAB), fc.constantFrom(...MARKUP)), { maxLength: 8 }).map((w) => w.join(' ')),
  );

  it('never throw, and quote only the source’s own words', () => {
    expect(world.dossier.documents.map((d) => d.source)).toEqual(Object.keys(HOSTILE_CORPUS).sort());
    let quotes = 0;
    fc.assert(
      fc.property(query, fc.nat(20), (q, offset) => {
        for (const answer of [ask(world.dossier, q, { offset }), cite(world.dossier, q)]) {
          for (const r of answer.results) {
            const quoted = plain(r.excerpt.text).replace(new RegExp(`^${ELLIPSIS} | ${ELLIPSIS}$`, 'g'), '');
            expect(r.passage.text).toContain(quoted);
            quotes++;
          }
        }
        const figures = answerFigures(world.dossier, q);
        for (const f of figures.toJSON().figures) expect(f.sentence).toContain(f.text);
      }),
      fuzz(200),
    );
    expect(quotes).toBeGreaterThan(50);
    expect(quotes).toBeGreaterThan(50);
  });
});
