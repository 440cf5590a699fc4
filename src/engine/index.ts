/**
 * The engine's public API: what adapters and programs outside the core use, besides the command
 * table (src/commands) and the digest's wiring (src/digest/index.ts). Everything else in src/ is the
 * engine's own business and may change shape without them noticing.
 */
export { Dossier, type DossierOptions, type SearchHit, type SearchOptions } from './dossier.js';
export type { Passage, SourceDocument } from '../corpus/types.js';
/** The answers as data, for `dossier … --json`. */
export { ask, askJson, askReply, PAGE_SIZE } from '../answer/ask.js';
export { cite, citeReply } from '../answer/cite.js';
export { answerFigures } from '../answer/figures/index.js';
export { corpusSize } from '../answer/sources.js';
/** Charts drawn on worker threads, handed to commands through their context (`drawChart`). */
export { chartWorkers, type ChartDrawer, type ChartWorkers } from '../answer/figures/index.js';
/** How the search reads text, for adapters that match what a user types against the corpus (autocomplete). */
export { fold } from '../search/analyzer.js';
/** Runs of white space as one space, as the core shows and hashes text, for adapters reading a platform's text. */
export { collapseSpaces } from '../corpus/text.js';
/** The noun phrases of a text, from which autocomplete reads a corpus's topics. */
export { nounPhrases } from '../answer/phrases.js';
export { STOP_WORDS } from '../search/stopwords.js';
/** WordNet's dictionary, which the bot and the command line pass to `Dossier.open({ wordnet })`. */
export { WORDNET_DIR } from '../search/wordnet.js';
