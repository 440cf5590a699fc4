import { HAS_SEEDS, IN_CI, SEEDS } from './shared.js';

/**
 * The integration tier's global setup: on a lone clone, one line saying why the tests that read the seed articles
 * are skipped; under CI=true, where `../shared` is always beside the clone, a failure instead.
 */
export default function checkShared(): void {
  if (HAS_SEEDS) return;
  if (IN_CI) throw new Error(`${SEEDS} is missing: CI runs with ../shared beside the clone.`);
  console.warn(`Skipping the tests that read the seed articles: ${SEEDS} is absent (clone ../shared beside the repo).`);
}
