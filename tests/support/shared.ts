import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `../shared` beside the repo. Tests named `*.seeds.test.ts` read the seed articles in it (others' writing, read in
 * place, never copied in). CI always has it; a lone clone may not, and there those tests are skipped rather than
 * failed, with one line from `shared-setup.ts` saying so.
 */
export const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');

/** The five seed articles. */
export const SEEDS = resolve(SHARED, 'seeds');

/** Whether the seed articles are there: a test that reads them runs under `describe.runIf(HAS_SEEDS)`. */
export const HAS_SEEDS = existsSync(SEEDS);

/** CI sets CI=true and always has `../shared`: there a missing folder fails the run instead of skipping. */
export const IN_CI = process.env.CI === 'true';
