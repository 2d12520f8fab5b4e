import * as chrono from 'chrono-node';
import type { Lang } from '../content/types';
import { atTime, dayOf, dayOfWall, instantOf, offsetMinutesAt } from './amsterdam-time';
import { DUTCH_EXTRA_PARSERS } from './dutch-extras';
import { FUTURE_TOLERANCE_MS, type Moment } from './moment';

const DAY_MS = 24 * 3600_000;

function dutchParser(): chrono.Chrono {
  const parser = chrono.nl.casual.clone();
  parser.parsers.push(...DUTCH_EXTRA_PARSERS);
  return parser;
}

const PARSERS: Record<Lang, chrono.Chrono> = { nl: dutchParser(), en: chrono.en.casual };

/** Hours 1–7 without "am/pm" or "'s ochtends" are afternoon hours at work ("om 2 uur" is 14:00). */
function officeHour(hour: number, component: chrono.ParsedComponents): number {
  return !component.isCertain('meridiem') && hour >= 1 && hour <= 7 ? hour + 12 : hour;
}

/** Moves a reading that lies in the future into the past: users tell us what already happened. */
function intoThePast(moment: Moment, component: chrono.ParsedComponents, now: Date): Moment {
  const ahead = moment.date.getTime() - now.getTime();
  if (ahead <= FUTURE_TOLERANCE_MS) return moment;
  if (!component.isCertain('day') && component.isCertain('weekday')) return { ...moment, date: new Date(moment.date.getTime() - 7 * DAY_MS) };
  if (!component.isCertain('day') && moment.hasTime && ahead < DAY_MS) return { ...moment, date: new Date(moment.date.getTime() - DAY_MS) };
  if (component.isCertain('day') && component.isCertain('month') && !component.isCertain('year')) {
    const wall = { year: component.get('year')! - 1, month: component.get('month')!, day: component.get('day')! };
    return { ...moment, date: moment.hasTime ? instantOf({ ...wall, hour: component.get('hour')!, minute: component.get('minute') ?? 0, second: 0 }) : atTime(dayOfWall(wall), 12) };
  }
  return moment;
}

/**
 * Dates and times with chrono-node (its Dutch locale plus a few extra Dutch parsers, or English), read against
 * Amsterdam time: chrono gets the Amsterdam offset, and its components are turned into an instant here so that
 * a date across a daylight-saving change is still right.
 */
export function chronoMoment(text: string, lang: Lang, now: Date): Moment | undefined {
  const [result] = PARSERS[lang].parse(text, { instant: now, timezone: offsetMinutesAt(now) }, { forwardDate: false });
  if (!result) return undefined;
  const start = result.start;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null) return undefined;
  const hasTime = start.isCertain('hour');
  const moment: Moment = hasTime
    ? { date: instantOf({ year, month, day, hour: officeHour(start.get('hour') ?? 0, start), minute: start.get('minute') ?? 0, second: 0 }), hasTime }
    : { date: atTime(dayOfWall({ year, month, day }), 12), hasTime };
  // Relative readings ("een uur geleden") are exact; chrono already placed them.
  if (hasTime && start.isCertain('day') && !start.isCertain('weekday') && dayOf(moment.date) === dayOf(now)) return moment;
  return intoThePast(moment, start, now);
}
