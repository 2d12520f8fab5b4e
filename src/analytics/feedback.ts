import type { StatePropertyAccessor } from 'botbuilder';
import type { Reply } from '../channels/reply';
import { uiText } from '../content/texts';
import type { Content, Lang } from '../content/types';
import { NODES, type ReplyBuilder } from '../dialogs/replies';
import type { ConversationData } from '../dialogs/state';
import type { TurnEffects, TurnEvent, WalkthroughHooks } from '../dialogs/walkthrough-dialog';
import type { Analytics } from './analytics';

/** Node ids of the two answers to "Did this help?" (content/walkthrough/feedback-*.yaml). */
export const FEEDBACK_NODES = { yes: 'feedback_yes', no: 'feedback_no' } as const;
export const FEEDBACK_QUESTION = 'feedback_question';

/** Typed answers to "Did this help?": the thumbs, and the +1/-1 some people type instead. */
const THUMBS_UP = /^\s*(?:👍|👍🏻|👍🏼|👍🏽|👍🏾|👍🏿|\+1)\s*$/u;
const THUMBS_DOWN = /^\s*(?:👎|👎🏻|👎🏼|👎🏽|👎🏾|👎🏿|-1)\s*$/u;

export interface FeedbackDeps {
  content: Content;
  replies: ReplyBuilder;
  conversation: StatePropertyAccessor<ConversationData>;
  effects: Pick<TurnEffects, 'send'>;
  analytics: Analytics;
}

/**
 * "Did this help? 👍 / 👎" as a short message of its own after a topic's answer (once per topic per conversation),
 * so the answer keeps its own choices. A click or a typed thumb shows feedback_yes / feedback_no, and the answer is
 * recorded for the topic asked about.
 */
export class Feedback {
  constructor(private readonly deps: FeedbackDeps) {}

  question(lang: Lang): Reply {
    const { content } = this.deps;
    return {
      topicId: FEEDBACK_QUESTION,
      kind: 'system',
      lang,
      text: uiText(content, 'feedback_question', lang),
      links: [],
      choices: [
        { label: uiText(content, 'label_feedback_yes', lang), goto: FEEDBACK_NODES.yes },
        { label: uiText(content, 'label_feedback_no', lang), goto: FEEDBACK_NODES.no },
      ],
    };
  }

  /** A typed 👍/👎 right after the question shows the matching node (buttons arrive as the same text on some channels). */
  readonly beforeInterpret: NonNullable<WalkthroughHooks['beforeInterpret']> = async (context, text, lang) => {
    const conversation = await this.deps.conversation.get(context, {});
    if (!conversation.feedbackFor) return undefined;
    const thumb = thumbOf(text);
    return thumb ? this.deps.replies.fromNode(thumb === 'up' ? FEEDBACK_NODES.yes : FEEDBACK_NODES.no, lang) : undefined;
  };

  readonly onTurn: NonNullable<WalkthroughHooks['onTurn']> = async (context, event) => {
    const conversation = await this.deps.conversation.get(context, {});
    if (event.topicId === FEEDBACK_NODES.yes || event.topicId === FEEDBACK_NODES.no) {
      if (conversation.feedbackFor) await this.deps.analytics.feedback(context, event.lang, conversation.feedbackFor, event.topicId === FEEDBACK_NODES.yes);
      conversation.feedbackFor = undefined;
      return;
    }
    // A thumb typed a few turns later still belongs to the last question: it means nothing else here.
    if (!this.asksAbout(event, conversation)) return;
    conversation.feedbackFor = event.topicId;
    conversation.feedbackAsked = [...(conversation.feedbackAsked ?? []), event.topicId];
    await this.deps.effects.send(context, this.question(event.lang));
  };

  private asksAbout(event: TurnEvent, conversation: ConversationData): boolean {
    const node = this.deps.content.nodes.get(event.topicId);
    if (!node || node.kind !== 'topic' || event.kind !== 'answer' || event.topicId === NODES.contactHuman) return false;
    return !(conversation.feedbackAsked ?? []).includes(event.topicId);
  }
}

/** Whether a text is a typed thumbs-up or thumbs-down. */
export function thumbOf(text: string): 'up' | 'down' | undefined {
  return THUMBS_UP.test(text) ? 'up' : THUMBS_DOWN.test(text) ? 'down' : undefined;
}
