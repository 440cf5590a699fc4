import type { Reply, ReplyBlock } from '../../src/answer/reply.js';

/** A reply of `blocks` and nothing else, for tests of how a surface shows one; `over` sets any other field. */
export const replyOf = (title: string, blocks: ReplyBlock[], over: Partial<Reply> = {}): Reply => ({
  title,
  status: 'ok',
  blocks,
  attachments: [],
  more: 0,
  ...over,
});

/** A reply of one plain paragraph. */
export const textReply = (title: string, text: string, over: Partial<Reply> = {}): Reply =>
  replyOf(title, [{ type: 'text', text: [{ text }] }], over);
