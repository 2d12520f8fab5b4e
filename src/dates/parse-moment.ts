import type { Lang } from '../content/types';
import { chronoMoment } from './chrono-moment';
import { englishMoment } from './english-moment';
import { MAX_DATE_TEXT, type Moment } from './moment';

export type { Moment } from './moment';

/**
 * When something happened, from what the user wrote: English through recognizers-text (which has no Dutch date
 * model), Dutch through chrono-node's Dutch locale; the other parser is the fallback for mixed messages.
 * `now` is injected so that the same text always means the same thing in tests.
 */
export function parseMoment(text: string, lang: Lang, now: Date): Moment | undefined {
  const input = text.slice(0, MAX_DATE_TEXT);
  if (input.trim() === '') return undefined;
  if (lang === 'en') return englishMoment(input, now) ?? chronoMoment(input, 'en', now) ?? chronoMoment(input, 'nl', now);
  return chronoMoment(input, 'nl', now) ?? chronoMoment(input, 'en', now) ?? englishMoment(input, now);
}
