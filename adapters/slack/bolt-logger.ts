import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/log.js';

/** Bolt's logger interface over ours, so Bolt and its Web API client log as one app. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  // Bolt's lines are free text, out of reach of pino's field redaction: tokens are masked here.
  const line = (msg: unknown[]) =>
    msg
      .map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m)))
      .join(' ')
      .replace(/\b(xox[a-z]|xapp)-[\w-]+/g, '[secret]');
  const levels: Record<string, LogLevel> = {
    trace: LogLevel.DEBUG,
    debug: LogLevel.DEBUG,
    info: LogLevel.INFO,
    warn: LogLevel.WARN,
  };
  return {
    debug: (...msg) => child.debug(line(msg)),
    info: (...msg) => child.info(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    error: (...msg) => child.error(line(msg)),
    // Our logger's level governs; Bolt's requests to change it are ignored.
    setLevel: () => {},
    getLevel: () => levels[log.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}
