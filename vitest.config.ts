import { defineConfig } from 'vitest/config';

/**
 * Two tiers, told apart by file name so that a new test picks its tier by how it is called:
 * - `*.integration.test.ts` starts processes (the bot, the command line), worker threads (chart drawing, large
 *   documents) or servers on 127.0.0.1 (Bolt receiving signed requests, discord.js against its stand-in, /healthz);
 * - `*.seeds.test.ts` reads ../shared (skipped on a lone clone, a failure under CI=true: tests/support/shared.ts);
 * - `*.fuzz.test.ts` tries hundreds of generated inputs (fast-check), seconds a file.
 * Everything else is the unit tier (`npm run test:unit`): in-process, under a minute on two cores. Its files share
 * each worker's modules (`isolate: false`): loading the language model and the engine once a worker rather than once
 * a file is most of the tier's time, so a unit test must leave no module state behind (restore its spies and timers).
 * `npm test` runs both.
 */
const INTEGRATION = ['tests/**/*.integration.test.ts', 'tests/**/*.seeds.test.ts', 'tests/**/*.fuzz.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: INTEGRATION,
          isolate: false,
          setupFiles: ['tests/support/load-order.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'integration', include: INTEGRATION, globalSetup: ['tests/support/shared-setup.ts'] },
      },
    ],
  },
});
