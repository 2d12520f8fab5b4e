import { ConversationState, UserState, type ActivityHandler } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { AddressInfo } from 'node:net';
import { AssistantBot } from './bots/assistant-bot';
import { webChatChannel } from './channels/directline/web-chat-channel';
import { registerRenderer } from './channels/renderers';
import { renderTeams } from './channels/render-teams';
import { renderWebChat } from './channels/render-webchat';
import { createWhatsApp, type WhatsAppChannel } from './channels/whatsapp';
import { loadConfig, type AppConfig } from './config';
import { loadContent, trainingExamples } from './content/loader';
import type { Content } from './content/types';
import { createAssistantFeatures, type AssistantFeatures } from './dialogs/assistant-features';
import { MainDialog } from './dialogs/main-dialog';
import { ReplyBuilder } from './dialogs/replies';
import { createGuardedAdapter, createHardening, hardeningOptions, installProcessSafety, type GuardedAdapter, type HardeningOptions } from './hardening';
import { createLogger, type Logger } from './logger';
import { createRecognizer } from './nlu/recognizer';
import type { Recognizer } from './nlu/types';
import { redactingLogger } from './privacy/redacting-logger';
import { createServer, InFlight, type RouteModule } from './server';
import type { AppStorage } from './storage/app-storage';
import { createStorage } from './storage/create-storage';
import { startRetentionSweep } from './storage/retention';

export interface AppOptions {
  /** Use this store instead of the one the config names (tests, benchmarks). */
  storage?: AppStorage;
  /** Replace the assistant with another bot on the same adapter (the benchmark's echo floor). */
  bot?: ActivityHandler;
  logger?: Logger;
  content?: Content;
  /** Extra routes (channels) to serve. */
  routes?: RouteModule[];
  /** Overrides of the hardening limits (tests: low rate limits, short timeouts). */
  hardening?: Partial<HardeningOptions>;
  /** Token validation other than Microsoft's (tests: a local OpenID metadata endpoint). */
  authentication?: BotFrameworkAuthentication;
  /** Clock for dates, follow-ups and analytics (default: the system clock). */
  now?: () => Date;
}

export interface App {
  config: AppConfig;
  content: Content;
  storage: AppStorage;
  adapter: GuardedAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** The WhatsApp channel, when WHATSAPP_* is configured. */
  whatsapp?: WhatsAppChannel;
  /** Dates, handoff, follow-ups, feedback and analytics (absent when `options.bot` replaces the assistant). */
  features?: AssistantFeatures;
  /** Starts serving; resolves to the base URL (with the real port when config.port is 0). */
  listen(): Promise<string>;
  /** Stops taking requests, waits for running turns, flushes state. */
  close(): Promise<void>;
}

/** What the retention sweep purges: bot state and analytics days, keeping the key salt (rewritten first) alive. */
function retentionTarget(storage: AppStorage, features: AssistantFeatures | undefined): Pick<AppStorage, 'sweep'> {
  return {
    sweep: async (olderThan) => {
      await features?.keys.touch(storage);
      return (await storage.sweep(olderThan)) + ((await features?.events.sweep(olderThan)) ?? 0);
    },
  };
}

let defaultUnderstanding: { content: Content; recognizer: Recognizer } | undefined;

/** Content and the recogniser trained on it are read-only, so every app in a process shares the default ones. */
function understandingFor(content?: Content): { content: Content; recognizer: Recognizer } {
  if (content) return { content, recognizer: createRecognizer(trainingExamples(content)) };
  if (!defaultUnderstanding) {
    const loaded = loadContent();
    defaultUnderstanding = { content: loaded, recognizer: createRecognizer(trainingExamples(loaded)) };
  }
  return defaultUnderstanding;
}

/** Composition root: config → storage → recogniser → bot → server. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<App> {
  registerRenderer('webchat', renderWebChat);
  registerRenderer('directline', renderWebChat);
  registerRenderer('msteams', renderTeams);
  // Whoever logs, text fields lose e-mail addresses, phone numbers, IBANs and passwords first.
  const logger = redactingLogger(options.logger ?? createLogger(config.logLevel));
  const { content, recognizer } = understandingFor(options.content);
  const storage = options.storage ?? (await createStorage(config, (event, fields) => logger.info(event, fields as never)));
  const limits = hardeningOptions(options.hardening);
  const adapter = createGuardedAdapter(config, limits, options.authentication);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  let bot = options.bot;
  let features: AssistantFeatures | undefined;
  if (!bot) {
    const assistant = new AssistantBot(conversationState, userState, logger);
    features = await createAssistantFeatures({ config, content, storage, logger, recognizer, adapter, conversationState, userState, assistant, now: options.now });
    const main = new MainDialog(
      {
        replies: new ReplyBuilder(content),
        recognizer,
        profile: assistant.profile,
        conversation: assistant.conversationData,
        effects: assistant,
        logger,
        hooks: features.hooks,
      },
      features.dialogs,
    );
    assistant.attachDialog(main);
    features.attach(main);
    bot = assistant;
  }
  const inFlight = new InFlight();
  // Every channel reports its background turns here, so close() can wait for them.
  const track = <T>(work: Promise<T>): Promise<T> => inFlight.track(work);
  let ready = false;
  let stopRetention = (): void => undefined;
  const whatsapp = config.whatsapp
    ? createWhatsApp({ config: config.whatsapp, bot, storage, logger, track })
    : undefined;
  const routes = [...(options.routes ?? []), ...(whatsapp ? [whatsapp.route] : [])];
  // Also sets adapter.onTurnError; the WhatsApp adapter gets the same rate limits and global limit as middleware.
  const hardening = createHardening({ config, options: limits, adapter, logic: (context) => bot.run(context), storage, content, logger, conversationState, userState, track });
  whatsapp?.channel.adapter.use(hardening.middleware);
  // The web chat page and its Direct Line (the bot's own in local mode, Azure's with DIRECT_LINE_SECRET).
  const webChat = webChatChannel({ config, adapter, bot, logger, track, guard: hardening.middleware });
  const server = createServer({ adapter, bot, logger, isReady: () => ready, routes: [...routes, ...webChat.routes], hardening });

  return {
    config,
    content,
    storage,
    adapter,
    bot,
    logger,
    whatsapp: whatsapp?.channel,
    features,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, '0.0.0.0', () => {
          ready = true;
          features?.start();
          stopRetention = startRetentionSweep(retentionTarget(storage, features), config.retentionDays, {
            now: options.now,
            log: (event, fields) => logger.info(event, fields as never),
          });
          const port = (server.address() as AddressInfo).port;
          const url = `http://localhost:${port}`;
          logger.info('listening', { port, url });
          resolve(url);
        });
      }),
    close: async () => {
      ready = false;
      stopRetention();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets would hold close() open; in-flight turns are awaited below instead.
        server.server.closeIdleConnections?.();
      });
      await inFlight.idle();
      await features?.close();
      hardening.close();
      await storage.close();
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  installProcessSafety(app.logger);
  await app.listen();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info('stopping', { signal });
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

if (require.main === module) {
  main().catch((err: Error) => {
    // Config and content errors are written for the person starting the app; print the message, not a stack.
    process.stderr.write(`Could not start: ${err.message}\n`);
    process.exit(1);
  });
}
