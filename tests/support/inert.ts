import { expect } from 'vitest';
import type { DiscordMessage } from '../../adapters/discord/render.js';
import { LIMITS as SLACK, type SlackMessage } from '../../adapters/slack/render.js';
import { expectWithinLimits } from '../adapters/discord/limits.js';

/**
 * Checks on rendered messages shared by the property-based tests: each platform's limits, and that
 * no mention, link or control sequence from a document or a user survives in a form the platform
 * acts on. What "inert" means is read off each renderer's escaping.
 */

/** Every string Block Kit would show, with the key it sits under. */
function slackStrings(
  node: unknown,
  out: { key: string; value: string }[] = [],
  key = '',
): { key: string; value: string }[] {
  if (Array.isArray(node)) for (const n of node) slackStrings(n, out, key);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) slackStrings(v, out, k);
  else if (typeof node === 'string') out.push({ key, value: node });
  return out;
}

/** The citation link the renderer itself writes: a plain web address and an escaped, quoted title. */
const SLACK_OWN_LINK = /<https?:\/\/[^\s<>|]+\|“[^<>]*”>/g;
const SLACK_MASS_MENTION = /@(here|channel|everyone)(?![\p{L}\p{N}_])/iu;

/** Slack: within Block Kit's limits, and every `<…>` control sequence or bare mass mention came from the renderer. */
export function expectInertSlack(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(SLACK.blocks);
  expect(JSON.stringify(message.blocks).length).toBeLessThanOrEqual(SLACK.blocksChars);
  expect(message.text.length).toBeLessThanOrEqual(SLACK.fallbackText);
  const texts = [{ key: 'text', value: message.text }, ...slackStrings(message.blocks)];
  for (const { key, value } of texts) {
    if (key === 'value') {
      expect(value.length).toBeLessThanOrEqual(SLACK.buttonValue);
      continue;
    }
    if (key !== 'text') continue;
    expect(value.length).toBeLessThanOrEqual(SLACK.sectionText);
    const input = value.replace(SLACK_OWN_LINK, 'LINK');
    expect(input, 'a < from input opens a Slack mention or link').not.toContain('<');
    expect(input, 'a bare mass mention').not.toMatch(SLACK_MASS_MENTION);
  }
}

/** The source link the renderer itself writes. */
const DISCORD_OWN_LINK = /\[link\]\(https?:\/\/[^\s()<>]+\)/g;

/** Whether the character at `i` is escaped by an odd run of backslashes before it. */
function escaped(s: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && s[i - n - 1] === '\\') n++;
  return n % 2 === 1;
}

/**
 * Discord shows inline code as it is, mentions and links included, so a code span holds nothing
 * live: each is replaced by CODE. A code span opens at a backtick not escaped, and ends at the next.
 */
function withoutCode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const close = text[i] === '`' && !escaped(text, i) ? text.indexOf('`', i + 1) : -1;
    if (close < 0) out += text[i];
    else [out, i] = [`${out}CODE`, close];
  }
  return out;
}

/**
 * Discord: within the embed limits, mentions disabled, and no `<…>` mention or `[…](…)` link from input left unescaped.
 */
export function expectInertDiscord(message: DiscordMessage): void {
  expectWithinLimits(message.embeds);
  expect(message.allowedMentions).toEqual({ parse: [] });
  const shown = message.embeds.flatMap((e) => [
    e.title,
    e.description,
    e.footer?.text,
    ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
  ]);
  for (const text of shown) {
    if (text === undefined) continue;
    const input = withoutCode(text.replace(DISCORD_OWN_LINK, 'LINK'));
    for (let i = 0; i < input.length; i++) {
      if (input[i] === '<' || input[i] === '[' || input[i] === ']')
        expect(
          escaped(input, i),
          `unescaped ${input[i]} at ${i} in ${JSON.stringify(input.slice(Math.max(0, i - 20), i + 20))}`,
        ).toBe(true);
    }
    expect(input, 'a live mass mention').not.toMatch(/@(everyone|here)/i);
  }
}

/** The SGR sequences the terminal renderer writes for bold and dim. */
// eslint-disable-next-line no-control-regex -- the renderer's own escape sequences
const OWN_SGR = /\x1b\[(1|2|22)m/g;
/** What the terminal must never receive from input: C0 controls but tab and line feed, DEL and C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Terminal: no control character (so no escape sequence) from input; only the renderer's own bold and dim. */
export function expectInertTerminal(output: string): void {
  expect(output.replace(OWN_SGR, ''), 'a control character from input').not.toMatch(TERMINAL_CONTROL);
}
