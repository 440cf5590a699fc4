import { describe, expect, it } from 'vitest';
import { createLogger, messageLogger, silentLogger, type LogLevel } from '../src/log.js';

describe('createLogger', () => {
  it('writes JSON lines at its level and above, with every field that could hold a secret censored', () => {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger('info', {
      write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>),
    });
    log.debug('below the level');
    log.info(
      {
        token: 't-1',
        slack: { botToken: 'b-2', team: 'T9' },
        headers: { authorization: 'Bearer z' },
      },
      'started',
    );
    log.child({ component: 'kiln' }).warn({ appToken: 'a-3' }, 'slow');
    expect(
      lines.map(({ msg, token, slack, headers, appToken, component, app }) => ({
        msg,
        token,
        slack,
        headers,
        appToken,
        component,
        app,
      })),
    ).toEqual([
      {
        msg: 'started',
        token: '[secret]',
        slack: { botToken: '[secret]', team: 'T9' },
        headers: { authorization: '[secret]' },
        appToken: undefined,
        component: undefined,
        app: 'dossier',
      },
      {
        msg: 'slow',
        token: undefined,
        slack: undefined,
        headers: undefined,
        appToken: '[secret]',
        component: 'kiln',
        app: 'dossier',
      },
    ]);
  });
});

describe('messageLogger', () => {
  it('passes only the message of each line at its level or above, fields left out, children alike', () => {
    const written: [LogLevel, string][] = [];
    const log = messageLogger('warn', (level, message) => written.push([level, message]));
    log.info('not at warn');
    log.warn({ token: 'never shown' }, 'kiln door open');
    log.child({ any: 'thing' }).fatal('kiln cracked');
    expect(written).toEqual([
      ['warn', 'kiln door open'],
      ['fatal', 'kiln cracked'],
    ]);
  });

  it('passes nothing when silent', () => {
    const written: string[] = [];
    const log = messageLogger('silent', (_, message) => written.push(message));
    log.fatal('not even this');
    expect(written).toEqual([]);
    expect(silentLogger().level).toBe('silent');
  });
});
