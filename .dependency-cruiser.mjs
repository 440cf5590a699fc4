/**
 * The layers of the core, each importing only those before it (see the README, "How the code is
 * laid out"). Checked by `npm run deps`, part of `npm test`: a new import circle, or an import that
 * points back up, fails the build.
 */
const LAYERS = [
  ['corpus', '^src/corpus/'],
  ['search', '^src/search/'],
  ['answer', '^src/answer/'],
  ['render', '^src/render/'],
  ['engine', '^src/engine/'],
  ['ingest', '^src/ingest/'],
  ['commands', '^src/commands/'],
  ['digest', '^src/digest/'],
  ['health', '^src/health[.]ts$'],
];
/** Shared by every layer; imports none of them. */
const BASE = '^src/(log|errors|yaml|config|schedule|version|saved-file|worker-pool)[.]ts$|^src/types/';

const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `${name}-imports-only-downward`,
  comment: `src/${name} may import only the base and the layers below it`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(i + 1).map(([, p]) => p) },
}));

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle: move what both sides need down to a module both can see.',
      severity: 'error',
      from: { path: '^(src|adapters)/' },
      to: { circular: true },
    },
    {
      name: 'base-imports-no-layer',
      comment: 'The shared base (config, log, errors, yaml, schedule, saved files, worker pool) is below every layer.',
      severity: 'error',
      from: { path: BASE },
      to: { path: '^src/', pathNot: BASE },
    },
    ...upward,
    {
      name: 'nothing-uses-the-digest',
      comment: 'The digest sits beside the commands: only adapters (and main, their wiring) use it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/digest/' },
      to: { path: '^src/digest/' },
    },
    {
      name: 'core-never-imports-adapters',
      comment: 'The core knows a message and a reply; an adapter knows one platform.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^adapters/' },
    },
    {
      name: 'platforms-stay-apart',
      comment:
        'One platform never imports another: what two share goes in adapters/ (bot.ts, health-server.ts) or in ' +
        'src/render; adapters/main.ts, at the top of adapters/, wires them together.',
      severity: 'error',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: '^adapters/[^/]+/', pathNot: '^adapters/$1/' },
    },
    {
      name: 'adapters-use-the-public-api',
      comment:
        "Adapters reach the core through the command table (src/commands), the engine's public API " +
        "(src/engine/index.ts), the digest's wiring (src/digest/index.ts), adding documents (src/ingest/index.ts) " +
        'and the reply model (src/answer/reply.ts).',
      severity: 'error',
      from: { path: '^adapters/' },
      to: {
        path: [
          '^src/(corpus|search)/',
          '^src/answer/(?!reply[.]ts$)',
          '^src/engine/(?!index[.]ts$)',
          '^src/digest/(?!index[.]ts$)',
          '^src/ingest/(?!index[.]ts$)',
        ],
      },
    },
  ],
  options: {
    includeOnly: '^(src|adapters)/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
