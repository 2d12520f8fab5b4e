import type { TurnContext } from 'botbuilder';
import type { Lang } from '../content/types';
import type { TurnEvent as WalkTurnEvent } from '../dialogs/walkthrough-dialog';
import type { Logger } from '../logger';
import { redact } from '../privacy/redact';
import type { UserKeys } from '../privacy/user-keys';
import type { EventStore } from './event-store';
import { MAX_UNANSWERED_CHARS, type AnalyticsEvent } from './events';

export interface AnalyticsDeps {
  store: EventStore;
  keys: UserKeys;
  now: () => Date;
  logger: Logger;
}

/** Records what analytics needs from a turn; a failure is logged and never breaks the conversation. */
export class Analytics {
  constructor(private readonly deps: AnalyticsDeps) {}

  turn(context: TurnContext, event: WalkTurnEvent): Promise<void> {
    return this.record(context, event.lang, (base) => ({
      ...base,
      type: 'turn',
      topic: event.topicId,
      kind: event.kind,
      action: event.action,
      ...(event.step ? { step: event.step } : {}),
      fallback: event.kind === 'out_of_scope' || event.action === 'out_of_scope',
    }));
  }

  feedback(context: TurnContext, lang: Lang, topic: string, helpful: boolean): Promise<void> {
    return this.record(context, lang, (base) => ({ ...base, type: 'feedback', topic, helpful }));
  }

  handoff(context: TurnContext, lang: Lang, owner: string, topic?: string): Promise<void> {
    return this.record(context, lang, (base) => ({ ...base, type: 'handoff', owner, ...(topic ? { topic } : {}) }));
  }

  /** Keeps the question only after redaction, and short. */
  unanswered(context: TurnContext, lang: Lang, text: string): Promise<void> {
    const clean = redact(text.slice(0, MAX_UNANSWERED_CHARS * 2)).replace(/\s+/g, ' ').trim().slice(0, MAX_UNANSWERED_CHARS);
    if (clean === '') return Promise.resolve();
    return this.record(context, lang, (base) => ({ ...base, type: 'unanswered', text: clean }));
  }

  /** Deletes every event linked to the turn's user ("forget me"). */
  async forget(context: TurnContext): Promise<void> {
    const deleted = await this.deps.store.forget(this.deps.keys.keyOfTurn(context));
    this.deps.logger.info('analytics.forgotten', { deleted });
  }

  private async record(context: TurnContext, lang: Lang, build: (base: Omit<AnalyticsEvent, 'type'>) => AnalyticsEvent): Promise<void> {
    try {
      const base = { at: this.deps.now().toISOString(), user: this.deps.keys.keyOfTurn(context), channel: context.activity.channelId ?? '', lang };
      await this.deps.store.append(build(base));
    } catch (error) {
      this.deps.logger.warn('analytics.record_failed', { name: (error as Error).name });
    }
  }
}
