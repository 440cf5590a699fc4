// Where every bench reads and writes, and the machine it ran on, which each bench prints and records beside its
// figures: they mean little without it.
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/, where each bench writes its results file. */
export const benchDir = dirname(fileURLToPath(import.meta.url));
/** The project: ./corpus, adapters/main.ts. */
export const projectDir = resolve(benchDir, '..');
/** ../shared beside the project: the seeds, the dev set and SciFact, read where they lie. */
export const sharedDir = resolve(projectDir, '../shared');
/** Where corpora, databases, saved indexes and profiles go (`BENCH_OUT`, default bench/out, which git ignores). */
export const outDir = process.env.BENCH_OUT ? resolve(process.env.BENCH_OUT) : join(benchDir, 'out');

/** The machine: CPU model, cores and Node version. */
export const machine = { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: cpus().length, node: process.version };

/** The machine and its load average now, as the line over a bench's table. */
export const machineNow = () =>
  `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average at the end ` +
  `${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}.`;
