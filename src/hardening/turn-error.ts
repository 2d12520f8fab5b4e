import { createHash, randomUUID } from 'node:crypto';
import type { BotState, TurnContext } from 'botbuilder';
import type { Content, Lang } from '../content/types';
import { localeLang } from '../dialogs/walkthrough-dialog';
import type { Logger } from '../logger';
import { DELIVERY_FAILED } from './guarded-adapter';
import { sendSystemReply } from './system-reply';

export interface TurnErrorDeps {
  content: Content;
  logger: Logger;
  /** Only this conversation's state is reset; user state (language, progress) is kept. */
  conversationState: BotState;
  /** The user's language; may read state, and may fail (then the activity's locale decides). */
  languageOf: (context: TurnContext) => Promise<Lang>;
  /** Correlation ids (default random UUIDs); tests pass fixed ones. */
  newId?: () => string;
}

/** A short, stable, non-reversible tag for a conversation, so log lines of one conversation can be grouped. */
export function conversationTag(conversationId: string | undefined): string {
  return createHash('sha256').update(conversationId ?? '').digest('hex').slice(0, 12);
}

function innerName(error: unknown): string | undefined {
  const inner = (error as { error?: unknown; cause?: unknown } | undefined)?.error ?? (error as { cause?: unknown } | undefined)?.cause;
  return inner instanceof Error ? inner.name : undefined;
}

/**
 * The adapter's onTurnError: one log line with a correlation id and no personal data (no text, no user or
 * conversation id, no stack), the broken conversation's state reset so the next message starts clean, and a reply in
 * the user's language saying what to do. When a reply could not be delivered, the error is only logged: the state
 * is fine and sending again would fail the same way. It never throws: a failing error handler would turn into a 500.
 */
export function createTurnErrorHandler(deps: TurnErrorDeps): (context: TurnContext, error: Error) => Promise<void> {
  const newId = deps.newId ?? randomUUID;
  return async (context: TurnContext, error: Error) => {
    const correlationId = newId();
    const activity = context.activity;
    // Dialogs wrap errors (DialogContextError), so the adapter's mark is what tells a delivery failure apart.
    const delivery = context.turnState.get(DELIVERY_FAILED) === true;
    deps.logger.error('turn_error', {
      correlationId,
      error: error instanceof Error ? error.name : typeof error,
      // DialogContextError keeps the original in `error`; its name is what tells what broke.
      inner: innerName(error),
      delivery,
      channel: activity.channelId,
      activityType: activity.type,
      conversation: conversationTag(activity.conversation?.id),
    });
    if (delivery) return;
    try {
      await deps.conversationState.delete(context);
    } catch (resetError) {
      deps.logger.warn('turn_error_reset_failed', { correlationId, error: (resetError as Error)?.name });
    }
    try {
      const lang = await deps.languageOf(context).catch(() => localeLang(activity.locale));
      await sendSystemReply(context, deps.content, 'turn_error', lang);
    } catch (replyError) {
      deps.logger.warn('turn_error_reply_failed', { correlationId, error: (replyError as Error)?.name });
    }
  };
}
