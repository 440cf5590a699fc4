import { describe, expect, it } from 'vitest';
import { plainLogDestination } from '../../../adapters/terminal/log.js';
import { createLogger } from '../../../src/log.js';

describe('plainLogDestination', () => {
  it('shows a log line as one plain sentence, without JSON or secrets', () => {
    const shown: string[] = [];
    const log = createLogger('warn', plainLogDestination({ write: (text: string) => shown.push(text) }));
    log.info('not shown at warn');
    log.warn({ source: 'broken.pdf', token: 'xoxb-secret' }, 'broken.pdf could not be loaded (not a PDF)');
    expect(shown).toEqual(['dossier: broken.pdf could not be loaded (not a PDF)\n']);
  });
});
