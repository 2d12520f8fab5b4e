import Holidays from 'date-holidays';
import { addDays, weekdayOf, type CalendarDay } from './amsterdam-time';

/** Says which days are working days; the Dutch one skips weekends and public holidays. */
export interface WorkingDayCalendar {
  isWorkingDay(day: CalendarDay): boolean;
}

/**
 * Dutch working days: Monday to Friday except public holidays from date-holidays ('NL', type "public" only:
 * Nieuwjaar, Pasen, Koningsdag, Hemelvaart, Pinksteren, Kerst; not Goede Vrijdag or Bevrijdingsdag, which are not
 * general days off). Years are looked up once and kept.
 */
export class DutchWorkingDays implements WorkingDayCalendar {
  private readonly holidays = new Holidays('NL', { types: ['public'] });
  private readonly byYear = new Map<number, Set<CalendarDay>>();

  isWorkingDay(day: CalendarDay): boolean {
    const weekday = weekdayOf(day);
    if (weekday === 0 || weekday === 6) return false;
    return !this.publicHolidays(Number(day.slice(0, 4))).has(day);
  }

  publicHolidays(year: number): Set<CalendarDay> {
    let days = this.byYear.get(year);
    if (!days) {
      days = new Set(
        (this.holidays.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)),
      );
      this.byYear.set(year, days);
    }
    return days;
  }
}

/** The day `count` working days after `day` (the day itself does not count, whatever it is). */
export function addWorkingDays(day: CalendarDay, count: number, calendar: WorkingDayCalendar): CalendarDay {
  let current = day;
  let left = count;
  while (left > 0) {
    current = addDays(current, 1);
    if (calendar.isWorkingDay(current)) left -= 1;
  }
  return current;
}
