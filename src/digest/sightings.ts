import type { SourceDocument } from '../corpus/types.js';
import type { Dossier } from '../engine/dossier.js';
import { DIGEST_DEFAULTS, paragraphHash } from './compose.js';
import type { DigestStore } from './store.js';

/** Lets the event loop run what waits (a command's ack) before the next slice of hashing. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Counts steps (documents, paragraphs): says when `perTurn` have been taken since the event loop last ran, and it
 * should run before the next. `due` at the first step yields before any work, as a change's listener must.
 */
const turnCounter = (perTurn: number, { due = false } = {}) => {
  let done = due ? perTurn - 1 : 0;
  return (): boolean => {
    if (++done < perTurn) return false;
    done = 0;
    return true;
  };
};

/**
 * A document's paragraphs' hashes, the event loop let run whenever `turnDue` says so, before the next paragraph, so
 * one long document is hashed across turns: the start's pass and a change kept later both go this way. Undefined
 * when `halted` says, after a turn, that the recording has stopped meanwhile.
 */
async function hashAcrossTurns(
  texts: string[],
  turnDue: () => boolean,
  halted: () => boolean,
): Promise<string[] | undefined> {
  const paragraphs: string[] = [];
  for (const text of texts) {
    if (turnDue()) {
      await nextTurn();
      if (halted()) return undefined;
    }
    paragraphs.push(paragraphHash(text));
  }
  return paragraphs;
}

/** How `recordSightings` goes through the documents at start, and how many versions it keeps. */
export interface SightingsOptions {
  /** Versions of a document's paragraphs kept (`DIGEST_DEFAULTS.versionsKept`). */
  keep?: number;
  /** Documents and paragraphs hashed per turn of the event loop (`DIGEST_DEFAULTS.sightingsPerTurn`). */
  perTurn?: number;
  /** Ends the start's pass between two turns, and the recording with it (a shutdown during start-up). */
  signal?: AbortSignal;
  /**
   * Told when a long document's version, kept after its change, could not be (a database gone meanwhile, or a fault):
   * the runtime logs it, so nothing fails unseen.
   */
  unkept?: (source: string, error: unknown) => void;
}

/**
 * Records when each document was first seen, so that a new one leads the next digest, and when one seen before is
 * changed or removed, so the next digest says so: first what changed since the store last heard of the corpus (a bot
 * down sees no change as it happens), comparing the documents the engine holds now with those the store knows, by
 * their files' hashes: one the store does not know is new, one whose hash differs changed, one the engine no longer
 * holds was removed (but not a file the engine could not read this time, still in the folder: it is said once it
 * reads again or goes; nor any when the engine holds no document at all); then each one the engine adds, replaces or
 * drops from here on, whether the folder watcher found it or a command added it. A document dropped is new again if
 * it comes back. Titles are kept to name a document once it is gone. A document known from before hashes were kept is
 * taken as unchanged. The paragraphs of a document added or changed are kept (`keepVersion`), so a digest can say what
 * changed in it since a channel's last; those of a document the start finds unchanged only if none are kept yet (one
 * known from before versions were kept), as they are from this start on, so its first change can be counted for a
 * channel whose last digest came after this start: keeping them at every start would read every saved passage each
 * time.
 *
 * The start's pass goes `perTurn` documents and paragraphs at a time, a long document's across turns, yielding to the
 * event loop between, so a bot already listening acks commands meanwhile: on an empty store at the bench's 1000x
 * corpus (10,882 documents, 148,081 paragraphs) it took 5.6 s in one piece. A saved document's paragraphs are hashed
 * from its saved texts (`SourceDocument.texts`), not its passages, which would stay parsed: the whole corpus, 190 MB of
 * heap at 1000x.
 * Changes the engine makes meanwhile are recorded as they come, and the pass leaves their documents alone. Resolves,
 * once the pass is done, with the function that stops recording.
 */
export async function recordSightings(
  dossier: Pick<Dossier, 'documents' | 'document' | 'onChange' | 'skipped'>,
  store: Pick<
    DigestStore,
    'markSeen' | 'markChanged' | 'markRemoved' | 'knownDocuments' | 'keepVersion' | 'versionedDocuments'
  >,
  now: () => Date,
  {
    keep = DIGEST_DEFAULTS.versionsKept,
    perTurn = DIGEST_DEFAULTS.sightingsPerTurn,
    signal,
    unkept,
  }: SightingsOptions = {},
): Promise<() => void> {
  /** A document's paragraphs' texts, from its saved texts when it has them (`SourceDocument.texts`). */
  const textsOf = (doc: SourceDocument): string[] => doc.texts?.() ?? doc.passages.map((p) => p.text);
  /** Keeps the document's paragraphs as they are now, in one piece (a short document changed live). */
  const keepVersion = (doc: SourceDocument, at: Date): void =>
    store.keepVersion(
      doc.source,
      at,
      { paragraphs: textsOf(doc).map((t) => paragraphHash(t)), title: doc.meta.title },
      keep,
    );
  let stopped = false;
  /**
   * The versions of long documents changed live, kept one after another, their paragraphs hashed `perTurn` a turn:
   * in the change's listener, a 19 MB document's 46,849 paragraphs held the main thread 0.74 s, commands' acks with it.
   */
  let keeping = Promise.resolve();
  const keepLater = (doc: SourceDocument, at: Date) => {
    keeping = keeping
      .then(async () => {
        const paragraphs = await hashAcrossTurns(textsOf(doc), turnCounter(perTurn, { due: true }), () => stopped);
        if (paragraphs) store.keepVersion(doc.source, at, { paragraphs, title: doc.meta.title }, keep);
      })
      // One version lost must not stop those queued after it; the next digest says it was not kept.
      .catch((error: unknown) => unkept?.(doc.source, error));
  };
  const changedLive = new Set<string>();
  const unsubscribe = dossier.onChange((change, source) => {
    changedLive.add(source);
    const doc = dossier.document(source);
    const at = now();
    if (change === 'added') store.markSeen(source, at, doc?.meta.title, doc?.hash);
    else if (change === 'changed') store.markChanged(source, at, doc?.meta.title ?? source, doc?.hash);
    else store.markRemoved(source, at);
    if (change === 'removed' || !doc) return;
    if (doc.passages.length > perTurn) keepLater(doc, at);
    else keepVersion(doc, at);
  });
  const stop = () => {
    stopped = true;
    unsubscribe();
  };
  signal?.addEventListener('abort', stop, { once: true });
  const at = now();
  const known = store.knownDocuments();
  const versioned = store.versionedDocuments();
  // What the folder held when the engine opened it: a document added or dropped since is the listener's.
  const documents = [...dossier.documents];
  /** One count for the documents and their paragraphs alike. */
  const turnDue = turnCounter(perTurn);
  for (const doc of documents) {
    if (signal?.aborted) return stop;
    if (changedLive.has(doc.source)) continue;
    const hash = known.get(doc.source);
    const changed = hash !== undefined && hash !== doc.hash;
    if (changed) store.markChanged(doc.source, at, doc.meta.title, doc.hash);
    else store.markSeen(doc.source, at, doc.meta.title, doc.hash);
    if (turnDue()) await nextTurn();
    if (known.has(doc.source) && !changed && versioned.has(doc.source)) continue;
    // Hashed within the same count as the documents, so one long document is sliced too: a first start over a 19 MB
    // document (46,849 paragraphs) held the main thread as long as its change's listener did (0.74 s). A change that
    // comes meanwhile keeps its own version, later in time, so the one the start found stays the one before it.
    const paragraphs = await hashAcrossTurns(textsOf(doc), turnDue, () => signal?.aborted === true);
    if (!paragraphs) return stop;
    store.keepVersion(doc.source, at, { paragraphs, title: doc.meta.title }, keep);
  }
  // A start that finds no document at all is taken for a folder not there yet (an unmounted volume, a sync still
  // running), not for every document removed: naming them all removed, then all new as they arrive, would be noise.
  const unread = new Set(dossier.skipped);
  if (documents.length > 0)
    for (const source of known.keys())
      if (!changedLive.has(source) && !dossier.document(source) && !unread.has(source)) store.markRemoved(source, at);
  return stop;
}
