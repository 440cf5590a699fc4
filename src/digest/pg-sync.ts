import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { moduleWorker } from '../worker-pool.js';

/**
 * One statement for the worker, on connection `id` to `url`: SQL with `$1`-style placeholders and their values;
 * `seq` numbers it among every statement the worker is sent, and its answer carries the same number.
 */
export interface PgRequest {
  seq: number;
  id: number;
  url: string;
  text: string;
  values: unknown[];
}

/** What the worker is sent: a statement, or that a connection is no longer needed. */
export type PgMessage = PgRequest | { close: number };

export type PgAnswer = { seq: number } & (
  { ok: true; rows: Record<string, unknown>[]; rowCount: number } | { ok: false; message: string; code?: string }
);

export interface PgWorkerData {
  /**
   * One Int32: the `seq` of the last statement whose answer has been posted. A flag merely raised and lowered
   * cannot say which statement it is raised for: a wake-up the worker sends late, for an answer already taken,
   * would wake the caller waiting on the next one before that answer exists.
   */
  flag: SharedArrayBuffer;
}

/** A statement PostgreSQL refused, or a connection that failed; `code` is PostgreSQL's SQLSTATE when it gave one. */
export class PgError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The first statement also waits for the worker to start and load node-postgres. */
const START_MS = 10_000;

/** How long a SyncPostgres waits, each overridable through its options (README, "Running several instances"). */
const SYNC_DEFAULTS = {
  /** Longest a statement may hold up the event loop: a round trip to a server on the same network is under a ms. */
  timeoutMs: 5000,
  /** After a statement timed out, statements fail at once for this long rather than block again. */
  pauseMs: 10_000,
};

/** Starts the worker: pg-worker beside this module, handed the port it answers on. */
const startWorker = (workerData: PgWorkerData & { replies: MessagePort }): Worker =>
  moduleWorker('pg-worker', import.meta.url, { workerData, transferList: [workerData.replies] });

/**
 * The worker every SyncPostgres of this thread shares (each with its own connection), started at
 * the first statement: node-postgres loads once, and the calling thread waits on one flag.
 */
interface Shared extends AnswerChannel {
  worker: Worker;
  /** The `seq` of the last statement posted to this worker. */
  seq: number;
}
let shared: Shared | undefined;
let connections = 0;

function sharedWorker(): Shared {
  if (shared) return shared;
  const flag = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const { port1, port2 } = new MessageChannel();
  const worker = startWorker({ flag, replies: port2 });
  // Waiting on the flag is what keeps the process busy, never the worker itself.
  worker.unref();
  const started: Shared = { worker, replies: port1, signal: new Int32Array(flag), seq: 0 };
  worker.on('error', () => endWorker(started));
  shared = started;
  return started;
}

/** Ends a worker that failed or stopped answering; its connections close with it. */
function endWorker(ended: Shared): void {
  if (shared !== ended) return;
  shared = undefined;
  void ended.worker.terminate();
  ended.replies.close();
}

/** Where a worker's answers arrive: the port they are posted on, and the flag holding the last one's `seq`. */
export interface AnswerChannel {
  replies: MessagePort;
  signal: Int32Array;
}

/**
 * Blocks until the answer to statement `seq` has been posted and returns it, or undefined after `timeoutMs`.
 * A wake-up while the flag holds another statement's number (one sent late, for an answer already taken) is
 * waited past rather than read as this statement's answer; an earlier statement's answer still on the port
 * is never handed to this one.
 */
export function awaitAnswer(channel: AnswerChannel, seq: number, timeoutMs: number): PgAnswer | undefined {
  const deadline = performance.now() + timeoutMs;
  for (let answered = Atomics.load(channel.signal, 0); answered !== seq; answered = Atomics.load(channel.signal, 0)) {
    const left = deadline - performance.now();
    if (left <= 0) return undefined;
    Atomics.wait(channel.signal, 0, answered, left);
  }
  // The worker posts an answer before it sets the flag to its number, so ours is on the port by now.
  for (;;) {
    const answer = receiveMessageOnPort(channel.replies)?.message as PgAnswer | undefined;
    if (!answer || answer.seq === seq) return answer;
  }
}

/**
 * A PostgreSQL connection with a synchronous `query`, so that the PostgreSQL store keeps the
 * digest store's synchronous interface (the one SQLite's driver gives) and every caller stays as
 * it is. node-postgres runs on a worker thread; the calling thread waits on a shared flag
 * (`Atomics.wait`) until the answer is posted, then takes it from the reply port. A statement
 * blocks the event loop for its round trip, as a better-sqlite3 write waiting on the disk does:
 * a fraction of a millisecond to a server on the same network. A server that does not answer
 * within `timeoutMs` fails the statement (the worker, and its connections, are replaced, which
 * rolls back an open transaction); for `pauseMs` after that, statements fail at once instead of
 * blocking again, so a server lost without a word (a network partition) holds the event loop up
 * for one timeout now and then, not for every statement.
 */
export class SyncPostgres {
  private readonly id = ++connections;
  private opened = false;
  private readonly timeoutMs: number;
  private readonly pauseMs: number;
  private readonly now: () => number;
  /** Until when statements fail at once, after one timed out. */
  private pausedUntil = 0;

  constructor(
    private readonly url: string,
    options: { timeoutMs?: number; pauseMs?: number; now?: () => number } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? SYNC_DEFAULTS.timeoutMs;
    this.pauseMs = options.pauseMs ?? SYNC_DEFAULTS.pauseMs;
    this.now = options.now ?? Date.now;
  }

  /** Runs one statement and returns its rows; throws a PgError when PostgreSQL refuses it or cannot be reached. */
  query<Row = Record<string, unknown>>(text: string, values: unknown[] = []): { rows: Row[]; rowCount: number } {
    if (this.now() < this.pausedUntil)
      throw new PgError(`PostgreSQL did not answer within ${this.timeoutMs} ms a moment ago; asked again shortly`);
    const starting = !shared;
    const worker = sharedWorker();
    this.opened = true;
    // `| 0` keeps it an Int32, as the flag holds it, past 2^31 statements.
    const seq = (worker.seq = (worker.seq + 1) | 0);
    worker.worker.postMessage({ seq, id: this.id, url: this.url, text, values } satisfies PgMessage);
    const answer = awaitAnswer(worker, seq, this.timeoutMs + (starting ? START_MS : 0));
    if (!answer) {
      endWorker(worker);
      this.pausedUntil = this.now() + this.pauseMs;
      throw new PgError(`PostgreSQL did not answer within ${this.timeoutMs} ms`);
    }
    if (!answer.ok) throw new PgError(answer.message, answer.code);
    return { rows: answer.rows as Row[], rowCount: answer.rowCount };
  }

  /** Runs `work` inside BEGIN … COMMIT on this connection, rolling back if it throws. */
  transaction<T>(work: () => T): T {
    this.query('BEGIN');
    try {
      const result = work();
      this.query('COMMIT');
      return result;
    } catch (error) {
      try {
        this.query('ROLLBACK');
      } catch {
        // The connection is gone, and its transaction with it.
      }
      throw error;
    }
  }

  /** Closes the connection; a later `query` opens a new one. */
  close(): void {
    if (this.opened) shared?.worker.postMessage({ close: this.id } satisfies PgMessage);
    this.opened = false;
  }
}
