/**
 * One bot process for the crash tests: the scheduler, ticking once at the given instant, posting
 * through the real Slack adapter to the stand-in at `apiUrl`. With CRASH_AT set to a store method
 * and a count (`markPosting#3`), the process kills itself (SIGKILL: nothing is cleaned up) right
 * after that call returns, or right before it with a `before:` prefix (`before:markPosting#3`).
 */
import { botContext } from '../../adapters/bot.js';
import { SlackAdapter } from '../../adapters/slack/app.js';
import { DigestScheduler } from '../../src/digest/scheduler.js';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.js';
import type { DigestStore } from '../../src/digest/store.js';
import { Dossier } from '../../src/engine/dossier.js';
import { silentLogger } from '../../src/log.js';

const [corpusDir, dbPath, apiUrl, instant] = process.argv.slice(2) as [string, string, string, string];

/** The store, with a kill switch on one of its calls. */
function crashing(store: DigestStore, spec: string | undefined): DigestStore {
  const match = spec ? /^(before:)?(\w+)#(\d+)$/.exec(spec) : null;
  if (!match) return store;
  const [, before, method, nth] = match;
  let calls = 0;
  let done = false;
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key !== method || typeof value !== 'function')
        return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => {
        // A batched call (markPosting) counts each of the runs it marks.
        calls += Array.isArray(args[0]) ? args[0].length : 1;
        const last = calls >= Number(nth) && !done;
        done ||= last;
        if (last && before) process.kill(process.pid, 'SIGKILL');
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (last) process.kill(process.pid, 'SIGKILL');
        return result;
      };
    },
  });
}

const dossier = await Dossier.open({ corpusDir });
const store = new SqliteDigestStore(dbPath);
const slack = new SlackAdapter(botContext({ dossier, log: silentLogger() }), {
  botToken: 'xoxb-crash-test',
  signingSecret: 'unused',
  port: 0,
  command: '/brief',
  apiUrl,
});
const scheduler = new DigestScheduler({
  store: crashing(store, process.env.CRASH_AT),
  dossier,
  adapters: { slack },
  log: silentLogger(),
});
await scheduler.tick(new Date(instant));
store.close();
