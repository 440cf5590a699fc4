import { NOW_ADVERBS } from '../corpus/dates.js';

/**
 * Chat's contractions without apostrophes and its filler, stop words often typed in capitals ("OK", "FYI") that are
 * never an acronym (see the analyser's `ACRONYM`).
 */
export const CHAT_WORDS = new Set(
  `whats whens hows wheres whos isnt arent wasnt werent dont doesnt didnt cant couldnt wont wouldnt shouldnt hasnt
havent hadnt im ive youre theyre thats theres lets
ok okay hey hi hello pls plz please thanks thx thank lol tbh btw fyi imo idk um uh yeah yep gonna wanna gotta
kinda sorta re`.split(/\s+/),
);

/**
 * Words too common to tell passages apart, plus question words: a question's "how much" or "what
 * did" says what kind of answer is wanted (see the query's intent), not which passage holds it. "vs" and "versus"
 * are prepositions, as "between" and "against" are, and so is "besides"; "apart" is a particle, as "off", "out" and
 * "over" are ("apart from the aid", "tear apart"): a small corpus says them once or twice, and kept, each weighed as
 * one of its rarest words, a question's heaviest beside its subject's.
 * Chat's contractions without apostrophes and its filler ("pls", "tbh") say nothing of the subject either, nor do
 * its spellings of stop words ("rn" for right now, "em" for them, "ur" for your) and the rest of English's
 * contractions of them ("how'd", "what'll", "could've"): kept, each would weigh as a word no passage holds, and "rn"
 * as a name (radon's symbol) at more than twice that, outweighing a question's subject. In capitals ("RN", "EM") they
 * stay acronyms.
 * "em" is also a printer's unit and half of "em dash", which it leaves unsearchable in small letters; it stays a stop
 * word since a question's "em" is chat's "them" far more often, and one on the dash or the unit keeps its other word
 * ("dash", "indent"). Dropping it moves nothing measured (every tuned set, figures set and fixture the same).
 * "Thing" and "things" stand for whatever the sentence is about, as "stuff" and "something" do ("the whole thing",
 * "how things were going"): they name nothing a passage could hold, and a small corpus says them once or twice, so
 * they would weigh as its rarest words. The adverbs naming now ("now", "currently": `NOW_ADVERBS`) say no subject
 * either, and come from the one list of words naming now.
 */
export const STOP_WORDS = new Set([
  ...`a about above after again against all am an and any are aren't as at be because been before being below
between both but by can cannot could couldn't did didn't do does doesn't doing don't down during each few for
from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd
she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's
with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
also just much many get got say said says tell told know like really actually so-called far yet still
us
anyone anybody anything someone somebody something stuff thing things
everyone everybody everything everywhere anywhere somewhere nobody nothing nowhere
whatever whoever whichever whenever wherever
rn em ur
how'd how'll how're what'd what'll what're what've where'd where'll where're who'd who'll who're who've why'd why're
when'd when'll it'd it'll that'd that'll there'd there'll there're could've should've would've might've must've
vs versus besides apart`.split(/\s+/),
  ...NOW_ADVERBS,
  ...CHAT_WORDS,
]);
