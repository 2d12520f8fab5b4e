import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { Logger } from '../../logger';
import type { GraphClient } from './graph-client';
import { isOutboundMessage, LIMITS, type OutboundMessage, type WhatsAppAddress } from './outbound-message';
import { ServiceWindowClosedError, type ServiceWindow } from './service-window';
import { addressOfUserKey } from './user-key';
import { splitText, toWhatsAppFormatting } from './whatsapp-text';

export const WHATSAPP_CHANNEL_ID = 'whatsapp';

export interface WhatsAppAdapterDeps {
  graph: GraphClient;
  window: ServiceWindow;
  logger: Logger;
}

/** The address the adapter put on the user's account when the message came in (see activityFromInbound). */
export function addressOfAccount(account: Partial<Activity>['recipient']): WhatsAppAddress | undefined {
  const address = (account?.properties as { whatsapp?: WhatsAppAddress } | undefined)?.whatsapp;
  if (typeof address !== 'object' || address === null) return undefined;
  const { to, recipient } = address;
  if (typeof to !== 'string' && typeof recipient !== 'string') return undefined;
  return { ...(typeof to === 'string' ? { to } : {}), ...(typeof recipient === 'string' ? { recipient } : {}) };
}

/**
 * A botbuilder adapter for the WhatsApp Cloud API: inbound messages become activities that run through the same
 * middleware and bot as every other channel; outgoing activities become Graph API calls. The renderer for
 * "whatsapp" puts ready WhatsApp messages in channelData.whatsapp; plain text activities are converted here.
 */
export class WhatsAppAdapter extends BotAdapter {
  constructor(private readonly deps: WhatsAppAdapterDeps) {
    super();
    this.onTurnError = async (context: TurnContext, error: Error) => {
      // Nothing more is sent: the failure is usually the Graph API or the window, so a message would fail too.
      deps.logger.error('whatsapp.turn_error', { name: error.name, type: context.activity.type });
    };
  }

  /** Runs one activity (an inbound message) through the middleware and `logic`, usually the bot's run(). */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /** Proactive messages: allowed only while the user's 24-hour window is open, else refused and logged. */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      // Typing, delays and traces have no WhatsApp message of their own.
      if (activity.type !== ActivityTypes.Message) {
        responses.push({ id: '' });
        continue;
      }
      const messages = this.messagesOf(activity);
      if (messages.length === 0) {
        responses.push({ id: '' });
        continue;
      }
      const userKey = activity.conversation?.id ?? '';
      const address = addressOfAccount(activity.recipient) ?? addressOfUserKey(userKey);
      if (!address) {
        this.deps.logger.warn('whatsapp.no_address', { reason: 'no phone number or BSUID to send to; proactive messages need a BSUID or the full reference' });
        throw new Error('This activity has no WhatsApp address: reply within a WhatsApp turn, or keep the user\'s BSUID in the reference.');
      }
      if (!(await this.deps.window.isOpen(userKey))) {
        this.deps.logger.warn('whatsapp.window_closed', {
          refused: messages.length,
          reason: 'the user last wrote more than 24 hours ago; only templates may be sent then, and they are not supported',
        });
        throw new ServiceWindowClosedError();
      }
      let id = '';
      // One after another: WhatsApp shows messages in the order they arrive.
      for (const message of messages) id = await this.deps.graph.send(address, message);
      responses.push({ id });
    }
    return responses;
  }

  /** The WhatsApp messages for an activity: the renderer's when present, else its text; cards never reach WhatsApp. */
  private messagesOf(activity: Partial<Activity>): OutboundMessage[] {
    const rendered: unknown = (activity.channelData as { whatsapp?: unknown } | undefined)?.whatsapp;
    if (isOutboundMessage(rendered)) return [rendered];
    if ((activity.attachments?.length ?? 0) > 0) this.deps.logger.warn('whatsapp.attachments_dropped', { count: activity.attachments!.length });
    return splitText(toWhatsAppFormatting(activity.text ?? ''), LIMITS.textBody).map((body) => ({
      type: 'text',
      text: { body, preview_url: /https?:\/\//.test(body) },
    }));
  }

  async updateActivity(): Promise<void> {
    throw new Error('WhatsApp messages cannot be edited once sent.');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('WhatsApp messages cannot be deleted by the business.');
  }
}
