#!/usr/bin/env node
// The bundled command line (scripts/build.mjs): one file to load instead of a few hundred modules. Built first
// when the sources changed since dist/ was (as `npm start`'s prestart does), the build's output kept off stdout,
// which `--json` callers read. node:child_process is loaded only then: with the sockets and streams it brings,
// it cost every call ~20 ms to load.
import module from 'node:module';
import { join } from 'node:path';
import { isCurrent, ROOT } from '../scripts/built.mjs';

// Node 22 and later keep the code they compile for the bundle in a cache and reuse it on the next call: compiling
// it is over a third of the instructions a call spends beyond Node's own start. Node 20 has no such cache, and this
// does nothing there.
module.enableCompileCache?.();

if (!isCurrent()) {
  const { spawnSync } = await import('node:child_process');
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-changed'], {
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import('../dist/cli/dossier.js');
