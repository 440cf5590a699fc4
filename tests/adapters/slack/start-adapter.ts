import { afterAll, beforeAll } from 'vitest';
import type { BotContext } from '../../../adapters/bot.js';
import { SlackAdapter } from '../../../adapters/slack/app.js';
import { siltCorpus } from '../../support/corpus.js';
import { slackHeaders, slashCommandBody, type Recorded, type SlackStub } from './slack-stub.js';

export const FORM = 'application/x-www-form-urlencoded';

/** A Slack adapter under test, with the requests Slack would send it. */
export interface StartedSlack {
  adapter: SlackAdapter;
  /** A response_url on the stand-in that no other request has used. */
  responseUrl(): string;
  /** Posts `body` to the events URL, signed with the adapter's secret unless other `headers` are given. */
  post(
    body: string,
    contentType: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; text: string; elapsed: number }>;
  /** `/brief <text>`: the ack and what then arrived at its response_url. */
  command(
    text: string,
    asker?: { user?: string; channel?: string },
  ): Promise<{ ack: { status: number; elapsed: number }; answer: Recorded }>;
}

/**
 * A Slack adapter in HTTP mode on 127.0.0.1 whose Web API calls go to the stand-in, started: what the tests that
 * send it signed requests share.
 */
export async function startSlackAdapter(
  stub: SlackStub,
  bot: BotContext,
  { botToken, signingSecret }: { botToken: string; signingSecret: string },
): Promise<StartedSlack> {
  const adapter = new SlackAdapter(
    bot,
    { botToken, signingSecret, port: 0, command: '/brief', apiUrl: `${stub.url}/api/` },
    { host: '127.0.0.1' },
  );
  await adapter.start();
  const eventsUrl = `http://127.0.0.1:${adapter.port}/slack/events`;
  let responses = 0;
  const responseUrl = () => `${stub.url}/response/${++responses}`;
  const post: StartedSlack['post'] = async (body, contentType, headers) => {
    const started = Date.now();
    const res = await fetch(eventsUrl, {
      method: 'POST',
      headers: headers ?? slackHeaders(signingSecret, body, contentType),
      body,
    });
    return { status: res.status, text: await res.text(), elapsed: Date.now() - started };
  };
  const command: StartedSlack['command'] = async (text, asker = {}) => {
    const url = responseUrl();
    const ack = await post(slashCommandBody({ text, responseUrl: url, ...asker }), FORM);
    const answer = await stub.waitFor((c) => c.path === new URL(url).pathname, { ms: 10_000 });
    return { ack, answer };
  };
  return { adapter, responseUrl, post, command };
}

/**
 * For a test file: before its tests, the stand-in started and a Slack adapter over the silt corpus, with the bot
 * `makeBot` builds over that folder; after them, the adapter, the stand-in and the corpus ended. Returns the adapter
 * (call it in a test).
 */
export function slackOverSilt(
  stub: SlackStub,
  makeBot: (corpusDir: string) => Promise<BotContext>,
  secrets: { botToken: string; signingSecret: string },
): () => StartedSlack {
  let slack: StartedSlack | undefined;
  let corpus: Awaited<ReturnType<typeof siltCorpus>> | undefined;
  beforeAll(async () => {
    await stub.start();
    corpus = await siltCorpus();
    slack = await startSlackAdapter(stub, await makeBot(corpus.dir), secrets);
  });
  afterAll(async () => {
    await slack?.adapter.stop();
    await stub.stop();
    await corpus?.cleanup();
  });
  return () => slack!;
}
