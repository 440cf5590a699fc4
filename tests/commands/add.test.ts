import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFilesReply, onlyALinkReply } from '../../src/commands/add.js';
import type { Reply } from '../../src/answer/reply.js';
import type { Dossier } from '../../src/engine/dossier.js';
import { DossierError } from '../../src/errors.js';
import type { Added, Contributor, Ingest, SharedFile } from '../../src/ingest/index.js';
import { commandContext } from '../support/commands.js';
import { note, openCorpus } from '../support/corpus.js';

let dossier: Dossier;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dossier, cleanup } = await openCorpus({
    'loom.md': note('Loom Notes', 'The weavers restrung the big loom over two days.'),
  }));
});
afterAll(() => cleanup());

/**
 * An ingest that answers each file by its name (`new…`, `again…`, anything else refused) and lets add only those the
 * policy `mayAdd` allows: what the command does with the outcomes, not how a file is fetched (tests/ingest does that).
 */
const ingest = (mayAdd = true) => {
  const asked: Contributor[] = [];
  const fake = {
    addFile: async (file: SharedFile, who: Contributor): Promise<Added> => {
      asked.push(who);
      const document = dossier.documents[0]!;
      if (file.name.startsWith('new')) return { outcome: 'added', document };
      if (file.name.startsWith('again')) return { outcome: 'duplicate', document, sameAs: 'url' };
      throw new DossierError('fetch-failed', `${file.name} is not a document`);
    },
    authorize: async () => {
      if (!mayAdd) throw new DossierError('not-allowed', 'only managers may add');
    },
  };
  return { ingest: fake as unknown as Ingest, asked };
};
const files = (...names: string[]): SharedFile[] =>
  names.map((name) => ({ name, download: { url: `https://x/${name}` } }));
const lines = (reply: Reply) =>
  reply.blocks.map((b) => (b.type === 'text' ? b.text.map((s) => s.text).join('') : b.type));

describe('addFilesReply', () => {
  it("gives each file's outcome, one refused hiding none, and posts to the channel when one was added", async () => {
    const { ingest: fake, asked } = ingest();
    const ctx = commandContext(dossier, { platform: 'slack', user: { id: 'U7' }, channel: { id: 'C3' }, ingest: fake });
    const reply = await addFilesReply(files('new.pdf', 'again.md', 'broken.txt'), ctx);
    expect(reply.title).toBe('Added 1 of 3 files');
    expect(reply.toChannel).toBe(true);
    expect(lines(reply)).toEqual([
      'Indexed 1 passage; it is cited with its link from now on.',
      'excerpt',
      'That link is already in the corpus (1 passage): it stays one document.',
      'excerpt',
      'Not added: broken.txt is not a document',
    ]);
    expect(asked[0]).toEqual({ platform: 'slack', userId: 'U7', channelId: 'C3', canManageChannel: undefined });
  });

  it('takes at most ten files from one message, saying how many were left out', async () => {
    const ctx = commandContext(dossier, { ingest: ingest().ingest });
    const names = Array.from({ length: 12 }, (_, i) => `again-${i}.md`);
    const reply = await addFilesReply(files(...names), ctx);
    expect(reply.toChannel).toBe(false);
    expect(lines(reply).at(-1)).toBe('2 more files left out: at most 10 are taken from one message.');
  });

  it('refuses in one line without an ingest, or without a file', async () => {
    const without = await addFilesReply(files('new.pdf'), commandContext(dossier));
    expect(without.error?.code).toBe('add-unavailable');
    const none = await addFilesReply([], commandContext(dossier, { ingest: ingest().ingest }));
    expect(none.error?.code).toBe('no-file');
  });
});

describe('onlyALinkReply', () => {
  it('tells whoever may add how to add the page, and anyone else to ask in words', async () => {
    const link = 'https://weavers.example/loom';
    const may = await onlyALinkReply(link, commandContext(dossier, { ingest: ingest(true).ingest }));
    expect(may?.error).toEqual({
      code: 'only-a-link',
      message:
        `That is a link, not a question. To add the page to the corpus: \`add ${link}\`; ` +
        'to search the corpus, ask in words.',
    });
    const mayNot = await onlyALinkReply(link, commandContext(dossier, { ingest: ingest(false).ingest }));
    expect(mayNot?.error?.message).toMatch(/^That is a link, not a question: ask in words .*may add pages here\)\.$/);
    const topic = await onlyALinkReply(link, commandContext(dossier, { ingest: ingest(false).ingest }), 'topic');
    expect(topic?.error?.message).toBe(
      'That is a link, not a topic: name the topic in words (only members who can manage this channel may add ' +
        'pages here).',
    );
  });

  it('answers only text that is one link alone, offering Slack’s labelled link back without its label', async () => {
    const ctx = commandContext(dossier, { ingest: ingest(true).ingest });
    const labelled = await onlyALinkReply('<https://weavers.example/loom|the loom report>', ctx);
    expect(labelled?.error?.message).toContain('`add https://weavers.example/loom`;');
    for (const text of [
      'loom fees https://weavers.example/loom',
      'loom fees',
      '<https://a.example> <https://b.example>',
    ])
      expect(await onlyALinkReply(text, ctx), text).toBeUndefined();
  });
});
