import { withoutAccents } from './text.js';

/** Long enough to tell files apart, short enough to read and type. */
const MAX_CHARS = 60;

/**
 * Lower-case ASCII words joined by hyphens, at most 60 characters, accents folded ("Café prices" → "cafe-prices"): a
 * file name anyone can type, for a document added to the corpus or a chart. Empty when the text has no letter or
 * digit left; the caller names the file then. A module of its own, importing only corpus/text.ts (which imports
 * nothing), so the chart worker loads only these of the corpus.
 */
export function slug(text: string): string {
  return withoutAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_CHARS)
    .replace(/-+$/, '');
}
