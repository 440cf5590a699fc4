import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * A test's table of cases kept in a YAML file beside it, each row checked against `row`: read at once, as
 * `it.each` needs its rows when the file is collected, and a malformed row throws naming the file and the row,
 * so a typo fails the test file loudly instead of quietly asserting less.
 */
export function readTable<Row extends z.ZodType>(file: URL, row: Row): z.output<Row>[] {
  const parsed = z
    .array(row)
    .min(1)
    .safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${fileURLToPath(file)}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
