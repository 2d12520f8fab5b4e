import type { Activity } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../../logger';
import type { RouteModule } from '../../server';
import type { BotTurn } from './bot-bridge';
import type { ConversationStore, LocalConversation, StoredActivity } from './conversation-store';
import { readUserActivity, UserActivityError } from './user-activity';

export const DIRECT_LINE_PATH = '/v3/directline';
/** The channel id the bot sees, as with Azure Direct Line. */
export const DIRECT_LINE_CHANNEL = 'directline';
/** The bot's side of every local conversation. */
const BOT_ACCOUNT = { id: 'bot', role: 'bot' } as const;
/** Largest activity the browser may post. */
const MAX_ACTIVITY_BYTES = 16 * 1024;
/** Posts one conversation may have waiting; more is a flood, not a person typing. */
const MAX_PENDING_POSTS = 5;
/** The reply to "forget me": the transcript before it is dropped as well. */
const FORGET_TOPIC = 'forget_me';
const LOCALE = /^[A-Za-z]{2}(-[A-Za-z]{2})?$/;

export interface LocalDirectLineDeps {
  store: ConversationStore;
  turn: BotTurn;
  logger: Logger;
}

function send(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.json(body);
}

function bearer(req: Request): string | undefined {
  const header = req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{20,200})$/i.exec(header);
  return match?.[1];
}

/** What Direct Line returns when a conversation starts, resumes or refreshes its token. */
function conversationInfo(store: ConversationStore, conversation: LocalConversation): Record<string, unknown> {
  return { conversationId: conversation.id, token: conversation.token, expires_in: store.expiresInSeconds };
}

/** Runs work after the conversation's earlier turns, so a conversation's state is never written by two turns at once. */
function enqueue<T>(conversation: LocalConversation, work: () => Promise<T>): Promise<T> {
  conversation.pending += 1;
  const result = conversation.queue.then(work).finally(() => {
    conversation.pending -= 1;
  });
  conversation.queue = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

/**
 * A Direct Line 3.0-compatible subset served by the bot itself, so the web page works with no cloud account:
 * start or resume a conversation, post an activity, poll activities after a watermark, refresh a token.
 * Each token opens one conversation only; activities reach the bot in-process (see bot-bridge.ts).
 */
export function localDirectLine(deps: LocalDirectLineDeps): RouteModule {
  const { store, turn, logger } = deps;

  /** The token's conversation, checked against the id in the path; answers 403 itself when they do not match. */
  const authorize = (req: Request, res: Response, conversationId?: string): LocalConversation | undefined => {
    const token = bearer(req);
    const conversation = token ? store.authorize(token) : undefined;
    if (!conversation || (conversationId !== undefined && conversation.id !== conversationId)) {
      send(res, 403, { error: { code: 'TokenExpired', message: 'The token is missing, expired, or not for this conversation.' } });
      return undefined;
    }
    return conversation;
  };

  const base = (conversation: LocalConversation): Partial<Activity> => ({
    channelId: DIRECT_LINE_CHANNEL,
    from: { id: conversation.userId, role: 'user' } as Activity['from'],
    recipient: { ...BOT_ACCOUNT } as Activity['recipient'],
    conversation: { id: conversation.id } as Activity['conversation'],
    locale: conversation.locale,
  });

  /** Stores the bot's replies to an activity, dropping connector details the browser has no use for. */
  const keepReplies = (conversation: LocalConversation, replies: Partial<Activity>[]): StoredActivity[] =>
    replies.map((reply) => {
      const kept: Partial<Activity> = { ...reply, channelId: DIRECT_LINE_CHANNEL, from: { ...BOT_ACCOUNT } as Activity['from'] };
      delete kept.serviceUrl;
      delete kept.deliveryMode;
      return store.append(conversation, kept);
    });

  /** Tells the bot the user joined (once per conversation), which shows the welcome. */
  const start = (conversation: LocalConversation): Promise<void> =>
    enqueue(conversation, async () => {
      if (conversation.started) return;
      conversation.started = true;
      // The join is not part of the transcript the page shows, and nothing there can be "replied to".
      const join = { ...base(conversation), type: 'conversationUpdate', id: `${conversation.id}|join`, timestamp: new Date(), membersAdded: [{ id: conversation.userId }] } as Partial<Activity>;
      const replies = await turn(join);
      keepReplies(conversation, replies.map((reply) => ({ ...reply, replyToId: undefined })));
    });

  return (server: Server) => {
    const json = restify.plugins.bodyParser({ maxBodySize: MAX_ACTIVITY_BYTES, mapParams: false, rejectUnknown: true });
    const small = restify.plugins.bodyParser({ maxBodySize: 1024, mapParams: false, rejectUnknown: false });

    server.post(`${DIRECT_LINE_PATH}/conversations`, small, async (req: Request, res: Response) => {
      const conversation = authorize(req, res);
      if (!conversation) return;
      const wasStarted = conversation.started;
      // Web Chat sends the page's locale here (conversationStartProperties); the welcome is in that language.
      const locale = (req.body as { locale?: unknown } | undefined)?.locale;
      if (!wasStarted && typeof locale === 'string' && LOCALE.test(locale)) conversation.locale = locale;
      await start(conversation);
      send(res, wasStarted ? 200 : 201, conversationInfo(store, conversation));
    });

    // Resume after a page reload: the conversation goes on, nothing is sent to the bot.
    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => {
      const conversation = authorize(req, res, req.params.conversationId as string);
      if (conversation) send(res, 200, conversationInfo(store, conversation));
    });

    server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
      const conversation = authorize(req, res, req.params.conversationId as string);
      if (!conversation) return;
      const watermark = new URL(req.url ?? '', 'http://localhost').searchParams.get('watermark') ?? undefined;
      send(res, 200, store.since(conversation, watermark));
    });

    server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, json, async (req: Request, res: Response) => {
      const conversation = authorize(req, res, req.params.conversationId as string);
      if (!conversation) return;
      let incoming: Partial<Activity> | undefined;
      try {
        incoming = readUserActivity(req.body);
      } catch (err) {
        if (err instanceof UserActivityError) return send(res, 400, { error: { code: 'BadArgument', message: err.message } });
        throw err;
      }
      if (conversation.pending >= MAX_PENDING_POSTS) {
        res.header('Retry-After', '2');
        return send(res, 429, { error: { code: 'TooManyRequests', message: 'Too many messages at once; wait for the answers.' } });
      }
      const user = incoming;
      try {
        const id = await enqueue(conversation, async () => {
          const stored = store.append(conversation, { ...user, ...base(conversation), locale: user.locale ?? conversation.locale });
          if (user.type === 'typing') return stored.id;
          const replies = keepReplies(conversation, await turn(stored));
          const forgot = replies.find((r) => (r.channelData as { topicId?: string } | undefined)?.topicId === FORGET_TOPIC);
          if (forgot) store.forgetBefore(conversation, stored.id);
          return stored.id;
        });
        send(res, 200, { id });
      } catch (err) {
        logger.error('directline_turn_failed', { name: (err as Error).name });
        send(res, 502, { error: { code: 'BotError', message: 'The assistant could not take this message; please try again.' } });
      }
    });

    // Tokens live as long as their conversation is in use, so a refresh returns the same token.
    server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => {
      const conversation = authorize(req, res);
      if (conversation) send(res, 200, conversationInfo(store, conversation));
    });
  };
}
