import type { Dossier } from '../dossier.js';
import type { Reply, RichText } from './reply.js';

/** The documents in the corpus with their metadata and passage counts. */
export function sourcesReply(dossier: Dossier): Reply {
  const docs = dossier.documents;
  if (docs.length === 0) {
    return { title: 'Sources in the corpus', status: 'empty', blocks: [{ type: 'text', text: [{ text: 'The corpus is empty: add .md, .txt, .html or .pdf files to the corpus folder.' }] }], attachments: [], more: 0 };
  }
  const items: RichText[] = docs.map((d) => [
    { text: d.meta.title, strong: true },
    { text: ` — ${[d.meta.author, d.meta.publisher, d.meta.date].filter(Boolean).join(', ') || 'no author or date stated'} · ${d.passages.length} passages · ${d.source}` },
  ]);
  const passages = docs.reduce((n, d) => n + d.passages.length, 0);
  return {
    title: 'Sources in the corpus',
    status: 'ok',
    blocks: [{ type: 'text', text: [{ text: `${docs.length} documents, ${passages} passages.` }] }, { type: 'list', items }],
    attachments: [],
    more: 0,
  };
}
