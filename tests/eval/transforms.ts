// The ways a person misremembers or retypes a quote, as deterministic edits, so a `cite` case can be stored as a
// reference to the seed text plus edits (the seed text itself may not be copied into the repo) and still read back
// as the same query on every run.
import { z } from 'zod';

const int = z.number().int().nonnegative();

/** One edit. Word numbers count from 0 in the text as it stands when the edit is applied (single spaces). */
export const Edit = z.union([
  /** A slip of the fingers in word k: its two middle letters swapped (one dropped when they are the same). */
  z.tuple([z.literal('typo'), int]),
  /** Word k remembered as another word; punctuation around it stays. */
  z.tuple([z.literal('swap'), int, z.string().regex(/^\S+$/)]),
  /** Word k forgotten. */
  z.tuple([z.literal('drop'), int]),
  /** A word remembered that is not there, put before word k (at the end when k is the word count). */
  z.tuple([z.literal('add'), int, z.string().regex(/^\S+$/)]),
  /** Two sentences run together: the stop after word k left out and the next word's capital lowered. */
  z.tuple([z.literal('join'), int]),
  /** Curly quotes and apostrophes typed straight. */
  z.tuple([z.literal('straight')]),
  /** Quotation marks left out (apostrophes inside words stay). */
  z.tuple([z.literal('unquote')]),
  /** British spelling: -ize → -ise, -or → -our, center, defense, program, percent → per cent, traveling. */
  z.tuple([z.literal('british')]),
  /** Accents left off (López → Lopez). */
  z.tuple([z.literal('accents')]),
  /** Whole numbers under 1,000 written in words ("10 to 20" → "ten to twenty"). */
  z.tuple([z.literal('numwords')]),
  /** Typed all in lower case. */
  z.tuple([z.literal('lower')]),
  /** Pasted into a chat message: `%s` in the template is the quote so far. */
  z.tuple([z.literal('wrap'), z.string().includes('%s')]),
]);
export type Edit = z.infer<typeof Edit>;

function wordAt(words: string[], k: number): string {
  const word = words[k];
  if (word === undefined) throw new Error(`there is no word ${k} in "${words.join(' ')}"`);
  return word;
}

/** Word k with its letters (and digits) edited and the punctuation around them kept. */
function editCore(words: string[], k: number, edit: (core: string) => string): string[] {
  // A number's inner comma or point ("70,000", "2.5") is part of it, so the whole number is one word to edit.
  const core = /[\p{L}\p{N}](?:[\p{L}\p{N}'’-]|[.,](?=\p{N}))*[\p{L}\p{N}]|[\p{L}\p{N}]/u.source;
  const m = new RegExp(`^(\\P{L}*?)(${core})(\\P{L}*)$`, 'u').exec(wordAt(words, k));
  if (!m) throw new Error(`word ${k} ("${words[k]}") has no letters to edit`);
  return words.map((w, i) => (i === k ? `${m[1]}${edit(m[2]!)}${m[3]}` : w));
}

function typo(core: string): string {
  if (core.length < 4) throw new Error(`"${core}" is too short for a believable typo`);
  const mid = core.length >> 1;
  const [a, b] = [core[mid - 1]!, core[mid]!];
  return a === b ? core.slice(0, mid) + core.slice(mid + 1) : core.slice(0, mid - 1) + b + a + core.slice(mid + 1);
}

const BRITISH: [RegExp, string][] = [
  // Three letters before -iz- keep "size" and "seize" out.
  [/\b(\p{L}{3,})iz(e|es|ed|ing|ation|ations)\b/gu, '$1is$2'],
  [/\b(neighb|fav|lab|behavi|hum|hon|col|harb|rum)or(s|ed|ing|able|ably|ite|ites)?\b/giu, '$1our$2'],
  [/\bcenter(s)?\b/giu, 'centre$1'],
  [/\bdefense\b/giu, 'defence'],
  [/\bprogram(s)?\b/giu, 'programme$1'],
  [/\bpercent\b/giu, 'per cent'],
  [/\btravel(ed|ing|er|ers)\b/giu, 'travell$1'],
];

const ONES = [
  ...'zero one two three four five six seven eight nine'.split(' '),
  ...'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' '),
];
const TENS = ',,twenty,thirty,forty,fifty,sixty,seventy,eighty,ninety'.split(',');

/** 0 ≤ n < 1000 in words, as people write them: "forty-three", "two hundred and five". */
export function numberInWords(n: number): string {
  if (n >= 100) {
    const rest = n % 100;
    return `${ONES[Math.floor(n / 100)]} hundred${rest ? ` and ${numberInWords(rest)}` : ''}`;
  }
  if (n < 20) return ONES[n]!;
  return `${TENS[Math.floor(n / 10)]}${n % 10 ? `-${ONES[n % 10]}` : ''}`;
}

function apply(text: string, edit: Edit): string {
  const words = text.split(' ');
  switch (edit[0]) {
    case 'typo':
      return editCore(words, edit[1], typo).join(' ');
    case 'swap':
      return editCore(words, edit[1], () => edit[2]).join(' ');
    case 'drop':
      wordAt(words, edit[1]);
      return words.filter((_, i) => i !== edit[1]).join(' ');
    case 'add':
      if (edit[1] > words.length) throw new Error(`there is no place ${edit[1]} in "${text}"`);
      return [...words.slice(0, edit[1]), edit[2], ...words.slice(edit[1])].join(' ');
    case 'join': {
      const stop = /[.!?;:]$/;
      if (!stop.test(wordAt(words, edit[1])) || edit[1] + 1 >= words.length)
        throw new Error(`word ${edit[1]} ("${words[edit[1]]}") ends no sentence within the quote`);
      return words
        .map((w, i) => (i === edit[1] ? w.replace(stop, '') : i === edit[1] + 1 ? w[0]!.toLowerCase() + w.slice(1) : w))
        .join(' ');
    }
    case 'straight':
      return text.replace(/[“”„]/g, '"').replace(/[‘’]/g, "'");
    case 'unquote':
      return text
        .replace(/["“”„]/g, '')
        .replace(/(?<!\p{L})['‘’]|['‘’](?!\p{L})/gu, '')
        .replace(/ {2,}/g, ' ')
        .trim();
    case 'british':
      return BRITISH.reduce((t, [from, to]) => t.replace(from, to), text);
    case 'accents':
      return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
    case 'numwords':
      // Not a digit of a longer number, a decimal, an amount of money or a thousands group.
      return text.replace(/(?<![\d.,$])\b\d{1,3}\b(?![.,]\d)/g, (n) => numberInWords(Number(n)));
    case 'lower':
      return text.toLowerCase();
    case 'wrap':
      return edit[1].replace('%s', text);
  }
}

/** The quote as typed after the edits, in order. An edit that changes nothing is a mistake in the case: it throws. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  return edits.reduce((t, edit) => {
    const next = apply(t, edit);
    if (next === t) throw new Error(`${JSON.stringify(edit)} changes nothing in "${t}"`);
    return next;
  }, text);
}
