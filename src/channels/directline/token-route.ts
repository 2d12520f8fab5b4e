import { randomBytes } from 'node:crypto';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../../logger';
import type { RouteModule } from '../../server';
import { generateDirectLineToken } from './azure-token';
import { ConversationLimitError, type ConversationStore } from './conversation-store';
import { DIRECT_LINE_PATH } from './local-directline';

export const TOKEN_PATH = '/api/directline/token';

/** Where the page's Direct Line is: the bot's own (local) or Azure's (production, with a secret). */
export type TokenSource =
  | { kind: 'local'; store: ConversationStore }
  | { kind: 'azure'; secret: string; baseUrl: string; fetch?: typeof fetch }
  /** MicrosoftAppId set without DIRECT_LINE_SECRET: the local Direct Line is for local mode only. */
  | { kind: 'off' };

/** What the page receives to open its conversation. */
export interface PageSession {
  mode: 'local' | 'azure';
  /** Direct Line base for Web Chat's createDirectLine ({ domain }); a path on this server in local mode. */
  domain: string;
  token: string;
  conversationId: string;
  /** Server-chosen user id; the page gives it to Web Chat as userID. */
  userId: string;
  expiresIn: number;
}

/** The page cannot get a conversation in this configuration. */
class WebChatOffError extends Error {
  override readonly name = 'WebChatOffError';
}

function readLocale(body: unknown): string | undefined {
  const locale = (body as { locale?: unknown } | undefined)?.locale;
  return typeof locale === 'string' && /^[A-Za-z]{2}(-[A-Za-z]{2})?$/.test(locale) ? locale : undefined;
}

/**
 * POST /api/directline/token: a token for one new conversation. Local mode opens it in the bot's own Direct
 * Line; production exchanges DIRECT_LINE_SECRET with Azure, so the secret stays on the server.
 */
export function tokenRoute(source: TokenSource, logger: Logger): RouteModule {
  const issue = async (body: unknown): Promise<PageSession> => {
    if (source.kind === 'off') throw new WebChatOffError();
    if (source.kind === 'local') {
      const conversation = source.store.create(readLocale(body));
      return {
        mode: 'local',
        domain: DIRECT_LINE_PATH,
        token: conversation.token,
        conversationId: conversation.id,
        userId: conversation.userId,
        expiresIn: source.store.expiresInSeconds,
      };
    }
    const userId = `dl_${randomBytes(12).toString('base64url')}`;
    const token = await generateDirectLineToken(source.baseUrl, source.secret, userId, source.fetch);
    return { mode: 'azure', domain: `${source.baseUrl}${DIRECT_LINE_PATH}`, userId, ...token };
  };

  return (server: Server) => {
    server.post(
      TOKEN_PATH,
      restify.plugins.bodyParser({ maxBodySize: 1024, mapParams: false, rejectUnknown: false }),
      async (req: Request, res: Response) => {
        res.header('cache-control', 'no-store');
        try {
          const session = await issue(req.body);
          logger.info('directline_token', { mode: session.mode });
          res.status(200);
          res.json(session);
        } catch (err) {
          const busy = err instanceof ConversationLimitError;
          const off = err instanceof WebChatOffError;
          logger.warn('directline_token_failed', { name: (err as Error).name, status: (err as { status?: number }).status });
          if (busy) res.header('retry-after', '60');
          res.status(busy || off ? 503 : 502);
          res.json({
            error: off
              ? 'Web chat is off: with MicrosoftAppId set it needs DIRECT_LINE_SECRET.'
              : busy
                ? 'The chat is busy; please try again in a minute.'
                : 'The chat service is not reachable; please try again.',
          });
        }
      },
    );
  };
}
