import { dayOf, type CalendarDay } from './amsterdam-time';
import type { Moment } from './moment';
import { addWorkingDays, type WorkingDayCalendar } from './working-days';

/**
 * "Usually activated within two working days": from the base guide only; facts.md §3 lists it as UNVERIFIED.
 * Replies built on it must say it comes from the guide and is no promise.
 */
export const ACTIVATION_WORKING_DAYS = 2;

export interface ActivationOutlook {
  requestedOn: CalendarDay;
  expectedBy: CalendarDay;
  /** before: expectedBy is still ahead; today: it is today; passed: it is behind us. */
  state: 'before' | 'today' | 'passed';
}

/** When access requested on a day can be expected, counted in working days, and whether that day has passed. */
export function activationOutlook(requested: Moment | CalendarDay, now: Date, calendar: WorkingDayCalendar): ActivationOutlook {
  const requestedOn = typeof requested === 'string' ? requested : dayOf(requested.date);
  const expectedBy = addWorkingDays(requestedOn, ACTIVATION_WORKING_DAYS, calendar);
  const today = dayOf(now);
  const state = today < expectedBy ? 'before' : today === expectedBy ? 'today' : 'passed';
  return { requestedOn, expectedBy, state };
}
