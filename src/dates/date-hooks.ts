import type { StatePropertyAccessor } from 'botbuilder';
import type { Reply } from '../channels/reply';
import { uiText } from '../content/texts';
import type { UserProfile } from '../dialogs/state';
import type { WalkthroughHooks } from '../dialogs/walkthrough-dialog';
import { parseMoment } from './parse-moment';
import { DATE_NODES, QUESTION_OF_NODE, workOut, type WorkOutDeps } from './work-out';
import { takeWorkedOutLine } from './worked-out-line';

export interface DateHooksDeps extends WorkOutDeps {
  profile: StatePropertyAccessor<UserProfile>;
  now: () => Date;
}

/** "Work it out" choices offered on nodes where a date matters and the message had none. */
const WORK_OUT_CHOICE: Record<string, { goto: string; labelKey: string }> = {
  link_expired: { goto: DATE_NODES.askLink, labelKey: 'label_work_out_link' },
  activation_late: { goto: DATE_NODES.askRequest, labelKey: 'label_work_out_date' },
};

function putInFront(reply: Reply, line: string): void {
  reply.text = `${line}\n\n${reply.text}`;
}

/**
 * The `enrich` hook for dates: a line worked out by the date dialog goes in front of the next reply; otherwise, on
 * nodes where a date matters, a date or time in the user's message is worked out ("om 14:10" → valid until 15:40),
 * and if there is none the user is offered to work it out.
 */
export function createDateEnrich(deps: DateHooksDeps): NonNullable<WalkthroughHooks['enrich']> {
  return async (context, reply, text) => {
    const left = takeWorkedOutLine(context);
    if (left) return putInFront(reply, left);
    const question = QUESTION_OF_NODE[reply.topicId];
    if (!question || reply.kind !== 'answer') return;
    const moment = text.trim() === '' ? undefined : parseMoment(text, reply.lang, deps.now());
    const worked = moment ? workOut(deps, question, moment, deps.now(), reply.lang) : undefined;
    if (worked) {
      putInFront(reply, worked.line);
      if (worked.requestedOn) (await deps.profile.get(context, {})).accessRequestedOn = worked.requestedOn;
      return;
    }
    const offer = WORK_OUT_CHOICE[reply.topicId];
    if (offer && !reply.choices.some((c) => c.goto === offer.goto)) {
      reply.choices.push({ label: uiText(deps.content, offer.labelKey, reply.lang), goto: offer.goto });
    }
  };
}
