/**
 * The worker thread behind `SyncPostgres` (./pg-sync.ts): it holds each store's PostgreSQL
 * connection, runs each statement it is sent, posts the outcome on its reply port and then wakes
 * the waiting thread through the shared flag.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import pg from 'pg';
import type { PgAnswer, PgMessage, PgRequest, PgWorkerData } from './pg-sync.js';

const { flag, replies } = workerData as PgWorkerData & { replies: MessagePort };
const signal = new Int32Array(flag);

/** One SyncPostgres's connection, opened at its first statement and again after the server dropped it. */
interface Connection {
  client?: pg.Client;
  inTransaction: boolean;
  /** The connection broke inside a transaction: every statement fails until ROLLBACK or COMMIT ends it. */
  broken: boolean;
}
const connections = new Map<number, Connection>();

async function connect(url: string, connection: Connection): Promise<pg.Client> {
  if (connection.client) return connection.client;
  const client = new pg.Client({ connectionString: url, application_name: 'dossier' });
  // A connection the server closes (restart, failover) is replaced at the next statement; without
  // a listener its error would end the thread.
  client.on('error', () => {
    if (connection.client === client) connection.client = undefined;
    if (connection.inTransaction) connection.broken = true;
    void client.end().catch(() => undefined);
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  connection.client = client;
  return client;
}

async function run({ id, url, text, values }: PgRequest): Promise<PgAnswer> {
  let connection = connections.get(id);
  if (!connection) connections.set(id, (connection = { inTransaction: false, broken: false }));
  const verb = text.trimStart().slice(0, 8).toUpperCase();
  const ends = verb.startsWith('COMMIT') || verb.startsWith('ROLLBACK');
  try {
    if (connection.broken && !verb.startsWith('ROLLBACK'))
      throw new Error('the connection to PostgreSQL broke during a transaction, which it rolled back');
    if (connection.broken) return { ok: true, rows: [], rowCount: 0 };
    const result = await (await connect(url, connection)).query(text, values);
    if (verb.startsWith('BEGIN')) connection.inTransaction = true;
    return { ok: true, rows: result.rows as Record<string, unknown>[], rowCount: result.rowCount ?? 0 };
  } catch (error) {
    const { message, code } = error as { message?: string; code?: string };
    return { ok: false, message: message ?? String(error), code };
  } finally {
    if (ends) connection.inTransaction = connection.broken = false;
  }
}

parentPort!.on('message', (message: PgMessage) => {
  if ('close' in message) {
    const client = connections.get(message.close)?.client;
    connections.delete(message.close);
    void client?.end().catch(() => undefined);
    return;
  }
  void run(message).then((answer) => {
    replies.postMessage(answer);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});
