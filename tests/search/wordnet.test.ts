import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WORDNET_DIR, readWordNet } from '../../src/search/wordnet.js';
import { capturingLogger } from '../support/log.js';

describe('readWordNet', () => {
  it('names the words mostly said of money, by how they are used, not every word with a sense of it', async () => {
    const { dictionary } = await readWordNet([], WORDNET_DIR);
    expect(dictionary.money).toEqual(expect.arrayContaining(['cost', 'fee', 'revenue', 'salary', 'price', 'cash']));
    // Each has a sense of money, but is mostly used otherwise: "take" a photo, "pay" attention, a "benefit" of doubt.
    for (const word of ['take', 'found', 'pay', 'benefit', 'amount', 'win'])
      expect(dictionary.money).not.toContain(word);
    // "specie" (coin), never tagged in use, is what the endings' rule reads in "species", a common word of its own.
    expect(dictionary.money).not.toContain('specie');
    expect(dictionary.money).toEqual(expect.arrayContaining(['sum', 'fund', 'wage']));
  });

  it("bridges a corpus word only to synonyms whose own commonest sense is that word's", async () => {
    const { synonyms } = await readWordNet(['homicide', 'profit', 'career'], WORDNET_DIR);
    const to = (word: string) => synonyms.filter(([, w]) => w === word).map(([other]) => other);
    // "murder" is commonly a kind of homicide, and "killing" the act of one.
    expect(to('homicide')).toEqual(expect.arrayContaining(['murder']));
    // "a killing" is a profit only in a rare sense, and a "calling" searches as "call", commonly a telephone call.
    expect(to('profit')).not.toContain('killing');
    expect(to('career')).not.toContain('calling');
  });

  it("bridges a corpus word to its other senses' synonyms and its seldom-meant ones as rare, apart", async () => {
    const { synonyms, rare } = await readWordNet(['wiretaps', 'profits'], WORDNET_DIR);
    const to = (pairs: [string, string][], word: string) => pairs.filter(([, w]) => w === word).map(([o]) => o);
    // "intercept" seldom means to tap a line, nor "earnings" a company's profits (more often a wage).
    expect(to(rare, 'wiretaps')).toContain('intercept');
    expect(to(synonyms, 'wiretaps')).not.toContain('intercept');
    expect(to(rare, 'profits')).toContain('earnings');
    expect(to(synonyms, 'profits')).toContain('net income');
    expect(to(rare, 'profits').filter((w) => to(synonyms, 'profits').includes(w))).toEqual([]);
  });

  it('bridges a corpus word to its family: derived forms, roots and negated forms, not opposites', async () => {
    const { family } = await readWordNet(['smuggling', 'reported', 'mexico', 'increased', 'closely'], WORDNET_DIR);
    const to = (word: string) => family.filter(([, w]) => w === word).map(([other]) => other);
    // Two steps through "smuggle" reach the smuggler from the smuggling.
    expect(to('smuggling')).toEqual(expect.arrayContaining(['smuggle', 'smuggler']));
    expect(to('reported')).toEqual(expect.arrayContaining(['report', 'unreported']));
    expect(to('mexico')).toContain('mexican');
    expect(to('increased')).not.toContain('decrease');
    expect(to('closely')).not.toContain('distant');
  });

  it("bridges a one-sense corpus word to its family's one-sense synonyms, apart: two relations, not one", async () => {
    const { family, familySynonyms } = await readWordNet(['household', 'tourism', 'drug'], WORDNET_DIR);
    const to = (word: string) => familySynonyms.filter(([, w]) => w === word).map(([other]) => other);
    // "homeowner" through "householder", "holidaymaker" through "tourist": every word of the chain has one sense.
    expect(to('household')).toContain('homeowner');
    expect(to('tourism')).toContain('holidaymaker');
    expect(family.some(([other]) => other === 'holidaymaker')).toBe(false);
    // "drug" is also a verb (to dose), so "pharmacist", a synonym of its "druggist", is not chained to it.
    expect(to('drug')).toEqual([]);
  });

  it("bridges a corpus adjective to the adjectives WordNet calls similar, both ways, and nothing else's", async () => {
    const { similar } = await readWordNet(['strong', 'powerful', 'homicide'], WORDNET_DIR);
    const to = (word: string) => similar.filter(([, w]) => w === word).map(([other]) => other);
    expect(to('strong')).toContain('powerful');
    expect(to('powerful')).toContain('strong');
    expect(to('strong')).not.toContain('strong');
    expect(to('homicide')).toEqual([]);
  });

  it('lists the names of two words the corpus holds one word of, not the other, and never writes', async () => {
    const { dictionary, unwritten } = await readWordNet(
      ['courts', 'house', 'foreign', 'service'],
      WORDNET_DIR,
      undefined,
      undefined,
      {
        sideBySide: (pairs) => new Set([...pairs].filter((pair) => pair === 'white house')),
        together: () => new Set(),
      },
    );
    // Names whose commonest sense is written with a capital ("Supreme Court" first the United States'); not a thing
    // any corpus may say in those words ("gun control").
    expect(dictionary.twoWordNames).toEqual(expect.arrayContaining(['supreme court', 'white house', 'rio grande']));
    expect(dictionary.twoWordNames).not.toContain('gun control');
    // It holds "courts" but no "supreme"; "white house" it writes (as `sideBySide` says); both words of "foreign
    // service" it holds, and may say it in other words; no word of "rio grande".
    expect(unwritten).toContain('supreme court');
    expect(unwritten).not.toContain('white house');
    expect(unwritten).not.toContain('foreign service');
    expect(unwritten).not.toContain('rio grande');
  });

  it('lists the common nouns of two words the corpus holds both words of and never says together', async () => {
    const words = ['price', 'tags', 'drug', 'war', 'running', 'back', 'last', 'quarter', 'response', 'time', 'latency'];
    words.push('voting', 'machine');
    const { dictionary, unwrittenThings } = await readWordNet(words, WORDNET_DIR, undefined, undefined, {
      sideBySide: () => new Set(),
      together: (pairs) => new Set([...pairs].filter((pair) => pair === 'drug war')),
    });
    // Nouns of one sense; not a name ("supreme court"), nor one of several senses ("game plan").
    expect(dictionary.twoWordThings).toEqual(expect.arrayContaining(['price tag', 'death toll', 'drug war']));
    expect(dictionary.twoWordThings).not.toContain('supreme court');
    expect(dictionary.twoWordThings).not.toContain('game plan');
    // Not a verb's form and an adverb ("were running back when …"), nor a time placed from now ("last quarter").
    expect(dictionary.twoWordThings).not.toContain('running back');
    expect(unwrittenThings).not.toContain('last quarter');
    // "drug war" one sentence says (as `together` says); "response time" the corpus says as "latency".
    expect(unwrittenThings).toContain('price tag');
    expect(unwrittenThings).not.toContain('drug war');
    expect(unwrittenThings).not.toContain('response time');
    // A corpus saying "voting", a noun of one sense though of an act, not a thing, speaks of that one act.
    expect(unwrittenThings).not.toContain('voting machine');
  });

  it('tells names and their adjectives, words of one sense and common words apart', async () => {
    const { dictionary } = await readWordNet([], WORDNET_DIR);
    const names = new Set(dictionary.names);
    const specific = new Set(dictionary.specific);
    const words = new Set(dictionary.words);
    for (const name of ['guatemala', 'canadian', 'danish']) expect(names.has(name), name).toBe(true);
    for (const word of ['naloxone', 'guacamole', 'apnea', 'laptop']) expect(specific.has(word), word).toBe(true);
    // A noun of one sense naming an act, an event, a quality or a feeling is what happened or how, as often said
    // otherwise as a verb of one sense.
    for (const word of ['handover', 'crackdown', 'fiasco', 'verdict', 'acreage'])
      expect(words.has(word) && !specific.has(word), word).toBe(true);
    // A verb or adjective of one sense is an action or quality, as often the corpus's own words said otherwise.
    for (const word of ['cop', 'minister', 'fallout', 'eavesdrop', 'unreported'])
      expect(words.has(word), word).toBe(true);
    // Each word is of one kind only.
    expect(specific.has('cop') || names.has('cop') || words.has('canadian')).toBe(false);
    // Vague: more senses than the index's vagueSenses over every part of speech.
    const vague = new Set(dictionary.vague);
    for (const word of ['get', 'pull', 'catch']) expect(vague.has(word), word).toBe(true);
    for (const word of ['cop', 'smuggle', 'naloxone']) expect(vague.has(word), word).toBe(false);
  });
});

describe("WordNet's dictionary kept in the cache folder", () => {
  const folders: string[] = [];
  afterEach(async () => {
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });
  const cacheFolder = async () => {
    const folder = await mkdtemp(join(tmpdir(), 'dossier-wordnet-'));
    folders.push(folder);
    return folder;
  };
  const WORDS = ['wiretaps', 'profits', 'smuggling', 'strong', 'homicide', 'canadian', 'looked'];
  const read = async (dir: string) => {
    const { log, lines } = capturingLogger();
    const learned = await readWordNet(WORDS, WORDNET_DIR, undefined, { dir, log, version: 1 });
    return { learned, said: lines.map((line) => line.msg) };
  };

  it('is built on the first index, read from the folder on the next, and gives the same as without it', async () => {
    const dir = await cacheFolder();
    const first = await read(dir);
    expect(first.said).toContain('WordNet dictionary saved');
    expect(await readdir(dir)).toEqual([expect.stringMatching(/^wordnet-v\d+-[0-9a-f]+\.bin$/)]);

    const second = await read(dir);
    expect(second.said).toContain('WordNet dictionary loaded from cache');
    expect(second.said).not.toContain('WordNet dictionary saved');
    const without = await readWordNet(WORDS, WORDNET_DIR);
    expect(second.learned).toEqual(without);
    expect(first.learned).toEqual(without);
  });

  it('is built again, with one warning, when its file is cut short or is not ours, and saved whole', async () => {
    const dir = await cacheFolder();
    const { learned } = await read(dir);
    const [name] = await readdir(dir);
    const file = join(dir, name!);
    for (const damage of [
      async () => truncate(file, (await readFile(file)).length >> 1),
      async () => writeFile(file, JSON.stringify({ key: 'another program', words: 3 })),
      async () => writeFile(file, ''),
    ]) {
      await damage();
      const again = await read(dir);
      expect(again.said).toContain('the saved WordNet dictionary is damaged or not ours; building it again');
      expect(again.said).toContain('WordNet dictionary saved');
      expect(again.learned).toEqual(learned);
      expect((await read(dir)).said).toContain('WordNet dictionary loaded from cache');
    }
  });

  it('leaves a cache folder it cannot read or write to the saved index to warn of, and still answers', async () => {
    const dir = await cacheFolder();
    await writeFile(join(dir, 'a-file'), '');
    const { log, lines } = capturingLogger();

    const learned = await readWordNet(WORDS, WORDNET_DIR, undefined, { dir: join(dir, 'a-file'), log, version: 1 });

    expect(lines.filter((line) => line.level > 30)).toEqual([]);
    expect(learned).toEqual(await readWordNet(WORDS, WORDNET_DIR));
  });

  it('is built again, silently, for another index format', async () => {
    const dir = await cacheFolder();
    await read(dir);
    const { log, lines } = capturingLogger();
    await readWordNet(WORDS, WORDNET_DIR, undefined, { dir, log, version: 2 });
    expect(lines.map((line) => [line.level, line.msg])).toEqual([[20, 'WordNet dictionary saved']]);
  });
});
