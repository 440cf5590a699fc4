import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** A V8 CPU profile (`node --cpu-prof`): samples, each naming the node (function) running. */
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/**
 * Where a profiled process spent its time: the functions with the most self time, each named with its
 * file (the package's, for a dependency), in ms, with what is left as "everything else".
 */
export async function hotspots(file: string, top = 8): Promise<{ name: string; ms: number }[]> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'}${url ? ` ${where(url)}:${lineNumber + 1}` : ''}`;
    byName.set(name, (byName.get(name) ?? 0) + (node.hitCount ?? 0) * msPerSample);
  }
  const ranked = [...byName].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  const rest = ranked.slice(top).reduce((sum, h) => sum + h.ms, 0);
  return [...ranked.slice(0, top), { name: 'everything else', ms: rest }];
}

/** A file as a reader knows it: a dependency's package and file, or the project's own path. */
function where(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:.*\/)?([^/]+)$/.exec(path);
  if (dependency) return `${dependency[1]}/${dependency[2]}`;
  const own = /\/(dist\/)?((?:src|adapters|bench)\/.*)$/.exec(path);
  return own ? own[2]! : path;
}
