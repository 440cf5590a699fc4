import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseYaml } from '../yaml.js';
import { z } from 'zod';
import type { Logger } from '../log.js';
import { SYNONYMS_FILE } from '../corpus/files.js';

/** A group of words or phrases that mean the same thing; `id` is the term they all index as. */
export interface SynonymGroup {
  id: string;
  terms: string[];
}

/**
 * Acronyms and synonyms of the policy area. A corpus adds its own in `synonyms.yaml` (see
 * `loadSynonyms`). Each group indexes as one term, so a passage that says "AMLO" is found by a
 * question about "López Obrador" and the other way round.
 */
export const SYNONYM_GROUPS: SynonymGroup[] = [
  { id: 'amlo', terms: ['AMLO', 'López Obrador', 'Andrés Manuel López Obrador'] },
  { id: 'epn', terms: ['EPN', 'Peña Nieto', 'Enrique Peña Nieto'] },
  {
    id: 'cbp',
    terms: ['CBP', 'Customs and Border Protection', 'Customs and Border Patrol', 'U.S. Customs', 'customs'],
  },
  { id: 'dea', terms: ['DEA', 'Drug Enforcement Administration', 'Drug Enforcement Agency'] },
  { id: 'dhs', terms: ['DHS', 'Department of Homeland Security', 'Homeland Security'] },
  { id: 'doj', terms: ['DOJ', 'Justice Department', 'Department of Justice'] },
  { id: 'cdc', terms: ['CDC', 'Centers for Disease Control and Prevention', 'Centers for Disease Control'] },
  {
    id: 'tco',
    terms: [
      'TCO',
      'TCOs',
      'transnational criminal organization',
      'transnational criminal organizations',
      'transnational organized crime',
      'cartel',
      'cartels',
      'organized crime group',
      'criminal group',
      'criminal groups',
      'criminal organization',
      'criminal organizations',
      'crime groups',
      'drug organizations',
    ],
  },
  { id: 'fto', terms: ['FTO', 'FTOs', 'Foreign Terrorist Organization', 'Foreign Terrorist Organizations'] },
  { id: 'hlsd', terms: ['HLSD', 'High-Level Security Dialogue'] },
  { id: 'bicentennial', terms: ['Bicentennial Framework', 'Bicentennial'] },
  { id: 'merida', terms: ['Mérida', 'Merida Initiative', 'Merida program'] },
  { id: 'nafta', terms: ['NAFTA', 'North American Free Trade Agreement', 'USMCA'] },
  { id: 'guard', terms: ['National Guard', 'Guardia Nacional', 'guard force'] },
  { id: 'opioid', terms: ['fentanyl', 'synthetic opioid', 'synthetic opioids', 'opioid', 'opioids'] },
  { id: 'homicide', terms: ['homicide', 'homicides', 'murder', 'murders', 'killings', 'murderous'] },
  { id: 'overdose', terms: ['overdose', 'overdoses', 'fatalities', 'deaths'] },
  {
    id: 'prison',
    terms: [
      'imprison',
      'imprisoning',
      'imprisonment',
      'incarcerate',
      'incarcerating',
      'incarceration',
      'jail',
      'jailing',
      'prison',
    ],
  },
  { id: 'consume', terms: ['consume', 'consuming', 'consumption', 'usage', 'demand'] },
  { id: 'extradite', terms: ['extradite', 'extradited', 'extradition', 'extraditions'] },
  { id: 'spend', terms: ['spend', 'spent', 'spending', 'cost', 'funding', 'appropriated', 'assistance'] },
  { id: 'smuggle', terms: ['smuggle', 'smuggling', 'trafficking', 'traffic'] },
  {
    id: 'mpp',
    terms: ['Remain in Mexico', 'Migrant Protection Protocols', 'MPP', 'wait in Mexico', 'waiting in Mexico'],
  },
  { id: 'migrant', terms: ['migrant', 'migrants', 'asylum seekers', 'asylum seeker'] },
  { id: 'seize', terms: ['seizure', 'seizures', 'seized', 'seize', 'interdiction'] },
  { id: 'unsafe', terms: ['unsafe', 'insecure', 'insecurity'] },
  { id: 'revenue', terms: ['revenue', 'revenues', 'profits', 'profit', 'proceeds', 'earn', 'make'] },
  { id: 'student', terms: ['student', 'students', 'Ayotzinapa'] },
  {
    id: 'kingpin',
    terms: ['kingpin', 'kingpins', 'kingpin strategy', 'decapitation', 'capos', 'cartel leaders', 'high-value targets'],
  },
];

const SynonymFile = z.record(z.string().min(1), z.array(z.string().min(1)).min(1));

/**
 * Reads the corpus's synonym file, if it has one, as extra groups. A malformed file is reported
 * and ignored rather than stopping the bot: the built-in table still works.
 */
export async function loadSynonyms(corpusDir: string, log: Logger): Promise<{ groups: SynonymGroup[]; hash: string }> {
  let raw: string;
  try {
    raw = await readFile(join(corpusDir, SYNONYMS_FILE), 'utf8');
  } catch {
    return { groups: [], hash: '' };
  }
  const parsed = SynonymFile.safeParse(parseYaml(raw));
  if (!parsed.success) {
    log.warn({ file: SYNONYMS_FILE }, `${SYNONYMS_FILE} ignored: expected "term: [synonym, …]" entries`);
    return { groups: [], hash: '' };
  }
  const groups = Object.entries(parsed.data).map(([term, same]) => ({
    id: `corpus-${term.toLowerCase()}`,
    terms: [term, ...same],
  }));
  return { groups, hash: createHash('sha256').update(raw).digest('hex') };
}
