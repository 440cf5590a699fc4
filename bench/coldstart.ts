// Child process of run.ts: a fresh Node opens the corpus with its saved index and answers one question.
import { performance } from 'node:perf_hooks';
import { ask } from '../src/answer/ask.js';
import { Dossier } from '../src/engine/dossier.js';
import { WORDNET_DIR } from '../src/search/wordnet.js';

const [corpusDir, cacheDir, question] = process.argv.slice(2);
const start = performance.now();
const dossier = await Dossier.open({ corpusDir: corpusDir!, cacheDir: cacheDir!, wordnet: WORDNET_DIR });
const opened = performance.now();
const answer = ask(dossier, question!);
const done = performance.now();
process.stdout.write(
  JSON.stringify({
    fromCache: dossier.index.fromCache,
    openMs: opened - start,
    totalMs: done - start,
    results: answer.results.length,
  }),
);
