import { describe, expect, it } from 'vitest';
import { plain, type Reply } from '../../src/answer/reply.js';
import { corpusFigures } from '../../src/digest/figures.js';
import type { SqliteDigestStore } from '../../src/digest/sqlite-store.js';
import { WORDNET_DIR } from '../../src/search/wordnet.js';
import { note, withCorpus } from '../support/corpus.js';
import { at, CORPUS, digestOf, eachDigestWorld, newsroom, quotedIds, type DigestWorld } from './fixtures.js';

const world = eachDigestWorld({
  ...CORPUS,
  'appropriations.md': note(
    'Appropriations',
    'The ministry approved $1.6 billion in café grants in 2008.\n\nThe next ' +
      'budget added $400 million in café grants for equipment.',
    '2026-02-01',
  ),
});

describe('corpusFigures', () => {
  it('gives each topic its key figures, verbatim and cited, under the topic’s passages', () => {
    const { reply } = digestOf(world(), { topics: ['café grants'], figures: corpusFigures });
    const block = reply.blocks.find((b) => b.type === 'figures');
    expect(block?.type === 'figures' && block.items.map((i) => i.text)).toEqual(
      expect.arrayContaining(['$1.6 billion']),
    );
    if (block?.type === 'figures')
      for (const item of block.items) expect(item.citation.source).toBe('appropriations.md');
  });

  it('shows a new document’s figures after its opening, under the document’s title', () => {
    const doc = world().dossier.document('appropriations.md')!;
    const { reply } = digestOf(world(), { topics: ['beehives'], newDocuments: [doc], figures: corpusFigures });
    const figures = reply.blocks.find((b) => b.type === 'figures' && b.title === `Key figures: ${doc.meta.title}`);
    expect(figures?.type === 'figures' && figures.items.map((f) => f.text)).toEqual(['$1.6 billion', '$400 million']);
  });

  it('lists no length that says when its clause happened ("over the past 12 years") for a new document', async () => {
    const files = {
      'grants.md': note('Grants', 'Over the past 12 years the ministry approved $900 million in grants.'),
    };
    const items = await withCorpus(files, (dossier) =>
      corpusFigures.forDocument!(dossier, dossier.document('grants.md')!, 5),
    );
    expect(items.map((f) => f.item.text)).toEqual(['$900 million']);
  });
});

describe('corpusFigures across a channel’s digests', () => {
  const town = eachDigestWorld({
    'ferries.md': note(
      'Harbour ferries',
      [
        'The harbour ferry fare rose to $4 in March after the council vote.',
        'Ferry fares brought the harbour $2 million last year, up from $1.5 million.',
        'Commuters said the morning ferry was often late when fog covered the harbour.',
      ].join('\n\n'),
      '2026-03-01',
    ),
    'bakeries.md': note('Town bakeries', 'Three bakeries on the high street sell 400 loaves a day.', '2026-04-10'),
  });
  const slot = at('2026-03-03T13:00Z');
  const figuresShown = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'figures' ? b.items : []));
  /** The key figures a digest shows, listed under the topic or under a passage it quotes. */
  const figuresSeen = (reply: Reply) =>
    reply.blocks.flatMap((b) => (b.type === 'figures' ? b.items : b.type === 'excerpt' ? b.excerpt.figures : []));
  const lines = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'text' ? [plain(b.text)] : []));

  /** The channel's digest now, recorded as sent through the real store as the scheduler records it. */
  function sendDigest(store: SqliteDigestStore, id: number, day: number) {
    const sent = at(`2026-03-0${day}T13:00Z`);
    const digest = digestOf(town(), {
      topics: ['ferry fares'],
      seen: store.sentItems(newsroom.platform, newsroom.channelId),
      figures: corpusFigures,
    });
    store.claimRun(id, sent, 'p1', sent, at(`2026-03-0${day}T13:05Z`));
    const mark = { subscriptionId: id, slot: sent, owner: 'p1', shownIds: digest.shownIds };
    store.markPosting([{ ...mark, leaseUntil: at(`2026-03-0${day}T13:05Z`) }], sent);
    store.markSent(id, sent, 'p1', sent);
    return digest.reply;
  }

  it('shows a channel each key figure once, and then says nothing is new on the topic', () => {
    const store = town().openStore();
    const { id } = store.subscribe({ ...newsroom, topics: ['ferry fares'] }, slot);
    const first = sendDigest(store, id, 3);
    expect(figuresSeen(first).map((f) => f.text)).toContain('$4');
    const second = sendDigest(store, id, 4);
    const shownTwice = figuresSeen(second).filter((f) =>
      figuresSeen(first).some((g) => g.text === f.text && g.citation.paragraph === f.citation.paragraph),
    );
    expect(shownTwice).toEqual([]);
    // Whatever the first two left, a few more digests send it; then the topic has nothing new.
    let last = sendDigest(store, id, 5);
    for (let day = 6; day <= 8 && last.status !== 'empty'; day++) last = sendDigest(store, id, day);
    expect(last.status).toBe('empty');
    expect(lines(last)).toEqual(['Nothing new on “ferry fares” since the last digest.']);
    expect(figuresShown(last)).toEqual([]);
  });

  it('says over a topic’s key figures that they only partly match it, as the figures command does', () => {
    const { reply } = digestOf(town(), { topics: ['ferry fares parking'], figures: corpusFigures });
    const at = reply.blocks.findIndex((b) => b.type === 'figures');
    expect(at).toBeGreaterThan(0);
    expect(lines({ ...reply, blocks: [reply.blocks[at - 1]!] })).toEqual([
      'These figures only partly match the topic: the closest does not mention “parking”.',
    ]);
  });

  it('still quotes a passage whose figure the channel was shown', () => {
    const first = digestOf(town(), { topics: ['ferry fares'], figures: corpusFigures });
    const figureIds = first.shownIds.filter((id) => id.includes(':figure:'));
    expect(figureIds.length).toBeGreaterThan(0);
    const again = digestOf(town(), { topics: ['ferry fares'], figures: corpusFigures, seen: new Set(figureIds) });
    expect(quotedIds(again.reply)).toEqual(quotedIds(first.reply));
    expect(figuresShown(again.reply)).toEqual([]);
  });
});

describe('a topic asking how many of a thing', () => {
  const island = eachDigestWorld({
    'ferry.md': note(
      'Island ferry',
      'The island ferry carries 40 cars and 300 passengers on each crossing, and pupils ride free.\n\n' +
        'The ferry was repainted in spring.',
    ),
  });
  const lines = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'text' ? [plain(b.text)] : []));

  it('is answered partly, passages and key figures, when they count something else, and the lines say so', () => {
    // The ferry's counts are of cars and passengers: as ask and the figures command answer the topic. The passage
    // holding them was sent before, not its figures, so that they are listed rather than shown under it.
    const seen = new Set(['ferry.md#1']);
    const topics = ['how many pupils does the ferry carry'];
    const { reply } = digestOf(island(), { topics, figures: corpusFigures, seen });
    expect(reply.blocks.some((b) => b.type === 'figures')).toBe(true);
    expect(lines(reply)).toEqual([
      'how many pupils does the ferry carry',
      'These passages only partly match the topic: the closest gives no count of “pupils”.',
      'These figures only partly match the topic: the closest gives no count of “pupils”.',
    ]);
    const sure = digestOf(island(), { topics: ['how many passengers does the ferry carry'], figures: corpusFigures });
    expect(lines(sure.reply)).toEqual(['how many passengers does the ferry carry']);
  });
});

describe('a topic held only through a related word', () => {
  it('names that word in the lines over its passages and key figures, as ask and the figures command do', async () => {
    await withCorpus(
      {
        'garage.md': note(
          'Garage',
          'The garage repaired 40 cars from the village in one week.\n\nIt sold 12 cars in the spring.',
        ),
      },
      (dossier) => {
        // One passage quoted, so that the other's figures are listed under the topic.
        const over = { topics: ['automobile'], figures: corpusFigures, tuning: { passagesPerTopic: 1 } };
        const { reply } = digestOf({ dossier } as DigestWorld, over);
        const lines = reply.blocks.flatMap((b) => (b.type === 'text' ? [plain(b.text)] : []));
        // Before, the digest dropped what ask and figures found: both lines ended at "the topic." and named nothing.
        expect(lines).toEqual([
          'automobile',
          'These passages only partly match the topic: the closest has “automobile” only as “cars”.',
          'These figures only partly match the topic: the closest has “automobile” only as “cars”.',
        ]);
      },
      { wordnet: WORDNET_DIR },
    );
  });
});
