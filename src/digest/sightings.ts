import type { Dossier } from '../engine/dossier.js';
import type { DigestStore } from './store.js';

/**
 * Records when each document was first seen, so that a new one leads the next digest: the
 * documents the engine holds now (one added while the bot was down is first seen now), then each
 * one the engine adds from here on, whether the folder watcher found it or a command added it. A
 * document the engine drops is forgotten, so it is new again if it comes back. Returns the function
 * that stops recording.
 */
export function recordSightings(
  dossier: Pick<Dossier, 'documents' | 'onChange'>,
  store: Pick<DigestStore, 'markSeen' | 'forgetSeen'>,
  now: () => Date,
): () => void {
  const at = now();
  for (const doc of dossier.documents) store.markSeen(doc.source, at);
  return dossier.onChange((change, source) => {
    if (change === 'added') store.markSeen(source, now());
    else if (change === 'removed') store.forgetSeen(source);
  });
}
