import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../../adapters/slack/bolt-logger.js';
import { messageLogger } from '../../../src/log.js';
import { capturingLogger } from '../../support/log.js';

describe('boltLogger', () => {
  it("writes Bolt's lines through ours as one message, tokens hidden, errors as their message", () => {
    const { log, lines } = capturingLogger();
    const bolt = boltLogger(log);
    bolt.warn('socket closed for', { app: 'A1' }, new Error('pong not received'));
    bolt.error('auth failed with xoxb-1111-2222-abcd and xapp-1-A0-zz');
    expect(lines.map((l) => [l.level, l.msg, l.component])).toEqual([
      [40, 'socket closed for {"app":"A1"} pong not received', 'bolt'],
      [50, 'auth failed with [secret] and [secret]', 'bolt'],
    ]);
  });

  it('tells Bolt our level, so it does not build lines that would be dropped; error for levels it has not', () => {
    const level = (at: Parameters<typeof messageLogger>[0]) => boltLogger(messageLogger(at, () => {})).getLevel();
    expect(level('trace')).toBe(LogLevel.DEBUG);
    expect(level('info')).toBe(LogLevel.INFO);
    expect(level('warn')).toBe(LogLevel.WARN);
    expect(level('fatal')).toBe(LogLevel.ERROR);
  });
});
