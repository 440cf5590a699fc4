import { describe, expect, it } from 'vitest';
import { indexingNotice, terminalLogger } from '../../../adapters/terminal/log.js';

describe('terminalLogger', () => {
  it('shows a log line as one plain sentence, without fields or secrets', () => {
    const shown: string[] = [];
    const log = terminalLogger('info', { write: (text: string) => shown.push(text) });
    log.info('not shown at info, which shows warnings and worse');
    log.warn({ source: 'broken.pdf', token: 'xoxb-secret' }, 'broken.pdf could not be loaded (not a PDF)');
    log.child({ requestId: 'ab12' }).error('a child logs the same way');
    expect(shown).toEqual([
      'dossier: broken.pdf could not be loaded (not a PDF)\n',
      'dossier: a child logs the same way\n',
    ]);
  });

  it('shows everything at debug, and nothing when silent', () => {
    const shown: string[] = [];
    terminalLogger('debug', { write: (text: string) => shown.push(text) }).debug('reading the corpus');
    terminalLogger('silent', { write: (text: string) => shown.push(text) }).fatal({}, 'not shown');
    expect(shown).toEqual(['dossier: reading the corpus\n']);
  });
});

describe('indexingNotice', () => {
  it('says in one line that the corpus is being indexed, at info and chattier, and nothing at warn or quieter', () => {
    const shown: string[] = [];
    const out = { write: (text: string) => shown.push(text) };
    indexingNotice('info', './ferries', out)?.(true);
    expect(shown).toEqual([
      'dossier: Indexing the corpus in ./ferries; a large one takes a while. Later starts read the saved index.\n',
    ]);
    expect(indexingNotice('warn', './ferries', out)).toBeUndefined();
    expect(indexingNotice('silent', './ferries', out)).toBeUndefined();
  });

  it('promises no quicker next start when nothing is saved (no usable cache folder)', () => {
    const shown: string[] = [];
    indexingNotice('info', './ferries', { write: (text: string) => shown.push(text) })?.(false);
    expect(shown).toEqual(['dossier: Indexing the corpus in ./ferries; a large one takes a while.\n']);
  });
});
