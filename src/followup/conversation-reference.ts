import { TurnContext, type ConversationReference } from 'botbuilder';

/**
 * The conversation reference a proactive message needs, without what it does not: user and conversation names,
 * the AAD object id and channel properties (a WhatsApp user's phone number travels there) are left out.
 */
export function minimalReference(context: TurnContext): Partial<ConversationReference> {
  const full = TurnContext.getConversationReference(context.activity);
  const conversation = full.conversation;
  return {
    channelId: full.channelId,
    serviceUrl: full.serviceUrl,
    locale: full.locale,
    conversation: {
      id: conversation?.id ?? '',
      ...(conversation?.tenantId ? { tenantId: conversation.tenantId } : {}),
      ...(conversation?.conversationType ? { conversationType: conversation.conversationType } : {}),
      isGroup: conversation?.isGroup ?? false,
    } as ConversationReference['conversation'],
    user: { id: full.user?.id ?? '', name: '' },
    bot: { id: full.bot?.id ?? '', name: '' },
  };
}
