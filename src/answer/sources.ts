import { compareAsRead } from '../corpus/text.js';
import type { SourceDocument } from '../corpus/types.js';
import type { Library } from './library.js';
import { count, publisherBesides, replyOf, textReply, type Reply, type RichText } from './reply.js';

/** The size of a corpus in words: "1 document, 8 passages". */
export const corpusSize = (documents: number, passages: number): string =>
  `${count(documents, 'document')}, ${count(passages, 'passage')}`;

/**
 * The documents in the corpus with their metadata and passage counts, from the `offset`-th on (a later page, where a
 * platform had no room for them all: see `Reply.rest`).
 */
export function sourcesReply(dossier: Library, offset = 0): Reply {
  const docs = dossier.documents;
  if (docs.length === 0) {
    const empty = 'The corpus is empty: add .md, .txt, .html or .pdf files to the corpus folder.';
    return textReply('Sources in the corpus', empty, { status: 'empty' });
  }
  // A corpus that lost documents since the page before has none left to show from here.
  if (offset >= docs.length) return textReply('Sources in the corpus', 'No more documents.', { status: 'empty' });
  // By title as a reader looks one up, the path breaking ties (and keeping pages apart): by path alone, "Bulletin 10"
  // would come between "Bulletin 1" and "Bulletin 2", and a document added while the bot ran would come last.
  const sorted = [...docs].sort(
    (a, b) => compareAsRead(a.meta.title, b.meta.title) || compareAsRead(a.source, b.source),
  );
  const listed = sorted.slice(offset);
  const items: RichText[] = listed.map((d) => [
    { text: d.meta.title, strong: true },
    {
      text: [
        ` — ${byline(d) || 'no author or date stated'}`,
        count(d.passages.length, 'passage'),
        d.meta.url ?? d.source,
      ].join(' · '),
    },
  ]);
  const passages = docs.reduce((n, d) => n + d.passages.length, 0);
  const size = corpusSize(docs.length, passages);
  return replyOf(
    'Sources in the corpus',
    [
      { type: 'text', text: [{ text: offset ? `${size}; from document ${offset + 1}:` : `${size}.` }] },
      { type: 'list', items },
    ],
    { rest: { command: 'sources', args: { offset: offset + listed.length } } },
  );
}

/** Who wrote a document, who published it and when, as far as it says. */
const byline = ({ meta }: SourceDocument) =>
  [meta.author, publisherBesides(meta.author, meta.publisher), meta.date].filter(Boolean).join(', ');
