import { createRequire } from 'node:module';
import type { parse, parseDocument, stringify } from 'yaml';

const require = createRequire(import.meta.url);
const yaml = () =>
  require('yaml') as { parse: typeof parse; parseDocument: typeof parseDocument; stringify: typeof stringify };

/**
 * YAML parsing, loaded on first use: the library costs a noticeable share of a CLI call, and a
 * corpus read back from its saved copy never needs it.
 */
export function parseYaml(text: string): unknown {
  return yaml().parse(text);
}

/** YAML text for a plain record (a sidecar written for a document added from a link or chat). */
export function stringifyYaml(value: Record<string, unknown>): string {
  return yaml().stringify(value, { lineWidth: 0 });
}

/** One top-level `key: value` of a YAML mapping, with the 0-based line its key is on. */
export interface YamlEntry {
  key: string;
  value: unknown;
  line: number;
}

/**
 * A syntax error: its message without the library's location and code frame, and the 0-based line it was noticed on.
 */
export interface YamlError {
  message: string;
  line: number;
  /** The library's code for it (`MISSING_CHAR`, `BAD_INDENT`, …), which says what is wrong in fewer words. */
  code?: string;
}

/**
 * A YAML mapping's entries, each with its line, and the syntax errors. Where the text is not a
 * mapping, `entries` is undefined and `shape` says what it is instead.
 */
export function readYamlMapping(text: string): {
  entries?: YamlEntry[];
  shape?: string;
  errors: YamlError[];
} {
  // Warnings (a list used as a key) would go to the process's stderr; what matters is in `errors`.
  const doc = yaml().parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  const lineOf = lineFinder(text);
  const errors = doc.errors.map((e) => ({ message: e.message, line: lineOf(e.pos[0]), code: e.code }));
  const contents = doc.contents as { items?: { key: unknown; value: unknown }[] } | null;
  if (contents === null) return { entries: [], errors };
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    // Aliases nested to blow up in size ("billion laughs") are refused here.
    return { entries: [], errors: [...errors, { message: (error as Error).message, line: 0 }] };
  }
  if (!contents.items || Array.isArray(value) || typeof value !== 'object' || value === null)
    return { shape: Array.isArray(value) ? 'a list' : 'text', errors };
  const entries = contents.items.flatMap((pair) => {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (key === null || typeof key.value !== 'string') return [];
    return [
      { key: key.value, value: (value as Record<string, unknown>)[key.value], line: lineOf(key.range?.[0] ?? 0) },
    ];
  });
  return { entries, errors };
}

/** Offset to 0-based line number. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return line;
  };
}
