import type { StatePropertyAccessor } from 'botbuilder';
import type { Reply } from '../channels/reply';
import { uiText } from '../content/texts';
import type { Content, Lang } from '../content/types';
import { NODES, type ReplyBuilder } from '../dialogs/replies';
import type { ConversationData } from '../dialogs/state';
import type { TurnEffects, WalkthroughHooks } from '../dialogs/walkthrough-dialog';
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
 * "Did this help? 👍 / 👎" rides on a side topic's answer itself (a footer line and two extra choices), once per topic
 * per conversation: a separate message would take the answer's own next steps away in Web Chat, which shows only the
 * last message's suggested actions. Walkthrough steps are not asked about. A click or a typed thumb shows
 * feedback_yes / feedback_no, and the answer is recorded for the topic asked about.
 */
export class Feedback {
  constructor(private readonly deps: FeedbackDeps) {}

  /** The two choices that answer the question. */
  choices(lang: Lang): Reply['choices'] {
    const { content } = this.deps;
    return [
      { label: uiText(content, 'label_feedback_yes', lang), goto: FEEDBACK_NODES.yes },
      { label: uiText(content, 'label_feedback_no', lang), goto: FEEDBACK_NODES.no },
    ];
  }

  /** A typed 👍/👎 right after the question shows the matching node (buttons arrive as the same text on some channels). */
  readonly beforeInterpret: NonNullable<WalkthroughHooks['beforeInterpret']> = async (context, text, lang) => {
    const conversation = await this.deps.conversation.get(context, {});
    if (!conversation.feedbackFor) return undefined;
    const thumb = thumbOf(text);
    return thumb ? this.deps.replies.fromNode(thumb === 'up' ? FEEDBACK_NODES.yes : FEEDBACK_NODES.no, lang) : undefined;
  };

  /** Adds the question to a side topic's answer that has not been asked about in this conversation. */
  readonly enrich: NonNullable<WalkthroughHooks['enrich']> = async (context, reply) => {
    const conversation = await this.deps.conversation.get(context, {});
    if (!this.asksAbout(reply, conversation)) return;
    conversation.feedbackFor = reply.topicId;
    conversation.feedbackAsked = [...(conversation.feedbackAsked ?? []), reply.topicId];
    const question = uiText(this.deps.content, FEEDBACK_QUESTION, reply.lang);
    reply.footer = reply.footer ? `${reply.footer}\n\n${question}` : question;
    reply.choices.push(...this.choices(reply.lang));
  };

  readonly onTurn: NonNullable<WalkthroughHooks['onTurn']> = async (context, event) => {
    const conversation = await this.deps.conversation.get(context, {});
    if (event.topicId === FEEDBACK_NODES.yes || event.topicId === FEEDBACK_NODES.no) {
      if (conversation.feedbackFor) await this.deps.analytics.feedback(context, event.lang, conversation.feedbackFor, event.topicId === FEEDBACK_NODES.yes);
      conversation.feedbackFor = undefined;
    }
  };

  private asksAbout(reply: Reply, conversation: ConversationData): boolean {
    const node = this.deps.content.nodes.get(reply.topicId);
    if (!node || node.kind !== 'topic' || node.step || reply.kind !== 'answer' || reply.topicId === NODES.contactHuman) return false;
    return !(conversation.feedbackAsked ?? []).includes(reply.topicId);
  }
}

/** Whether a text is a typed thumbs-up or thumbs-down. */
export function thumbOf(text: string): 'up' | 'down' | undefined {
  return THUMBS_UP.test(text) ? 'up' : THUMBS_DOWN.test(text) ? 'down' : undefined;
}
