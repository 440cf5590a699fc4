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

/**
 * Daily slots across daylight-saving changes, in 2026: what each case shows, the zone and local time, the range
 * (UTC, month-day and time) and the slots in it.
 */
const ACROSS_CHANGES: [what: string, zone: string, time: string, range: [string, string], slots: string[]][] = [
  [
    '08:00 moves from 13:00Z to 12:00Z at spring-forward (8 March)',
    'America/New_York',
    '08:00',
    ['03-06T00:00', '03-10T00:00'],
    ['03-06T13:00', '03-07T13:00', '03-08T12:00', '03-09T12:00'],
  ],
  [
    '08:00 moves back to 13:00Z at fall-back (1 November)',
    'America/New_York',
    '08:00',
    ['10-31T00:00', '11-02T00:00'],
    ['10-31T12:00', '11-01T13:00'],
  ],
  [
    'a time skipped by spring-forward is sent just after the gap, once (03:30 EDT on 8 March)',
    'America/New_York',
    '02:30',
    ['03-07T00:00', '03-09T12:00'],
    ['03-07T07:30', '03-08T07:30', '03-09T06:30'],
  ],
  [
    'a time that occurs twice at fall-back is sent at its first occurrence only (01:30 EDT, not EST, on 1 November)',
    'America/New_York',
    '01:30',
    ['10-31T00:00', '11-02T12:00'],
    ['10-31T05:30', '11-01T05:30', '11-02T06:30'],
  ],
  [
    '08:00 is 08:00Z before 29 March and 07:00Z after',
    'Europe/London',
    '08:00',
    ['03-28T00:00', '03-30T23:00'],
    ['03-28T08:00', '03-29T07:00', '03-30T07:00'],
  ],
  [
    '08:00 is back at 08:00Z from 25 October',
    'Europe/London',
    '08:00',
    ['10-24T00:00', '10-26T23:00'],
    ['10-24T07:00', '10-25T08:00', '10-26T08:00'],
  ],
  [
    'spring-forward on 4 October skips 02:30 (03:30 AEDT that day)',
    'Australia/Sydney',
    '02:30',
    ['10-02T00:00', '10-05T12:00'],
    ['10-02T16:30', '10-03T16:30', '10-04T15:30'],
  ],
  [
    'fall-back on 5 April: 4 April AEDT, then 5 and 6 April AEST',
    'Australia/Sydney',
    '08:00',
    ['04-03T00:00', '04-06T00:00'],
    ['04-03T21:00', '04-04T22:00', '04-05T22:00'],
  ],
];
const in2026 = (at: string) => `2026-${at}Z`;

describe('slots across daylight-saving changes', () => {
  it.each(ACROSS_CHANGES)('%s (%s)', (_what, zone, time, [from, to], slots) => {
    expect(between(daily(time, zone), in2026(from), in2026(to))).toEqual(
      slots.map((slot) => new Date(in2026(slot)).toISOString()),
    );
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
