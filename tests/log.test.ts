import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

  it('censors the secrets it is given wherever they turn up: in a message, a field or an error', () => {
    const lines: string[] = [];
    const token = 'MTIzNDU2Nzg5.kiln-bot.Zm9yZ2V0LW1lLW5vdA';
    const log = createLogger('info', { write: (s: string) => void lines.push(s) }, [token, 'pa"ss\\word']);
    // As a platform's refusal may echo what it was sent: the log line is built from its text.
    const refusal = new Error(`401: Unauthorized (Bot ${token})`);
    log.error({ err: refusal, sent: { auth: `Bot ${token}` } }, `Discord answer failed: ${refusal.message}`);
    log.warn({ url: 'postgres://kiln:pa"ss\\word@db/dossier' }, 'database unreachable');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).not.toContain('ss\\\\word');
    }
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({
      msg: 'Discord answer failed: 401: Unauthorized (Bot [secret])',
      sent: { auth: 'Bot [secret]' },
      err: { message: '401: Unauthorized (Bot [secret])' },
    });
    expect(second).toMatchObject({ url: 'postgres://kiln:[secret]@db/dossier' });
  });

  it('writes its lines to stderr in order, the last before process.exit included, however busy the thread pool', () => {
    // A bot stopping logs 'stopping' and, moments later, 'stopped', then exits: both must be there, in that order.
    const script = `
      import { pbkdf2 } from 'node:crypto';
      import { createLogger } from ${JSON.stringify(fileURLToPath(new URL('../src/log.ts', import.meta.url)))};
      const log = createLogger('info');
      pbkdf2('busy', 'pool', 300000, 64, 'sha512', () => {});
      log.info('first');
      log.info('second');
      process.exit(0);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      // One pool thread, held by the hash: as on a loaded machine, nothing else gets onto the pool meanwhile.
      env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    const said = run.stderr
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(said).toEqual(['first', 'second']);
  }, 30_000);
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
