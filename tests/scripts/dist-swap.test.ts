import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newBuildFolder, removeOldBuilds, swapIn } from '../../scripts/dist-swap.mjs';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** An empty dist/ in a folder of its own. */
async function emptyDist(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'dossier-dist-'));
  folders.push(folder);
  return join(folder, 'dist');
}

/**
 * Writes a build's parts into `folder`: a command line whose entry loads a chunk named for the build only when asked
 * (as `digest` loads its chunk), which says which build it is.
 */
function writeBuild(folder: string, name: string): void {
  for (const part of ['src', 'adapters', 'cli']) mkdirSync(join(folder, part), { recursive: true });
  writeFileSync(join(folder, 'cli', 'dossier.js'), `export const load = () => import('./chunk-${name}.js');\n`);
  writeFileSync(join(folder, 'cli', `chunk-${name}.js`), `export const name = '${name}';\n`);
  writeFileSync(join(folder, 'src', 'engine.js'), `export const name = '${name}';\n`);
}

/** A build made as build.mjs makes one, in its own folder, not yet in place. */
function build(dist: string, name: string): string {
  let folder = newBuildFolder(dist);
  // Two builds in one millisecond would share a name.
  while (existsSync(folder)) folder = newBuildFolder(dist);
  writeBuild(folder, name);
  return folder;
}

/** A node process running `script` (an ES module's text), with `dist` as its first argument. */
function run(script: string, dist: string) {
  const file = join(dist, '..', `run-${folders.length}-${Date.now()}.mjs`);
  writeFileSync(file, script);
  const child = spawn(process.execPath, [file, dist], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return { child, output: () => out };
}

describe('a build swapped into dist/', () => {
  it('leaves a process running from the last build loading it whole, and later ones start from the new', async () => {
    const dist = await emptyDist();
    swapIn(build(dist, 'first'), dist);
    const running = run(
      `const { load } = await import(process.argv[2] + '/cli/dossier.js');
       console.log('loaded');
       process.stdin.once('data', async () => { console.log((await load()).name); process.exit(0); });`,
      dist,
    );
    while (!running.output().includes('loaded')) await once(running.child.stdout, 'data');

    for (const name of ['second', 'third']) {
      swapIn(build(dist, name), dist);
      removeOldBuilds(dist, 2);
    }
    running.child.stdin.write('go\n');
    await once(running.child, 'exit');
    expect(running.output().split('\n')).toEqual(['loaded', 'first', '']);

    const later = run(`console.log((await (await import(process.argv[2] + '/cli/dossier.js')).load()).name);`, dist);
    await once(later.child, 'exit');
    expect(later.output()).toBe('third\n');
  });

  it('never shows a process starting meanwhile a part missing or a chunk of another build', async () => {
    const dist = await emptyDist();
    const builds = [build(dist, 'a'), build(dist, 'b')];
    swapIn(builds[0]!, dist);
    // Each round loads the command line afresh (the query makes it a new module) and then its chunk, as a call does.
    const reader = run(
      `import { existsSync } from 'node:fs';
       let rounds = 0, failures = 0;
       while (!existsSync(process.argv[2] + '/../done')) {
         try {
           const { load } = await import(process.argv[2] + '/cli/dossier.js?' + rounds);
           await load();
           await import(process.argv[2] + '/src/engine.js?' + rounds);
         } catch (error) {
           failures++;
           console.error(String(error));
         }
         rounds++;
       }
       console.log(JSON.stringify({ rounds, failures }));`,
      dist,
    );
    for (let i = 0; i < 2000; i++) {
      swapIn(builds[i % 2]!, dist);
      if (i % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    writeFileSync(join(dist, '..', 'done'), '');
    await once(reader.child, 'exit');
    const { rounds, failures } = JSON.parse(reader.output()) as { rounds: number; failures: number };
    expect(failures).toBe(0);
    expect(rounds).toBeGreaterThan(0);
  });

  it('replaces the folders of a dist/ built in place by links, the folders kept as the oldest build', async () => {
    const dist = await emptyDist();
    writeBuild(dist, 'in-place');
    swapIn(build(dist, 'next'), dist);
    const earlier = join(dist, `build-${'0'.repeat(15)}-0`);
    for (const part of ['src', 'adapters', 'cli']) {
      expect(lstatSync(join(dist, part)).isSymbolicLink(), part).toBe(true);
      expect(existsSync(join(earlier, part)), part).toBe(true);
    }
    expect(existsSync(join(earlier, 'cli', 'chunk-in-place.js'))).toBe(true);
    expect(existsSync(join(dist, 'cli', 'chunk-next.js'))).toBe(true);
  });
});

describe('removeOldBuilds', () => {
  it('keeps the current build and the two before it, and removes older ones and what a killed build left', async () => {
    const dist = await emptyDist();
    const made = ['old', 'older', 'kept', 'last', 'current', 'killed'].map((name) => build(dist, name));
    swapIn(made[4]!, dist);
    symlinkSync('nowhere', join(dist, 'src.999999.tmp'));

    removeOldBuilds(dist, 2);

    const names = (folder: string) => folder.slice(dist.length + 1);
    expect(readdirSync(dist).sort()).toEqual(['adapters', 'cli', 'src', ...made.slice(2, 5).map(names)].sort());
    expect(readlinkSync(join(dist, 'cli'))).toBe(join(names(made[4]!), 'cli'));
  });

  it('keeps an older build a running process holds, and removes one whose holder is gone', async () => {
    const dist = await emptyDist();
    const made = ['held', 'gone', 'one', 'two', 'current'].map((name) => build(dist, name));
    writeFileSync(join(made[0]!, `.running-${process.pid}`), '');
    // A process that has exited: its pid is free (and taken again by another only after many more).
    const exited = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(made[1]!, `.running-${exited}`), '');
    swapIn(made[4]!, dist);

    removeOldBuilds(dist, 2);

    expect(existsSync(made[0]!)).toBe(true);
    expect(existsSync(made[1]!)).toBe(false);
  });

  it('keeps a held build named after the current one, as a clock set back names the next build', async () => {
    const dist = await emptyDist();
    const [running, current] = ['running', 'current'].map((name) => build(dist, name));
    writeFileSync(join(running!, `.running-${process.pid}`), '');
    const earlier = join(dist, `build-${'0'.repeat(14)}1-1`);
    writeBuild(earlier, 'current');
    swapIn(earlier, dist);

    removeOldBuilds(dist, 2);

    expect(existsSync(running!)).toBe(true);
    expect(existsSync(current!)).toBe(false);
  });

  it('removes what it can and names what it could not, rather than failing the build already in place', async () => {
    const dist = await emptyDist();
    const made = ['stuck', 'old', 'older', 'kept', 'last', 'current'].map((name) => build(dist, name));
    swapIn(made[5]!, dist);

    const left = removeOldBuilds(dist, 2, (path) => {
      if (path === made[0]) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      rmSync(path, { recursive: true, force: true });
    });

    expect(left).toEqual([made[0]!.slice(dist.length + 1)]);
    expect(existsSync(made[0]!)).toBe(true);
    expect([made[1], made[2]].map((folder) => existsSync(folder!))).toEqual([false, false]);
    expect(existsSync(made[3]!)).toBe(true);
  });
});
