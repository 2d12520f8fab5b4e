import { uiText } from '../content/texts';
import type { Content, Lang } from '../content/types';
import type { ActivationOutlook } from './activation';
import { formatDay, formatMoment } from './format-moment';
import type { LinkValidity } from './link-validity';

/** The sentence (from ui.yaml) that says whether a password link is still valid. */
export function linkLine(content: Content, validity: LinkValidity, now: Date, lang: Lang): string {
  switch (validity.state) {
    case 'valid':
      return uiText(content, 'date_link_valid', lang, {
        received: formatMoment(validity.receivedAt, now, lang),
        until: formatMoment(validity.validUntil, now, lang),
        minutes: validity.minutesLeft,
      });
    case 'expired':
      return uiText(content, 'date_link_expired', lang, {
        received: formatMoment(validity.receivedAt, now, lang),
        until: formatMoment(validity.validUntil, now, lang),
      });
    case 'expired_day':
      return uiText(content, 'date_link_expired_day', lang, { day: formatDay(validity.receivedOn, lang) });
    case 'needs_time':
      return uiText(content, 'date_link_needs_time', lang);
  }
}

/** The sentence that says until when a requested mail can still arrive. */
export function mailLine(content: Content, mail: { requestedAt: Date; expectedBy: Date; late: boolean }, now: Date, lang: Lang): string {
  return uiText(content, mail.late ? 'date_mail_late' : 'date_mail_on_its_way', lang, {
    requested: formatMoment(mail.requestedAt, now, lang),
    until: formatMoment(mail.expectedBy, now, lang),
  });
}

/** The sentence with the expected activation date; it always says the two working days come from the guide. */
export function activationLine(content: Content, outlook: ActivationOutlook, lang: Lang): string {
  return uiText(content, `date_activation_${outlook.state}`, lang, {
    requested: formatDay(outlook.requestedOn, lang),
    expected: formatDay(outlook.expectedBy, lang),
  });
}
