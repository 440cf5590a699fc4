import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { Dossier } from '../../src/engine/dossier.js';
import { fold } from '../../src/search/analyzer.js';
import { analyseQuery } from '../../src/search/query.js';
import { WORDNET_DIR } from '../../src/search/wordnet.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MUNICIPAL = join(root, 'tests/fixtures/municipal');
/** A second town corpus, on its bus service, written and asked before the engine was run on it. */
const BUSES = join(root, 'tests/fixtures/buses');
/** Words of the sample corpus's subject that once sat in the engine's built-in synonym table. */
const SUBJECT = /\b(mexic\w*|cartels?|fentanyl|opioids?|merida|amlo|obrador|sinaloa|narco\w*|tcos?|overdoses?)\b/;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

describe('a corpus on another subject', () => {
  let town: Dossier;
  let buses: Dossier;
  beforeAll(async () => {
    town = await Dossier.open({ corpusDir: join(MUNICIPAL, 'corpus'), wordnet: WORDNET_DIR });
    buses = await Dossier.open({ corpusDir: join(BUSES, 'corpus'), wordnet: WORDNET_DIR });
  }, 60_000);

  it('finds nothing of U.S.–Mexico security in the code, its comments or its messages', async () => {
    // english.ts is general English: its abbreviations include country codes (MX) and OD, as any chat has.
    const code = [...(await sources(join(root, 'src'))), ...(await sources(join(root, 'adapters')))];
    for (const file of code.filter((f) => !f.endsWith('english.ts')))
      expect(fold(await readFile(file, 'utf8')).match(SUBJECT)?.[0], file).toBeUndefined();
  });

  it('answers its own questions from its own documents, bridging to none of that vocabulary', async () => {
    for (const [dir, library] of [
      [MUNICIPAL, town],
      [BUSES, buses],
    ] as const) {
      const cases = JSON.parse(await readFile(join(dir, 'questions.json'), 'utf8')) as { query: string }[];
      for (const { query } of cases) {
        const words = analyseQuery(query, library.index, library.ranking.query).words;
        const bridged = words.flatMap((w) => w.alternatives.flatMap((a) => a.terms));
        expect(bridged.join(' ').match(SUBJECT)?.[0], query).toBeUndefined();
      }
    }
    expect(ask(town, 'road deaths in 2023').results[0]?.passage.source).toBe('road-safety-2024.md');
    expect(ask(town, 'what does the factory make').results[0]?.passage.source).toBe('brennan-works.md');
    expect(ask(buses, 'what time is the first bus').results[0]?.passage.source).toBe('timetable.md');
    expect(ask(buses, 'subsidy from the county').results[0]?.passage.source).toBe('accounts.md');
    expect(ask(buses, 'do the e-buses break down').results[0]?.passage.source).toBe('electric.md');
    expect(ask(buses, 'do kids ride free?').results[0]?.passage.source).toBe('timetable.md');
  });
});
