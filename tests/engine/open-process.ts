/**
 * One start of the engine for the kill-mid-save test: opens the corpus with a cache folder (saving the parsed corpus
 * and the index when it has none of them saved), asks one question, and prints what it found as one JSON line. With
 * CRASH_MID_SAVE set to a save's kind (`corpus`, `index`), the process writes half of the first file it opens for that
 * save (its temp file, or the save itself were it written in place) and then kills itself (SIGKILL: nothing is
 * cleaned up), as a process lost mid-write leaves it.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import type { FileHandle } from 'node:fs/promises';
import { ask, Dossier } from '../../src/engine/index.js';
import { messageLogger } from '../../src/log.js';

const [corpusDir, cacheDir, question] = process.argv.slice(2) as [string, string, string];
const crashAt = process.env.CRASH_MID_SAVE;

if (crashAt) {
  const promises = createRequire(import.meta.url)('node:fs/promises') as typeof import('node:fs/promises');
  const open = promises.open;
  promises.open = (async (path: string, ...rest: Parameters<typeof open> extends [unknown, ...infer R] ? R : never) => {
    const handle: FileHandle = await open(path, ...rest);
    // The save itself or a temp file beside it, whichever the writer opens.
    if (!new RegExp(`/${crashAt}-v\\d+-[0-9a-f]+\\.bin(\\.\\d+\\.tmp)?$`).test(String(path))) return handle;
    return Object.assign(Object.create(handle) as FileHandle, {
      async writeFile(bytes: Uint8Array) {
        await handle.writeFile(bytes.subarray(0, Math.floor(bytes.length / 2)));
        await handle.sync();
        process.kill(process.pid, 'SIGKILL');
      },
    });
  }) as typeof open;
  // `saved-file.ts` imports `open` by name: the ESM binding follows the patched function only once synced.
  syncBuiltinESMExports();
}

const said: string[] = [];
const log = messageLogger('info', (level, message) => said.push(`${level}: ${message}`));
let indexed = false;
const dossier = await Dossier.open({ corpusDir, cacheDir, log, onIndexing: () => (indexed = true) });
const answer = ask(dossier, question);
console.log(
  JSON.stringify({
    documents: dossier.documents.map((d) => d.source).sort(),
    top: answer.results[0]?.passage.text,
    /** Whether it parsed and indexed the corpus anew rather than answering from what it saved. */
    indexed,
    said,
  }),
);
