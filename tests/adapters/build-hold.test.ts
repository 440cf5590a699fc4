import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { holdBuild } from '../../adapters/build-hold.js';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('holdBuild', () => {
  it('marks the build under dist/ the bot runs from with its pid, and nothing when run from the sources', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dossier-hold-'));
    folders.push(root);
    const build = join(root, 'dist', 'build-001796505582575-7316');
    mkdirSync(join(build, 'adapters'), { recursive: true });

    const held = holdBuild(pathToFileURL(join(build, 'adapters', 'main.js')).href);

    expect(held).toBe(join(build, `.running-${process.pid}`));
    expect(existsSync(held!)).toBe(true);
    expect(holdBuild(pathToFileURL(join(root, 'adapters', 'main.ts')).href)).toBeUndefined();
  });
});
