import { Culture, recognizeDateTime } from '@microsoft/recognizers-text-suite';
import { atTime, dayOf, instantOf, wallTimeOf, type WallTime } from './amsterdam-time';
import { FUTURE_TOLERANCE_MS, type Moment } from './moment';

const SUPPORTED = new Set(['datetimeV2.date', 'datetimeV2.datetime', 'datetimeV2.time']);
const DATE_VALUE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_VALUE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const TIME_VALUE = /^(\d{2}):(\d{2}):(\d{2})$/;

interface Resolution {
  type?: string;
  value?: string;
}

/** recognizers-text reads the reference date's local fields, so it gets a Date whose local fields are Amsterdam's. */
function referenceFor(now: Date): Date {
  const wall = wallTimeOf(now);
  return new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

function candidate(value: string, now: Date): Moment | undefined {
  let m = DATETIME_VALUE.exec(value);
  if (m) {
    const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
    return { date: instantOf({ year, month, day, hour, minute, second } satisfies WallTime), hasTime: true };
  }
  m = DATE_VALUE.exec(value);
  if (m) return { date: atTime(`${m[1]}-${m[2]}-${m[3]}`, 12), hasTime: false };
  m = TIME_VALUE.exec(value);
  if (m) {
    const today = dayOf(now);
    let date = atTime(today, Number(m[1]), Number(m[2]));
    // "I got it at 14:10" said at 09:00 means yesterday.
    if (date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) date = new Date(date.getTime() - 24 * 3600_000);
    return { date, hasTime: true };
  }
  return undefined;
}

/**
 * English dates and times with the recognizers-text DateTime model. When a phrase has several readings ("Friday",
 * "at 9"), the past one closest to now wins: users tell us when something already happened.
 */
export function englishMoment(text: string, now: Date): Moment | undefined {
  const results = recognizeDateTime(text, Culture.English, undefined, referenceFor(now));
  for (const result of results) {
    if (!SUPPORTED.has(result.typeName)) continue;
    const values = ((result.resolution as { values?: Resolution[] } | undefined)?.values ?? [])
      .map((v) => (typeof v.value === 'string' ? candidate(v.value, now) : undefined))
      .filter((c): c is Moment => c !== undefined);
    if (values.length === 0) continue;
    const past = values.filter((c) => c.date.getTime() <= now.getTime() + FUTURE_TOLERANCE_MS);
    if (past.length === 0) return values[0];
    return past.reduce((best, c) => (c.date.getTime() > best.date.getTime() ? c : best));
  }
  return undefined;
}
