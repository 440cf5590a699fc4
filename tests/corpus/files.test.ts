import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, readOnlyFile, readSidecar, roleOf, sidecarPaths } from '../../src/corpus/files.js';
import { namedPipe } from '../support/corpus.js';

describe('roleOf', () => {
  it('tells a format by its extension, whatever its case, and passes over dot-files, sidecars and the lexicon', () => {
    expect(['notes.txt', 'a/b.MD', 'page.htm', 'scan.pdf', 'x.markdown'].map(roleOf)).toEqual([
      'text',
      'markdown',
      'html',
      'pdf',
      'markdown',
    ]);
    expect(['.hidden.txt', 'drafts/.old/a.md', 'scan.pdf.meta.yaml', 'synonyms.yaml'].map(roleOf)).toEqual([
      'ignored',
      'ignored',
      'ignored',
      'ignored',
    ]);
    expect(['sheet.xlsx', 'README', 'sub/synonyms.yaml'].map(roleOf)).toEqual([
      'unsupported',
      'unsupported',
      'unsupported',
    ]);
  });
});

describe('sidecarPaths and readSidecar', () => {
  it("looks first for the file's full name's sidecar, then its name's without the extension", () => {
    expect(sidecarPaths('/c/tides/chart.pdf')).toEqual(['/c/tides/chart.pdf.meta.yaml', '/c/tides/chart.meta.yaml']);
  });

  const files = (present: Record<string, string>) => async (path: string) => {
    if (path in present) return new TextEncoder().encode(present[path]);
    throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  };

  it('reads the first sidecar there is, and reports one that cannot be read as a problem', async () => {
    const both = files({
      '/c/chart.pdf.meta.yaml': 'title: Spring tides\n',
      '/c/chart.meta.yaml': 'title: Other\n',
    });
    expect((await readSidecar('/c/chart.pdf', both)).meta).toEqual({
      title: 'Spring tides',
    });
    const second = files({ '/c/chart.meta.yaml': 'author: Ines Paz\n' });
    expect((await readSidecar('/c/chart.pdf', second)).meta).toEqual({
      author: 'Ines Paz',
    });
    expect(await readSidecar('/c/chart.pdf', files({}))).toEqual({
      meta: {},
      problems: [],
    });
    const locked = async () => {
      throw Object.assign(new Error('EACCES: permission denied'), {
        code: 'EACCES',
      });
    };
    expect(await readSidecar('/c/chart.pdf', locked)).toEqual({
      meta: {},
      problems: ['chart.pdf.meta.yaml cannot be read (permission denied)'],
    });
  });
});

describe('listFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'dossier-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists every file under the folder but in dot-folders, and throws when the folder itself is missing', async () => {
    mkdirSync(join(root, 'tides/2025'), { recursive: true });
    mkdirSync(join(root, '.cache'));
    for (const path of ['a.txt', 'tides/2025/march.md', 'tides/chart.pdf', '.cache/x.txt', '.dotfile'])
      writeFileSync(join(root, path), 'text');
    const { files, unlisted } = await listFiles(root);
    expect(files.map((f) => relative(root, f)).sort()).toEqual(['a.txt', 'tides/2025/march.md', 'tides/chart.pdf']);
    expect(unlisted).toEqual([]);
    await expect(listFiles(join(root, 'missing'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe('readOnlyFile', () => {
  it.skipIf(process.platform === 'win32')(
    'reads a file, and refuses a named pipe at once, where opening it to read waits for a writer for ever',
    { timeout: 10_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dossier-read-'));
      const pipe = namedPipe(join(dir, 'ferry-times.md'));
      try {
        writeFileSync(join(dir, 'fares.md'), 'Bus fares rise in May.\n');
        expect(new TextDecoder().decode(await readOnlyFile(join(dir, 'fares.md')))).toBe('Bus fares rise in May.\n');
        await expect(readOnlyFile(join(dir, 'ferry-times.md'))).rejects.toThrow(
          /^not a file: a pipe, socket or device$/,
        );
        await expect(readOnlyFile(join(dir, 'absent.md'))).rejects.toMatchObject({ code: 'ENOENT' });
      } finally {
        pipe.release();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
