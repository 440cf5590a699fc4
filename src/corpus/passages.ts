import type { Block } from './block.js';
import { splitSentences } from './sentences.js';
import type { Passage } from './types.js';

/** A paragraph that announces a list ends with a colon, perhaps inside closing quotes. */
const LEAD_IN = /:["'”’)]*$/;

/**
 * One passage per paragraph or list item, numbered 1.. in order through the whole document (a heading does not
 * restart the count); headings are not passages but label the passages under them. A list item carries the sentence
 * that introduced its list as `context`, so "Sustaining rule of law;" still says what it is one of. A lead-in followed
 * at once by a heading introduces the headed lists after it ("Highlights include:" / "Pillar I" / items /
 * "Pillar II" / items), until the next paragraph; otherwise its list ends at the next heading. A table's caption
 * (`Block.introduces`) introduces its rows as such a lead-in does.
 */
export function toPassages(source: string, blocks: Block[]): Passage[] {
  const passages: Passage[] = [];
  let heading: string | undefined;
  let leadIn: string | undefined;
  let leadInOverSections = false;
  for (const [i, block] of blocks.entries()) {
    if (block.kind === 'heading') {
      if (blocks[i - 1]?.kind === 'paragraph' && leadIn !== undefined) leadInOverSections = true;
      else if (!leadInOverSections) leadIn = undefined;
      heading = block.text;
      continue;
    }
    const paragraph = passages.length + 1;
    const sentences = splitSentences(block.text);
    const passage: Passage = { id: `${source}#${paragraph}`, source, paragraph, text: block.text, sentences };
    if (heading !== undefined) passage.heading = heading;
    if (block.kind === 'item' && leadIn !== undefined) passage.context = leadIn;
    else if (block.kind === 'paragraph') {
      leadIn = block.introduces || LEAD_IN.test(block.text) ? (sentences.at(-1)?.text ?? block.text) : undefined;
      leadInOverSections = false;
    }
    passages.push(passage);
  }
  return passages;
}
