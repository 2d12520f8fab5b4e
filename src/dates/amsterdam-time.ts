/** Wall-clock time in Europe/Amsterdam, where the users and the EU office hours are; instants stay UTC `Date`s. */
export const TIME_ZONE = 'Europe/Amsterdam';

/** A calendar day in Amsterdam as `YYYY-MM-DD` (no time, no zone: safe to compare and to store). */
export type CalendarDay = string;

export interface WallTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The Amsterdam wall-clock reading of an instant. */
export function wallTimeOf(instant: Date): WallTime {
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(PARTS.formatToParts(instant).find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function wallAsUtcMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** Minutes Amsterdam is ahead of UTC at an instant (60 in winter, 120 in summer). */
export function offsetMinutesAt(instant: Date): number {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtcMs(wallTimeOf(new Date(ms))) - ms) / 60_000);
}

/** The instant an Amsterdam wall-clock reading stands for (the later one in the repeated autumn hour). */
export function instantOf(wall: WallTime): Date {
  const guess = wallAsUtcMs(wall);
  let instant = guess - offsetMinutesAt(new Date(guess)) * 60_000;
  // Near a DST change the offset at the first guess can be the other one; a second pass settles it.
  instant = guess - offsetMinutesAt(new Date(instant)) * 60_000;
  return new Date(instant);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function dayOfWall(wall: Pick<WallTime, 'year' | 'month' | 'day'>): CalendarDay {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The Amsterdam calendar day an instant falls on. */
export function dayOf(instant: Date): CalendarDay {
  return dayOfWall(wallTimeOf(instant));
}

function dayParts(day: CalendarDay): { year: number; month: number; day: number } {
  const [year, month, d] = day.split('-').map(Number);
  return { year, month, day: d };
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const { year, month, day: d } = dayParts(day);
  const date = new Date(Date.UTC(year, month - 1, d + days));
  return dayOfWall({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: CalendarDay): number {
  const { year, month, day: d } = dayParts(day);
  return new Date(Date.UTC(year, month - 1, d)).getUTCDay();
}

/** An Amsterdam day at a wall-clock time, as an instant. */
export function atTime(day: CalendarDay, hour: number, minute = 0): Date {
  return instantOf({ ...dayParts(day), hour, minute, second: 0 });
}
