import { ActivityTypes, type Activity } from 'botbuilder';
import type { WhatsAppConfig } from '../../config';
import { gotoOfChoiceId } from './outbound-message';
import { WHATSAPP_CHANNEL_ID } from './whatsapp-adapter';
import { addressOf, messageKeyOf } from './user-key';
import type { InboundMessage } from './webhook-payload';

/**
 * The message activity for an inbound WhatsApp message. The user and the conversation are both keyed by the user
 * key (a 1:1 chat is one conversation per user); the address to answer to rides along in from.properties, which
 * botbuilder copies onto the replies' recipient and which is never written to storage. No profile name is kept.
 */
export function activityFromInbound(
  message: InboundMessage,
  userKey: string,
  config: Pick<WhatsAppConfig, 'apiBaseUrl' | 'phoneNumberId'>,
  now: Date,
): Partial<Activity> {
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    id: messageKeyOf(message.wamid),
    channelId: WHATSAPP_CHANNEL_ID,
    serviceUrl: config.apiBaseUrl,
    timestamp: new Date(message.sentAt ?? now.getTime()),
    from: { id: userKey, name: '', role: 'user', properties: { whatsapp: addressOf(message.sender) } },
    recipient: { id: config.phoneNumberId, name: '', role: 'bot' },
    conversation: { id: userKey, name: '', isGroup: false, conversationType: 'personal' },
    channelData: { whatsapp: { type: message.content.kind } },
  };
  if (message.content.kind === 'text') activity.text = message.content.text;
  if (message.content.kind === 'choice') {
    activity.text = message.content.title;
    // A tapped button or row names its target node, as a card click does; the title alone may be shortened.
    const goto = gotoOfChoiceId(message.content.id);
    if (goto !== undefined) activity.value = { goto };
  }
  return activity;
}
