import { readFileSync } from 'node:fs';

/**
 * Folders looked up for package.json: one from src/, three from a build's src/ and its bundle in cli/ (Node loads them
 * from the build's own folder, dist/build-…/, that dist/src and dist/cli link to).
 */
const LEVELS_UP = 3;

/**
 * Dossier's version, from its package.json (named in the User-Agent of every fetch). Found by
 * walking up from this file, which sits two levels deeper once compiled into a build under dist/.
 */
export const DOSSIER_VERSION = findVersion();

function findVersion(): string {
  for (let up = 1; up <= LEVELS_UP; up++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(`${'../'.repeat(up)}package.json`, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'dossier' && pkg.version) return pkg.version;
    } catch {
      // Not at this level: look one higher.
    }
  }
  return 'unknown';
}
