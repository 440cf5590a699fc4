/**
 * Rules for plain text that several layers share and none owns: here, in the lowest layer, so each may import them.
 * Imports nothing.
 */

/** `text` as a regular expression that matches it literally: a site's name or a currency's sign inside a pattern. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
