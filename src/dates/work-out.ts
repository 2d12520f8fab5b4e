import type { Content, Lang } from '../content/types';
import { activationOutlook } from './activation';
import type { CalendarDay } from './amsterdam-time';
import { activationLine, linkLine, mailLine } from './date-lines';
import { linkValidity, mailExpectedBy } from './link-validity';
import type { Moment } from './moment';
import type { WorkingDayCalendar } from './working-days';

/** What a date told by the user is about: when the password mail came, when a mail was requested, when access was requested. */
export type DateQuestion = 'link' | 'mail' | 'activation';

/** Node ids the worked-out answers lead to (content ids are stable; see DESIGN.md). */
export const DATE_NODES = {
  askLink: 'work_out_link',
  askRequest: 'work_out_request',
  passwordSet: 'wt_password_set',
  linkExpired: 'link_expired',
  noEmail: 'no_email',
  activationExpected: 'activation_expected',
  activationLate: 'activation_late',
} as const;

/** Nodes whose reply gets a worked-out line when the user's message has a date or time in it. */
export const QUESTION_OF_NODE: Record<string, DateQuestion> = {
  link_expired: 'link',
  wt_password_set: 'link',
  no_email: 'mail',
  activation_time: 'activation',
  activation_late: 'activation',
  [DATE_NODES.askLink]: 'link',
  [DATE_NODES.askRequest]: 'activation',
};

export interface WorkedOut {
  /** The sentence to show, from ui.yaml. */
  line: string;
  /** The node that fits the outcome; undefined when the answer is incomplete (a day where a time is needed). */
  next?: string;
  /** The day access was requested, to remember for the follow-up and the case summary. */
  requestedOn?: CalendarDay;
}

export interface WorkOutDeps {
  content: Content;
  calendar: WorkingDayCalendar;
}

/** Turns a moment the user told us into the sentence and next node for a question. */
export function workOut(deps: WorkOutDeps, question: DateQuestion, moment: Moment, now: Date, lang: Lang): WorkedOut | undefined {
  switch (question) {
    case 'link': {
      const validity = linkValidity(moment, now);
      const line = linkLine(deps.content, validity, now, lang);
      if (validity.state === 'needs_time') return { line };
      return { line, next: validity.state === 'valid' ? DATE_NODES.passwordSet : DATE_NODES.linkExpired };
    }
    case 'mail': {
      const mail = mailExpectedBy(moment, now);
      return mail ? { line: mailLine(deps.content, mail, now, lang), next: DATE_NODES.noEmail } : undefined;
    }
    case 'activation': {
      const outlook = activationOutlook(moment, now, deps.calendar);
      const next = outlook.state === 'passed' ? DATE_NODES.activationLate : DATE_NODES.activationExpected;
      return { line: activationLine(deps.content, outlook, lang), next, requestedOn: outlook.requestedOn };
    }
  }
}
