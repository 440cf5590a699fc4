/**
 * When a digest is due: pure functions from a schedule (HH:MM on some weekdays in an IANA time
 * zone) to UTC instants. Offsets come from Intl.DateTimeFormat, so daylight-saving changes are
 * whatever the platform's time-zone database says they are. Part of the shared base, since the
 * configuration (TZ_DEFAULT), the `digest` command and the digest's scheduler all read schedules.
 */

/** A daily time on some weekdays, in one time zone. */
export interface DigestSchedule {
  /** Local wall-clock time, `HH:MM` (24-hour). */
  time: string;
  /** Weekdays the digest is sent, 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** IANA time zone name, e.g. `Europe/London`. */
  timeZone: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5];
/**
 * The one table of weekday names, Sunday first as `Date.getUTCDay` counts: the days chat lists for a digest and the
 * day a document's dateline may open with ("Monday, 3 May 2021") are read from it.
 */
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** A day as `describeDays` writes it: its first three letters. */
const DAY_NAMES = WEEKDAY_NAMES.map((name) => name.slice(0, 3));

/** A day's milliseconds, the one count of them: UTC's days, which daylight saving does not change. */
export const DAY_MS = 86_400_000;
/** Slots are daily, so one week back or forward always holds the previous or next one. */
const SEARCH_DAYS = 8;

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A 12-hour time: `7am`, `7 pm`, `7:30pm`, `12 a.m.`; the hour 1–12, minutes after `:` or `.`. */
const TWELVE_HOUR = /^(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))? ?([ap])\.?m\.?$/i;
/** A time by name, perhaps after its hour as on a clock face: `noon`, `12 noon`, `midnight`, `12midnight`. */
const NAMED_TIME = /^(?:12 ?)?(noon|midnight)$/i;
/** A 24-hour time: `07:30`, `7:30`, `19h`, `19h30`, `0730`, or an hour alone (`7`, `19`). */
const TWENTY_FOUR_HOUR = [
  /^([01]?\d|2[0-3]):([0-5]\d)$/,
  /^([01]?\d|2[0-3])h([0-5]\d)?$/i,
  /^([01]\d|2[0-3])([0-5]\d)$/,
  /^([01]?\d|2[0-3])$/,
];

/**
 * A local time as people type it → [hour, minute], or undefined for anything else (`25:00`, `13pm`, `0am`, `730`).
 * The one parser of times: the `digest` command's schema and the service both read times with it, so every surface
 * takes the same forms. Each form means one time: 12am and midnight are 00:00, 12pm and noon 12:00, as on any clock;
 * three digits (`730`) or minutes without a separator after am/pm are refused rather than guessed.
 */
export function parseTime(time: string): [number, number] | undefined {
  const typed = time.trim();
  const named = NAMED_TIME.exec(typed);
  if (named) return [named[1]!.toLowerCase() === 'noon' ? 12 : 0, 0];
  const twelve = TWELVE_HOUR.exec(typed);
  if (twelve) {
    const hour = (Number(twelve[1]) % 12) + (twelve[3]!.toLowerCase() === 'p' ? 12 : 0);
    return [hour, Number(twelve[2] ?? 0)];
  }
  for (const form of TWENTY_FOUR_HOUR) {
    const m = form.exec(typed);
    if (m) return [Number(m[1]), Number(m[2] ?? 0)];
  }
  return undefined;
}

/** A day's number from its name as chat types it: whole, its first three letters, or a longer common abbreviation. */
const DAY_WORDS: Record<string, number> = {
  ...Object.fromEntries(WEEKDAY_NAMES.flatMap((name, day) => [name, name.slice(0, 3)].map((word) => [word, day]))),
  tues: 2,
  thur: 4,
  thurs: 4,
};

/**
 * Day specs as typed in chat: `weekdays`, `weekends`, `daily`, `mon-fri`, `mon,wed,fri`.
 * Returns sorted weekday numbers, or undefined when the spec is not understood.
 */
export function parseDays(spec: string): number[] | undefined {
  const s = spec.trim().toLowerCase();
  if (s === 'weekdays') return WEEKDAYS;
  if (s === 'weekends') return [0, 6];
  if (s === 'daily' || s === 'everyday') return [0, 1, 2, 3, 4, 5, 6];
  const days = new Set<number>();
  for (const part of s.split(',')) {
    const [first, last = first, extra] = part.trim().split('-');
    const from = DAY_WORDS[first ?? ''];
    const to = DAY_WORDS[last ?? ''];
    if (from === undefined || to === undefined || extra !== undefined) return undefined;
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

export function describeDays(days: number[]): string {
  const key = days.join(',');
  if (key === WEEKDAYS.join(',')) return 'weekdays';
  if (key === '0,6') return 'weekends';
  if (days.length === 7) return 'daily';
  return days.map((d) => DAY_NAMES[d]).join(',');
}

/** The node-cron expression that fires at the schedule's local time (in its time zone). */
export function cronExpression({ time, days }: DigestSchedule): string {
  const [hour, minute] = parseTime(time) ?? [0, 0];
  return `${minute} ${hour} * * ${days.join(',')}`;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading in `timeZone` at `instant`, as if it were UTC (ms). */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** How far `timeZone` is ahead of UTC at `instant`, in ms. */
function utcOffset(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClock(whole, timeZone) - whole;
}

function localDate(instant: number, timeZone: string): LocalDate {
  const wall = new Date(wallClock(instant, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

function addDays({ year, month, day }: LocalDate, n: number): LocalDate {
  const d = new Date(Date.UTC(year, month - 1, day + n));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const dayNumber = ({ year, month, day }: LocalDate) => Date.UTC(year, month - 1, day) / DAY_MS;

const weekday = ({ year, month, day }: LocalDate) => new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/**
 * The instant a local date and time occur in `timeZone`. A time skipped by a spring-forward
 * change is moved forward by the gap (02:30 → 03:30), and a time that occurs twice at a fall-back
 * change is the first occurrence: the same rule as Temporal's `compatible` disambiguation.
 */
function zonedInstant(date: LocalDate, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const before = wall - utcOffset(wall - DAY_MS, timeZone);
  const after = wall - utcOffset(wall + DAY_MS, timeZone);
  const valid = [before, after].filter((t) => wallClock(t, timeZone) === wall);
  return valid.length ? Math.min(...valid) : before;
}

function slotOn(schedule: DigestSchedule, date: LocalDate): number | undefined {
  if (!schedule.days.includes(weekday(date))) return undefined;
  const [hour, minute] = parseTime(schedule.time) ?? [0, 0];
  return zonedInstant(date, hour, minute, schedule.timeZone);
}

/** Every slot in (from, to], oldest first. */
export function slotsBetween(schedule: DigestSchedule, from: Date, to: Date): Date[] {
  const slots: Date[] = [];
  const last = dayNumber(localDate(to.getTime(), schedule.timeZone));
  for (
    let date = addDays(localDate(from.getTime(), schedule.timeZone), -1);
    dayNumber(date) <= last;
    date = addDays(date, 1)
  ) {
    const slot = slotOn(schedule, date);
    if (slot !== undefined && slot > from.getTime() && slot <= to.getTime()) slots.push(new Date(slot));
  }
  return slots;
}

/** The latest slot at or before `now`. */
export function previousSlot(schedule: DigestSchedule, now: Date): Date | undefined {
  return slotsBetween(schedule, new Date(now.getTime() - SEARCH_DAYS * DAY_MS), now).at(-1);
}

/** The first slot strictly after `now`. */
export function nextSlot(schedule: DigestSchedule, now: Date): Date | undefined {
  return slotsBetween(schedule, now, new Date(now.getTime() + SEARCH_DAYS * DAY_MS))[0];
}
