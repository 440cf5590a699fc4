import type { Sentence } from './types.js';
import { tokenOffsets, wink } from './wink.js';

/**
 * A split wink-nlp makes inside a sentence: the next part starts in lower case ("career ambassador
 * (ret.) | from the U.S."), an abbreviation was cut after a hyphen ("Canada-U. | S. talks"), or a dot joins two digits
 * with nothing between, as in a version, whose every dot wink ends a sentence at ("v4. | 2. | 0 shipped"). A number
 * glued after a word's full stop is a note's ("the disease.3 Trials"), and starts the sentence it seems to.
 */
function isFalseBreak(before: string, after: string, glued: boolean): boolean {
  return (
    (glued && before.endsWith('.') && joinsDigits(before.slice(0, -1), after)) ||
    /^\p{Ll}/u.test(after) ||
    (/\b\p{Lu}\.$/u.test(before) && /^\p{Lu}\.(?:\s|$)/u.test(after))
  );
}

/**
 * Splits a paragraph into sentences with wink-nlp, which knows that "U.S. Congress", "Dec. 12" and
 * "Mr. Holt" do not end a sentence, mending the few splits it gets wrong (isFalseBreak). Each
 * sentence is a slice of `text` at its own offset.
 */
export function splitSentences(text: string): Sentence[] {
  const nlp = wink('sentences');
  const doc = nlp.readDoc(text);
  const { starts, ends } = tokenOffsets(text, doc.tokens().out() as string[]);
  const spans = doc.sentences().out(nlp.its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  for (const [first, last] of spans) {
    const start = starts[first]!;
    const sentence = text.slice(start, ends[last]);
    const previous = sentences.at(-1);
    const glued = !!previous && start === previous.start + previous.text.length;
    if (previous && isFalseBreak(previous.text, sentence, glued))
      previous.text = text.slice(previous.start, ends[last]);
    else if (sentence) sentences.push({ text: sentence, start });
  }
  return sentences.flatMap(splitAfterUnit);
}

/**
 * wink reads a title's abbreviation ("Ms.", "Dr.") as going on to a name, so "The median was 95 ms. We shipped 212
 * builds." is one sentence to it. Written in lower case after a number, the word is a unit, and a capital after its
 * full stop starts the next sentence (the same rule as `tokenSentences`).
 */
function splitAfterUnit(sentence: Sentence): Sentence[] {
  const parts: Sentence[] = [];
  let from = 0;
  for (const stop of sentence.text.matchAll(/(?<=\d\s+)(\S+)(?=\s+\p{Lu})/gu)) {
    if (!isUnitStop(stop[1]!)) continue;
    const cut = stop.index + stop[0].length;
    parts.push({ text: sentence.text.slice(from, cut), start: sentence.start + from });
    from = cut + /^\s*/u.exec(sentence.text.slice(cut))![0].length;
  }
  parts.push({ text: sentence.text.slice(from), start: sentence.start + from });
  return parts;
}

/**
 * Whether a word after a number, before a capital, is a unit ending its sentence (`splitAfterUnit`): a lower-case word
 * with a full stop ("ms.", "d."), or a unit divided by another ("Ml/d.", "mg/L.", "km/h."), whose letters a symbol may
 * write in capitals. "vs." joins two things ("0.2 vs. R = 0.9") and is none.
 */
export function isUnitStop(word: string): boolean {
  return (/^\p{Ll}+\.$/u.test(word) || /^\p{L}+\/\p{L}+\.$/u.test(word)) && word !== 'vs.';
}

/**
 * Whether a full stop with `before` just before it and `after` just after it stands between two digits: a version's
 * dot ("v4" . "2.0 shipped"), which ends no sentence. Each caller finds the full stop and says that nothing else
 * stands between: `isFalseBreak` at the end of a sentence's text, `tokenSentences` as a token of its own.
 */
export function joinsDigits(before: string, after: string): boolean {
  return /\d$/.test(before) && /^\d/.test(after);
}
