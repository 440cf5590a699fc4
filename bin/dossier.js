#!/usr/bin/env node
// The bundled command line (scripts/build.mjs): one file to load instead of a few hundred modules. Built first
// when the sources changed since dist/ was (as `npm start`'s prestart does), the build's output kept off stdout,
// which `--json` callers read.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isCurrent, ROOT } from '../scripts/built.mjs';

if (!isCurrent()) {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-changed'], {
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import('../dist/cli/dossier.js');
