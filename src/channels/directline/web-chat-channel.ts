import type { ActivityHandler, CloudAdapter, Middleware } from 'botbuilder';
import type { AppConfig } from '../../config';
import type { Logger } from '../../logger';
import type { RouteModule } from '../../server';
import { webChatPage } from '../webchat-page';
import { createBotBridge } from './bot-bridge';
import { ConversationStore, type ConversationStoreOptions } from './conversation-store';
import { localDirectLine } from './local-directline';
import { tokenRoute, type TokenSource } from './token-route';

export interface WebChatChannelDeps {
  config: Pick<AppConfig, 'directLineSecret' | 'directLineBaseUrl' | 'microsoftAppId'>;
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** The server's in-flight counter, so shutdown waits for Direct Line turns too. */
  track?: <T>(work: Promise<T>) => Promise<T>;
  /** Middleware run around each local Direct Line turn (the hardening's rate limits). */
  guard?: Middleware;
  /** Limits of the local Direct Line (tests use small ones and a fake clock). */
  localStore?: ConversationStoreOptions;
  /** fetch for the Azure token exchange (tests use a fake service). */
  fetch?: typeof fetch;
}

export interface WebChatChannel {
  mode: 'local' | 'azure' | 'off';
  routes: RouteModule[];
  /** The local Direct Line's conversations (local mode only). */
  store?: ConversationStore;
}

/** How often expired local conversations are swept (also swept when a new one would not fit). */
const SWEEP_EVERY_MS = 60_000;

/**
 * The web chat: the page, and where it gets its Direct Line. With DIRECT_LINE_SECRET, tokens come from Azure;
 * in local mode (no MicrosoftAppId) the bot serves its own Direct Line; otherwise the page says chat is off.
 */
export function webChatChannel(deps: WebChatChannelDeps): WebChatChannel {
  const { config, logger } = deps;
  if (config.directLineSecret) {
    const source: TokenSource = { kind: 'azure', secret: config.directLineSecret, baseUrl: config.directLineBaseUrl, fetch: deps.fetch };
    return { mode: 'azure', routes: [webChatPage(), tokenRoute(source, logger)] };
  }
  if (config.microsoftAppId) {
    logger.warn('webchat_off', { reason: 'MicrosoftAppId is set without DIRECT_LINE_SECRET' });
    return { mode: 'off', routes: [webChatPage(), tokenRoute({ kind: 'off' }, logger)] };
  }
  const store = new ConversationStore(deps.localStore);
  setInterval(() => store.sweep(), SWEEP_EVERY_MS).unref();
  const turn = createBotBridge({ adapter: deps.adapter, bot: deps.bot, track: deps.track, guard: deps.guard });
  return {
    mode: 'local',
    store,
    routes: [webChatPage(), tokenRoute({ kind: 'local', store }, logger), localDirectLine({ store, turn, logger })],
  };
}
