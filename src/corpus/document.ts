import { basename, extname } from 'node:path';
import type { ParsedDocument } from './block.js';
import { clean, dropRepeats } from './clean.js';
import { deriveMeta, mergeMeta } from './metadata.js';
import { toPassages } from './passages.js';
import { capitalise } from './text.js';
import type { DocumentMeta, Passage, SourceDocument } from './types.js';

/** How many words of its opening sentence name a document that states no title. */
const OPENING_WORDS = 8;

/**
 * Turns a parsed file into a document: cleaning, metadata and passages. Metadata comes in layers,
 * each overriding the one before field by field: tool-made file info (PDF), what the text states
 * (headline, byline, …), what the format states (front matter, meta tags), then the sidecar.
 */
export function buildDocument(
  source: string,
  hash: string,
  parsed: ParsedDocument,
  sidecar: Partial<DocumentMeta> = {},
): SourceDocument {
  const cleaned = clean(parsed.blocks);
  const derived = deriveMeta(cleaned.blocks, cleaned.notes, parsed.meta.title);
  const stated = mergeMeta(parsed.fallbackMeta ?? {}, derived.meta, parsed.meta, sidecar);
  const title = unlabelled(stated.title);
  const passages = toPassages(source, dropRepeats(derived.body, derived.meta.title ?? stated.title));
  const meta: DocumentMeta = {
    ...stated,
    title: title ?? (parsed.namedByFile ? undefined : openingWords(passages)) ?? fileTitle(source),
    tags: stated.tags ?? [],
  };
  return { source, hash, meta, passages };
}

/**
 * The label a press office opens a release's headline with ("PRESS RELEASE: …", "News release – …", "FOR IMMEDIATE
 * RELEASE: …"), one or more: it names the kind of document, not its subject, so it is no part of the title every
 * citation shows ("Subject: PRESS RELEASE: Record year …" titled an emailed release so). A title that is only the label
 * keeps it. The headline the release restates under its subject stays the heading over its paragraphs.
 */
const RELEASE_LABEL = /^(?:(?:for immediate|press|news|media) release\s*[:|–—-]\s*)+(?=\S)/i;

/** A title without its release label (`RELEASE_LABEL`). */
function unlabelled(title: string | undefined): string | undefined {
  return title?.replace(RELEASE_LABEL, '');
}

/**
 * A title for a document whose text has no headline: its opening sentence, cut to a few words.
 * File names in a scraped corpus are often hashes, so the text names the document better.
 */
function openingWords(passages: Passage[]): string | undefined {
  const first = passages[0];
  if (!first) return undefined;
  const words = (first.sentences[0]?.text ?? first.text).split(/\s+/);
  if (words.length <= OPENING_WORDS) return words.join(' ').replace(/[.!?,;:]+$/, '');
  return `${words
    .slice(0, OPENING_WORDS)
    .join(' ')
    .replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * The file name without its extension, words spaced: the title of a document with no text or none naming it. A hyphen
 * between digits stays, being part of a date or a span ("2026-09-24", "2025-26"), not a gap between words.
 */
function fileTitle(source: string): string {
  const name =
    basename(source, extname(source))
      .replace(/_+|(?<!\d)-+|-+(?!\d)/g, ' ')
      .trim() || source;
  return capitalise(name);
}
