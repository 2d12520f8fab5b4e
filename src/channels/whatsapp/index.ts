import type { ActivityHandler, Storage } from 'botbuilder';
import type { WhatsAppConfig } from '../../config';
import { AssistantBot } from '../../bots/assistant-bot';
import type { Logger } from '../../logger';
import type { RouteModule } from '../../server';
import { registerRenderer } from '../renderers';
import { createWhatsAppRenderer } from './render-whatsapp';
import { WHATSAPP_CHANNEL_ID } from './whatsapp-adapter';
import { WhatsAppChannel, type WhatsAppChannelDeps } from './whatsapp-channel';
import { whatsAppRoutes } from './whatsapp-route';
import { loadWhatsAppTexts, type WhatsAppTexts } from './whatsapp-texts';

export { WhatsAppAdapter, WHATSAPP_CHANNEL_ID } from './whatsapp-adapter';
export { WhatsAppChannel } from './whatsapp-channel';
export { ServiceWindowClosedError } from './service-window';
export { GraphApiError } from './graph-client';

export interface WhatsAppSetup {
  config: WhatsAppConfig;
  bot: ActivityHandler;
  storage: Storage;
  logger: Logger;
  track?: WhatsAppChannelDeps['track'];
  graph?: WhatsAppChannelDeps['graph'];
  texts?: WhatsAppTexts;
}

/**
 * Sets up the WhatsApp channel for createApp: the renderer for "whatsapp", the channel (adapter, dedupe, window),
 * the webhook routes, and deletion of the connector's data on "forget me".
 */
export function createWhatsApp(setup: WhatsAppSetup): { channel: WhatsAppChannel; route: RouteModule } {
  const texts = setup.texts ?? loadWhatsAppTexts();
  registerRenderer(WHATSAPP_CHANNEL_ID, createWhatsAppRenderer(texts));
  const channel = new WhatsAppChannel({ ...setup, texts });
  if (setup.bot instanceof AssistantBot) {
    setup.bot.forgetHooks.push(async (context) => {
      if (context.activity.channelId === WHATSAPP_CHANNEL_ID) await channel.forget(context.activity.from.id);
    });
  }
  const route = whatsAppRoutes({ ...setup.config, accept: (payload) => channel.accept(payload) }, setup.logger);
  return { channel, route };
}
