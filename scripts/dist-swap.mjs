/**
 * How `scripts/build.mjs` puts a build in place. A build is made whole in a folder of its own under dist/, and
 * `dist/src`, `dist/adapters` and `dist/cli` are links to the current one's, each replaced by renaming a new link
 * over it, which a reader sees either before or after, never half done. A process reads the build its links named
 * when it started: Node loads a module from its real path, so its later imports (the command line's chunks, a
 * worker's script, `../src/` from `adapters/`) come from that build's folder, which is kept while newer builds are
 * made. A build written over dist/ in place had a `dossier` call started meanwhile load half of one.
 */
import { lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT } from './built.mjs';

export const DIST = join(ROOT, 'dist');
/** What a build holds, each linked from dist/. */
const PARTS = ['src', 'adapters', 'cli'];
/** A build's folder: `build-<milliseconds since 1970, 15 digits>-<pid>`, so that names sort as builds were made. */
const BUILD = /^build-\d{15}-\d+$/;
/** A link made but not yet renamed into place by a build that was killed. */
const HALF_MADE_LINK = /^(?:src|adapters|cli)\.\d+\.tmp$/;
/** Earlier builds kept beside the current one, for the `dossier` calls still running from them. */
const KEEP = 2;
/** A file a running bot keeps in its build's folder (`adapters/build-hold.ts`): the build is kept while it runs. */
const HELD = /^\.running-(\d+)$/;

/** A new build's folder under `dist`, named for now. */
export function newBuildFolder(dist = DIST) {
  return join(dist, `build-${String(Date.now()).padStart(15, '0')}-${process.pid}`);
}

/** Makes the build in `folder` (a folder of `dist`) the current one: each part's link renamed over the last. */
export function swapIn(folder, dist = DIST) {
  for (const part of PARTS) {
    const link = join(dist, part);
    const made = `${link}.${process.pid}.tmp`;
    rmSync(made, { force: true });
    symlinkSync(join(basename(folder), part), made);
    // A dist/ built before builds had folders of their own holds each part as a folder, which a link cannot be
    // renamed over: it is moved into an old build's folder (the only moment a reader may find the part missing).
    if (lstatSync(link, { throwIfNoEntry: false })?.isDirectory()) {
      const earlier = join(dist, `build-${'0'.repeat(15)}-0`);
      mkdirSync(earlier, { recursive: true });
      renameSync(link, join(earlier, part));
    }
    renameSync(made, link);
  }
}

/**
 * Removes the builds nothing should be running from: all but the current one, the `keep` before it and those a
 * running bot holds, and any after the current one that none holds, left half made by a build that was killed (builds
 * are made one at a time, under build.mjs's lock), with such a build's links. Best effort: the new build is already in
 * place, so a folder that cannot be removed (`remove` throws) is left for the next build and named in what it returns,
 * rather than failing the build that `npm start` waits on.
 */
export function removeOldBuilds(
  dist = DIST,
  keep = KEEP,
  remove = (path) => rmSync(path, { recursive: true, force: true }),
) {
  const current = basename(readlinkSync(join(dist, 'cli')).replace(/[\\/]cli$/, ''));
  const names = readdirSync(dist);
  const earlier = names.filter((name) => BUILD.test(name) && name < current).sort();
  const oldest = earlier.slice(0, Math.max(0, earlier.length - keep));
  // After the current one: left half made by a killed build or, when the clock was set back, one a bot may hold.
  const later = names.filter((name) => BUILD.test(name) && name > current);
  const stale = [...oldest, ...later].filter((name) => !held(join(dist, name)));
  stale.push(...names.filter((name) => HALF_MADE_LINK.test(name)));
  return stale.filter((name) => {
    try {
      remove(join(dist, name));
      return false;
    } catch {
      return true;
    }
  });
}

/** Whether a running process holds the build in `folder`; the files of processes gone are removed. */
function held(folder) {
  let holding = false;
  for (const name of readdirSync(folder)) {
    const pid = HELD.exec(name)?.[1];
    if (!pid) continue;
    if (running(Number(pid))) holding = true;
    else rmSync(join(folder, name), { force: true });
  }
  return holding;
}

/** Whether process `pid` runs on this machine. */
export function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
