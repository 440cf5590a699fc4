import { describe, expect, it } from 'vitest';
import {
  cronExpression,
  isValidTimeZone,
  nextSlot,
  parseDays,
  parseTime,
  previousSlot,
  slotsBetween,
  WEEKDAYS,
  type DigestSchedule,
} from '../src/schedule.js';

const daily = (time: string, timeZone: string): DigestSchedule => ({ time, days: [0, 1, 2, 3, 4, 5, 6], timeZone });
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const between = (s: DigestSchedule, from: string, to: string) => iso(slotsBetween(s, new Date(from), new Date(to)));

describe('slots across daylight-saving changes', () => {
  it('America/New_York: 08:00 moves from 13:00Z to 12:00Z at spring-forward (8 March 2026)', () => {
    expect(between(daily('08:00', 'America/New_York'), '2026-03-06T00:00Z', '2026-03-10T00:00Z')).toEqual([
      '2026-03-06T13:00:00.000Z',
      '2026-03-07T13:00:00.000Z',
      '2026-03-08T12:00:00.000Z',
      '2026-03-09T12:00:00.000Z',
    ]);
  });

  it('America/New_York: 08:00 moves back to 13:00Z at fall-back (1 November 2026)', () => {
    expect(between(daily('08:00', 'America/New_York'), '2026-10-31T00:00Z', '2026-11-02T00:00Z')).toEqual([
      '2026-10-31T12:00:00.000Z',
      '2026-11-01T13:00:00.000Z',
    ]);
  });

  it('America/New_York: a time skipped by spring-forward is sent just after the gap, once', () => {
    expect(between(daily('02:30', 'America/New_York'), '2026-03-07T00:00Z', '2026-03-09T12:00Z')).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z', // 03:30 EDT: 02:30 does not exist that day
      '2026-03-09T06:30:00.000Z',
    ]);
  });

  it('America/New_York: a time that occurs twice at fall-back is sent at its first occurrence only', () => {
    expect(between(daily('01:30', 'America/New_York'), '2026-10-31T00:00Z', '2026-11-02T12:00Z')).toEqual([
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z', // 01:30 EDT, not 01:30 EST an hour later
      '2026-11-02T06:30:00.000Z',
    ]);
  });

  it('Europe/London: 08:00 is 08:00Z before 29 March 2026 and 07:00Z after; back on 25 October', () => {
    const s = daily('08:00', 'Europe/London');
    expect(between(s, '2026-03-28T00:00Z', '2026-03-30T23:00Z')).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(between(s, '2026-10-24T00:00Z', '2026-10-26T23:00Z')).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  it('Australia/Sydney: spring-forward on 4 October 2026 and fall-back on 5 April 2026', () => {
    expect(between(daily('02:30', 'Australia/Sydney'), '2026-10-02T00:00Z', '2026-10-05T12:00Z')).toEqual([
      '2026-10-02T16:30:00.000Z',
      '2026-10-03T16:30:00.000Z', // 03:30 AEDT on 4 October: 02:30 is skipped
      '2026-10-04T15:30:00.000Z',
    ]);
    expect(between(daily('08:00', 'Australia/Sydney'), '2026-04-03T00:00Z', '2026-04-06T00:00Z')).toEqual([
      '2026-04-03T21:00:00.000Z',
      '2026-04-04T22:00:00.000Z',
      '2026-04-05T22:00:00.000Z',
    ]); // 4 April AEDT, then 5 and 6 April AEST
  });

  it('an empty or backwards range has no slots', () => {
    expect(between(daily('08:00', 'Europe/London'), '2026-03-10T00:00Z', '2026-03-01T00:00Z')).toEqual([]);
  });

  it('weekdays only: Friday’s next slot is Monday', () => {
    const s: DigestSchedule = { time: '08:00', days: WEEKDAYS, timeZone: 'Europe/London' };
    expect(nextSlot(s, new Date('2026-03-27T09:00Z'))?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(previousSlot(s, new Date('2026-03-29T12:00Z'))?.toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(previousSlot(s, new Date('2026-03-30T07:00Z'))?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
});

describe('parsing schedules', () => {
  it('accepts HH:MM and rejects anything else', () => {
    expect(parseTime('08:00')).toEqual([8, 0]);
    expect(parseTime('7:05')).toEqual([7, 5]);
    for (const bad of ['25:00', '08:60', '8am', '', '0800']) expect(parseTime(bad)).toBeUndefined();
  });

  it('reads day specs', () => {
    expect(parseDays('weekdays')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(parseDays('fri-mon')).toEqual([0, 1, 5, 6]);
    expect(parseDays('daily')).toHaveLength(7);
    expect(parseDays('someday')).toBeUndefined();
    expect(parseDays('monitoring')).toBeUndefined();
  });

  it('validates IANA time zones', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('builds the node-cron expression for the local time', () => {
    expect(cronExpression({ time: '07:30', days: [1, 3, 5], timeZone: 'UTC' })).toBe('30 7 * * 1,3,5');
  });
});
