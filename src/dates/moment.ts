/** A point in time the user told us about ("om 14:10", "vrijdag"), read in Amsterdam time. */
export interface Moment {
  /** The instant; for a day without a time, 12:00 Amsterdam time on that day. */
  date: Date;
  /** The user gave a time of day (or a relative time such as "an hour ago"), not only a day. */
  hasTime: boolean;
}

/** Longest text the date parsers see: they are slow on long input and dates come early in a message. */
export const MAX_DATE_TEXT = 300;

/** A time a few minutes "in the future" is a clock difference, not tomorrow or next week. */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;
