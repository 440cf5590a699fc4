import { describe, expect, it } from 'vitest';
import { ELLIPSIS, plain, type Excerpt, type FigureItem, type Reply } from '../../src/answer/reply.js';
import { MAX_TOPICS } from '../../src/commands/limits.js';
import { PASSAGES_PER_TOPIC } from '../../src/digest/compose.js';
import { digestOf, eachDigestWorld } from './fixtures.js';

const world = eachDigestWorld();

const excerpts = (r: Reply): Excerpt[] => r.blocks.flatMap((b) => (b.type === 'excerpt' ? [b.excerpt] : []));
const idOf = (e: Excerpt) => `${e.citation.source}#${e.citation.paragraph}`;

/** Each excerpt's text, without the "…" marks, is a run of its passage's own words. */
function expectVerbatim(reply: Reply) {
  for (const e of excerpts(reply)) {
    const passage = world().dossier.passage(idOf(e));
    expect(passage).toBeDefined();
    for (const part of plain(e.text)
      .split(ELLIPSIS)
      .map((s) => s.trim())
      .filter(Boolean))
      expect(passage!.text).toContain(part);
  }
}

describe('composeDigest', () => {
  it('quotes at most two unseen passages per topic, verbatim and cited, and lists what it quoted', () => {
    const { reply, passageIds } = digestOf(world(), { topics: ['fentanyl', 'Mérida funding'] });
    expect(reply.status).toBe('ok');
    const quoted = excerpts(reply);
    expect(quoted.filter((e) => e.citation.source === 'fentanyl.md')).toHaveLength(PASSAGES_PER_TOPIC);
    expect(quoted.filter((e) => e.citation.source === 'merida.md')).toHaveLength(PASSAGES_PER_TOPIC);
    expect(passageIds).toEqual(quoted.map(idOf));
    expect(quoted.every((e) => e.citation.title && e.citation.paragraph > 0)).toBe(true);
    expectVerbatim(reply);
  });

  it('skips passages the channel has been sent', () => {
    const first = digestOf(world(), { topics: ['fentanyl'] });
    const second = digestOf(world(), { topics: ['fentanyl'], seen: new Set(first.passageIds) });
    expect(second.passageIds).toHaveLength(PASSAGES_PER_TOPIC);
    expect(second.passageIds.filter((id) => first.passageIds.includes(id))).toEqual([]);
  });

  it('leads with new documents: title, source, date and opening sentences', () => {
    const doc = world().dossier.document('merida.md')!;
    const { reply } = digestOf(world(), { topics: ['fentanyl'], newDocuments: [doc] });
    expect(reply.blocks[0]).toMatchObject({ type: 'text', text: [{ text: 'New in the corpus' }] });
    expect(reply.blocks[1]).toMatchObject({
      type: 'excerpt',
      excerpt: { citation: { source: 'merida.md', title: doc.meta.title, date: doc.meta.date } },
    });
    expectVerbatim(reply);
  });

  it('lists a new document’s key figures under their own heading, not under its opening sentences', () => {
    const doc = world().dossier.document('merida.md')!;
    const item = {
      text: '$3 billion',
      sentence: [{ text: '$3 billion' }],
      citation: world().dossier.citation(doc.passages.at(-1)!),
    };
    const { reply } = digestOf(world(), {
      newDocuments: [doc],
      figures: { forTopic: () => [], forDocument: () => [item] },
    });
    expect(reply.blocks[1]).toMatchObject({ type: 'excerpt', excerpt: { figures: [] } });
    expect(reply.blocks[2]).toEqual({ type: 'figures', title: `Key figures: ${doc.meta.title}`, items: [item] });
  });

  it('says plainly when nothing is new and offers the best unseen passage from the archive', () => {
    const everything = new Set(
      world()
        .dossier.passages.filter((p) => p.source === 'fentanyl.md')
        .map((p) => p.id),
    );
    const { reply, passageIds } = digestOf(world(), { topics: ['fentanyl'], seen: everything });
    expect(JSON.stringify(reply.blocks[0])).toContain('Nothing new on “fentanyl”');
    expect(JSON.stringify(reply.blocks)).toContain('From the archive');
    expect(passageIds).toHaveLength(1);
    expect(everything.has(passageIds[0]!)).toBe(false);
    expectVerbatim(reply);
  });

  it('speaks of no last digest when none was sent: a first digest or a preview on a topic the corpus lacks', () => {
    const { reply } = digestOf(world(), { topics: ['ferry timetables'] });
    expect(reply.blocks[0]).toEqual({
      type: 'text',
      text: [{ text: 'Nothing on “ferry timetables” in the corpus yet.' }],
    });
    expect(JSON.stringify(reply.blocks)).toContain('From the archive');
  });

  it('says so when the channel has seen the whole corpus', () => {
    const { reply, passageIds } = digestOf(world(), {
      topics: ['fentanyl'],
      seen: new Set(world().dossier.passages.map((p) => p.id)),
    });
    expect(reply.status).toBe('empty');
    expect(passageIds).toEqual([]);
  });

  it('keeps to five topics and adds each topic’s key figures when a figure source is given', () => {
    const topics = ['fentanyl', 'Mérida funding', 'seizures', 'ports', 'precursors', 'helicopters'];
    const figure = (topic: string): FigureItem => ({
      text: '4',
      sentence: [{ text: `${topic}: 4` }],
      citation: { source: 'x.md', title: 'X', paragraph: 1 },
    });
    const { reply } = digestOf(world(), { topics, figures: { forTopic: (_d, topic) => [figure(topic)] } });
    const figureBlocks = reply.blocks.filter((b) => b.type === 'figures');
    expect(figureBlocks.map((b) => b.type === 'figures' && b.title)).toEqual(
      topics.slice(0, MAX_TOPICS).map((t) => `Key figures: ${t}`),
    );
    expect(reply.title).not.toContain('helicopters');
  });
});
