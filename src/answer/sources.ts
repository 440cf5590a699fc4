import type { SourceDocument } from '../corpus/types.js';
import type { Library } from './library.js';
import { publisherBesides, replyOf, textReply, type Reply, type RichText } from './reply.js';

/** "1 passage", "3 passages". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The size of a corpus in words: "1 document, 8 passages". */
export const corpusSize = (documents: number, passages: number): string =>
  `${count(documents, 'document')}, ${count(passages, 'passage')}`;

/** The documents in the corpus with their metadata and passage counts. */
export function sourcesReply(dossier: Library): Reply {
  const docs = dossier.documents;
  if (docs.length === 0) {
    const empty = 'The corpus is empty: add .md, .txt, .html or .pdf files to the corpus folder.';
    return textReply('Sources in the corpus', empty, { status: 'empty' });
  }
  const items: RichText[] = docs.map((d) => [
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
  return replyOf('Sources in the corpus', [
    { type: 'text', text: [{ text: `${corpusSize(docs.length, passages)}.` }] },
    { type: 'list', items },
  ]);
}

/** Who wrote a document, who published it and when, as far as it says. */
const byline = ({ meta }: SourceDocument) =>
  [meta.author, publisherBesides(meta.author, meta.publisher), meta.date].filter(Boolean).join(', ');
