import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  cronExpression,
  describeDays,
  isValidTimeZone,
  nextSlot,
  parseDays,
  parseTime,
  previousSlot,
  slotsBetween,
  WEEKDAYS,
  type DigestSchedule,
} from '../src/schedule.js';
import { readTable } from './support/table.js';

const daily = (time: string, timeZone: string): DigestSchedule => ({ time, days: [0, 1, 2, 3, 4, 5, 6], timeZone });
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const between = (s: DigestSchedule, from: string, to: string) => iso(slotsBetween(s, new Date(from), new Date(to)));

/** A UTC month-day and time in 2026, as `in2026` completes it. */
const At = z.string().regex(/^\d\d-\d\dT\d\d:\d\d$/);
/** Daily slots across daylight-saving changes: what each case shows, the zone and local time, a range, its slots. */
const ACROSS_CHANGES = readTable(
  new URL('./fixtures/daylight-saving-slots.yaml', import.meta.url),
  z.strictObject({
    what: z.string().min(1),
    zone: z.string().regex(/^\w+\/\w+$/, 'an IANA time zone, Area/City'),
    time: z.string().regex(/^\d\d:\d\d$/, 'a local time, HH:MM'),
    range: z.tuple([At, At]),
    slots: z.array(At),
  }),
);
const in2026 = (at: string) => `2026-${at}Z`;

describe('slots across daylight-saving changes', () => {
  for (const { what, zone, time, range, slots } of ACROSS_CHANGES)
    it(`${what} (${zone})`, () => {
      expect(between(daily(time, zone), in2026(range[0]), in2026(range[1]))).toEqual(
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
  it.each<[typed: string, reads: [number, number]]>([
    ['08:00', [8, 0]],
    ['7:05', [7, 5]],
    ['7am', [7, 0]],
    ['7 am', [7, 0]],
    ['7AM', [7, 0]],
    ['7 a.m.', [7, 0]],
    ['07am', [7, 0]],
    ['12am', [0, 0]],
    ['12:15am', [0, 15]],
    ['12pm', [12, 0]],
    ['12:45 pm', [12, 45]],
    ['noon', [12, 0]],
    ['Noon', [12, 0]],
    ['12 noon', [12, 0]],
    ['12noon', [12, 0]],
    ['midnight', [0, 0]],
    ['12 midnight', [0, 0]],
    ['7:30 pm', [19, 30]],
    ['7.30pm', [19, 30]],
    ['11pm', [23, 0]],
    ['19h', [19, 0]],
    ['19h30', [19, 30]],
    ['0700', [7, 0]],
    ['1930', [19, 30]],
    ['0000', [0, 0]],
    ['7', [7, 0]],
    ['0', [0, 0]],
    ['23', [23, 0]],
  ])('reads the time %s as %j', (typed, reads) => {
    expect(parseTime(typed)).toEqual(reads);
  });

  it('refuses what is no time or could be more than one', () => {
    for (const bad of [
      '25:00',
      '08:60',
      '24',
      '2400',
      '0760',
      '730',
      '13pm',
      '0am',
      '00pm',
      '12:60pm',
      '730pm',
      '7 o’clock',
      '24h',
      '7:5',
      '19.30',
      'noonish',
      'afternoon',
      '11 noon',
      '12:00 noon',
      '12 noon pm',
      '0 midnight',
      '',
      '-1',
      '7 a m',
    ])
      expect(parseTime(bad), bad).toBeUndefined();
  });

  it('reads day specs', () => {
    expect(parseDays('weekdays')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(parseDays('fri-mon')).toEqual([0, 1, 5, 6]);
    expect(parseDays('daily')).toHaveLength(7);
    expect(parseDays('someday')).toBeUndefined();
    expect(parseDays('monitoring')).toBeUndefined();
  });

  it('reads each day whole, by its first three letters, or as tues, thur and thurs', () => {
    expect(parseDays('sunday,monday,tuesday,wednesday,thursday,friday,saturday')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(parseDays('sun,mon,tue,wed,thu,fri,sat')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(parseDays('tues,thur')).toEqual([2, 4]);
    expect(parseDays('thurs')).toEqual([4]);
    expect(describeDays([0, 2, 4])).toBe('sun,tue,thu');
  });

  it('validates IANA time zones', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('builds the node-cron expression for the local time', () => {
    expect(cronExpression({ time: '07:30', days: [1, 3, 5], timeZone: 'UTC' })).toBe('30 7 * * 1,3,5');
  });
});
