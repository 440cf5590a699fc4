import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { Dossier } from '../../src/engine/dossier.js';
import { analyseQuery } from '../../src/search/query.js';
import { WORDNET_DIR } from '../../src/search/wordnet.js';
import { note, corpusAndCachePerTest } from '../support/corpus.js';
import { capturingLogger } from '../support/log.js';

const setup = corpusAndCachePerTest();

/** A Dossier that built and saved the index of `files`, and a second that loaded it back. */
async function builtAndLoaded(files: Record<string, string>) {
  const { dir, cacheDir } = await setup(files);
  const built = await Dossier.open({ corpusDir: dir, cacheDir });
  const loaded = await Dossier.open({ corpusDir: dir, cacheDir });
  return { built, loaded };
}

describe('PassageIndex cache', () => {
  it('reuses the saved index while no file changes, and rebuilds it when one does', async () => {
    const { dir, cacheDir } = await setup({ 'a.md': note('Extraditions', 'Mexico extradited ten people in 2019.') });
    const first = await Dossier.open({ corpusDir: dir, cacheDir });
    expect(first.built).toBe(true);
    const second = await Dossier.open({ corpusDir: dir, cacheDir });
    expect(second.built).toBe(false);
    expect(second.search('extraditions')).toHaveLength(1);

    await writeFile(
      join(dir, 'a.md'),
      note('Extraditions', 'Mexico sent ten people north in 2019.\n\nThe navy returned to counter-narcotics work.'),
    );
    const third = await Dossier.open({ corpusDir: dir, cacheDir });
    expect(third.built).toBe(true);
    expect(third.search('navy')).toHaveLength(1);
  });

  it('rebuilds when a number the index is built with changes, and not for a number used only to rank', async () => {
    const { dir, cacheDir } = await setup({
      'a.md': note('Council', 'The mayor, Maria Elena Ortiz Vidal, or MEOV, spoke.'),
    });
    const named = (dossier: Dossier) =>
      dossier.index.bridges.find(dossier.index.analyzer.terms('MEOV')).map((found) => found.terms.join(' '));
    const first = await Dossier.open({ corpusDir: dir, cacheDir });
    expect(named(first)).toEqual([first.index.analyzer.terms('Maria Elena Ortiz Vidal').join(' ')]);
    expect((await Dossier.open({ corpusDir: dir, cacheDir, ranking: { ask: { proximity: 0 } } })).built).toBe(false);
    const shorter = await Dossier.open({ corpusDir: dir, cacheDir, ranking: { index: { aliasNameWords: 2 } } });
    expect(shorter.built).toBe(true);
    expect(named(shorter)).toEqual([first.index.analyzer.terms('Ortiz Vidal').join(' ')]);
  });

  it('rebuilds when the corpus lexicon changes, and uses its synonyms at query time', async () => {
    const { dir, cacheDir } = await setup({ 'a.md': note('Trade', 'The USMCA replaced the old agreement.') });
    expect(ask(await Dossier.open({ corpusDir: dir, cacheDir }), 'T-MEC').results).toHaveLength(0);
    await writeFile(join(dir, 'synonyms.yaml'), 'USMCA: [T-MEC, CUSMA]\n');
    const withSynonyms = await Dossier.open({ corpusDir: dir, cacheDir });
    expect(withSynonyms.built).toBe(true);
    expect(ask(withSynonyms, 'T-MEC').results).toHaveLength(1);
    expect(ask(await Dossier.open({ corpusDir: dir, cacheDir, lexicon: 'none' }), 'T-MEC').results).toHaveLength(0);
  });

  it('reloads a lexicon that changed while running, and reads one a setting names', async () => {
    const { dir, cacheDir } = await setup({ 'a.md': note('Trade', 'The USMCA replaced the old agreement.') });
    const dossier = await Dossier.open({ corpusDir: dir, cacheDir });
    expect(await dossier.reloadLexicon()).toBe(false);
    await writeFile(join(dir, 'synonyms.yaml'), 'USMCA: [T-MEC]\n');
    expect(await dossier.reloadLexicon()).toBe(true);
    expect(ask(dossier, 'T-MEC').results).toHaveLength(1);
    const named = join(cacheDir, 'trade.yaml');
    await writeFile(named, 'USMCA: [CUSMA]\n');
    expect(ask(await Dossier.open({ corpusDir: dir, lexicon: named }), 'CUSMA').results).toHaveLength(1);
  });

  it('refuses a named lexicon file that is not there; one lost while running is answered without', async () => {
    const { dir, cacheDir } = await setup({ 'a.md': note('Trade', 'The USMCA replaced the old agreement.') });
    const missing = join(cacheDir, 'no-such-lexicon.yaml');
    await expect(Dossier.open({ corpusDir: dir, lexicon: missing })).rejects.toMatchObject({
      code: 'lexicon-missing',
      message: `Lexicon file not found: ${missing} (name a YAML file of synonyms, or none)`,
    });
    // The corpus's own synonyms.yaml is a default, not a setting: without one there is simply no lexicon.
    expect(ask(await Dossier.open({ corpusDir: dir }), 'USMCA').results).toHaveLength(1);
    const named = join(cacheDir, 'trade.yaml');
    await writeFile(named, 'USMCA: [CUSMA]\n');
    const { log, lines } = capturingLogger();
    const dossier = await Dossier.open({ corpusDir: dir, lexicon: named, log });
    await rm(named);
    expect(await dossier.reloadLexicon()).toBe(true);
    expect(ask(dossier, 'CUSMA').results).toHaveLength(0);
    expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([
      `Lexicon file not found: ${named} (name a YAML file of synonyms, or none): answering without it`,
    ]);
  });

  it('refuses a named lexicon file that is malformed; the corpus’s own one is warned of and left out', async () => {
    const { dir, cacheDir } = await setup({ 'a.md': note('Trade', 'The USMCA replaced the old agreement.') });
    const notYaml = join(cacheDir, 'not-yaml.yaml');
    await writeFile(notYaml, 'USMCA: [CUSMA\n  T-MEC: : :\n');
    const aList = join(cacheDir, 'a-list.yaml');
    await writeFile(aList, '- USMCA\n- CUSMA\n');
    await expect(Dossier.open({ corpusDir: dir, lexicon: notYaml })).rejects.toMatchObject({
      code: 'lexicon-malformed',
      message: expect.stringMatching(
        new RegExp(`^Lexicon file malformed: ${notYaml} \\(not YAML: [^\\n]+ at line 1, column \\d+; fix it, or name`),
      ),
    });
    await expect(Dossier.open({ corpusDir: dir, lexicon: aList })).rejects.toMatchObject({
      code: 'lexicon-malformed',
      message:
        `Lexicon file malformed: ${aList} (expected "term: [synonym, …]" entries; fix it, or name another file, ` +
        'or none)',
    });
    const oneWrong = join(cacheDir, 'one-wrong.yaml');
    await writeFile(oneWrong, 'USMCA: [CUSMA]\nNAFTA: the old agreement\n');
    await expect(Dossier.open({ corpusDir: dir, lexicon: oneWrong })).rejects.toMatchObject({
      message: expect.stringContaining('(expected "term: [synonym, …]" entries, as "NAFTA" is not; fix it'),
    });
    const twice = join(cacheDir, 'twice.yaml');
    await writeFile(twice, 'USMCA: [CUSMA]\nNAFTA: [the old agreement]\n"USMCA": [T-MEC]\n');
    await expect(Dossier.open({ corpusDir: dir, lexicon: twice })).rejects.toMatchObject({
      code: 'lexicon-malformed',
      message:
        `Lexicon file malformed: ${twice} (the term "USMCA" is given twice, on lines 1 and 3; fix it, or name ` +
        'another file, or none)',
    });
    // An empty file, or one of comments only, is a lexicon with nothing in it yet.
    const empty = join(cacheDir, 'empty.yaml');
    await writeFile(empty, '# synonyms to come\n');
    expect(ask(await Dossier.open({ corpusDir: dir, lexicon: empty }), 'USMCA').results).toHaveLength(1);
    // The same two as the corpus's own synonyms.yaml: answered without a lexicon, each with one warning naming it.
    const own = join(dir, 'synonyms.yaml');
    for (const [text, problem] of [
      ['USMCA: [CUSMA\n  T-MEC: : :\n', /^not YAML: .+ at line 1, column \d+$/],
      ['- USMCA\n- CUSMA\n', /^expected "term: \[synonym, …\]" entries$/],
      ['USMCA: [CUSMA]\nUSMCA: [T-MEC]\n', /^the term "USMCA" is given twice, on lines 1 and 2$/],
    ] as const) {
      await writeFile(own, text);
      const { log, lines } = capturingLogger();
      const dossier = await Dossier.open({ corpusDir: dir, log });
      expect(ask(dossier, 'USMCA').results).toHaveLength(1);
      const warnings = lines.filter((l) => l.level === 40).map((l) => l.msg);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.replace(`lexicon ${own} ignored: `, '')).toMatch(problem);
    }
  });
});

describe('search', () => {
  it('forgives a typo in a long word but not in a short one', async () => {
    const { dir } = await setup({
      'a.md': note('Seizures', 'Fentanyl seizures at the border rose sharply.\n\nThe cat sat.'),
    });
    const dossier = await Dossier.open({ corpusDir: dir });
    expect(dossier.search('fentanil')).toHaveLength(1);
    expect(dossier.search('cot')).toHaveLength(0);
  });

  it('scores a word by its best way of being said: its many alternatives never outweigh a typed word', async () => {
    const { dir } = await setup({
      'a.md': note('Ostrava', 'The plant fires its bricks in a kiln.'),
      'b.md': note('Bakery', 'Bakers keep an oven, a stove, a hearth and a boiler.'),
    });
    const dossier = await Dossier.open({ corpusDir: dir });
    const related = ['oven', 'stove', 'hearth', 'boiler'].map((term) => ({ terms: [term], weight: 0.5 }));
    const hits = dossier.search({
      words: [
        { term: 'kiln', alternatives: [] },
        { term: 'heater', alternatives: related },
      ],
    });
    expect(hits.map((h) => h.passage.source)).toEqual(['a.md', 'b.md']);
    expect(hits[1]!.terms.sort()).toEqual(['boiler', 'hearth', 'oven', 'stove']);
  });

  it('finds accented and unaccented spellings alike', async () => {
    const { dir } = await setup({ 'a.md': note('Funding', 'Mérida funding reached a new level.') });
    const dossier = await Dossier.open({ corpusDir: dir });
    expect(dossier.search('Merida')).toHaveLength(1);
    expect(dossier.search('MÉRIDA')).toHaveLength(1);
  });
});

describe('a word of money', () => {
  it('is one by its own form or a plural or verb form of one, never by a comparative or a doer in "-er"', async () => {
    const { dir, cacheDir } = await setup({ 'a.md': note('Trees', 'We planted 40 species of tree one summer.') });
    const { index } = await Dossier.open({ corpusDir: dir, cacheDir, wordnet: WORDNET_DIR });
    for (const word of ['sums', 'fees', 'costs', 'funds', 'wages', 'funding', 'salary'])
      expect(index.money(word), word).toBe(true);
    // "summer" read as "sum" more, "renter" as "rent" who does it; "species" is its own word, not coins ("specie").
    for (const word of ['summer', 'renter', 'pensioner', 'species', 'planted'])
      expect(index.money(word), word).toBe(false);
  });
});

describe('a word near one the dictionary has', () => {
  it('is a slip, a prefixed form or a join of dictionary words; a name the dictionary lacks is not', async () => {
    const { dir, cacheDir } = await setup({ 'a.md': note('Trees', 'We planted 40 species of tree one summer.') });
    const { index } = await Dossier.open({ corpusDir: dir, cacheDir, wordnet: WORDNET_DIR });
    // A letter changed, added, left out or swapped; a prefix on a word; two words joined.
    // A dictionary word behind a combining form the dictionary lacks, as technical words are made ("glyco-").
    for (const word of [
      'recieve',
      'guardsmen',
      'plantted',
      'plated',
      'rebrands',
      'sitdown',
      'rollout',
      'glycometabolic',
    ])
      expect(index.nearDictionaryWord(word), word).toBe(true);
    for (const word of ['vastrelko', 'quorthing', 'zindavel']) expect(index.nearDictionaryWord(word), word).toBe(false);
  });
});

describe('term counts', () => {
  it('counts the passages holding each term, and forgets a removed document', async () => {
    const { dir } = await setup({
      'a.md': note('Guard', 'The National Guard deployed.\n\nThe guard grew.'),
      'b.md': note('Navy', 'The navy and the guard patrol.'),
    });
    const dossier = await Dossier.open({ corpusDir: dir });
    const guard = dossier.index.analyzer.terms('guard')[0]!;
    expect(dossier.index.documentFrequency(guard)).toBe(3);
    dossier.remove('b.md');
    expect(dossier.index.documentFrequency(guard)).toBe(2);
    expect(dossier.index.knows(dossier.index.analyzer.terms('navy')[0]!)).toBe(false);
  });

  it('keeps its counts in the saved index', async () => {
    const { dir, cacheDir } = await setup({ 'a.md': note('Guard', 'The guard deployed.\n\nThe guard grew.') });
    await Dossier.open({ corpusDir: dir, cacheDir });
    const reopened = await Dossier.open({ corpusDir: dir, cacheDir });
    expect(reopened.built).toBe(false);
    expect(reopened.index.documentFrequency(reopened.index.analyzer.terms('guard')[0]!)).toBe(2);
  });
});

describe('the short forms a passage defines', () => {
  it('knows the passage defining each, built or loaded, and forgets it with its document', async () => {
    const { built, loaded } = await builtAndLoaded({
      'a.md': note('Roads', 'Counts of average daily traffic (ADT) rose.\n\nADT: 4,100.'),
      'b.md': note('Boards', 'The Joint Transport Board (JTB) met.'),
    });
    for (const dossier of [built, loaded]) {
      const { index } = dossier;
      const [adt, jtb] = [index.analyzer.terms('ADT')[0]!, index.analyzer.terms('JTB')[0]!];
      const holding = index.holding(adt).sort();
      expect(holding, "both of a.md's passages hold ADT").toHaveLength(2);
      expect(holding.map((id) => index.defines(id, adt))).toEqual([true, false]);
      const board = index.holding(jtb)[0]!;
      expect([index.defines(board, jtb), index.defines(board, adt)]).toEqual([true, false]);
      dossier.remove('b.md');
      expect(index.defines(board, jtb)).toBe(false);
    }
  });
});

describe('the passages holding a term', () => {
  it('names them, and tells whether one holds a term of each of two lists, built or loaded', async () => {
    const { built, loaded } = await builtAndLoaded({
      'a.md': note('Stations', 'The rail company runs stations in Leeds and Durham.\n\nLeeds station has a cafe.'),
      'b.md': note('Delays', 'Train delays rose last winter.'),
    });
    for (const dossier of [built, loaded]) {
      const { index } = dossier;
      const [durham, leeds, delay, cafe] = ['durham', 'leeds', 'delays', 'cafe'].map(
        (w) => index.analyzer.terms(w)[0]!,
      );
      expect(index.holding(leeds!).sort()).toEqual(['a.md#1', 'a.md#2']);
      expect(index.together([durham!], [delay!])).toBe(false);
      expect(index.together([durham!], [delay!, leeds!])).toBe(true);
      expect(index.together([durham!, cafe!], [delay!])).toBe(false);
    }
  });
});

describe('an alternative of several terms', () => {
  it("scores a passage by its terms' summed scores over their number, however many passages it reaches", async () => {
    // 3,000 passages, each holding "boat", "vessel" or both: more than the room the search first makes for them.
    const kinds = ['boat and vessel', 'boat', 'vessel'];
    const text = Array.from({ length: 3000 }, (_, i) => `A ${kinds[i % 3]} numbered ${i}.`).join('\n\n');
    const { built, loaded } = await builtAndLoaded({ 'boats.md': note('Harbour', text) });
    const each = { limit: 5000, budget: Number.MAX_SAFE_INTEGER };
    for (const dossier of [built, loaded]) {
      const alone = (term: string) =>
        new Map(dossier.search({ words: [{ term, alternatives: [] }] }, each).map((h) => [h.id, h.score]));
      const [boat, vessel] = [alone('boat'), alone('vessel')];
      const both = { terms: ['boat', 'vessel'], weight: 0.5 };
      const hits = dossier.search({ words: [{ term: 'ship', alternatives: [both] }] }, each);
      expect(hits.length).toBe(3000);
      for (const hit of hits) {
        const total = boat.has(hit.id) ? boat.get(hit.id)! + (vessel.get(hit.id) ?? 0) : vessel.get(hit.id)!;
        expect(hit.score).toBe((0.5 * total) / 2);
      }
    }
  });
});

describe('search over a budget', () => {
  it('leaves the commonest words out of the lookup but still reports which hits hold them', async () => {
    const { dir } = await setup({
      'a.md': note(
        'Notes',
        ['Mexico and the border.', 'Mexico and extraditions.', 'Mexico again.', 'Nothing here.'].join('\n\n'),
      ),
    });
    const dossier = await Dossier.open({ corpusDir: dir });
    const hits = dossier.search('Mexico extraditions', { budget: 1 });
    expect(hits.map((h) => h.passage.text)).toEqual(['Mexico and extraditions.']);
    expect(hits[0]!.terms.sort()).toEqual(dossier.index.analyzer.terms('Mexico extraditions').sort());
    expect(dossier.search('Mexico extraditions').length).toBe(3);
  });

  it('tells each hit which of the terms it left out the passage holds, in any field, built or loaded', async () => {
    const { built, loaded } = await builtAndLoaded({
      'a.md': note('Border notes', 'Mexico extradited ten people in 2019.\n\nThe navy patrolled the coast.'),
      'b.md': note('Navy', 'Mexico and the navy.\n\nNotes on extradition.'),
    });
    expect([built.built, loaded.built]).toEqual([true, false]);
    const question = 'notes extradition navy Mexico coast';
    for (const dossier of [built, loaded]) {
      const analysed = analyseQuery(question, dossier.index, dossier.ranking.query);
      const every = [...new Set(analysed.words.flatMap((w) => w.terms))];
      for (const query of [question, analysed]) {
        const hits = dossier.search(query, { budget: 1 });
        expect(hits.some((hit) => hit.terms.length > hit.matched.length)).toBe(true);
        for (const hit of hits) {
          const held = dossier.index.termsOf(hit.passage, dossier.document(hit.passage.source)!.meta).any;
          expect(new Set(hit.terms)).toEqual(new Set(every.filter((t) => held.has(t))));
          expect(hit.terms.slice(0, hit.matched.length)).toEqual(hit.matched);
        }
      }
    }
  });
  it('answers from a loaded index as from the one it saved, and re-indexes a document after loading', async () => {
    const { built, loaded } = await builtAndLoaded({
      'a.md': note('Extraditions', 'Mexico extradited ten people in 2019.\n\nThe navy returned to port.'),
      'b.md': note('Seizures', 'Fentanyl seizures at the border rose sharply.\n\nThe navy seized a boat.'),
    });
    expect(loaded.built).toBe(false);
    const hits = (d: Dossier, q: string) => d.search(q).map((h) => [h.id, h.score.toFixed(6), h.terms]);
    for (const q of ['navy', 'fentanyl seizures', 'extradited people', 'nvy boat'])
      expect(hits(loaded, q)).toEqual(hits(built, q));

    const b = loaded.document('b.md')!;
    loaded.upsert({ ...b, hash: 'changed', passages: [{ ...b.passages[0]!, text: 'The coast guard seized a boat.' }] });
    expect(loaded.search('navy').map((h) => h.id)).toEqual(['a.md#2']);
    expect(loaded.search('coast guard').map((h) => h.id)).toEqual(['b.md#1']);
  });
});
