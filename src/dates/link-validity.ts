import { addDays, atTime, dayOf } from './amsterdam-time';
import type { Moment } from './moment';

/** The password link is valid for 90 minutes (guide; facts.md §2, the help page is truncated right after "90 mi"). */
export const LINK_VALID_MINUTES = 90;
/** The mail can arrive up to 20 minutes after it was requested (facts.md §2, verified). */
export const MAIL_DELAY_MINUTES = 20;

export type LinkValidity =
  | { state: 'valid'; receivedAt: Date; validUntil: Date; minutesLeft: number }
  | { state: 'expired'; receivedAt: Date; validUntil: Date }
  /** Only a day was given, long enough ago that any time on it has expired. */
  | { state: 'expired_day'; receivedOn: string }
  /** Only a day was given and the link could still be valid: the time is needed. */
  | { state: 'needs_time' };

/** Whether a link received at a moment is still valid now. */
export function linkValidity(received: Moment, now: Date): LinkValidity {
  if (!received.hasTime) {
    const day = dayOf(received.date);
    const latestEnd = new Date(atTime(addDays(day, 1), 0).getTime() + LINK_VALID_MINUTES * 60_000);
    return now.getTime() >= latestEnd.getTime() ? { state: 'expired_day', receivedOn: day } : { state: 'needs_time' };
  }
  // A time a little ahead of our clock is "just now".
  const receivedAt = received.date.getTime() > now.getTime() ? now : received.date;
  const validUntil = new Date(receivedAt.getTime() + LINK_VALID_MINUTES * 60_000);
  const msLeft = validUntil.getTime() - now.getTime();
  if (msLeft <= 0) return { state: 'expired', receivedAt, validUntil };
  return { state: 'valid', receivedAt, validUntil, minutesLeft: Math.floor(msLeft / 60_000) };
}

/** Until when a requested mail can still be on its way. */
export function mailExpectedBy(requested: Moment, now: Date): { requestedAt: Date; expectedBy: Date; late: boolean } | undefined {
  if (!requested.hasTime) return undefined;
  const requestedAt = requested.date.getTime() > now.getTime() ? now : requested.date;
  const expectedBy = new Date(requestedAt.getTime() + MAIL_DELAY_MINUTES * 60_000);
  return { requestedAt, expectedBy, late: now.getTime() > expectedBy.getTime() };
}
