import { count, type Reply } from '../answer/reply.js';

/** "1 more result", "3 more results". */
export const moreResults = (n: number): string => count(n, 'more result');

/**
 * What More results should fetch when a message had no room for some excerpts: a paged command's
 * next `offset` moved back by that many, so the next page starts with the first one left out.
 */
export function resumeAt(next: Reply['next'], excerptsLeftOut: number): Reply['next'] {
  const offset = next?.args.offset;
  if (!next || excerptsLeftOut === 0 || typeof offset !== 'number') return next;
  return { ...next, args: { ...next.args, offset: Math.max(0, offset - excerptsLeftOut) } };
}

/**
 * What More results should fetch when a message had no room for the last `itemsLeftOut` items of a reply's list: the
 * reply's `rest`, moved back to the first of them; nothing when every item was shown or the list does not page.
 */
export const restOfList = (reply: Reply, itemsLeftOut: number): Reply['next'] =>
  itemsLeftOut > 0 ? resumeAt(reply.rest, itemsLeftOut) : undefined;
