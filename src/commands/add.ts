import * as z from 'zod';
import { count, errorReply, replyOf, type Reply, type RichText } from '../answer/reply.js';
import { leadExcerpt } from '../answer/excerpt.js';
import type { Dossier } from '../engine/dossier.js';
import { DossierError, typed } from '../errors.js';
import { SHAREABLE_FILES, type Added, type Contributor, type SharedFile } from '../ingest/add.js';
import { onlyLink } from '../search/query.js';
import { howToAsk } from './asking.js';
import { defineCommand, type CommandContext } from './command.js';
import { linkArg, unwrapLink } from './limits.js';

/** `add <url>`: fetches a page or PDF, stores it in the corpus and indexes it at once. */
export const addCommand = defineCommand({
  name: 'add',
  summary: 'Add a web page or PDF to the corpus by its link',
  usage: 'add <url>',
  args: z.object({
    url: linkArg()
      // Named like every missing argument, so the reply adds this platform's usage once (not a second example).
      .min(1, 'the link of a page or PDF is missing')
      .describe('The link (http or https) of a web page or PDF'),
  }),
  fromText: (rest) => ({ url: rest }),
  run: async ({ url }, ctx) => {
    if (!ctx.ingest)
      return errorReply('add-unavailable', 'Adding documents is not available here: it needs the corpus folder.');
    return addedReply(ctx.dossier, await ctx.ingest.addUrl(url, contributor(ctx)));
  },
});

/**
 * The answer to a question (or a `figures` topic) that is only a link, or undefined for any other text: how to add the
 * page, for whoever ADD_POLICY lets add (asked of the add gate itself, so the two never disagree), and for anyone to
 * ask in words instead. The search reads text without its links, so it would answer such text as if nothing were
 * asked, where the asker most likely wants the page read. Slack's `<https://…|label>` is offered back unwrapped: as
 * `add https://…|label` it would add no page, the label being no address.
 */
export async function onlyALinkReply(
  text: string,
  ctx: CommandContext,
  what: 'question' | 'topic' = 'question',
): Promise<Reply | undefined> {
  const link = onlyLink(unwrapLink(text));
  if (!link) return undefined;
  const add = howToAsk(ctx, 'add', [['url', typed(link)]]);
  const inWords = what === 'question' ? 'ask in words' : 'name the topic in words';
  return errorReply(
    'only-a-link',
    (await mayAdd(ctx))
      ? `That is a link, not a ${what}. To add the page to the corpus: \`${add}\`; to search the corpus, ${inWords}.`
      : what === 'question'
        ? 'That is a link, not a question: ask in words what you want to know (only members who can manage this ' +
          'channel may add pages here).'
        : `That is a link, not a topic: ${inWords} (only members who can manage this channel may add pages here).`,
  );
}

/**
 * Whether the add gate lets this asker add. Without an ingest in this context (the one-shot CLI's `ask`) `add` is still
 * offered: `dossier add` makes its own, and anywhere else `add` itself says in one line why it cannot.
 */
async function mayAdd(ctx: CommandContext): Promise<boolean> {
  if (!ctx.ingest) return true;
  try {
    await ctx.ingest.authorize(contributor(ctx));
    return true;
  } catch (error) {
    if (error instanceof DossierError && error.code === 'not-allowed') return false;
    throw error;
  }
}

/** Most files taken from one message: a few reports at once, not an archive dumped in a channel. */
const MAX_FILES_PER_MESSAGE = 10;

/**
 * Adds the files of a message shared with the bot (Slack: a file in a message that mentions it, or
 * the Add to Dossier shortcut; Discord: the Add to Dossier message command), one after another as
 * `add` adds a link. One file: its reply, or its refusal in one line. Several: each one's outcome,
 * so one bad file does not hide the others.
 */
export async function addFilesReply(files: SharedFile[], ctx: CommandContext): Promise<Reply> {
  const { ingest } = ctx;
  if (!ingest)
    return errorReply('add-unavailable', 'Adding documents is not available here: it needs the corpus folder.');
  if (files.length === 0)
    return errorReply('no-file', `That message has no file to add: share ${SHAREABLE_FILES} with it.`);
  if (files.length === 1) return addedReply(ctx.dossier, await ingest.addFile(files[0]!, contributor(ctx)));
  const taken = files.slice(0, MAX_FILES_PER_MESSAGE);
  const blocks: Reply['blocks'] = [];
  let added = 0;
  for (const file of taken) {
    try {
      const outcome = await ingest.addFile(file, contributor(ctx));
      if (outcome.outcome === 'added') added++;
      blocks.push(...addedReply(ctx.dossier, outcome).blocks);
    } catch (error) {
      if (!(error instanceof DossierError)) throw error;
      blocks.push({ type: 'text', text: [{ text: `Not added: ${error.message}` }] });
    }
  }
  const left = files.length - taken.length;
  if (left > 0)
    blocks.push({
      type: 'text',
      text: [
        { text: `${count(left, 'more file')} left out: at most ${MAX_FILES_PER_MESSAGE} are taken from one message.` },
      ],
    });
  return replyOf(`Added ${added} of ${count(files.length, 'file')}`, blocks, { toChannel: added > 0 });
}

/** Who is adding (a link, a file, a feed), for the log and for ADD_POLICY. */
export function contributor(ctx: CommandContext): Contributor {
  return {
    platform: ctx.platform,
    userId: ctx.user.id,
    channelId: ctx.channel.id,
    canManageChannel: ctx.user.canManageChannel,
  };
}

/** What an add says: the document's citation (with its link), its size, and whether it was new. */
function addedReply(dossier: Dossier, { outcome, document, sameAs }: Added): Reply {
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
  return replyOf(
    `${outcome === 'added' ? 'Added' : 'Already in the corpus'}: ${document.meta.title}`,
    [
      { type: 'text', text: said },
      ...(lead ? [{ type: 'excerpt' as const, excerpt: leadExcerpt(dossier, lead) }] : []),
    ],
    { toChannel: outcome === 'added' },
  );
}
