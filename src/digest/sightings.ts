import type { Dossier } from '../engine/dossier.js';
import type { DigestStore } from './store.js';

/**
 * Records when each document was first seen, so that a new one leads the next digest, and when one seen before is
 * changed or removed, so the next digest says so: the documents the engine holds now (one added while the bot was
 * down is first seen now), then each one the engine adds, replaces or drops from here on, whether the folder watcher
 * found it or a command added it. A document dropped is new again if it comes back. Titles are kept to name a
 * document once it is gone. Returns the function that stops recording.
 */
export function recordSightings(
  dossier: Pick<Dossier, 'documents' | 'document' | 'onChange'>,
  store: Pick<DigestStore, 'markSeen' | 'markChanged' | 'markRemoved'>,
  now: () => Date,
): () => void {
  const at = now();
  for (const doc of dossier.documents) store.markSeen(doc.source, at, doc.meta.title);
  return dossier.onChange((change, source) => {
    const title = dossier.document(source)?.meta.title;
    if (change === 'added') store.markSeen(source, now(), title);
    else if (change === 'changed') store.markChanged(source, now(), title ?? source);
    else store.markRemoved(source, now());
  });
}
