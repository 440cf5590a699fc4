/**
 * One bot process for the two-process test: opens the corpus and the shared database (a SQLite
 * file, or a PostgreSQL URL), ticks the scheduler at the given instant and prints each channel it
 * posted to, one per line.
 */
import { Dossier } from '../../src/engine/dossier.js';
import { DigestScheduler } from '../../src/digest/scheduler.js';
import { PgDigestStore } from '../../src/digest/pg-store.js';
import { SqliteDigestStore } from '../../src/digest/sqlite-store.js';
import { silentLogger } from '../../src/log.js';

const [corpusDir, dbPath, instant] = process.argv.slice(2);
const dossier = await Dossier.open({ corpusDir: corpusDir! });
const store = /^postgres(ql)?:/.test(dbPath!) ? new PgDigestStore(dbPath!) : new SqliteDigestStore(dbPath!);
const adapter = { post: async (channelId: string) => void process.stdout.write(`posted ${channelId}\n`) };
const scheduler = new DigestScheduler({ store, dossier, adapters: { slack: adapter }, log: silentLogger() });
await scheduler.tick(new Date(instant!));
store.close();
