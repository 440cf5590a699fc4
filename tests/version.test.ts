import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOSSIER_VERSION } from '../src/version.js';

describe('DOSSIER_VERSION', () => {
  it("is package.json's version, found from the sources as it is from dist/", () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(DOSSIER_VERSION).toBe(pkg.version);
    expect(DOSSIER_VERSION).not.toBe('unknown');
  });
});
