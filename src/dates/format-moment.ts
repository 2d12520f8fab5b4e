import type { Lang } from '../content/types';
import { dayOf, TIME_ZONE, type CalendarDay } from './amsterdam-time';

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

const dayFormats = new Map<Lang, Intl.DateTimeFormat>();
const timeFormats = new Map<Lang, Intl.DateTimeFormat>();

function dayFormat(lang: Lang): Intl.DateTimeFormat {
  let format = dayFormats.get(lang);
  if (!format) {
    // A CalendarDay is formatted as UTC noon, so no zone can move it to another day.
    format = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
    dayFormats.set(lang, format);
  }
  return format;
}

function timeFormat(lang: Lang): Intl.DateTimeFormat {
  let format = timeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(lang, format);
  }
  return format;
}

/** "dinsdag 2 december" / "Tuesday 2 December". */
export function formatDay(day: CalendarDay, lang: Lang): string {
  return dayFormat(lang).format(new Date(`${day}T12:00:00Z`));
}

/** "15:40" in Amsterdam time. */
export function formatTime(instant: Date, lang: Lang): string {
  return timeFormat(lang).format(instant);
}

/** A time, with its day in front unless it is today: "15:40" or "vrijdag 28 november 15:40". */
export function formatMoment(instant: Date, now: Date, lang: Lang): string {
  const day = dayOf(instant);
  return day === dayOf(now) ? formatTime(instant, lang) : `${formatDay(day, lang)} ${formatTime(instant, lang)}`;
}
