import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { cite } from '../../src/answer/cite.js';
import { answerFigures } from '../../src/answer/figures/index.js';
import { Dossier } from '../../src/engine/dossier.js';
import { fold } from '../../src/search/analyzer.js';
import { analyseQuery } from '../../src/search/query.js';
import { WORDNET_DIR } from '../../src/search/wordnet.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MUNICIPAL = join(root, 'tests/fixtures/municipal');
/** A second town corpus, on its bus service, written and asked before the engine was run on it. */
const BUSES = join(root, 'tests/fixtures/buses');
/** A university library's rules and report: its questions, topics and quotes were written before the engine saw it. */
const LIBRARY = join(root, 'tests/fixtures/library');
/** A software company's operations notes (postmortems, releases, an SLA), asked before the engine saw them. */
const INCIDENTS = join(root, 'tests/fixtures/incidents');
/** A regional water utility's reports, bills and notices, in Markdown, HTML and plain text, asked before it was run. */
const WATER = join(root, 'tests/fixtures/water');
/** A hospital trust's board papers, annual report, patient leaflet and visitors' page, asked before it was run. */
const HOSPITAL = join(root, 'tests/fixtures/hospital');
/** A county's farm-support scheme: guidance, rates, an annual statement, minutes, an FAQ, a newsletter, a letter. */
const FARMING = join(root, 'tests/fixtures/farming');
/** A housing association's handbook, rent letter, annual report, tenants' Q&A, damp page, charges and newsletter. */
const HOUSING = join(root, 'tests/fixtures/housing');
/** A city marathon's race-day guide, results, entry fees, charity report, minutes, residents' letter and newsletter. */
const MARATHON = join(root, 'tests/fixtures/marathon');
/** A school district's budget book, board minutes, outcomes table, meal prices, handbook, newsletter, bond report. */
const SCHOOLS = join(root, 'tests/fixtures/schools');
/** A regional arts council's grants round: guidance, results, panel minutes, a review, rates, access, a newsletter. */
const ARTS = join(root, 'tests/fixtures/arts');
/** A small software company: changelog, pricing, status-page incidents, leave policy, investor letter, all-hands. */
const SOFTWARE = join(root, 'tests/fixtures/software');
/** A small university research lab: grant report, two abstracts, safety rules, minutes, a press release, inventory. */
const LAB = join(root, 'tests/fixtures/lab');
/** A small regional airport: traffic report, noise log, runway incident, board minutes, charges, news, an FAQ. */
const AIRPORT = join(root, 'tests/fixtures/airport');
/** A county election office: certified results, a release, a canvass, a budget memo, an FAQ, corrections, minutes. */
const ELECTIONS = join(root, 'tests/fixtures/elections');
/** A coastal fishery's quota board: catch limits, a landings report, a stock assessment, minutes, an FAQ, news. */
const FISHERY = join(root, 'tests/fixtures/fishery');
/** A mountain rescue team: annual report, call-out log, a call-out report, AGM resolutions, a correction, an FAQ. */
const RESCUE = join(root, 'tests/fixtures/rescue');
/** A community food bank: annual review, get-help page, volunteer handbook, minutes, a monthly table, a correction. */
const FOODBANK = join(root, 'tests/fixtures/foodbank');
/** A city's street-tree programme: annual report, request page, FAQ, minutes, a correction, a felling notice. */
const TREES = join(root, 'tests/fixtures/trees');
/** An island ferry operator: annual report, fares page, timetable, board minutes, a press release, an FAQ, a table. */
const FERRIES = join(root, 'tests/fixtures/ferries');
/** A regional blood service: annual review, eligibility page, donor guide, minutes, a correction, an appeal, a CSV. */
const BLOOD = join(root, 'tests/fixtures/blood');
/** A community energy co-operative: AGM report, members' FAQ, share offer, generation CSV, minutes, a newsletter. */
const ENERGY = join(root, 'tests/fixtures/energy');
/** A county animal shelter: an emailed press release, a report, fees, an intake CSV, minutes, an update, an FAQ. */
const SHELTER = join(root, 'tests/fixtures/shelter');
/** A district council's waste service: a committee report, an FAQ, a newsletter, tonnages, a blog, a correction. */
const WASTE = join(root, 'tests/fixtures/waste');
/** Words of the sample corpus's subject that once sat in the engine's built-in synonym table. */
const SUBJECT = /\b(mexic\w*|cartels?|fentanyl|opioids?|merida|amlo|obrador|sinaloa|narco\w*|tcos?|overdoses?)\b/;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

describe('a corpus on another subject', () => {
  let town: Dossier;
  let buses: Dossier;
  let rules: Dossier;
  let ops: Dossier;
  let water: Dossier;
  let trust: Dossier;
  let farms: Dossier;
  let homes: Dossier;
  let race: Dossier;
  let district: Dossier;
  let council: Dossier;
  let vendor: Dossier;
  let lab: Dossier;
  let airport: Dossier;
  let elections: Dossier;
  let fishery: Dossier;
  let rescue: Dossier;
  let foodbank: Dossier;
  let trees: Dossier;
  let ferries: Dossier;
  let blood: Dossier;
  let energy: Dossier;
  let shelter: Dossier;
  let waste: Dossier;
  beforeAll(async () => {
    town = await Dossier.open({ corpusDir: join(MUNICIPAL, 'corpus'), wordnet: WORDNET_DIR });
    buses = await Dossier.open({ corpusDir: join(BUSES, 'corpus'), wordnet: WORDNET_DIR });
    rules = await Dossier.open({ corpusDir: join(LIBRARY, 'corpus'), wordnet: WORDNET_DIR });
    ops = await Dossier.open({ corpusDir: join(INCIDENTS, 'corpus'), wordnet: WORDNET_DIR });
    water = await Dossier.open({ corpusDir: join(WATER, 'corpus'), wordnet: WORDNET_DIR });
    trust = await Dossier.open({ corpusDir: join(HOSPITAL, 'corpus'), wordnet: WORDNET_DIR });
    farms = await Dossier.open({ corpusDir: join(FARMING, 'corpus'), wordnet: WORDNET_DIR });
    homes = await Dossier.open({ corpusDir: join(HOUSING, 'corpus'), wordnet: WORDNET_DIR });
    race = await Dossier.open({ corpusDir: join(MARATHON, 'corpus'), wordnet: WORDNET_DIR });
    district = await Dossier.open({ corpusDir: join(SCHOOLS, 'corpus'), wordnet: WORDNET_DIR });
    council = await Dossier.open({ corpusDir: join(ARTS, 'corpus'), wordnet: WORDNET_DIR });
    vendor = await Dossier.open({ corpusDir: join(SOFTWARE, 'corpus'), wordnet: WORDNET_DIR });
    lab = await Dossier.open({ corpusDir: join(LAB, 'corpus'), wordnet: WORDNET_DIR });
    airport = await Dossier.open({ corpusDir: join(AIRPORT, 'corpus'), wordnet: WORDNET_DIR });
    elections = await Dossier.open({ corpusDir: join(ELECTIONS, 'corpus'), wordnet: WORDNET_DIR });
    fishery = await Dossier.open({ corpusDir: join(FISHERY, 'corpus'), wordnet: WORDNET_DIR });
    rescue = await Dossier.open({ corpusDir: join(RESCUE, 'corpus'), wordnet: WORDNET_DIR });
    foodbank = await Dossier.open({ corpusDir: join(FOODBANK, 'corpus'), wordnet: WORDNET_DIR });
    trees = await Dossier.open({ corpusDir: join(TREES, 'corpus'), wordnet: WORDNET_DIR });
    ferries = await Dossier.open({ corpusDir: join(FERRIES, 'corpus'), wordnet: WORDNET_DIR });
    blood = await Dossier.open({ corpusDir: join(BLOOD, 'corpus'), wordnet: WORDNET_DIR });
    energy = await Dossier.open({ corpusDir: join(ENERGY, 'corpus'), wordnet: WORDNET_DIR });
    shelter = await Dossier.open({ corpusDir: join(SHELTER, 'corpus'), wordnet: WORDNET_DIR });
    waste = await Dossier.open({ corpusDir: join(WASTE, 'corpus'), wordnet: WORDNET_DIR });
    // Sixteen corpora opened on two cores shared with other runs took over 300 s at a load of 18.
  }, 600_000);

  it('finds nothing of U.S.–Mexico security in the code, its comments or its messages', async () => {
    // english.ts is general English: its abbreviations include country codes (MX) and OD, as any chat has.
    const code = [...(await sources(join(root, 'src'))), ...(await sources(join(root, 'adapters')))];
    for (const file of code.filter((f) => !f.endsWith('english.ts')))
      expect(fold(await readFile(file, 'utf8')).match(SUBJECT)?.[0], file).toBeUndefined();
  });

  it('answers its own questions from its own documents, bridging to none of that vocabulary', async () => {
    for (const [dir, library] of [
      [MUNICIPAL, town],
      [BUSES, buses],
      [LIBRARY, rules],
      [INCIDENTS, ops],
      [WATER, water],
      [HOSPITAL, trust],
      [FARMING, farms],
      [HOUSING, homes],
      [MARATHON, race],
      [SCHOOLS, district],
      [ARTS, council],
      [SOFTWARE, vendor],
      [LAB, lab],
      [AIRPORT, airport],
      [ELECTIONS, elections],
      [FISHERY, fishery],
      [RESCUE, rescue],
      [FOODBANK, foodbank],
      [TREES, trees],
      [FERRIES, ferries],
      [BLOOD, blood],
      [ENERGY, energy],
      [SHELTER, shelter],
      [WASTE, waste],
    ] as const) {
      const cases = JSON.parse(await readFile(join(dir, 'questions.json'), 'utf8')) as { query: string }[];
      for (const { query } of cases) {
        const words = analyseQuery(query, library.index, library.ranking.query).words;
        const bridged = words.flatMap((w) => w.alternatives.flatMap((a) => a.terms));
        expect(bridged.join(' ').match(SUBJECT)?.[0], query).toBeUndefined();
      }
    }
    expect(ask(town, 'road deaths in 2023').results[0]?.passage.source).toBe('road-safety-2024.md');
    expect(ask(town, 'what does the factory make').results[0]?.passage.source).toBe('brennan-works.md');
    expect(ask(buses, 'what time is the first bus').results[0]?.passage.source).toBe('timetable.md');
    expect(ask(buses, 'subsidy from the county').results[0]?.passage.source).toBe('accounts.md');
    expect(ask(buses, 'do the e-buses break down').results[0]?.passage.source).toBe('electric.md');
    expect(ask(buses, 'do kids ride free?').results[0]?.passage.source).toBe('timetable.md');
    // The range is said in the page on the electric buses, whose other paragraphs name them: 4th before a passage
    // scored a share of its document's best other (`ask.documentWeight`), 3rd since.
    const range = ask(buses, 'how far can the electric buses go on a charge').results.slice(0, 3);
    expect(range.some((r) => r.passage.source === 'electric.md' && r.passage.text.includes('range of'))).toBe(true);
  });

  it('scores the library questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(LIBRARY, rules);
    // As written, before any change (5 Dec 2026): 17 of 20 answered within the first three passages, 6 of 8 refused,
    // 5 of 5 quotes found first; figures 20 of the 25 wanted, with 13 others listed beside them. 16 since printing's
    // "5p a page" is read as money measured by "Printing", not a count of "p": 'print loans' lists the prices too. 12
    // since "Print loans fell again, to 310,000" measures its figures by "Print loans" ('library visits' lists none).
    // Six who / where questions added on 5 Dec, scored as written: 3 of the 4 answerable found (lib-31 not), 1 of the
    // 2 unanswerable refused (lib-34 "where is the law library" answered). 21 since a passage introducing a list covers
    // what its items say: lib-31 "who can get longer loans and a fetching service" finds the lead-in naming who.
    expectCounts(score, { askHits: 21, refused: 7, citeHits: 5, figuresFound: 20, figuresWrong: 12 });
  });

  it('scores the operations notes as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(INCIDENTS, ops);
    // As written, before any change (5 Dec 2026): 16 of 20 answered within the first three passages, 4 of 8 refused,
    // 5 of 5 quotes found first; figures 23 of the 38 wanted, with 36 others listed beside them, and all 4 topics the
    // notes give no figure for left empty. 22 and 34 since a figure after a label and a colon is measured by the label:
    // the credit table's cells measure "Business credit" and "Enterprise credit", which name only part of "service
    // credits", and score below the thresholds of the rows' first cells (no measure, only their row's words), so 25%
    // and 35% fall past the ten shown; 'uptime commitment' no longer lists the plans' fees. 23 and 32 since a length
    // in two units is one figure ("6 hours 20 minutes" had been two counts). 33 since "fell from 6.1 minutes to 3.4
    // minutes" reads its first end too: 'pages out of hours' lists it beside the 3.4 minutes it listed already. 24
    // since "the error budget … is about 20 minutes" measures the error budget. 28 and 27 since a length after a label
    // and its colon, or said with "be" of a subject defining its abbreviation, measures it: 'MTTR' finds its five
    // lengths ("mean time to recovery: 22 minutes", "Mean time to recovery (MTTR) was 41 minutes, up from 27 minutes")
    // in place of the monthly rows' availability and incident counts. 22 others since "the median was 95 ms. We
    // shipped 212 production deployments" is two sentences: 'API latency' and 'deployments' no longer list each
    // other's. 30 and 20 since the bounds in the credit table's first cells ("below 99.0% but at least 95.0%") name
    // each row's band and are no figures: 'service credits' lists the 25% and 35% in their place. 19 since "2 business
    // days" is a length, not a count of "business": 'uptime commitment' no longer lists it. 17 found since a "why"
    // question prefers a passage stating a cause: inc-05 "why did the login outage happen" finds its "Root cause".
    // 33 and 20 since a table row names its first cell by its column's header ("plan: Starter — monthly fee: $19"):
    // 'plan prices' finds the three fees in place of five uptime percentages, while 'uptime commitment' lists the
    // credit table's six percentages, whose rows now say "monthly uptime: below the commitment …". 34 since both ends
    // of "rises from 600 to 1,000 requests a minute" count requests: 'API rate limit' lists the 1,000 beside the 600.
    // 5 refused since a question opening with "which" whose kind the corpus never names is answered one step less
    // surely: inc-21 "which cloud provider do we host on" (the notes never say "cloud").
    expectCounts(score, {
      askHits: 17,
      refused: 5,
      citeHits: 5,
      figuresFound: 34,
      figuresWrong: 20,
      figuresRefused: 4,
    });
  });

  it('scores the water utility questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(WATER, water);
    // As written, before any change (5 Dec 2026): 14 of 20 answered within the first three passages, 3 of 8 refused,
    // 5 of 5 quotes found first; figures 27 of the 35 wanted, with 41 others listed beside them, and 2 of the 4 topics
    // the corpus gives no figure for left empty. 28 and 39 since a table row's cells are measured by their column's
    // header: 'mains replaced' finds all four years (the leakage and target columns still listed after them). 29 since
    // a sum joined by "and" to one said of a subject is said of it too: 'standing charge' finds "£38.20 a year for
    // sewerage". 37 others since a label's participle stays in its measure ("mains replaced"): the row's other cells no
    // longer hold it. 4 refused since a question asking who holds a role is given only a name said beside it: the
    // incident report's "Harrowdale Water" (no chief executive) no longer answers "who is the chief executive". 36
    // others since "74 Ml/d." ends its sentence: 'mains replaced' no longer lists the leakage target as "74 Ml". 5
    // refused since a question asking whether there is some thing is answered one step less surely when none of its
    // closest passages says it: wat-26 "is there a fee for paying late" (none says "fee").
    expectCounts(score, {
      askHits: 14,
      refused: 5,
      citeHits: 5,
      figuresFound: 29,
      figuresWrong: 36,
      figuresRefused: 2,
    });
  });

  it('scores the hospital trust questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(HOSPITAL, trust);
    // As written, before any change (5 Dec 2026, on b6b358a): 17 of 20 answered within the first three passages (MRR
    // 0.79), 8 of 10 refused (4 of the 6 near the subject: a month the report has no row for and a count of maternity
    // beds answered partly), 4 of 5 quotes found first; figures 21 of the 25 wanted, with 17 others listed beside them,
    // and neither of the 2 topics the corpus gives no figure for left empty. 14 others since digits opening with a
    // zero are a code: 'complaints' no longer lists the parts of PALS's phone number as counts. 18 answered since a
    // typo may be of a word written only in a heading or a title: hos-13 "visting hours" finds "Visiting times". 9
    // refused since a month the question pins is one the closest passages must name: hos-24 "… in july". 22 found
    // since a subject is read past an apposition ("RTT performance, the share of patients …, was 58.4 percent"):
    // 'waiting list' lists the 212 patients in place of the two percentages. 5 quotes since a quote typed in chat
    // without quote marks is read without the chat asking for it: hoscite-03 "can u find where it says …". 8 others and
    // 1 empty topic left empty since a noun the corpus lacks before one it has says what the figures are of: the trust
    // gives no "ambulance response times" (it had listed staff and complaints as a partial match).
    expectCounts(score, {
      askHits: 18,
      refused: 9,
      citeHits: 5,
      figuresFound: 22,
      figuresWrong: 8,
      figuresRefused: 1,
    });
  });

  it('scores the farm-support scheme questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(FARMING, farms);
    // As written, before any change (5 Dec 2026, on 1f9e063): 13 of 20 answered within the first three passages (MRR
    // 0.56), 8 of 10 refused (4 of the 6 near the subject: a year the statement's table has no row for and a tractor
    // grant answered partly), 5 of 5 quotes found first; figures 24 of the 34 wanted, with 29 others listed beside
    // them, and neither of the 2 topics the corpus gives no figure for left empty. 15 answered, 26 found and 28 others
    // since a numbered line standing alone in plain text is a heading ("2. CAPITAL GRANT CAP" had been a list item
    // of its own): farm-10 "what did the panel decide about the grant cap" finds the resolution under it, farm-12 (a
    // claim in after the closing date) is answered, by the minutes' late claims under their heading and the FAQ's
    // second, and 'budget for 2027-28' finds the budget's two parts. 16 since chat's "max" is read as "maximum":
    // farm-02 "whats the max sfcg grant" had been refused, "max" a word the corpus lacks weighing the most of it. 9
    // refused since one year's period written with a dash pins its first year: farm-24 "how many farms were paid in
    // 2021-22" (the statement's table starts at 2022-23; "2021-22" had been read as a span of years to ask over). 17
    // since "now" is a stop word: farm-09 "are there more birds on the farms now" finds the bird counts, which a
    // passage saying "Farms in the scheme now look after …" had outranked. 19 others and both empty topics left empty
    // since a noun the corpus lacks before one it has says what the figures are of: "milk price" and "diesel costs"
    // had listed a quoted sum and the capital items' standard costs as partial matches. 27 found since "The 143 we
    // refused" is a figure, the part of the applications before it ("applications (refused)"): 'applications' lists it.
    expectCounts(score, {
      askHits: 17,
      refused: 9,
      citeHits: 5,
      figuresFound: 27,
      figuresWrong: 19,
      figuresRefused: 2,
    });
  });

  it('scores the housing association questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(HOUSING, homes);
    // As written, before any change (5 Dec 2026, on 56a7272): 15 of 20 answered within the first three passages (MRR
    // 0.70), 6 of 10 refused (2 of the 6 near the subject: a block the charges table has no row for, a year before the
    // report's table, a garage's rent and weekend opening answered), 4 of 5 quotes found first; figures 29 of the 33
    // wanted, with 20 others listed beside them, and both topics the corpus gives no figure for left empty. 16 since
    // chat's "xmas" is read as "christmas": home-08 "do i pay rent at xmas" had been refused. 31 found and 13 others
    // since a label's verb after "to" that the tagger reads as a noun leaves it a label ("days to re-let an empty
    // home: 38" had taken the cell before's "new homes finished"): 'days to re-let empty homes' lists its five days. 5
    // quotes since chat's lead-in may report the quote with "admitted", "warned", "promised" and their like:
    // homecite-04 "can u find where they admitted that was wrong of us …" had been searched whole. 32 found and 12
    // others since a possessive inside a noun phrase ties it to the noun before ("the rent for your home will go up by
    // 4.8 percent" had measured "home"): 'rent increase' finds the letter's 4.8 percent.
    expectCounts(score, {
      askHits: 16,
      refused: 6,
      citeHits: 5,
      figuresFound: 32,
      figuresWrong: 12,
      figuresRefused: 2,
    });
  });

  it('scores the city marathon questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(MARATHON, race);
    // As written, before any change (6 Dec 2026, on 37edae7): 14 of 20 answered within the first three passages (MRR
    // 0.68), 7 of 10 refused (3 of the 6 near the subject: a half marathon's fee, starters in a year before the
    // results table and the course's climb answered), 5 of 5 quotes found first; figures 27 of the 33 wanted, with 13
    // others listed beside them, and both topics the corpus gives no figure for left empty. 28 found since a rate's
    // base is no count of its own ("2.3 hospital transfers for every 1,000 starters, against 1.1 in 2025" had read
    // "1,000 starters", which the 1.1 then counted): 'hospital transfers' lists the 1.1. 12 others since who is paid
    // may be a pronoun ("pays us £250 a place" is a payment): 'entry fees' no longer lists the £250 a charity pays.
    expectCounts(score, {
      askHits: 14,
      refused: 7,
      citeHits: 5,
      figuresFound: 28,
      figuresWrong: 12,
      figuresRefused: 2,
    });
  });

  it('scores the school district questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(SCHOOLS, district);
    // As written, before any change (6 Dec 2026, on 4d78c0d): 17 of 20 answered within the first three passages (MRR
    // 0.79), 4 of 10 refused (2 of the 6 near the subject: enrollment in a year before the table and a state test's
    // pass rate; 2 of the 4 far: a sourdough starter and a flat tyre answered), 4 of 5 quotes found first; figures 30
    // of the 36 wanted, with 17 others listed beside them, and 1 of the 2 topics the corpus gives no figure for left
    // empty ('superintendent salary' lists a new teacher's). 5 quotes since chat's "which page says …" is a lead-in:
    // schcite-05 "which page says a hungry child cannot learn" had been searched whole and found nothing. 31 found and
    // 16 others since a sum after "per" is a rate's base, no figure of its own ("$11.42 per $1,000 of assessed value,
    // up from $11.18" had listed "$100,000" and measured the $11.18 "assessed value"): 'property tax rate' finds it. 15
    // others since a share open at one end is of what follows ("10 percent or more of school days" had no measure):
    // 'english learners' no longer lists it.
    expectCounts(score, {
      askHits: 17,
      refused: 4,
      citeHits: 5,
      figuresFound: 31,
      figuresWrong: 15,
      figuresRefused: 1,
    });
  });
  it('scores the arts council questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(ARTS, council);
    // As written, before any change (6 Dec 2026, on 6f31970): 13 of 20 answered within the first three passages (MRR
    // 0.60), 5 of 10 refused (1 of the 6 near the subject: first-time applicants' success rate, the grants manager's
    // pay, the 2027 winter round, dance's share and the Salt Road's audience answered partly), 5 of 5 quotes found
    // first; figures 27 of the 31 wanted, with 20 others listed beside them, and both topics the corpus gives no figure
    // for left empty. The same counts once a number after "version" is a label: 'applications' no longer lists
    // "replaces version 3.1" as a count, and the figure after it among the ten shown takes its place. 30 found and 14
    // others since an adjective alone before a label's participle names the figure ("total awarded: £1.02 million"
    // had no measure, so the results table's five sums were listed under 'applications' and 'success rate' as much as
    // any cell of their rows): both find all six, with the annual review's 689 applications and the newsletter's 33
    // percent. 31 found since a sum whose verb is left out after the preposition the one before repeats is said of
    // what that one is ("£2.1 million came from the regional lottery partnership and £0.5 million from the county
    // councils" had measured "county councils"): 'council income' lists all three. MRR 0.60 -> 0.63 (no count moves)
    // since lines in capitals opening a plain-text document are its title: the minutes' "TARNMOOR ARTS COUNCIL /
    // PROJECT GRANTS PANEL" had been a passage of its own, first for art-01 above the guidance's answer.
    expectCounts(score, {
      askHits: 13,
      refused: 5,
      citeHits: 5,
      figuresFound: 31,
      figuresWrong: 14,
      figuresRefused: 2,
    });
  });

  it('scores the software company questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(SOFTWARE, vendor);
    // As written, before any change (6 Dec 2026, on 8753f29): 16 of 20 answered within the first three passages (MRR
    // 0.72), 6 of 10 refused (2 of the 6 near the subject: ARR in a quarter before the table, version 6.0, sick days
    // taken and an engineer's pay answered partly), 5 of 5 quotes found first; figures 23 of the 33 wanted, with 24
    // others listed beside them, and 1 of the 2 topics the corpus gives no figure for left empty. 24 found and 19
    // others since a participle in "-ing" may open a label ("paying customers: 2,140" had no measure, so the table's
    // counts were listed under 'ARR' and 'churn' as much as any cell of their rows). 17 answered (MRR 0.73) since "what
    // caused" asks why, as a section headed "Why" answers: sw-13 "what caused the sign in outage" finds the cause. 7
    // refused since a quarter the question pins with its year is one the closest passages must name: sw-21 "what was
    // ARR in q2 2025" (rows for Q4 2025 and Q2 2026) had been answered partly. 25 found and 17 others since a
    // column's header qualified after a comma by a participle ("price per seat, billed yearly: $12") is the label of
    // its cells: 'price per seat' lists all six prices and the old $10, no longer the rows' counts of responses. 26
    // found since a length after "of" and a noun is how long the noun lasted ("a paid sabbatical of 4 weeks", "a
    // maximum of 30 days"): 'annual leave' lists the 25 days.
    expectCounts(score, {
      askHits: 17,
      refused: 7,
      citeHits: 5,
      figuresFound: 26,
      figuresWrong: 17,
      figuresRefused: 1,
    });
  });

  it('scores the research lab questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(LAB, lab);
    // As written, before any change (6 Dec 2026, on fc352dc): 19 of 20 answered within the first three passages (MRR
    // 0.82; lab-16 "when does teh grant end" not found), 6 of 10 refused (2 of the 6 near the subject: a 2024 pilot,
    // the plate reader's service cost, drop-outs from the cohort and a student's stipend answered), 5 of 5 quotes found
    // first; figures 10 of the 42 wanted, with 26 others listed beside them, and both topics the corpus gives no figure
    // for left empty. 11 found and 23 others since a minus sign glued before a number makes it negative: "-80 °C" had
    // been no figure, so 'freezer temperature' listed a fill level, volumes, a price and a count of racks in its place.
    // 14 and 20 since a column's header that is a participle alone or with its preposition ("awarded: $842,000",
    // "spent to June 2026: $298,400") measures its cells: the budget table's sums had no measure, so 'spending so far'
    // listed the sums awarded beside those spent and left three spent past the ten shown. 20 answered (MRR 0.85) since
    // a stop word typed with two letters swapped is dropped as one: lab-16's "teh" had weighed as a word no passage
    // holds, and the question was refused.
    expectCounts(score, {
      askHits: 20,
      refused: 6,
      citeHits: 5,
      figuresFound: 14,
      figuresWrong: 20,
      figuresRefused: 2,
    });
  });

  it('scores the regional airport questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(AIRPORT, airport);
    // As written, before any change (6 Dec 2026, on 5fb4eab): 16 of 20 answered within the first three passages (MRR
    // 0.69; air-04 "what share of travellers go with budget airlines" refused), 5 of 10 refused (2 of the 6 near the
    // subject: last year's Bergen passengers, the resurfacing contract's winner, the chief executive's salary and the
    // last Sunday flight to Faro answered; 3 of the 4 far: descaling a kettle answered), 5 of 5 quotes found first;
    // figures 23 of the 47 wanted, with 40 others listed beside them, and both topics the corpus gives no figure for
    // left empty. 24 found and 38 others since a unit of time shortened after a number reads as the unit: "lasted 2 h
    // 50 min" had been two counts, of "h" and of "min", so 'runway closure duration' listed "2 h" and "40 min". 25
    // since a length after "of" and a noun is how long the noun lasted: "a closure of 2 h 40 min" had been no figure.
    // 6 refused since a rare name held only by a passage holding none of the question's other words is answered one
    // step less surely: the minutes name Bergen as a route to start in 2027, never its passengers.
    // 27 found and 36 others since a total over a year's length holds the year: 'annual passenger numbers' lists the
    // totals "in the 12 months to September". 7 refused since a question opening with "which" whose kind the corpus
    // never names is answered one step less surely: air-22 "which company won the runway resurfacing contract".
    expectCounts(score, {
      askHits: 16,
      refused: 7,
      citeHits: 5,
      figuresFound: 27,
      figuresWrong: 36,
      figuresRefused: 2,
    });
  });

  it('scores the county election office questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(ELECTIONS, elections);
    // As written, before any change (6 Dec 2026, on cccb9fc): 18 of 20 answered within the first three passages (MRR
    // 0.82; ele-17 "how many people signed up to vote in the last month before the election" not found and the
    // rambling ele-20 refused), 4 of 10 refused (none of the 6 near the subject: Wexley's turnout in 2024, a court
    // challenge, the precinct with most rejected provisional ballots, the Registrar's pay, the ballot printer and the
    // June primary answered), 5 of 5 quotes found first; figures 33 of the 42 wanted, with 28 others listed beside
    // them, and 1 of the 2 topics the corpus gives no figure for left empty ('postage costs for mail ballots' lists
    // device and recount costs). 40 found and 21 others since a past participle may open a label ("registered voters:
    // 12,480" had no measure, so 'turnout by precinct' listed the precincts' electorates in place of their turnout).
    // 5 refused since a question opening with "which" whose kind the corpus never names is answered one step less
    // surely: ele-25 "which company prints the ballots" (the office never says "company"). 22 others since an address's
    // house number is no count: 'recount margin' lost "14 Mill Lane", which matched the wanted "14 votes" by its number
    // alone, and its tenth place went to the recount's "two fewer votes", a real figure not asked for. 6 refused since
    // a question asking whether anyone did something asks who did it: ele-22 "did anyone take measure k to court" (none
    // of its closest passages says "take", so partly answered becomes refused).
    expectCounts(score, {
      askHits: 18,
      refused: 6,
      citeHits: 5,
      figuresFound: 40,
      figuresWrong: 22,
      figuresRefused: 1,
    });
  });

  it('scores the coastal fishery questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(FISHERY, fishery);
    // As written, before any change (6 Dec 2026, on e0dedf5): 13 of 20 answered within the first three passages (MRR
    // 0.49; "quota" and "gps", words no passage holds, refused fish-15 and fish-17), 6 of 10 refused (3 of the 6 near
    // the subject: the crab quota in 2024, lobster's price per kilo and the Chief Fishery Officer's pay answered; 3 of
    // the 4 far: "how long do i cook rice for" answered by "71 are under 10 metres long"), 5 of 5 quotes found first;
    // figures 36 of the 49 wanted, with 27 others listed beside them, and 1 of the 2 topics the corpus gives no figure
    // for left empty ('fuel costs for the fleet' lists 7). 14 answered since a question asking what one word means
    // ranks first the passage defining it: fish-02 "whats a tac" had the table's rows, holding "TAC" twice, above it.
    expectCounts(score, {
      askHits: 14,
      refused: 6,
      citeHits: 5,
      figuresFound: 36,
      figuresWrong: 27,
      figuresRefused: 1,
    });
  });

  it('scores the mountain rescue questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(RESCUE, rescue);
    // As written, before any change (7 Dec 2026, on 9502307): 14 of 20 answered within the first three passages (MRR
    // 0.59), 6 of 10 refused (2 of the 6 near the subject; all 4 far), 4 of 5 quotes found first ("Search dogs and
    // their handlers took part in nine searches" found nothing); figures 27 of the 65 wanted, with 52 others listed
    // beside them, and neither topic the corpus gives no figure for left empty. 28 found and 47 others since a verb's
    // length before "on" and what the time went on is time given ("members gave 10,260 hours on them"), not counted on.
    // 30 found and 46 others since a table's total row leads the rows it sums among equal scores (117 and 45 listed).
    expectCounts(score, {
      askHits: 14,
      refused: 6,
      citeHits: 4,
      figuresFound: 30,
      figuresWrong: 46,
      figuresRefused: 0,
    });
  });

  it('scores the food bank questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(FOODBANK, foodbank);
    // As written, before any change (7 Dec 2026, on 5fedcac): 10 of 20 answered within the first three passages (MRR
    // 0.42; "kids … feed", "walk in", "petrol money", "saved up" and "boxing day" refused), 4 of 10 refused (1 of the 6
    // near the subject: "when is the agm"; 3 of the 4 far), 5 of 5 quotes found first; figures 37 of the 74 wanted,
    // with 47 others listed beside them, and neither topic the corpus gives no figure for left empty. 11 answered since
    // a verb the corpus lacks finds its irregular past form that is a word of its own too: "feed" the text's "fed". 38
    // found and 46 others since a table's total row leads the rows it sums among equal scores ("people fed": 9,085). 5
    // refused since a question asking whether there is some thing is answered one step less surely when none of its
    // closest passages says it: food-24 "is there parking at the hub". 39 found and 45 others since one document's
    // table rows past half a page go after other passages' figures scored alike, unless the topic asks by a period
    // ('parcels each month'): 'number of parcels given out' lists the table's note of 64 parcels in place of a month.
    expectCounts(score, {
      askHits: 11,
      refused: 5,
      citeHits: 5,
      figuresFound: 39,
      figuresWrong: 45,
      figuresRefused: 0,
    });
  });

  it('scores the street-tree questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(TREES, trees);
    // As written, before any change (7 Dec 2026, on e35911a): 16 of 20 answered within the first three passages (MRR
    // 0.70; "least leafy part of town" refused), 7 of 10 refused (3 of the 6 near the subject: a tree officer's pay,
    // the trees in parks and the tallest tree answered), 3 of 5 quotes found first (neither of the two asked in chat);
    // figures 52 of the 76 wanted, with 38 others listed beside them, and both topics the corpus gives no figure for
    // left empty. 60 found and 39 others since "species" is no form of "specie" (coin): 'species planted' asked for a
    // sum of money, and lists the species table's eight counts (and its total's 100%) where it listed none.
    expectCounts(score, {
      askHits: 16,
      refused: 7,
      citeHits: 3,
      figuresFound: 60,
      figuresWrong: 39,
      figuresRefused: 2,
    });
  });

  it('scores the island ferry questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(FERRIES, ferries);
    // As written, before any change (7 Dec 2026, on 490e684): 11 of 20 answered within the first three passages (MRR
    // 0.50), 8 of 10 refused (4 of the 6 near the subject: a captain's pay and the Tarrow Lass's fuel answered), 4 of 5
    // quotes found first (ferrycite-04, asked in chat, found nothing); figures 41 of the 69 wanted, with 45 others
    // listed beside them, and one of the two topics the corpus gives no figure for left empty.
    expectCounts(score, {
      askHits: 11,
      refused: 8,
      citeHits: 4,
      figuresFound: 41,
      figuresWrong: 45,
      figuresRefused: 1,
    });
  });

  it('scores the blood service questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(BLOOD, blood);
    // As written, before any change (7 Dec 2026, on af77eeb): 15 of 20 answered within the first three passages (MRR
    // 0.63; "im 68 am i too old" and "run really low on o neg" refused), 6 of 10 refused (3 of the 6 near the subject:
    // the hospital using the most blood, pay for giving and the wait at Brennock answered; "how far away is the moon"
    // answered), 5 of 5 quotes found first; figures 31 of the 63 wanted, with 53 others listed beside them, and one of
    // the two topics the corpus gives no figure for left empty. 35 found and 48 others since one document's table rows
    // past half a page go after other passages' figures scored alike: 'whole blood donations' lists the review's
    // 101,500 and "up 3 per cent" after the CSV's first months, 'new donors' the correction's 9,580, 'missed
    // appointments' the review's 15,900.
    expectCounts(score, {
      askHits: 15,
      refused: 6,
      citeHits: 5,
      figuresFound: 35,
      figuresWrong: 48,
      figuresRefused: 1,
    });
  });

  it("keeps every paragraph of the energy co-operative's web pages and none of their furniture", () => {
    // The FAQ's cookie banner, menu, login button, feedback prompt and footer, the newsletter's "View this email in
    // your browser", social links and unsubscribe lines: none is a passage, and every answer and article is. The
    // newsletter's pull quote repeats the treasurer's words in the paragraph above it: no passage of its own.
    const of = (source: string) => energy.passages.filter((p) => p.source === source).map((p) => p.text);
    const faq = of('members-faq.htm');
    const news = of('newsletter-october-2026.html');
    for (const text of [...faq, ...news])
      expect(text).not.toMatch(/cookie|helpful|member login|view this email|unsubscribe|forward to a friend|©/i);
    expect(faq).toHaveLength(23);
    expect(news).toHaveLength(6);
  });

  it('scores the energy co-operative questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(ENERGY, energy);
    // As written, before any change (7 Dec 2026, on 419945a): 12 of 20 answered within the first three passages (MRR
    // 0.48; "is there a discount on my electric bill", "what happened to the turbine in august" and the rambling one
    // refused), 5 of 10 refused (2 of the 6 near the subject: the turbine's height, the operations manager's pay, solar
    // panels on my house and who built the turbine answered; 3 of the 4 far: "how do i fix a dripping tap" answered),
    // 5 of 5 quotes found first, all asked in chat; figures 27 of the 48 wanted, with 56 others listed beside them.
    // 30 found and 52 others since a table drawn with pipes and rules in plain text is read as rows (the share offer's
    // "| Minimum investment | £100 |" had been a row under the header "Share price | £1 a share", its pipes cells):
    // 'battery cost' finds the minutes' two quotes and the offer's £182,000, 'interest on shares' "between 3.5 and 5
    // per cent". 31 and 51 since a hundredth glued to a range's first end is money when its second end is a price:
    // 'linbrook local tariff prices' lists the minutes' 18.9p, which had been the measure of "19.8p".
    expectCounts(score, {
      askHits: 12,
      refused: 5,
      citeHits: 5,
      figuresFound: 31,
      figuresWrong: 51,
    });
  });

  it("keeps every paragraph of the animal shelter's web pages and none of their furniture", () => {
    // The fee page's cookie banner, menu, search box, breadcrumbs, "Last updated" line, share links and footer, the
    // correction's cookie notice, "Related news", footer and its field line "Published 2 October 2026 by the Press
    // Office": none is a passage; every table row and paragraph is.
    const of = (source: string) => shelter.passages.filter((p) => p.source === source).map((p) => p.text);
    const fees = of('fees-and-charges.html');
    const correction = of('correction-adoption-figures.html');
    for (const text of [...fees, ...correction])
      expect(text).not.toMatch(/cookie|skip to|search this site|updated|published 2|share this|facebook|related|©/i);
    expect(fees).toHaveLength(19);
    expect(correction).toHaveLength(4);
    // The press release, an email, is no signature under its "--" line: the office's name and address.
    const release = of('press-release-record-adoptions.txt');
    expect(release.some((text) => text.includes('County Hall'))).toBe(false);
    expect(release).toHaveLength(8);
    // Its title is its subject without the label "PRESS RELEASE:", which names the kind of document.
    expect(shelter.document('press-release-record-adoptions.txt')?.meta.title).toBe(
      'Record year for adoptions at Wexcombe animal shelter',
    );
    // The minutes are dated by the heading under their title, "Minutes of the meeting held … on 10 September 2026".
    expect(shelter.document('board-minutes-2026-09-10.txt')?.meta.date).toBe('2026-09-10');
  });

  it('scores the animal shelter questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(SHELTER, shelter);
    // As written, before any change (7 Dec 2026, on cc45d82): 13 of 20 answered within the first three passages (MRR
    // 0.55; the reclaim fee for a stray, "do u have to license ur dog", petrol money for volunteers and the rambling
    // one refused), 7 of 10 refused (3 of the 6 near the subject: the manager's pay, a cat licence and the vet's name
    // answered; all 4 far), 5 of 5 quotes found first, all asked in chat; figures 32 of the 72 wanted, with 56 others.
    // 14 since "ur" is chat's "your", a stop word: it had outweighed "license" and "dog" in "do u have to license ur
    // dog". Figures 35 with 52 others since a fee of what a topic names is no figure of it: 'adoptions' lists the
    // adoption counts, not the fee table's cells (0 -> 4 of 7), and 'dog licences issued' no longer lists "Licence fees
    // brought in £198,400" (3 -> 2 of 6).
    expectCounts(score, {
      askHits: 14,
      refused: 7,
      citeHits: 5,
      figuresFound: 35,
      figuresWrong: 52,
    });
  });

  it("keeps every paragraph of the waste service's web pages and none of their furniture or comments", () => {
    // The FAQ's cookie notice, skip link, search box, menu, breadcrumbs, "Last updated" line, feedback prompt and
    // footer; the blog's site title, menu, byline, tags, post links, its readers' comments and reply form, "Recent
    // Posts" and its imprint: none is a passage, and every question, answer and paragraph of the post is.
    const of = (source: string) => waste.passages.filter((p) => p.source === source).map((p) => p.text);
    const faq = of('bins-and-collections.html');
    const blog = of('cllr-haswell-blog-new-depot.html');
    for (const text of [...faq, ...blog])
      expect(text).not.toMatch(/cookie|skip to|search|updated|helpful|©|posted|says:|reply|recent posts|wordpress/i);
    // Its definition list's terms head their descriptions: "Grey bin" is no passage of its own.
    expect(faq).toHaveLength(25);
    const grey = waste.passages.find((p) => p.text.startsWith('General waste that cannot be recycled'));
    expect(grey?.heading).toBe('Grey bin');
    expect(blog).toHaveLength(6);
    expect(waste.document('cllr-haswell-blog-new-depot.html')?.meta).toMatchObject({
      title: 'Why we are building a new depot, and what it means for your bins',
      author: 'Tom Haswell',
      date: '2026-11-03',
    });
    // The committee report, in CRLF lines behind a byte-order mark, keeps its numbered paragraphs and reads its
    // appendix's columns aligned with spaces as a table's rows.
    const report = of('committee-report-2026-10-14.txt');
    expect(report.filter((text) => /^\d\.\d /.test(text))).toHaveLength(14);
    expect(report).toContain('Measure: Recycling rate — 2024-25: 44.1%; 2025-26: 46.8%');
    // The correction and the consultation results are authored by the office named over their date under the title,
    // and dated by it: neither line a heading or a passage.
    expect(waste.document('correction-newsletter-figures.txt')?.meta).toMatchObject({
      author: 'Marrowby District Council Communications Team',
      date: '2026-10-24',
    });
    expect(of('garden-waste-consultation-results.txt')[0]).toMatch(/^Between 2 November and 30 November 2026/);
    // The newsletter's footnote is a paragraph of its own, and its mark "[^1]" no part of the text it is in.
    const news = of('marrowby-matters-autumn-2026.md');
    expect(news.filter((text) => text.includes('[^'))).toEqual([]);
    expect(news.at(-1)).toMatch(/^Figures are for the year to March 2026/);
  });

  it('scores the waste service questions as measured, so that a fall in any count fails', async () => {
    const score = await scoreFixture(WASTE, waste);
    // As written, before any change (7 Dec 2026, on ee0bed0): 13 of 20 answered within the first three passages (MRR
    // 0.53; the sofa and "how much rubbish does each house throw away" refused; a missed bin, a stolen bin and pizza
    // boxes found the FAQ's question, not its answer; the depot's opening and the bin day found the newsletter and the
    // blog), 7 of 10 refused (3 of the 6 near the subject: council tax, the crews' pay and car batteries answered; all
    // 4 far), 4 of 5 quotes found first, all asked in chat ("the old depot floods most winters", where the blog says
    // "It floods"); figures 38 of the 58 wanted, with 35 others, the committee report's paragraph numbers among them.
    // 22 others since a paragraph's number opening it before a capitalised word ("2.2 Residual waste fell …") is none.
    expectCounts(score, {
      askHits: 13,
      refused: 7,
      citeHits: 4,
      figuresFound: 38,
      figuresWrong: 22,
    });
  });
});

interface LibraryCase {
  id: string;
  kind: 'ask' | 'cite' | 'figures';
  query: string;
  doc?: string | null;
  /** Words of the passage that answers it (ask), verbatim. */
  passage?: string | null;
  /** The figures the topic should list, each by its number as written ("£6.8 million", "15 items"). */
  figures?: string[];
}

/**
 * A figure as the case writes it is found by its number and currency ("£10" in "£10", not in "£100"); a duration of
 * two units by both ("6 hours 20 minutes", "2 h 40 min", which its first number alone would find in any "6" or "2").
 */
const numberOf = (written: string) =>
  written.match(/^\d+ (?:hours?|h) \d+ (?:minutes|min)/)?.[0] ??
  written.match(/[£$]?\d[\d,.]*(?: (?:million|billion))?p?/)![0];
const holds = (text: string, number: string) =>
  new RegExp(`(^|[^\\w£$.,])${number.replace(/[.$]/g, '\\$&')}(?!\\w|[,.]\\d)`).test(text);

/** A fixture's questions, scored over its corpus as `scoreLibrary` counts them. */
async function scoreFixture(dir: string, library: Dossier) {
  return scoreLibrary(library, JSON.parse(await readFile(join(dir, 'questions.json'), 'utf8')) as LibraryCase[]);
}

type Score = ReturnType<typeof scoreLibrary>;

/**
 * The counts a fixture reached: at least as many answers, refusals, quotes and wanted figures, at most as many other
 * figures listed. A fall fails, naming the cases missed.
 */
function expectCounts(score: Score, least: Omit<Score, 'misses' | 'figuresRefused'> & { figuresRefused?: number }) {
  const misses = score.misses.join('; ');
  expect(score.askHits, misses).toBeGreaterThanOrEqual(least.askHits);
  expect(score.refused, misses).toBeGreaterThanOrEqual(least.refused);
  expect(score.citeHits, misses).toBeGreaterThanOrEqual(least.citeHits);
  expect(score.figuresFound, misses).toBeGreaterThanOrEqual(least.figuresFound);
  expect(score.figuresWrong, misses).toBeLessThanOrEqual(least.figuresWrong);
  expect(score.figuresRefused, misses).toBeGreaterThanOrEqual(least.figuresRefused ?? 0);
}

function scoreLibrary(library: Dossier, cases: LibraryCase[]) {
  const score = {
    askHits: 0,
    refused: 0,
    citeHits: 0,
    figuresFound: 0,
    figuresWrong: 0,
    figuresRefused: 0,
    misses: [] as string[],
  };
  for (const c of cases) {
    if (c.kind === 'ask' && c.doc) {
      const top = ask(library, c.query).results.slice(0, 3);
      if (top.some((r) => r.passage.source === c.doc && r.passage.text.includes(c.passage!))) score.askHits++;
      else score.misses.push(c.id);
    } else if (c.kind === 'ask') {
      if (ask(library, c.query).results.length === 0) score.refused++;
      else score.misses.push(c.id);
    } else if (c.kind === 'cite') {
      if (cite(library, c.query).results[0]?.passage.source === c.doc) score.citeHits++;
      else score.misses.push(c.id);
    } else {
      const listed = answerFigures(library, c.query).figures.map((f) => f.text);
      const wanted = c.figures!.map(numberOf);
      const found = wanted.filter((n) => listed.some((text) => holds(text, n))).length;
      const wrong = listed.filter((text) => !wanted.some((n) => holds(text, n))).length;
      if (!wanted.length && !listed.length) score.figuresRefused++;
      score.figuresFound += found;
      score.figuresWrong += wrong;
      if (found < wanted.length || wrong) score.misses.push(`${c.id} ${found}/${wanted.length} +${wrong}`);
    }
  }
  return score;
}
