import { z } from 'zod';
import { errorReply, type Reply, type RichText } from '../answer/reply.js';
import { count } from '../answer/sources.js';
import { leadExcerpt } from '../answer/excerpt.js';
import type { Dossier } from '../engine/dossier.js';
import type { Added } from '../ingest/add.js';
import { defineCommand } from './command.js';

/** Longer than any link a person pastes, short enough to keep a pasted page out. */
const MAX_URL_LENGTH = 2000;

/** `add <url>`: fetches a page or PDF, stores it in the corpus and indexes it at once. */
export const addCommand = defineCommand({
  name: 'add',
  summary: 'Add a web page or PDF to the corpus by its link',
  usage: 'add <url>',
  args: z.object({
    url: z
      .string()
      .trim()
      .min(1, 'give the link of a page or PDF, e.g. `add https://example.org/report.pdf`')
      .max(MAX_URL_LENGTH, `a link is at most ${MAX_URL_LENGTH} characters`)
      .describe('The link (http or https) of a web page or PDF'),
  }),
  fromText: (rest) => ({ url: rest }),
  run: async ({ url }, ctx) => {
    if (!ctx.ingest)
      return errorReply('add-unavailable', 'Adding documents is not available here: it needs the corpus folder.');
    const added = await ctx.ingest.addUrl(url, {
      platform: ctx.platform,
      userId: ctx.user.id,
      channelId: ctx.channel.id,
      canManageChannel: ctx.user.canManageChannel,
    });
    return addedReply(ctx.dossier, added);
  },
});

/** What an add says: the document's citation (with its link), its size, and whether it was new. */
export function addedReply(dossier: Dossier, { outcome, document, sameAs }: Added): Reply {
  const lead = document.passages[0];
  const size = count(document.passages.length, 'passage');
  const said: RichText =
    outcome === 'added'
      ? [{ text: `Indexed ${size}; it is cited with its link from now on.` }]
      : [
          {
            text:
              sameAs === 'url'
                ? `That link is already in the corpus (${size}): it stays one document.`
                : `The same text is already in the corpus under another link (${size}): it stays one document.`,
          },
        ];
  return {
    title: `${outcome === 'added' ? 'Added' : 'Already in the corpus'}: ${document.meta.title}`,
    status: 'ok',
    blocks: [
      { type: 'text', text: said },
      ...(lead ? [{ type: 'excerpt' as const, excerpt: leadExcerpt(dossier, lead) }] : []),
    ],
    attachments: [],
    more: 0,
    toChannel: outcome === 'added',
  };
}
