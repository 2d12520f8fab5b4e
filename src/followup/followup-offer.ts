import { uiText } from '../content/texts';
import type { Content } from '../content/types';
import type { WalkthroughHooks } from '../dialogs/walkthrough-dialog';

/** The node whose answer means "access requested", where the follow-up is offered; and the node that opts in. */
export const FOLLOWUP_NODES = { offerOn: 'activation_time', optIn: 'followup_optin', check: 'followup_check' } as const;

/** Adds "Remind me" to the answer shown once access is requested. */
export function createFollowupOffer(content: Content): NonNullable<WalkthroughHooks['enrich']> {
  return async (_context, reply) => {
    if (reply.topicId !== FOLLOWUP_NODES.offerOn || reply.choices.some((c) => c.goto === FOLLOWUP_NODES.optIn)) return;
    reply.choices.push({ label: uiText(content, 'label_remind_me', reply.lang), goto: FOLLOWUP_NODES.optIn });
  };
}
