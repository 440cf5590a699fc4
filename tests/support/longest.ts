import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The years of the ferry report: more than `MAX_RESULTS`, so `figures` gives as many as an answer holds. */
const YEARS = Array.from({ length: 12 }, (_, i) => 2013 + i);

/**
 * One year's paragraph: a long sentence carrying the year's passenger count, then long sentences without a figure
 * of that measure, so an answer's quotes and figure lines are each as long as the platform lets them be.
 */
function yearParagraph(year: number, i: number): string {
  const passengers = (310 + i * 23).toLocaleString('en-GB') + ',000';
  return [
    `In ${year} the estuary ferry carried ${passengers} passengers between the north quay and the harbour steps, ` +
      'a count the operator took from ticket sales, season passes, the free crossings given to schoolchildren ' +
      'and pensioners, and the tallies kept by the deck crew on the early and late sailings when the ticket office ' +
      'was closed, and which the harbour board checked against the turnstile records, the harbour master’s log of ' +
      'sailings, the fuel bought for each boat and the fares taken on board by card and in cash, before ' +
      'publishing it with a note on how it was counted, what it left out, which sailings were run by the relief ' +
      'boat while the main one was in dry dock, and how it compares with the counts of the bus and rail services ' +
      'that meet the ferry at each end of the crossing.',
    `Through ${year} the crossings ran every twenty minutes in summer and every forty in winter, with the last ` +
      'boat held back on match days and on the evenings of the autumn fair, and the crew logged each delay, ' +
      'each cancelled sailing and each time the boat turned back because the wind over the bar was too strong.',
    'The operator repainted the hull and replaced the gangway that year, and the harbour board asked riders in a ' +
      'survey at the quay what they thought of the timetable, the fares, the shelter at the steps and the ' +
      'information boards, and printed their answers in full in the appendix to the annual report it sends to ' +
      'every household on both banks of the estuary.',
  ].join(' ');
}

/** The ferry report: a heading and a long paragraph a year. */
export const FERRY_REPORT = ['# Estuary ferry annual report', ...YEARS.map(yearParagraph)].join('\n\n');

/**
 * A question whose answer quotes three of the long paragraphs, a topic with a figure in each of them (one a year), and
 * five topics for a digest, each quoting its own long paragraphs.
 */
export const LONGEST = {
  question: 'how many passengers did the estuary ferry carry',
  topic: 'ferry passengers',
  years: YEARS,
  digestTopics: ['ferry passengers', 'crossings timetable', 'hull gangway', 'survey answers', 'cancelled sailing'],
};

/** A corpus folder holding the ferry report alone; `cleanup` removes it. */
export async function longestCorpus(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-longest-'));
  await writeFile(join(dir, 'ferry.md'), FERRY_REPORT);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
