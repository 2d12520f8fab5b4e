import { ActivityTypes, UserState, type Storage, type TurnContext } from 'botbuilder';
import type { WhatsAppConfig } from '../../config';
import { USER_PROFILE, type UserProfile } from '../../dialogs/state';
import type { Logger } from '../../logger';
import { GraphClient, type GraphClientOptions } from './graph-client';
import { activityFromInbound } from './inbound-activity';
import { PerKeyQueue } from './per-key-queue';
import { ProcessedMessages } from './processed-messages';
import { ServiceWindow } from './service-window';
import { userKeyOf } from './user-key';
import { WhatsAppAdapter } from './whatsapp-adapter';
import type { WhatsAppTexts } from './whatsapp-texts';
import { parseWebhookPayload, type InboundMessage } from './webhook-payload';

/** The bot a message runs through: anything with botbuilder's run(context), such as the assistant. */
export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

export interface WhatsAppChannelDeps {
  config: WhatsAppConfig;
  bot: TurnRunner;
  /** The app's storage: processed message ids and the 24-hour windows live next to bot state. */
  storage: Storage;
  logger: Logger;
  texts: WhatsAppTexts;
  /** Wraps background work so that shutdown waits for it (the app's in-flight counter); default: none. */
  track?: (work: Promise<void>) => Promise<void>;
  /** Retry tuning for the Graph API client. */
  graph?: Pick<GraphClientOptions, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'timeoutMs' | 'sleep'>;
  now?: () => Date;
}

/**
 * Everything behind the webhook once a payload is verified: dedupe by wamid, one user's messages in order,
 * the 24-hour window, and a turn of the bot (or the "I can only read text" answer) per message.
 */
export class WhatsAppChannel {
  readonly adapter: WhatsAppAdapter;
  readonly window: ServiceWindow;
  private readonly processed: ProcessedMessages;
  private readonly queue = new PerKeyQueue();
  private readonly pending = new Set<Promise<void>>();
  private readonly profile;
  private readonly now: () => Date;

  constructor(private readonly deps: WhatsAppChannelDeps) {
    this.now = deps.now ?? (() => new Date());
    this.window = new ServiceWindow(deps.storage, this.now);
    this.processed = new ProcessedMessages(deps.storage, this.now);
    const { apiBaseUrl, phoneNumberId, accessToken } = deps.config;
    const graph = new GraphClient({ apiBaseUrl, phoneNumberId, accessToken, logger: deps.logger, ...deps.graph });
    this.adapter = new WhatsAppAdapter({ graph, window: this.window, logger: deps.logger });
    // Read-only view of the user's profile (same storage key as the bot's), for the language of our own answers.
    this.profile = new UserState(deps.storage).createProperty<UserProfile>(USER_PROFILE);
  }

  get config(): WhatsAppConfig {
    return this.deps.config;
  }

  /** Takes a verified payload and returns at once; its messages are handled in the background. */
  accept(payload: unknown): void {
    for (const message of parseWebhookPayload(payload)) {
      const work = this.handle(message);
      this.pending.add(work);
      void work.finally(() => this.pending.delete(work));
      void this.deps.track?.(work);
    }
  }

  /** Resolves once every message accepted so far has been handled (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Deletes what the connector keeps about a user ("forget me"). */
  async forget(userKey: string): Promise<void> {
    await this.window.forget(userKey);
  }

  private async handle(message: InboundMessage): Promise<void> {
    const { logger, config } = this.deps;
    try {
      if (message.phoneNumberId !== undefined && message.phoneNumberId !== config.phoneNumberId) {
        logger.warn('whatsapp.other_number', { reason: 'message for another business phone number id' });
        return;
      }
      if (message.content.kind === 'ignored') {
        logger.debug('whatsapp.ignored', { type: message.content.type });
        return;
      }
      const userKey = userKeyOf(message.sender, config.appSecret);
      if (userKey === undefined) {
        logger.warn('whatsapp.no_sender', { type: message.content.kind });
        return;
      }
      if (!(await this.processed.claim(message.wamid))) {
        logger.info('whatsapp.duplicate', { type: message.content.kind });
        return;
      }
      await this.queue.run(userKey, () => this.turn(message, userKey));
    } catch (error) {
      // Background work: an error here must be logged, never thrown (nobody awaits it, and the process must live).
      logger.error('whatsapp.handle_failed', { name: (error as Error).name });
    }
  }

  private async turn(message: InboundMessage, userKey: string): Promise<void> {
    const { logger, config, bot, texts } = this.deps;
    await this.window.recordInbound(userKey, message.sentAt ?? this.now().getTime());
    // A message redelivered long after it was sent may no longer be answered (Meta's 24-hour rule).
    if (!(await this.window.isOpen(userKey))) {
      logger.warn('whatsapp.window_closed', { reason: 'message older than 24 hours; not answered' });
      return;
    }
    const activity = activityFromInbound(message, userKey, config, this.now());
    logger.info('whatsapp.inbound', { type: message.content.kind });
    if (message.content.kind !== 'unsupported') {
      await this.adapter.processActivity(activity, (context) => bot.run(context));
      return;
    }
    logger.info('whatsapp.unsupported', { type: message.content.type });
    await this.adapter.processActivity(activity, async (context) => {
      const lang = (await this.profile.get(context, {})).lang ?? 'nl';
      const body = texts.text_only[lang];
      await context.sendActivity({ type: ActivityTypes.Message, text: body, channelData: { whatsapp: { type: 'text', text: { body, preview_url: false } } } });
    });
  }
}
