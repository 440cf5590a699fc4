/**
 * General English that any corpus's readers type, whatever its subject: the abbreviations of chat
 * and news writing, number words, and chat filler. No subject's vocabulary belongs here: a corpus
 * brings its own in its lexicon (see `lexicon.ts`). Chat filler is among the stop words (`stopwords.ts`).
 */
import { RELATIVE_TIME_SHIFTS } from '../corpus/dates.js';
import { WEEKDAY_NAMES } from '../schedule.js';
import abbreviationGroups from './abbreviations.json' with { type: 'json' };
import { STOP_WORDS } from './stopwords.js';

/**
 * A table looked up by any word a question or a text holds: without a prototype, so "constructor" or "toString" is
 * no entry (an object literal's lookup of "constructor" gave Object itself, and the word was lost as a term).
 */
const table = <T>(entries: Record<string, T>): Readonly<Record<string, T>> =>
  Object.assign(Object.create(null) as Record<string, T>, entries);

/**
 * Common abbreviations and what they stand for, as data (`abbreviations.json`), grouped by what they
 * name (the groups' names are its keys). A question's abbreviation also searches for its expansion (and
 * the other way round), weighing less than the asker's own word. An abbreviation that spells a stop word is written
 * with dots ("u.s."), which the analyser reads as the acronym (its `ACRONYM`) where it drops "us" as the pronoun.
 */
export const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = table(
  Object.fromEntries(Object.values(abbreviationGroups).flatMap((group) => Object.entries(group))),
);

/**
 * Number words, read as the digits they stand for, so "ten to twenty" finds "10 to 20" and "8 pillars" "eight pillars".
 */
export const NUMBER_WORDS: Readonly<Record<string, string>> = table({
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
});

/** The ordinals English irregularly makes of its number words; the rest add "th", a final "y" as "ieth". */
const IRREGULAR_ORDINALS: Readonly<Record<string, string>> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** The ordinals of the number words, a closed class: "first", "fourth", "twelfth", "twentieth", "ninetieth". */
export const ORDINAL_WORDS: readonly string[] = Object.keys(NUMBER_WORDS)
  .filter((word) => word !== 'zero')
  .map((word) => IRREGULAR_ORDINALS[word] ?? (word.endsWith('y') ? `${word.slice(0, -1)}ieth` : `${word}th`));

/**
 * The kinds of answer a question can ask for besides a passage about its subject: a time ("when did the ferry start?",
 * "which year", "until when"), a count ("how many", "number of"), a share ("what share", "what percentage"), another
 * amount ("how much", "how big"), someone ("who runs the ferry?") or somewhere ("where does it dock?").
 */
export type AnswerType = 'time' | 'count' | 'share' | 'amount' | 'person' | 'place' | 'cause';

/** The kinds of amount a question may name: a count or a share (a part of a whole). */
export type AmountKind = 'count' | 'share';

/**
 * A phrase naming a kind of amount, and where in a question it must stand for the question itself to ask for one:
 * `anywhere`, only `opening` the question (after "the", if any), only `after what`, or `never`.
 */
interface AmountPhrase {
  kind: AmountKind;
  /** A pattern's source: words (matched whole) or a sign ("%", which may stand against the word before it). */
  phrase: string;
  asks: 'anywhere' | 'opening' | 'after what' | 'never';
  /** Whether it names its kind wherever it stands (the default); with false it counts only where it asks. */
  names?: false;
}

/**
 * How a question names a count or a share, read two ways: loosely, any phrase anywhere (`AMOUNT_NAMED`: the figures
 * preference, where "boats seized, in %" prefers shares), and strictly, only as the question asks (`ANSWER_TYPES`: the
 * decision, which answers less surely a question whose passages do not give what it asks). "number of" asks opening
 * a question ("number of pupils per class"), not inside a claim ("raises the number of pupils"); a share's word asks
 * after "what" ("what share", not "the share of pupils"); "per cent" only names one; "count of" and "tally of" ask
 * opening a question and are not read elsewhere.
 */
const AMOUNT_PHRASES: readonly AmountPhrase[] = [
  { kind: 'count', phrase: 'how many', asks: 'anywhere' },
  { kind: 'count', phrase: 'number of', asks: 'opening' },
  { kind: 'count', phrase: '(?:count|tally) of', asks: 'opening', names: false },
  // Chat's label after a comma, dash or bracket ending a topic ("ferries cancelled, count") names the kind it wants.
  { kind: 'count', phrase: String.raw`(?<=[,(\u2013-]\s*)(?:count|tally)(?=\W*$)`, asks: 'never' },
  { kind: 'share', phrase: '(?:share|percentage|proportion|fraction|percent)', asks: 'after what' },
  { kind: 'share', phrase: 'per cent', asks: 'never' },
  { kind: 'share', phrase: '%', asks: 'after what' },
];

const isWords = (phrase: string) => /\p{L}/u.test(phrase);
/** A phrase's pattern wherever it stands: words between word boundaries, a sign as it is. */
const whole = (phrase: string) => (isWords(phrase) ? String.raw`\b(?:${phrase})\b` : phrase);

/** A phrase's pattern where it names its kind, as a pattern's source; undefined for one that only asks. */
const naming = ({ phrase, names }: AmountPhrase) => (names === false ? undefined : whole(phrase));

/**
 * A phrase's pattern where it asks for its kind, as a pattern's source; undefined for one that never asks. `article`:
 * whether a phrase opening the question may follow "the" (see `COUNT_ASKED_OF`).
 */
function asking({ phrase, asks }: AmountPhrase, article = true): string | undefined {
  switch (asks) {
    case 'anywhere':
      return whole(phrase);
    case 'opening':
      return String.raw`^\W*${article ? '(?:the )?' : ''}(?:${phrase})\b`;
    case 'after what':
      return isWords(phrase) ? String.raw`\bwhat (?:${phrase})\b` : String.raw`\bwhat ?${phrase}`;
    case 'never':
      return undefined;
  }
}

/** One kind's phrases, read one way (`naming` or `asking`), as one pattern. */
const amountPattern = (kind: AmountKind, read: (phrase: AmountPhrase) => string | undefined) =>
  new RegExp(
    AMOUNT_PHRASES.filter((p) => p.kind === kind)
      .flatMap((p) => read(p) ?? [])
      .join('|'),
    'i',
  );

/** Whether a question names a count or a share anywhere ("storms raise the number of ferries cancelled"). */
export const AMOUNT_NAMED: Readonly<Record<AmountKind, RegExp>> = {
  count: amountPattern('count', naming),
  share: amountPattern('share', naming),
};

/**
 * Where a question asks how many of something, for the words after it that name what it counts: as `ANSWER_TYPES`
 * reads a count asked for, less an opening phrase after "the". A question typed as a noun phrase drops the article
 * ("number of pupils in 2020"), where "The number of pupils rose with the new road" is a statement about that number,
 * as a claim makes one, that need not be answered by a count of pupils.
 */
export const COUNT_ASKED_OF: RegExp = amountPattern('count', (p) => asking(p, false));

/**
 * The nouns naming a day, a week, a month or a year, singular: the time a topic asks for by name ("date of the vote",
 * "old pier - date of opening", "years when the ferry ran at a loss").
 */
const DATE_NOUNS: readonly string[] = 'year yr date month week wk day'.split(' ');

/** The nouns naming a kind of time a question asks for ("what year", "which dates", "at what time"). */
export const TIME_NOUNS: readonly string[] = ['time', ...DATE_NOUNS].flatMap((noun) => [noun, `${noun}s`]);

/**
 * Words saying which kind of year or which of several a question asks for, between "what" or "which" and the time's
 * noun: "which fiscal year", "what financial yr", "what earlier year" ask a year as "which year" does.
 */
const TIME_ASKED_KINDS: readonly string[] =
  'fiscal financial calendar academic school tax earlier later previous prior'.split(' ');

/**
 * A question's word that names the kind of time it asks for ("what year", "which date", "at what time", "which fy",
 * chat's and accounts' fiscal year): a passage saying when (`saysWhen`) gives it, as a figure gives a question's
 * "number" or "size".
 */
export const TIME_ASKED_AS = new RegExp(
  String.raw`\b(?:what|which) (?:(?:${TIME_ASKED_KINDS.join('|')}) )?(${[...TIME_NOUNS, 'fy', 'fys'].join('|')})\b`,
  'i',
);

/** Pairs written `form:base`, separated by white space, as a lookup from form to base. */
const pairs = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split(':') as [string, string]),
  );

/**
 * Irregular past forms, read as their verb ("bought" as "buy"), as the stemmer cannot: so "bought"
 * finds "buy", and is not mistaken for a typo of "brought". Forms that are also common words of
 * their own ("left", "found", "fed", "rose") are left as they are (`ambiguousPastForms`).
 */
const PAST_FORMS = pairs(
  `arose:arise ate:eat beaten:beat became:become began:begin begun:begin blew:blow blown:blow
  broke:break broken:break brought:bring built:build bought:buy caught:catch chose:choose chosen:choose came:come
  dealt:deal did:do done:do drew:draw drawn:draw drove:drive driven:drive drank:drink drunk:drink fell:fall
  fallen:fall felt:feel fought:fight fled:flee flew:fly flown:fly forbade:forbid forgot:forget
  forgotten:forget froze:freeze frozen:freeze gave:give given:give went:go gone:go grew:grow grown:grow hung:hang
  heard:hear hid:hide hidden:hide held:hold kept:keep knew:know known:know led:lead 
  lost:lose made:make meant:mean met:meet paid:pay ran:run rang:ring sold:sell
  sent:send shook:shake shaken:shake sang:sing sung:sing sank:sink sat:sit slept:sleep spoke:speak
  spoken:speak spent:spend stood:stand stole:steal stolen:steal struck:strike swore:swear sworn:swear took:take
  taken:take taught:teach tore:tear torn:tear told:tell thought:think threw:throw thrown:throw understood:understand
  woke:wake wore:wear worn:wear won:win wrote:write written:write sought:seek withdrew:withdraw withdrawn:withdraw
  overcame:overcome undertook:undertake undertaken:undertake`,
);

/**
 * The irregular past forms `PAST_FORMS` leaves out because each is also a word of its own ("fed", "found", "left",
 * "rose", "saw"), with their verbs: a question's "feed" may be the text's "fed", but "the Fed" is no feeding.
 */
const PAST_FORMS_ALSO_WORDS = table(pairs('fed:feed found:find left:leave rose:rise saw:see'));

/**
 * The other forms of a verb whose past form is also a word of its own: the verb for the form ("fed" → "feed"), the
 * form for the verb ("feed" → "fed"). Only a guess at the asker's meaning, for a word the corpus lacks.
 */
export function ambiguousPastForms(word: string): string[] {
  const lower = word.toLowerCase();
  const verb = PAST_FORMS_ALSO_WORDS[lower];
  if (verb) return [verb];
  return Object.keys(PAST_FORMS_ALSO_WORDS).filter((form) => PAST_FORMS_ALSO_WORDS[form] === lower);
}

/**
 * Past forms written as their verb ("set", "cut", "shut"): the stemmer needs no help with them, but a clause after a
 * time's noun ("date the board set the fares") says what happened then with them as with "sank". Not "cost" or "read",
 * as often a noun or the present.
 */
const UNCHANGED_PAST_FORMS: readonly string[] = 'set put cut hit shut quit spread split burst'.split(' ');

/**
 * Whether a word is a verb's past form ("drowned", "sank"): right after "how many" it asks how many did so ("how many
 * drowned"), naming no kind of thing, while one before a noun only narrows it ("how many armed guards": guards).
 */
export const isPastForm = (word: string): boolean => /[a-z]ed$/i.test(word) || word.toLowerCase() in PAST_FORMS;

/** English's superlatives not made by "-est" after their adjective ("best day", "worst week"): a closed class. */
export const IRREGULAR_SUPERLATIVES: ReadonlySet<string> = new Set(['best', 'worst', 'farthest', 'furthest', 'eldest']);

/**
 * The adjectives a word in lower case may be the superlative of, as English spells one: "-est" after the adjective
 * ("longest"), after its doubled last consonant ("wettest") or in place of its final "y" ("busiest"), "-st" after its
 * final "e" ("largest"). Three letters at least: "guest" is no superlative of "gu". Whether one is an adjective, the
 * dictionary says (`PassageIndex.superlative`).
 */
export function superlativeBases(word: string): string[] {
  if (!word.endsWith('est')) return [];
  const stem = word.slice(0, -3);
  const bases = [stem, `${stem}e`];
  if (stem.endsWith('i')) bases.push(`${stem.slice(0, -1)}y`);
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) bases.push(stem.slice(0, -1));
  return bases.filter((base) => base.length >= 3);
}

/** "And" as English and chat write it: "harbour and rail", "harbour + rail", "harbour & rail", "mayor n council". */
const JOINERS = String.raw`(?:and|&|\+|n)`;

/**
 * What joins a second thing a topic asks for to the first: "fares and …", "fares n …", "fares + …" (chat's "and"),
 * "peak yr then …".
 */
const AND_THEN = String.raw`\s(?:${JOINERS}|then)\s`;

/** A word of a clause's subject after a time's noun, a figure's sign and commas in it: "~1,200", "£3,500", "67%". */
const CLAUSE_WORD = String.raw`[~$£€]?[\w'’.-]+(?:,\d+)*%?`;

/** Where a label after a topic starts: a dash, a comma or a colon ("harbour ferry - years active", "pier, dates"). */
const LABEL = String.raw`(?:\s[-–]|[,:])`;

/**
 * Where a part of a topic starts: its opening, a label (`LABEL`: "harbour strike - …"), a semicolon, or the second of
 * two things asked (`AND_THEN`).
 */
const PART_START = String.raw`(?:^|${LABEL}|;|${AND_THEN})\W*`;

/**
 * Words before a time's noun that make it a time the figures are of, not one asked for: determiners, prepositions and
 * the rest of the stop words, numbers in words and their ordinals, and words placing or counting it ("last year", "the
 * coming year", "a full year", "the whole week", "fourth day"). Not the grammar's `TIME_QUALIFIERS`, the words inside a
 * time it reads.
 */
const TIME_NOT_ASKED: readonly string[] = [
  ...[...STOP_WORDS].filter((w) => /^[a-z]+$/.test(w)),
  ...Object.keys(NUMBER_WORDS),
  ...ORDINAL_WORDS,
  ...RELATIVE_TIME_SHIFTS.keys(),
  ...`per every prior following final whole full entire single typical average given calendar thru till`.split(/\s+/),
];

/**
 * What may stand before a question's own asking word at its start: "so when …", "ok who …", "hey where …", "but what's
 * …". One list for every pattern that reads a question's opening word (here and `query.ts`'s meaning asked).
 */
export const OPENING: string = String.raw`^\W*(?:(?:so|ok|okay|and|but|hey)\W+)?`;

/**
 * How a question asks for each kind of answer, the first that matches winning. Only a question's own ways of asking
 * count: "when" opening or closing it ("so when did fares rise", "fares rose - when?"), not a statement's "when"
 * inside it ("fares rise when fuel costs more"); a count or a share as `AMOUNT_PHRASES` ask for one.
 */
export const ANSWER_TYPES: readonly (readonly [AnswerType, RegExp])[] = [
  [
    'time',
    new RegExp(
      [
        // Chat drops the apostrophe of "when's", as of "who's" and "where's" below: "whens the next meeting".
        String.raw`${OPENING}whens?\b`,
        String.raw`\b(?:until|till|since) when\b`,
        String.raw`\bwhen\W*$`,
        // A preposition of time ending the topic leaves its object, the time, to the answer: "the lease runs until",
        // "pier shut since".
        String.raw`\b(?:until|till|til|since)\W*$`,
        // "when" opening the second thing asked: "harbour fees in 2019, and when the pier opened", "fees + when …".
        String.raw`${AND_THEN}whens?\b`,
        // "when" inside a topic asking it, before what no clause of a statement's "when" opens with: "prices peaked
        // when before they fell", "the pier closed when exactly" (not "fares rise when fuel costs more").
        String.raw`\bwhen (?:exactly|before|after)\b`,
        TIME_ASKED_AS.source,
        String.raw`\bhow long ago\b`,
        // "How long will …" asks until when, which a text gives as the year or day something ends ("runs to 2028");
        // not "how long will it take", a length.
        String.raw`\bhow long will (?!(?:it|this|that|they) take\b)`,
        // A topic naming the time it asks for: "date of the launch", "first year of the scheme", "founding yr of the
        // club" (one word saying which, not a count or a determiner: "one day of strikes", "each week of the season"),
        // "the launch date" (not "to date", so far), "busiest month, which one"; "dates of the two votes" too, where
        // the other plurals may ask how long or how many ("years of service", "days of strikes").
        String.raw`^\W*(?:the )?(?:(?!(?:one|each|every|per|an?|this|that|any|same)\b)[a-z]+ )?` +
          String.raw`(?:${DATE_NOUNS.join('|')}|dates) of\b`,
        String.raw`(?<!\bto )\bdate\W*$`,
        // The time asked for named as a label after the topic, with at most one word saying which, or two joined
        // naming its ends: "pier, dates open", "harbour ferry - years active", "harbour master - start and end yrs"
        // (not a count: "ferry contract - two or three years").
        String.raw`${LABEL}\s*(?:(?!(?:${Object.keys(NUMBER_WORDS).join('|')})\b)` +
          String.raw`[a-z]+ (?:and|&|n|or|to) [a-z]+ )?(?:dates?|years?|yrs?)(?: [a-z]+)?\W*$`,
        // Or as a label naming it by two of its units joined, which says it is asked to that precision: "harbour
        // regatta - month and yr", "ferry strike, day & month", "pier reopening: date/time" (not what follows them,
        // "ferry passengers - month and yr totals").
        String.raw`${LABEL}\s*(?:${TIME_NOUNS.join('|')})(?:\s+(?:and|&|n|or)\s+|\s*/\s*)` +
          String.raw`(?:${TIME_NOUNS.join('|')})\W*$`,
        // Or as a label naming what happened in it: "old pier - date of opening", "water quality - period of decline"
        // (not a length served: "harbour ferry - years of service").
        String.raw`${LABEL}\s*(?:the )?(?:${[...DATE_NOUNS, 'period'].join('|')}) of\b`,
        // The years someone held a role, named by whose they were: "smith's years as mayor", "jones's yrs in office".
        String.raw`^\W*[\w.-]+['’]s (?:years|yrs) (?:as|in|at)\b`,
        String.raw`\b(?:year|month|day|date)\b.*\bwhich one\W*$`,
        // The time of an event named by a clause after the time's noun, its "that" or "when" left out: "day the ferry
        // sank", "year the council closed the pier", "date the board set the fares"; one to four words of subject
        // before its verb's past form. Opening the topic, or as a label after it: "harbour strike - the day the crews
        // walked out", where the label names the time asked as "harbour ferry - years active" does. The plural asks
        // when as "years when" does ("years the mayor led the council"), not when a count of them is asked. The
        // subject's article and a passive's auxiliary are no words of its length, and a figure may be one of them:
        // "yr the ~1,200 harbour passengers were counted". Two words joined are one ("day the harbour + rail staff
        // walked out", "yr the mayor n council agreed"), as a noun phrase's coordinated words are.
        String.raw`${PART_START}(?:the )?(?:date|day|week|month|year|yr)(?: |s (?!.*\bhow many\b))` +
          String.raw`(?!(?:of|to|in|on|at|by|for|from|per|and|or)\b)(?:(?:the|an?) )?` +
          String.raw`(?:${CLAUSE_WORD} (?:${JOINERS} ${CLAUSE_WORD} )?){1,4}(?:(?:was|were|is|are|been|be|being) )?` +
          String.raw`(?:[a-z]+ed|${[...Object.keys(PAST_FORMS), ...UNCHANGED_PAST_FORMS].join('|')})\b`,
        // The same with its "when": "years when the ferry ran at a loss", "the day when the pier closed" (not a count
        // of them: "days when the ferry ran late, how many").
        String.raw`^\W*(?:the )?(?:${DATE_NOUNS.join('|')})s? when\b(?!.*\bhow many\b)`,
        // A part of the topic whose phrase is headed by a time's noun, the words before it saying which, another part
        // after it: "pier launch yr, per the council", "harbour strike - worst day and longest week", "ferry losses -
        // peak yr then …"; not a time the figures are of ("ferry passengers, last year, by route", "ferry fares - two
        // years and …", "… - a typical day, …"), nor a topic ending in one, which may ask how many ("ferry years").
        String.raw`${PART_START}(?:the )?(?:(?!(?:${TIME_NOT_ASKED.join('|')})\b)[a-z][a-z'’-]* ){1,4}` +
          String.raw`(?:${DATE_NOUNS.join('|')})s?(?=\s*[-–,:;]|${AND_THEN})`,
      ].join('|'),
      'i',
    ),
  ],
  ['count', amountPattern('count', asking)],
  ['share', amountPattern('share', asking)],
  ['amount', /\bhow (?:much|big|large|high)\b/i],
  // "who" and "where" as "when" is read, opening or closing the question ("who heads the archive", "the archive is
  // run by who?"), not a statement's "who" or "where" inside it ("staff who work late"): a person or a body, a place.
  ['person', new RegExp(String.raw`${OPENING}(?:who|whom|whos)\b|\bwho\W*$`, 'i')],
  ['place', new RegExp(String.raw`${OPENING}wheres?\b|\bwhere\W*$`, 'i')],
  // "why" and "how come" as "when" is read ("why did the pump fail", "the pump failed - why?"), not a statement's "why"
  // inside it ("the reason why fares rose"): a cause. So is "what caused", "what led to" or "what was the cause of"
  // opening it, the same question asked of the cause as a thing.
  [
    'cause',
    new RegExp(
      String.raw`${OPENING}(?:why|how come|what (?:caused|led to|was the cause of|is the cause of))\b|\bwhy\W*$`,
      'i',
    ),
  ],
];

/**
 * A superlative naming the time asked, opening the topic: "earliest yr in the harbour survey", "wettest month on
 * record", "the most crowded day at the fair"; not a time's noun naming what follows it ("busiest month passenger
 * numbers"). Group: a superlative's one word, which `answerType` asks the dictionary about ("harvest month", "guest
 * day" are no superlatives).
 */
const SUPERLATIVE_TIME = new RegExp(
  String.raw`^\W*(?:the )?(?:(?:most|least) [a-z]+|([a-z]+)) ` +
    String.raw`(?:${DATE_NOUNS.join('|')})s?(?:\W*$|\s*[-–,:]|\s(?:in|on|at|for|since|ever|so far)\b)`,
  'i',
);

/**
 * The kind of answer a question asks for: the first of `ANSWER_TYPES` whose pattern it matches, a time also when it
 * opens with a superlative naming the time asked (`SUPERLATIVE_TIME`), whether a word is one said by `superlative`.
 */
export function answerType(question: string, superlative: (word: string) => boolean): AnswerType | undefined {
  for (const [type, asking] of ANSWER_TYPES) {
    if (asking.test(question)) return type;
    const word = type === 'time' ? SUPERLATIVE_TIME.exec(question) : null;
    if (word && (!word[1] || superlative(word[1].toLowerCase()))) return type;
  }
  return undefined;
}

/**
 * The words that state a cause or a purpose: a passage saying one ("failed because the bearing wore out", a section
 * headed "Root cause") answers a question asking why. Grammar, not subject: "since" and "as" also say when, and are
 * left out.
 */
export const STATES_CAUSE =
  /\b(?:because|caused?|causes|causing|reasons?|due to|therefore|as a result|led to|so that)\b/i;

/**
 * A question asking who holds a role ("who is the chief executive", "who was Ada's deputy", "who's the head of …"):
 * the words after its article or possessive, to the first stop word, name the role. Not "who is in charge", "who is on
 * duty" or "who is eligible for the grant", with no article: they ask who does something or is so, which a group or a
 * role answers as well as a name ("households with an income below …").
 */
export const ROLE_ASKED: RegExp = new RegExp(
  String.raw`${OPENING}who(?:\s+is|\s+was|['’]s)\s+(?:(?:the|an?)\s+|[\p{L}.]+['’]s\s+)`,
  'iu',
);

/**
 * A question asking which one of a kind ("which company prints the ballots", "so which two gangs …"): the word after
 * "which", past a number, names the kind. Only a question opening with it: inside a sentence "which" is as often a
 * relative pronoun ("a ligand, which signals through …", as SciFact's claims write it), naming no kind.
 */
export const KIND_ASKED: RegExp = new RegExp(String.raw`${OPENING}which\s+`, 'iu');

/**
 * A question asking who does something as a rule ("who runs the ferry service", "who sets the water company's
 * targets"): "who", a verb in the present (ending in "s", not "is" or "was", which ask who someone is), then an article
 * or a possessive opening its object. The verb says what the one asked for does. Or the same in the present
 * progressive, as chat asks it of now ("who's running the ferry service", "whos funding the pier", "who is leading the
 * inquiry"): the verb's "-ing" form (`being` is a passive's, asking of whom something is done).
 */
export const DOER_ASKED: RegExp = new RegExp(
  String.raw`${OPENING}who(?:\s+((?!(?:is|was)\s)[\p{L}-]+s)|(?:['’]?s|\s+(?:is|are))\s+((?!being\s)[\p{L}-]+ing))` +
    String.raw`\s+(?:the|an?|[\p{L}.]+['’]s)\s`,
  'iu',
);

/**
 * A yes-or-no question asking whether anyone did or underwent something ("has anyone been convicted over …", "did
 * anybody get fined for …", "has someone claimed the prize"): it asks who, as "who was convicted over …" does, so the
 * verb after the pronoun (past "been", "got", "ever", "actually" …) says what the one asked for did or underwent.
 */
export const ANYONE_DID: RegExp = new RegExp(
  String.raw`${OPENING}(?:has|have|had|did|was|were)\s+(?:any|some)(?:one|body)\s+` +
    String.raw`(?:(?:ever|actually|really|yet|already|been|got|get|gotten)\s+)*([\p{L}-]+)`,
  'iu',
);

/**
 * A yes-or-no question asking whether something ever happened ("did the ferry ever sail at night", "has the pier ever
 * been closed", "was the mayor ever fined"): "ever" asks whether it happened at any time, so the verb after it (past
 * "been", "get" and the like) says what is asked to have happened.
 */
export const EVER_DID: RegExp = new RegExp(
  String.raw`${OPENING}(?:has|have|had|did|was|were)\s+(?:[\p{L}'’.-]+\s+){1,6}?ever\s+` +
    String.raw`(?:(?:actually|really|been|be|got|get|gotten)\s+)*([\p{L}-]+)`,
  'iu',
);

/**
 * A yes-or-no question asking whether there is some thing ("is there a reward for …", "are there any buses after
 * midnight", "any luck tracing the money"): the words after it, up to the first stop word or mark, name that thing, the
 * last of them its head ("an extradition treaty": a treaty).
 */
export const THING_ASKED: RegExp = new RegExp(
  String.raw`${OPENING}(?:(?:is|are|was|were)\s+there\s+|any\s+)(?:(?:a|an|any|some|ever|still|really|actually)\s+)*`,
  'iu',
);

/**
 * The articles: a phrase may open with one and still name its noun ("the harbour" is a harbour), while a phrase that
 * opens with any other stop word, a preposition mostly, is an idiom ("under the weather", "on time", "at once").
 */
export const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** Modal verbs that are also nouns ("the will to act", "military might"): a question's auxiliary names nothing. */
const MODAL_NOUNS: ReadonlySet<string> = new Set(['will', 'shall', 'might', 'must']);
/** Words before a noun, not a verb: "the will", "their might". */
const BEFORE_A_NOUN: ReadonlySet<string> = new Set(
  'a an the this that these those his her its their our my your no any some own'.split(' '),
);
/** Words after a noun, not an auxiliary, which a verb or its subject follows: "will to act", "might of the army". */
const AFTER_A_NOUN: ReadonlySet<string> = new Set(
  (
    'to of in on at for from with without by among against about over under into behind and or but nor than as ' +
    'is was are were'
  ).split(' '),
);

/**
 * Whether the word at `i` of a question's words (lower case, in order) is a modal verb that is also a noun, used as the
 * auxiliary: "when will the stop get a shelter", "how big will the force be", "the guard will be disbanded". As a noun
 * it follows a determiner ("the will") or is followed by a preposition, a conjunction, a verb of being or nothing
 * ("political will to act", "lack of political will"). The auxiliary says only when, as "would" and "won't" do, which
 * are stop words; counted as a word, a passage saying when without it ("by March") was said not to mention "will".
 */
export function isAuxiliary(words: readonly string[], i: number): boolean {
  if (!MODAL_NOUNS.has(words[i]!)) return false;
  const before = words[i - 1];
  const after = words[i + 1];
  return after !== undefined && !AFTER_A_NOUN.has(after) && !(before !== undefined && BEFORE_A_NOUN.has(before));
}

/** The forms of "be" and "get" a passive verb follows ("are reported", "got noted"). */
const PASSIVE_AUXILIARIES: readonly string[] = 'am is are was were be been being get gets got'.split(' ');

/**
 * A verb of saying used of a source: "the agency reported a 40 percent rise", "officials say 300 …", "a survey found
 * 70 percent". It tells who gave what follows, not what that counts. Not after a form of "be" or "get" ("one in five
 * complaints are reported": passive, the figure's own verb), nor after a determiner, nor before a preposition (the
 * noun: "the report", "a report on", "the latest report for 2016"), nor opening its sentence ("Reported thefts fell":
 * an adjective of the noun after it).
 */
export const SAID_BY_SOURCE: RegExp = new RegExp(
  String.raw`(?<=\S\s+)(?<!\b(?:${[...BEFORE_A_NOUN, ...PASSIVE_AUXILIARIES].join('|')})\s+(?:\w+ly\s+)?)` +
    String.raw`\b(?:reports?|reported|says?|said|finds?|found|shows?|showed|suggests?|suggested|notes?|noted)\b` +
    String.raw`(?!\s+(?:of|for|on|by|from|in|to)\b|['’])`,
  'gi',
);

/**
 * The units of a length of time, singular and plural, each in minutes (a year of 365.25 days, a month its twelfth): the
 * one table of them. Its minutes read a length in two units as one ("6 hours 20 minutes", the figure grammar).
 */
export const MINUTES_IN: ReadonlyMap<string, number> = new Map(
  (
    [
      ['year', 'years', 525_960],
      ['month', 'months', 43_830],
      ['week', 'weeks', 10_080],
      ['day', 'days', 1_440],
      ['hour', 'hours', 60],
      ['minute', 'minutes', 1],
      ['decade', 'decades', 5_259_600],
      ['century', 'centuries', 52_596_000],
      ['quarter', 'quarters', 131_490],
    ] as const
  ).flatMap(([one, many, minutes]) => [
    [one, minutes],
    [many, minutes],
  ]),
);
/** The units of a length of time, and of a rate's period ("every 15 minutes", "$5 a year"). */
export const TIME_UNITS: ReadonlySet<string> = new Set(MINUTES_IN.keys());
/** How chat shortens a unit of time ("15 yrs", "6 mos", "3 wks", "2 hrs"), as `ABBREVIATIONS` expands them. */
export const TIME_UNIT_ABBREVIATIONS: ReadonlySet<string> = new Set(
  Object.keys(ABBREVIATIONS).filter((short) => ABBREVIATIONS[short]!.some((long) => TIME_UNITS.has(long))),
);

/**
 * A unit of time as a text shortens it after a number ("2 h 40 min", "15 yrs"), and the unit it stands for: chat's
 * `TIME_UNIT_ABBREVIATIONS` and the symbols "h", "min" and "mins". "d" and "s" are left out: after a number they are as
 * often a dimension or a letter of a code.
 */
export const SHORT_TIME_UNITS: ReadonlyMap<string, string> = new Map([
  ...[...TIME_UNIT_ABBREVIATIONS].map(
    (short) => [short, ABBREVIATIONS[short]!.find((long) => TIME_UNITS.has(long))!] as const,
  ),
  ['h', 'hours'],
  ['min', 'minutes'],
  ['mins', 'minutes'],
]);

/**
 * The words that say "every" unit of time in one ("daily", "annual"), each with that unit: a closed class. A passage
 * saying one gives a rate; a total over a year's length is an annual one.
 */
export const EVERY_UNIT: ReadonlyMap<string, string> = new Map([
  ['hourly', 'hour'],
  ['daily', 'day'],
  ['nightly', 'night'],
  ['weekly', 'week'],
  ['fortnightly', 'fortnight'],
  ['monthly', 'month'],
  ['quarterly', 'quarter'],
  ['yearly', 'year'],
  ['annual', 'year'],
  ['annually', 'year'],
]);

/** The words that make a time unit after them a rate's period: "a year", "per hour", "every week". */
export const RATE_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'per', 'each', 'every']);

/**
 * Words that say when without a number, beside the years, days of a month and months a text names: days of the week
 * ("opens on Saturday"), parts of a day and seasons ("at noon", "in winter"), and "ago" ("a year ago"). Not "spring"
 * and "fall", more often other words, nor "year" or "month", which "$5 a year" says of an amount.
 */
export const TIME_WORDS: ReadonlySet<string> = new Set([
  ...WEEKDAY_NAMES,
  ...'weekend weekends morning afternoon evening tonight noon midnight summer winter autumn'.split(' '),
  ...'yesterday tomorrow ago'.split(' '),
]);

/** The words that multiply the number before them: "1.6 billion", "5bn", "two hundred", "two dozen". */
export const NUMBER_SCALES: ReadonlyMap<string, number> = new Map([
  ['dozen', 12],
  ['hundred', 1e2],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  ['bn', 1e9],
  ['mn', 1e6],
]);

/**
 * The one table of scales written as a letter glued to a number: "50k", "$200m". `bare`: whether a number without a
 * currency sign carries it too, as chat writes "50k" for fifty thousand, where "5m" may be five metres. The figure
 * grammar reads a scale letter after a currency sign, before a plural noun it counts ("5m people", "10k runners"), and
 * a bare one before no noun ("reached 40k"); `cite`, matching a quote's numbers with a passage's, reads the bare ones
 * after any number.
 */
export const SCALE_LETTERS: ReadonlyMap<string, { scale: number; bare: boolean }> = new Map([
  ['m', { scale: 1e6, bare: false }],
  ['k', { scale: 1e3, bare: true }],
]);

/** "No more than", "not less than": a comparison negated, each an amount's hedge and a class's bound of its own. */
export const NEGATED_COMPARISONS = ['no', 'not'].flatMap((not) =>
  ['more', 'fewer', 'less'].map((than) => `${not} ${than} than`),
);

/**
 * "More than 2,000", "at least 12": the hedges that compare, each a class's bound too after "with" ("firms with fewer
 * than 50 staff").
 */
export const COMPARATIVE_HEDGES = ['more than', 'less than', 'fewer than', 'at least', 'at most'];

/**
 * Words that qualify an amount before it ("some 40", "more than 2,000", "up to $5"), each as its words, longest first
 * so that "more than" wins over "more": the figure grammar keeps them as a figure's hedge, and a hedged number is a
 * count however much it looks like a year ("about 1500"). A comparison negated ("no more than $16,000", "not fewer
 * than 12") is the opposite bound, so it is a hedge whole, never "more than" with a stray "no" before it.
 */
export const AMOUNT_HEDGES: string[][] = [
  ...NEGATED_COMPARISONS,
  'something around',
  'something like',
  'an estimated',
  'an average of',
  'upwards of',
  'upward of',
  'in excess of',
  'as many as',
  'as much as',
  'as few as',
  ...COMPARATIVE_HEDGES,
  'up to',
  'close to',
  'just over',
  'just under',
  'well over',
  'a mere',
  'nearly',
  'almost',
  'about',
  'around',
  'roughly',
  'approximately',
  'some',
  'over',
  'under',
  'estimated',
  'only',
  'barely',
].map((h) => h.split(' '));

/**
 * Irregular plurals, read as their singular ("mice" as "mouse", "crises" as "crisis"), which the stemmer leaves
 * apart: a question about mice must find the passage on a mouse model. Only plurals that are no other common word
 * and no verb's form ("lives", "media", "data", "analyses", "halves" are left as they are).
 */
const PLURALS = pairs(
  `children:child men:man women:woman mice:mouse lice:louse geese:goose teeth:tooth feet:foot oxen:ox
  crises:crisis hypotheses:hypothesis theses:thesis prognoses:prognosis
  syntheses:synthesis emphases:emphasis parentheses:parenthesis metastases:metastasis
  nuclei:nucleus stimuli:stimulus fungi:fungus bacilli:bacillus loci:locus foci:focus radii:radius alumni:alumnus
  bacteria:bacterium criteria:criterion phenomena:phenomenon strata:stratum curricula:curriculum spectra:spectrum
  vertebrae:vertebra larvae:larva formulae:formula antennae:antenna algae:alga
  indices:index matrices:matrix appendices:appendix vertices:vertex cortices:cortex
  wives:wife knives:knife wolves:wolf selves:self thieves:thief
  buses:bus gases:gas`,
);

/** Plurals that do not end in "s": "people", "staff" and the irregular ones ("children", "women"). */
export const PLURALS_WITHOUT_S: ReadonlySet<string> = new Set([
  ...Object.keys(PLURALS).filter((form) => !form.endsWith('s')),
  'people',
  'staff',
  'personnel',
]);

/** The irregular forms the analyser reads as their base form, past forms and plurals alike. */
export const IRREGULAR_FORMS: Readonly<Record<string, string>> = table({ ...PAST_FORMS, ...PLURALS });

/**
 * Common English prefixes, each making a word of another ("underpaid" of "paid", "microinvasive" of "invasive"). A word
 * the corpus lacks, and the dictionary too, may be one of the corpus's own words so made: the asker's "underpaid" is
 * about the pay the text speaks of. A word the dictionary knows is a word of its own ("research" is no "search",
 * "deliver" no "liver"), and a rest under four letters too easily another word ("repay" is not about a "pay").
 */
const PREFIXED =
  /^(?:under|over|counter|anti|inter|micro|macro|multi|super|semi|post|pre|non|mis|dis|sub|re|un|co|de)(\p{L}{4,})$/u;

/** The word a prefixed word is made of ("underpaid" → "paid"), if it starts with a common prefix. */
export const withoutPrefix = (word: string): string | undefined => PREFIXED.exec(word)?.[1];

/** Roots of medicine and science that British English writes with "ae" or "oe": "haemorrhage", "oestrogen". */
const CLASSICAL_ROOTS = [
  ['haem', 'hem'],
  ['anaem', 'anem'],
  ['paed', 'ped'],
  ['archaeo', 'archeo'],
  ['oestr', 'estr'],
  ['oesoph', 'esoph'],
  ['oedem', 'edem'],
  ['foet', 'fet'],
  ['coeli', 'celi'],
  ['amoeb', 'ameb'],
  ['manoeuv', 'maneuv'],
  ['diarrhoe', 'diarrhe'],
];

/**
 * British and American spellings of one word, as [British form, American, American form, British]: a question in one
 * spelling finds a corpus written in the other. A variant counts only if the corpus holds it, but a rule must still
 * not make another real word of a word: "our" needs two letters before it ("colour", not "mourning" or "fourth"), and
 * a doubled "l" a syllable before it ("travelled"; "filled" is American too).
 */
const SPELLINGS: [RegExp, string, RegExp, string][] = [
  [/isation/, 'ization', /ization/, 'isation'],
  [/is(e|es|ed|ing|er|ers)$/, 'iz$1', /iz(e|es|ed|ing|er|ers)$/, 'is$1'],
  [/ys(e|es|ed|ing)$/, 'yz$1', /yz(e|es|ed|ing)$/, 'ys$1'],
  [/^(\p{L}{2,})our/u, '$1or', /^(\p{L}+[^aeiou])or/u, '$1our'],
  [/([^aeiou])re(s)?$/, '$1er$2', /([^aeiou])er(s)?$/, '$1re$2'],
  [/([^aeiou])red$/, '$1ered', /([^aeiou])ered$/, '$1red'],
  [/([^aeiou])ring$/, '$1ering', /([^aeiou])ering$/, '$1ring'],
  [/ence(s)?$/, 'ense$1', /ense(s)?$/, 'ence$1'],
  [/ogue(s)?$/, 'og$1', /og(s)?$/, 'ogue$1'],
  [/amme(s)?$/, 'am$1', /am(s)?$/, 'amme$1'],
  [
    /^(\p{L}*[aeiou]\p{L}*[aeiou])ll(ed|ing|er|ers|or|ors)$/u,
    '$1l$2',
    /^(\p{L}*[aeiou]\p{L}*[aeiou])l(ed|ing|er|ers|or|ors)$/u,
    '$1ll$2',
  ],
  ...CLASSICAL_ROOTS.map(
    ([british, american]) =>
      [new RegExp(`^${british}`), american, new RegExp(`^${american}`), british] as [RegExp, string, RegExp, string],
  ),
];

/** The word in the other spelling, British for American and the other way round ("defence" → "defense"). */
export function otherSpellings(word: string): string[] {
  const out = new Set<string>();
  for (const [british, american, americanForm, britishForm] of SPELLINGS) {
    if (british.test(word)) out.add(word.replace(british, american));
    if (americanForm.test(word)) out.add(word.replace(americanForm, britishForm));
  }
  out.delete(word);
  return [...out];
}
