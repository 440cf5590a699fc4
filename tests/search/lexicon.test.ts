import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lexiconPath, loadLexicon } from '../../src/search/lexicon.js';
import { namedPipe } from '../support/corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-lexicon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('lexiconPath', () => {
  it("is the corpus's own synonyms.yaml by default, a named file from the working folder, or none", () => {
    expect(lexiconPath('/srv/garden-corpus', undefined)).toBe('/srv/garden-corpus/synonyms.yaml');
    expect(lexiconPath('/srv/garden-corpus', 'terms/plants.yaml')).toBe(resolve('terms/plants.yaml'));
    expect(lexiconPath('/srv/garden-corpus', '/etc/plants.yaml')).toBe('/etc/plants.yaml');
    expect(lexiconPath('/srv/garden-corpus', 'none')).toBeUndefined();
  });
});

describe('loadLexicon', () => {
  it('reads each term and its synonyms as one group, keyed by a hash of the bytes', async () => {
    const path = file('good.yaml', 'allotment: [garden plot, community plot]\ncompost: [mulch]\n');
    const lexicon = await loadLexicon(path);
    expect(lexicon.groups).toEqual([
      {
        phrases: ['allotment', 'garden plot', 'community plot'],
        via: 'lexicon',
      },
      { phrases: ['compost', 'mulch'], via: 'lexicon' },
    ]);
    expect(lexicon.hash).toMatch(/^[0-9a-f]{64}$/);
    const other = await loadLexicon(file('other.yaml', 'compost: [mulch]\n'));
    expect(other.hash).not.toBe(lexicon.hash);
  });

  it('takes a named file of comments only as a lexicon with no entries yet, not a mistake', async () => {
    const lexicon = await loadLexicon(file('empty.yaml', '# terms to come\n'), true);
    expect(lexicon.groups).toEqual([]);
  });

  it("ignores a corpus's own missing or malformed file, with a warning naming the malformed one", async () => {
    expect(await loadLexicon(join(dir, 'absent.yaml'))).toEqual({ groups: [], hash: '' });
    expect(await loadLexicon(file('list.yaml', '- compost\n- mulch\n'))).toEqual({
      groups: [],
      hash: '',
      ignored: `lexicon ${join(dir, 'list.yaml')} ignored: expected "term: [synonym, …]" entries`,
    });
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a named pipe at once, where reading it would wait for ever: left out with a warning, or thrown if named',
    { timeout: 10_000 },
    async () => {
      const path = join(dir, 'pipe.yaml');
      const pipe = namedPipe(path);
      try {
        expect(await loadLexicon(path)).toEqual({
          groups: [],
          hash: '',
          ignored: `lexicon ${path} ignored: it cannot be read (not a file: a pipe, socket or device)`,
        });
        await expect(loadLexicon(path, true)).rejects.toMatchObject({
          code: 'lexicon-missing',
          message: `Lexicon file cannot be read: ${path} (not a file: a pipe, socket or device)`,
        });
      } finally {
        pipe.release();
      }
    },
  );

  it('throws one line naming a named file that is missing or malformed, and what is wrong with it', async () => {
    const absent = join(dir, 'absent.yaml');
    await expect(loadLexicon(absent, true)).rejects.toMatchObject({
      code: 'lexicon-missing',
      message: `Lexicon file not found: ${absent} (name a YAML file of synonyms, or none)`,
    });
    const twice = file('twice.yaml', 'compost: [mulch]\nhedge: [hedgerow]\ncompost: [humus]\n');
    await expect(loadLexicon(twice, true)).rejects.toMatchObject({
      code: 'lexicon-malformed',
      message: expect.stringContaining('the term "compost" is given twice, on lines 1 and 3'),
    });
    const empty = file('empty-list.yaml', 'compost: []\n');
    await expect(loadLexicon(empty, true)).rejects.toThrow('as "compost" is not');
    const broken = file('broken.yaml', 'compost: [mulch\n');
    await expect(loadLexicon(broken, true)).rejects.toThrow(/\(not YAML: .*; fix it, or name another file, or none\)$/);
  });
});
