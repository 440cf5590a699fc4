// Child process of run.ts: a fresh Node opens the corpus with its saved index and answers one question, from the
// compiled engine (dist/, as `npm start` runs it). performance.now() counts from the process's own start.
import { performance } from 'node:perf_hooks';

const [corpusDir, cacheDir, question] = process.argv.slice(2);
const importStart = performance.now();
const { Dossier } = await import('../dist/src/engine/dossier.js');
const { ask } = await import('../dist/src/answer/ask.js');
const { WORDNET_DIR } = await import('../dist/src/search/wordnet.js');
const start = performance.now();
const dossier = await Dossier.open({ corpusDir, cacheDir, wordnet: WORDNET_DIR });
const opened = performance.now();
const answer = ask(dossier, question);
const done = performance.now();
const cpu = process.cpuUsage();
process.stdout.write(
  JSON.stringify({
    fromCache: dossier.index.fromCache,
    openMs: opened - start,
    answerMs: done - opened,
    processMs: done,
    cpuMs: (cpu.user + cpu.system) / 1000,
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
    phases: { 'node start': importStart, imports: start - importStart, open: opened - start, answer: done - opened },
    results: answer.results.length,
  }),
);
