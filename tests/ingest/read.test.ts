import { describe, expect, it } from 'vitest';
import { fingerprint, readItem, type ItemToRead } from '../../src/ingest/read.js';

const item = (over: Partial<ItemToRead> & Pick<ItemToRead, 'format' | 'source'>, text: string): ItemToRead => ({
  bytes: new TextEncoder().encode(text),
  meta: {},
  ...over,
});
const LOOMS =
  '# Looms of the Valley\n\nThe weavers restrung the big loom over two days.\n\nThey  used   linen thread.\n';

describe('readItem', () => {
  it("reads an item as the corpus does, the text's metadata over the fallback, and writes its sidecar", async () => {
    const read = await readItem(
      item(
        {
          format: 'markdown',
          source: 'looms.md',
          meta: { url: 'https://weave.example/looms', fetched: '2026-02-02T10:00:00Z' },
          fallback: { title: 'A title from the feed', publisher: 'Weavers Weekly' },
        },
        LOOMS,
      ),
    );
    if (!('document' in read)) throw new Error(read.problem);
    expect(read.document.meta).toMatchObject({
      title: 'Looms of the Valley',
      publisher: 'Weavers Weekly',
      url: 'https://weave.example/looms',
    });
    expect(read.document.passages.map((p) => p.text)).toEqual([
      'The weavers restrung the big loom over two days.',
      'They  used   linen thread.',
    ]);
    expect(new TextDecoder().decode(read.sidecar).split('\n').slice(1)).toEqual([
      'title: Looms of the Valley',
      'publisher: Weavers Weekly',
      'url: https://weave.example/looms',
      'fetched: 2026-02-02T10:00:00Z',
      '',
    ]);
    expect(read.document.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fingerprints the text alone: the same words under another name, format or spacing are one document', async () => {
    const looms = await readItem(item({ format: 'markdown', source: 'looms.md' }, LOOMS));
    const again = await readItem(
      item(
        { format: 'text', source: 'copy.txt' },
        'The weavers restrung the big loom over two days.\n\nThey used linen thread.\n',
      ),
    );
    const other = await readItem(item({ format: 'text', source: 'other.txt' }, 'They used cotton thread.\n'));
    const print = (read: typeof looms) => ('document' in read ? read.fingerprint : read.problem);
    expect(print(again)).toBe(print(looms));
    expect(print(other)).not.toBe(print(looms));
    if ('document' in looms) expect(fingerprint(looms.document)).toBe(print(looms));
  });

  it('states an opening-words title in the sidecar, unless it is a whole paragraph it would drop', async () => {
    const stated = (read: Awaited<ReturnType<typeof readItem>>) =>
      'document' in read ? new TextDecoder().decode(read.sidecar).split('\n').slice(1) : [read.problem];
    const tides = await readItem(
      item(
        { format: 'markdown', source: 'tides.md' },
        'Tide gauges at the north pier recorded the highest water in a decade on Sunday.\n\n' +
          'The harbour master closed the slipway until Tuesday.\n',
      ),
    );
    expect(stated(tides)).toEqual(['title: Tide gauges at the north pier recorded the…', '']);
    expect('document' in tides && tides.document.passages).toHaveLength(2);

    // Stated, "Notes from the lock keeper" would be that first paragraph's headline, and the paragraph would go.
    const lock = await readItem(
      item(
        { format: 'markdown', source: 'lock.md' },
        'Notes from the lock keeper\n\nThe lock opened at dawn for the grain barges.\n',
      ),
    );
    expect(stated(lock)).toEqual(['{}', '']);
    if (!('document' in lock)) throw new Error(lock.problem);
    expect(lock.document.meta.title).toBe('Notes from the lock keeper');
    expect(lock.document.passages.map((p) => p.text)).toEqual([
      'Notes from the lock keeper',
      'The lock opened at dawn for the grain barges.',
    ]);
  });

  it('says in a few words what is wrong with an item it cannot index', async () => {
    expect(await readItem(item({ format: 'text', source: 'blank.txt' }, '   \n\n'))).toEqual({
      problem: 'has no text to index',
    });
    const pdf = await readItem(item({ format: 'pdf', source: 'x.pdf' }, 'not a pdf at all'));
    expect('problem' in pdf && pdf.problem).toMatch(/^is not a readable PDF/);
  });
});
