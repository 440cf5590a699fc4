import { note } from '../../support/corpus.js';

/**
 * A small corpus written for these tests: a harbour report with a series of thefts over three
 * years, and two documents that disagree on smuggling revenue.
 */
export const HARBOUR = {
  'port.md': note(
    'Port Authority Annual Report',
    [
      '## Thefts',
      'Cargo thefts worried the shipping lines. About 1,200 cargo thefts at the harbour were reported in 2018.',
      'Cargo thefts at the harbour fell to 950 in 2019, the report says.',
      'In 2020, cargo thefts at the harbour reached 1,500.',
      'Piracy in the strait is a growing worry. So far this year, boardings are up 30 percent.',
      '## Trade',
      'Smuggling revenue is estimated at between $2 and $4 billion a year.',
      'The harbour employs 3,400 dock workers. Night shifts were added last spring.',
    ].join('\n\n'),
    '2021-05-01',
  ),
  'customs.md': note(
    'Customs Review',
    'Customs officers put smuggling revenue at some $3 to $5 billion a year.',
    '2022-02-10',
  ),
};

/**
 * A small corpus written for the figures tests of topic and decide: a harvest given by years, a paragraph naming
 * pickers whose count is in the next one, and a document with no figures.
 */
export const ORCHARD = {
  'orchard.md': note(
    'Valley Orchards Review',
    [
      '## Harvest',
      'Pear growers in the valley picked 4,800 tonnes of pears in 2023.',
      'The pear harvest rose to 5,600 tonnes in 2024.',
      '## Labour',
      'Seasonal pickers travelled from the coast for the autumn, as every year.',
      'In August the orchards hired 420 of them.',
    ].join('\n\n'),
    '2024-10-01',
  ),
  'ferns.md': note('Fern Society Letter', 'Members walked the glen and listed mosses and ferns along the burn.'),
};
