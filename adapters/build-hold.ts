import { rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A build's folder under dist/, as `scripts/dist-swap.mjs` names it. */
const BUILD = /^build-\d{15}-\d+$/;

/**
 * While the bot runs from a build under dist/, a file in that build's folder naming its pid keeps later builds from
 * removing the folder (`removeOldBuilds`): the bot starts workers from it whenever the corpus changes, for as long as
 * it runs. `moduleUrl` is a module of the bot's, one folder down in the build (`adapters/main.js`); run from the
 * sources, there is no build to hold. Returns the file written, removed when the process exits.
 */
export function holdBuild(moduleUrl: string): string | undefined {
  const build = dirname(dirname(fileURLToPath(moduleUrl)));
  if (!BUILD.test(basename(build))) return undefined;
  const held = join(build, `.running-${process.pid}`);
  try {
    writeFileSync(held, '');
  } catch {
    // A build folder the bot may not write to is one no build of the same user removes either.
    return undefined;
  }
  process.on('exit', () => rmSync(held, { force: true }));
  return held;
}
