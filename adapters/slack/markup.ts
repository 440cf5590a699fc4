import { collapseSpaces } from '../../src/engine/index.js';

/**
 * Slack sends message text with its own markup (`<@U1|ann>`, `<https://x|label>`, `&amp;`); the
 * core wants what the person saw.
 */
export function slackToPlain(text: string): string {
  return collapseSpaces(
    text
      .replace(/<([^<>]*)>/g, (_m, inner: string) => {
        const [target = '', label] = inner.split('|', 2);
        if (label !== undefined)
          return target.startsWith('@') || target.startsWith('!subteam')
            ? label.startsWith('@')
              ? label
              : `@${label}`
            : target.startsWith('#')
              ? `#${label}`
              : label;
        // A person by id alone: kept, for the command layer to name as Slack shows them (`withPeopleNamed`).
        if (target.startsWith('@')) return `<${target}>`;
        if (target.startsWith('!')) return `@${target.slice(1).split('^')[0]}`;
        return target;
      })
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}
