import type { Middleware, TurnContext } from 'botbuilder';
import type { Content, Lang } from '../content/types';
import type { Logger } from '../logger';
import { cleanText } from './activity-guard';
import { ConversationBusyError } from './conversation-queue';
import { sendSystemReply } from './system-reply';
import { OverloadedError } from './turn-gate';
import type { TurnGuard } from './turn-guard';

export interface GuardMiddlewareDeps {
  guard: TurnGuard;
  /** Longest text a turn may see (HardeningOptions.maxTextChars); these channels have no edge check of their own. */
  maxTextChars: number;
  content: Content;
  logger: Logger;
  languageOf: (context: TurnContext) => Promise<Lang>;
}

/**
 * The TurnGuard as botbuilder middleware, for channels whose HTTP answer went out before the turn (WhatsApp, the
 * local Direct Line): `adapter.use(guardMiddleware(...))`. Message text is cut and cleaned as at /api/messages (a
 * 200,000-character WhatsApp text would otherwise reach every text hook). A refused message gets the polite reply
 * once per window and is dropped after; a turn refused by the global limit is logged and dropped (there is no HTTP
 * answer left to say 503).
 */
export function guardMiddleware(deps: GuardMiddlewareDeps): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
      const activity = context.activity;
      if (typeof activity.text === 'string') activity.text = cleanText(activity.text, deps.maxTextChars).text;
      const parties = { channelId: activity.channelId, userId: activity.from?.id ?? '', conversationId: activity.conversation?.id ?? '' };
      const verdict = deps.guard.admit(parties);
      if (!verdict.allowed) {
        deps.logger.warn('rate_limited', { channel: activity.channelId, first: verdict.firstRefusal });
        if (verdict.firstRefusal && activity.type === 'message') {
          const lang = await deps.languageOf(context).catch((): Lang => 'nl');
          await sendSystemReply(context, deps.content, 'rate_limited', lang);
        }
        return;
      }
      try {
        await deps.guard.run(parties, next);
      } catch (error) {
        if (error instanceof ConversationBusyError || error instanceof OverloadedError) {
          deps.logger.warn('overloaded', { channel: activity.channelId, reason: error.name });
          return;
        }
        throw error;
      }
    },
  };
}
