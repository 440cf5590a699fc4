import { createRequire } from 'node:module';
import type { parse } from 'yaml';

const require = createRequire(import.meta.url);

/**
 * YAML parsing, loaded on first use: the library costs a noticeable share of a CLI call, and a
 * corpus read back from its saved copy never needs it.
 */
export function parseYaml(text: string): unknown {
  return (require('yaml') as { parse: typeof parse }).parse(text);
}
