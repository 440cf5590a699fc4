// The bot side of `npm run bench:load` (bench/load.ts forks it): Dossier's SlackAdapter in HTTP
// mode on 127.0.0.1, configured from the environment the driver passes as `npm start` would be.
// It runs in its own process so its memory is measured alone and its event loop is not shared
// with the 50 clients. Messages over IPC: it sends `ready` (with its port); it answers `memory`
// (after a full GC) and `stop`.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Writable } from 'node:stream';
import { botContext } from '../adapters/bot.js';
import { SlackAdapter } from '../adapters/slack/app.js';
import { slackSettings } from '../adapters/slack/settings.js';
import { CommandGate } from '../src/commands/index.js';
import { loadConfig } from '../src/config.js';
import { chartWorkers, Dossier } from '../src/engine/index.js';
import { createLogger } from '../src/log.js';

export type ServerMessage =
  | { type: 'ready'; port: number; passages: number }
  | { type: 'memory'; heapUsedMB: number; rssMB: number; errorsLogged: number };
export type DriverMessage = { type: 'memory' } | { type: 'stop' };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Log lines at error level or worse; each is passed on to stderr as well. */
let errorsLogged = 0;
const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    const text = chunk.toString('utf8');
    for (const [, level] of text.matchAll(/"level":(\d+)/g)) if (Number(level) >= 50) errorsLogged++;
    process.stderr.write(text, () => done());
  },
});

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL, logSink);
const settings = slackSettings(config);
if (!settings?.signingSecret) throw new Error('bench/load-server.ts needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET');
const dossier = await Dossier.open({ corpusDir: config.CORPUS_DIR, log });
// Charts are drawn by worker threads as in adapters/main.ts, or, with LOAD_CHARTS_IN_THREAD=1, on the
// main thread as before them, for comparison.
const charts = process.env.LOAD_CHARTS_IN_THREAD === '1' ? undefined : chartWorkers();
// Port 0 picks a free one (SLACK_PORT cannot say 0). Every command passes the gate, as in adapters/main.ts.
const bot = botContext({ dossier, log, gate: CommandGate.fromConfig(config), drawChart: charts?.draw });
const adapter = new SlackAdapter(bot, { ...settings, port: 0 }, { host: '127.0.0.1' });
await adapter.start();

const send = (message: ServerMessage) => process.send!(message);
process.on('message', (message: DriverMessage) => {
  if (message.type === 'memory') {
    gc();
    gc();
    const usage = process.memoryUsage();
    send({ type: 'memory', heapUsedMB: usage.heapUsed / 2 ** 20, rssMB: usage.rss / 2 ** 20, errorsLogged });
  } else {
    void adapter
      .stop()
      .then(() => charts?.close())
      .finally(() => process.exit(0));
  }
});
send({ type: 'ready', port: adapter.port!, passages: dossier.passages.length });
