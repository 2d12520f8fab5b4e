import type { StatePropertyAccessor } from 'botbuilder';
import type { Content } from '../content/types';
import type { ConversationData } from '../dialogs/state';
import type { WalkthroughHooks } from '../dialogs/walkthrough-dialog';

/** How many topics the case summary remembers: the last ones are what matters. */
export const MAX_TRAIL = 12;

/** Remembers the topics and steps shown in this conversation (ids only), for the owner and the case summary. */
export function createTrailHook(content: Content, conversation: StatePropertyAccessor<ConversationData>): NonNullable<WalkthroughHooks['onTurn']> {
  return async (context, event) => {
    const node = content.nodes.get(event.topicId);
    if (!node || (node.kind !== 'topic' && node.kind !== 'step')) return;
    const data = await conversation.get(context, {});
    const trail = (data.trail ?? []).filter((id) => id !== node.id);
    data.trail = [...trail, node.id].slice(-MAX_TRAIL);
  };
}
