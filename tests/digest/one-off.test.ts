import { describe, expect, it } from 'vitest';
import { DIGEST_DEFAULTS } from '../../src/digest/compose.js';
import { oneOffDigest } from '../../src/digest/one-off.js';
import { eachDigestWorld, FERRIES_AND_BAKERIES } from './fixtures.js';

const world = eachDigestWorld();

const excerpts = (r: ReturnType<typeof oneOffDigest>) =>
  r.blocks.flatMap((b) => (b.type === 'excerpt' ? [b.excerpt] : []));

describe('oneOffDigest', () => {
  it(
    'one-off (terminal): documents dated since the given day lead, and bad ' + 'input is one line naming the problem',
    () => {
      const reply = oneOffDigest(world().dossier, ['beehives'], '2026-01-11');
      expect(excerpts(reply)[0]?.citation.source).toBe('cafes.md');
      expect(excerpts(reply).filter((e) => e.citation.source === 'beehives.md')).toHaveLength(
        DIGEST_DEFAULTS.passagesPerTopic,
      );
      expect(() => oneOffDigest(world().dossier, ['beehives'], 'yesterday')).toThrow(
        /--since "yesterday" is not a date/,
      );
      // Shaped like a date but not one the calendar has (Date.parse reads the first as 2 March): the form is right,
      // so the line says what is wrong with it rather than asking for YYYY-MM-DD again.
      for (const day of ['2026-02-30', '2026-04-31', '2026-13-01'])
        expect(() => oneOffDigest(world().dossier, ['beehives'], day)).toThrow(
          `--since "${day}" is no day of the calendar: check its month and day.`,
        );
      expect(oneOffDigest(world().dossier, ['beehives'], '2024-02-29').blocks.length).toBeGreaterThan(0);
      expect(() => oneOffDigest(world().dossier, [], undefined)).toThrow(/at least one topic/);
    },
  );
});

describe('oneOffDigest of a topic the corpus lacks', () => {
  const town = eachDigestWorld(FERRIES_AND_BAKERIES);

  it('lists the documents since the day as new, says the topic matches nothing, and quotes nothing else', () => {
    const since = oneOffDigest(town().dossier, ['tram timetables'], '2026-04-01');
    expect(excerpts(since).map((e) => e.citation.source)).toEqual(['bakeries.md']);
    expect(JSON.stringify(since.blocks)).toContain('Nothing on “tram timetables” in the corpus yet.');
    const later = oneOffDigest(town().dossier, ['tram timetables'], '2026-05-01');
    expect(excerpts(later)).toEqual([]);
    // A first digest would be posted to say so, once.
    expect(later.blocks).toEqual([
      { type: 'text', text: [{ text: 'Nothing on “tram timetables” in the corpus yet.' }] },
    ]);
  });
});
