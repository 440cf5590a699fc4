import { HAS_POSTGRES } from './postgres.js';
import { HAS_SEEDS, IN_CI, SEEDS } from './shared.js';

/**
 * The integration tier's global setup: on a lone clone, one line saying why the tests that read the seed articles
 * are skipped; under CI=true, where `../shared` is always beside the clone, a failure instead. The same for
 * PostgreSQL, which `.ci/run` installs: without it the tests that start a cluster are skipped, and fail under CI.
 */
export default function checkShared(): void {
  if (!HAS_POSTGRES) {
    if (IN_CI) throw new Error('PostgreSQL is not installed (no pg_ctl): .ci/run installs Debian’s postgresql.');
    console.warn(
      'Skipping the PostgreSQL tests: no pg_ctl on PATH or under /usr/lib/postgresql (apt install postgresql).',
    );
  }
  if (HAS_SEEDS) return;
  if (IN_CI) throw new Error(`${SEEDS} is missing: CI runs with ../shared beside the clone.`);
  console.warn(`Skipping the tests that read the seed articles: ${SEEDS} is absent (clone ../shared beside the repo).`);
}
