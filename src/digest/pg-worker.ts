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

/** Drops a client whose session is over, so that the next statement opens a new one. */
function lose(connection: Connection, client: pg.Client): void {
  if (connection.client === client) connection.client = undefined;
  if (connection.inTransaction) connection.broken = true;
  void client.end().catch(() => undefined);
}

async function connect(url: string, connection: Connection): Promise<pg.Client> {
  if (connection.client) return connection.client;
  const client = new pg.Client({ connectionString: url, application_name: 'dossier' });
  // A connection the server closes (restart, failover) is replaced at the next statement; without
  // a listener its error would end the thread.
  client.on('error', () => lose(connection, client));
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  connection.client = client;
  return client;
}

async function run({ seq, id, url, text, values }: PgRequest): Promise<PgAnswer> {
  let connection = connections.get(id);
  if (!connection) connections.set(id, (connection = { inTransaction: false, broken: false }));
  const verb = text.trimStart().slice(0, 8).toUpperCase();
  const ends = verb.startsWith('COMMIT') || verb.startsWith('ROLLBACK');
  try {
    if (connection.broken && !verb.startsWith('ROLLBACK'))
      throw new Error('the connection to PostgreSQL broke during a transaction, which it rolled back');
    if (connection.broken) return { seq, ok: true, rows: [], rowCount: 0 };
    const client = await connect(url, connection);
    try {
      const result = await client.query(text, values);
      if (verb.startsWith('BEGIN')) connection.inTransaction = true;
      return { seq, ok: true, rows: result.rows as Record<string, unknown>[], rowCount: result.rowCount ?? 0 };
    } catch (error) {
      // A FATAL (or PANIC) error ends the session: the server sent it as this statement's answer and closes the
      // socket after. node-postgres reports the close only once it reads it, and a statement sent
      // before then would fail too, on the same dead connection: drop it now.
      const { severity } = error as { severity?: string };
      if (severity === 'FATAL' || severity === 'PANIC') lose(connection, client);
      throw error;
    }
  } catch (error) {
    const { message, code } = error as { message?: string; code?: string };
    return { seq, ok: false, message: message ?? String(error), code };
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
    // The answer first, then its number in the flag: the waiting thread takes it once the flag holds its number.
    replies.postMessage(answer);
    Atomics.store(signal, 0, answer.seq);
    Atomics.notify(signal, 0);
  });
});
