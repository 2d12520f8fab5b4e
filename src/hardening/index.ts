import { ConfigurationBotFrameworkAuthentication, UserState, type BotState, type Middleware, type Storage, type TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Next, Request, Response } from 'restify';
import type { AppConfig } from '../config';
import type { Content, Lang } from '../content/types';
import { USER_PROFILE, type UserProfile } from '../dialogs/state';
import { localeLang } from '../dialogs/walkthrough-dialog';
import type { Logger } from '../logger';
import { guardMiddleware } from './guard-middleware';
import { GuardedAdapter } from './guarded-adapter';
import { MessageIntake } from './message-intake';
import type { HardeningOptions } from './options';
import { securityHeadersPre } from './security-headers';
import { createTurnErrorHandler } from './turn-error';
import { TurnGuard } from './turn-guard';

export { GuardedAdapter, ReplyDeliveryError, UnauthorizedError } from './guarded-adapter';
export { DEFAULT_HARDENING, hardeningOptions, type HardeningOptions } from './options';
export { installProcessSafety } from './process-safety';
export { TurnGuard } from './turn-guard';

/** The adapter for /api/messages: botbuilder's CloudAdapter with bounded authentication and bounded reply delivery. */
export function createGuardedAdapter(config: AppConfig, options: HardeningOptions, authentication?: BotFrameworkAuthentication): GuardedAdapter {
  const auth =
    authentication ??
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.microsoftAppId,
      MicrosoftAppPassword: config.microsoftAppPassword,
      MicrosoftAppType: config.microsoftAppType,
      MicrosoftAppTenantId: config.microsoftAppTenantId,
    });
  return new GuardedAdapter(auth, {
    authRequired: config.microsoftAppId !== '',
    authTimeoutMs: options.authTimeoutMs,
    sendTimeoutMs: options.sendTimeoutMs,
  });
}

export interface HardeningDeps {
  config: AppConfig;
  options: HardeningOptions;
  adapter: GuardedAdapter;
  /** The bot's turn logic for /api/messages. */
  logic: (context: TurnContext) => Promise<void>;
  storage: Storage;
  content: Content;
  logger: Logger;
  conversationState: BotState;
  userState: UserState;
  /** Wraps request work so shutdown waits for it. */
  track?: <T>(work: Promise<T>) => Promise<T>;
}

export interface Hardening {
  guard: TurnGuard;
  intake: MessageIntake;
  /** The /api/messages handler. */
  messages: (req: Request, res: Response) => Promise<void>;
  /** Security headers for every response (server.pre). */
  headers: (req: Request, res: Response, next: Next) => void;
  /** Rate limits, queue and global limit for adapters other than /api/messages: `adapter.use(hardening.middleware)`. */
  middleware: Middleware;
  close(): void;
}

/** Wires the protections around the adapter and the bot; sets the adapter's onTurnError. */
export function createHardening(deps: HardeningDeps): Hardening {
  const { config, options, adapter, content, logger } = deps;
  // Read-only view of the user's language (same key as the bot's profile), for refusals and error replies.
  const profile = deps.userState.createProperty<UserProfile>(USER_PROFILE);
  const languageOf = async (context: TurnContext): Promise<Lang> => (await profile.get(context, {})).lang ?? localeLang(context.activity.locale);

  adapter.onTurnError = createTurnErrorHandler({ content, logger, conversationState: deps.conversationState, languageOf });
  const guard = new TurnGuard(options);
  const intake = new MessageIntake({ adapter, logic: deps.logic, guard, storage: deps.storage, content, logger, options, languageOf, track: deps.track });
  const connectOrigins = config.directLineSecret ? [config.directLineBaseUrl] : [];
  return {
    guard,
    intake,
    messages: intake.handle,
    headers: securityHeadersPre({ connectOrigins }),
    middleware: guardMiddleware({ guard, maxTextChars: options.maxTextChars, content, logger, languageOf }),
    close: () => intake.close(),
  };
}
