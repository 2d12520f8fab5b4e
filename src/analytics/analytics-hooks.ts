import type { WalkthroughHooks } from '../dialogs/walkthrough-dialog';
import type { Analytics } from './analytics';

/** Reply kinds that mean the assistant could not answer the message. */
const UNANSWERED_KINDS = new Set(['out_of_scope', 'handoff']);

/** Records every reply as a turn event, and the redacted text of messages the assistant could not answer. */
export function createAnalyticsHooks(analytics: Analytics): WalkthroughHooks {
  return {
    enrich: async (context, reply, text) => {
      if (UNANSWERED_KINDS.has(reply.kind) && text.trim() !== '') await analytics.unanswered(context, reply.lang, text);
    },
    onTurn: (context, event) => analytics.turn(context, event),
  };
}
