/**
 * The options the `dossier` command line takes, as `parseArgs` reads them (cli.ts). The terminal session reads their
 * names too (repl.ts), to say where one typed after a command there belongs, rather than search for it.
 */
export const OPTION_SPEC = {
  corpus: { type: 'string' },
  cache: { type: 'string' },
  json: { type: 'boolean', default: false },
  chart: { type: 'string' },
  limit: { type: 'string' },
  lexicon: { type: 'string' },
  topics: { type: 'string' },
  since: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
} as const;
