import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DigestScheduler } from '../../src/digest/scheduler.js';
import { recordSightings } from '../../src/digest/sightings.js';
import { silentLogger } from '../../src/log.js';
import { note } from '../support/corpus.js';
import { RecordingAdapter } from '../support/recording-adapter.js';
import { at, eachDigestWorld, newsroom, noWait, quotedIds } from './fixtures.js';

const world = eachDigestWorld();

describe('digests over several days', () => {
  it(
    'three mornings on an unchanged corpus share no passage; a document ' + 'dropped in the folder leads the next one',
    async () => {
      let now = at('2026-03-03T10:00Z');
      const clock = () => now;
      const store = world().openStore();
      store.subscribe(newsroom, now);
      await recordSightings(world().dossier, store, clock);
      const adapter = new RecordingAdapter();
      const scheduler = new DigestScheduler({
        store,
        dossier: world().dossier,
        adapters: { slack: adapter },
        log: silentLogger(),
        sleep: noWait,
      });

      for (const day of ['2026-03-03T13:00Z', '2026-03-04T13:00Z', '2026-03-05T13:00Z']) {
        now = at(day);
        expect(await scheduler.tick(now)).toMatchObject({ sent: 1 });
      }
      const days = adapter.postsTo('C-NEWS').map(quotedIds);
      expect(days).toHaveLength(3);
      for (const ids of days) expect(ids.length).toBeGreaterThanOrEqual(2);
      const all = days.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(all.every((id) => world().dossier.passage(id))).toBe(true);
      // None of those mornings announced a document as new: the corpus was there before the subscription.
      for (const reply of adapter.postsTo('C-NEWS'))
        expect(JSON.stringify(reply.blocks)).not.toContain('New in the corpus');

      now = at('2026-03-05T20:00Z');
      await writeFile(
        join(world().corpusDir, 'harvest.md'),
        note(
          'A record harvest from beehives',
          'Keepers reported the largest harvest from beehives of the decade on a ' +
            'hillside farm.\n\nThe honey was sold as comb in jars.',
          '2026-03-05',
        ),
      );
      expect(await world().dossier.rescan()).toEqual({ added: ['harvest.md'], changed: [], removed: [] });

      now = at('2026-03-06T13:00Z');
      await scheduler.tick(now);
      const fourth = adapter.postsTo('C-NEWS')[3]!;
      const firstExcerpt = fourth.blocks.find((b) => b.type === 'excerpt');
      expect(firstExcerpt?.type === 'excerpt' && firstExcerpt.excerpt.citation.source).toBe('harvest.md');
      expect(quotedIds(fourth).filter((id) => all.includes(id))).toEqual([]);

      // The morning after, the document is no longer new.
      now = at('2026-03-07T13:00Z');
      await scheduler.tick(now);
      expect(JSON.stringify(adapter.postsTo('C-NEWS')[4]!.blocks)).not.toContain('New in the corpus');
    },
  );
});
