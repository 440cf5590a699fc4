import { describe, expect, it } from 'vitest';
import { botContext } from '../../../adapters/bot.js';
import { CommandGate } from '../../../src/commands/index.js';
import { Dossier } from '../../../src/engine/dossier.js';
import { createLogger } from '../../../src/log.js';
import { ManualClock } from '../../support/manual-clock.js';
import { eventCallbackBody, SlackStub } from './slack-stub.js';
import { slackOverSilt } from './start-adapter.js';

const SECRET = 'gate-test-signing-secret';
const BOT_TOKEN = 'xoxb-gate-test-token-never-logged';
const QUESTION = 'what did the dredging contractor report about silt';
const SLOW_DOWN = "You're going a bit fast — try again in 30 s.";

const stub = new SlackStub();
const logs: Record<string, unknown>[] = [];
const slack = slackOverSilt(
  stub,
  async (corpusDir) => {
    const log = createLogger('info', {
      write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>),
    });
    const dossier = await Dossier.open({ corpusDir, log });
    // Two commands a minute per user; the clock never moves, so the third is refused.
    const gate = new CommandGate({ userPerMinute: 2, channelPerMinute: 0, clock: new ManualClock() });
    return botContext({ dossier, log, gate });
  },
  { botToken: BOT_TOKEN, signingSecret: SECRET },
);

/** `/brief <text>` from `user`; resolves with what arrived at its response_url. */
const slashCommand = async (user: string, text: string) => (await slack().command(text, { user })).answer.body;

/** `@Dossier <text>` from `user` in a channel thread; resolves with the Web API call that answered it. */
async function mention(user: string, text: string, n: number) {
  const from = stub.calls.length;
  const event = {
    type: 'app_mention',
    user,
    text: `<@UBOT> ${text}`,
    ts: `40${n}.000001`,
    channel: 'C9',
    event_ts: `40${n}.000001`,
  };
  await slack().post(eventCallbackBody(event, `EvG${n}`, 400 + n), 'application/json');
  return stub.waitFor((c) => c.path === '/api/chat.postMessage' || c.path === '/api/chat.postEphemeral', { from });
}

describe('SlackAdapter with a command gate', () => {
  it('answers a user past the rate limit with an ephemeral "slow down" naming the wait', async () => {
    expect(JSON.stringify(await slashCommand('U1', QUESTION))).toContain('silt');
    await slashCommand('U1', 'sources');
    const limited = await slashCommand('U1', QUESTION);
    expect(limited.response_type).toBe('ephemeral');
    expect(limited.text).toBe(SLOW_DOWN);
    expect(JSON.stringify(await slashCommand('U2', QUESTION))).toContain('silt');
  });

  it('keeps the "slow down" private even where the answer would be posted in the thread', async () => {
    expect((await mention('U3', QUESTION, 1)).path).toBe('/api/chat.postMessage');
    expect((await mention('U3', QUESTION, 2)).path).toBe('/api/chat.postMessage');
    const limited = await mention('U3', QUESTION, 3);
    expect(limited.path).toBe('/api/chat.postEphemeral');
    expect(limited.body).toMatchObject({ channel: 'C9', user: 'U3', thread_ts: '403.000001', text: SLOW_DOWN });
  });

  it('logs each command with its status and never the token, the signing secret or the question', () => {
    const commands = logs.filter((l) => l.msg === 'command');
    expect(commands.map((l) => l.status)).toEqual(['ok', 'ok', 'limited', 'ok', 'ok', 'ok', 'limited']);
    expect(commands.every((l) => l.platform === 'slack' && typeof l.requestId === 'string')).toBe(true);
    const written = JSON.stringify(logs);
    expect(written).not.toContain(BOT_TOKEN);
    expect(written).not.toContain(SECRET);
    expect(written).not.toContain('dredging contractor');
  });
});
