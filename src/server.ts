import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from './logger';

/** Largest request body accepted on /api/messages; restify has no limit of its own. */
export const MAX_BODY_BYTES = 256 * 1024;

/** A feature that adds its own routes (web chat page, Direct Line, WhatsApp). */
export type RouteModule = (server: Server) => void;

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  isReady: () => boolean;
  routes?: RouteModule[];
}

/** Counts requests in flight so shutdown can wait for running turns. */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  track<T>(work: Promise<T>): Promise<T> {
    this.count += 1;
    return work.finally(() => {
      this.count -= 1;
      if (this.count === 0) this.waiters.splice(0).forEach((w) => w());
    });
  }

  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}

function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.json(body);
}

/** A body botbuilder can process: an object with a string `type`; anything else is the client's error. */
function isActivity(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && typeof (body as { type?: unknown }).type === 'string';
}

export function createServer(deps: ServerDeps, inFlight: InFlight): Server {
  const server = restify.createServer({ name: 'traces-nt-assistant', handleUncaughtExceptions: false });
  server.pre(restify.plugins.pre.dedupeSlashes());

  server.post(
    '/api/messages',
    restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }),
    async (req: Request, res: Response) => {
      if (!isActivity(req.body)) return sendJson(res, 400, { error: 'The body must be a Bot Framework activity with a "type".' });
      await inFlight.track(deps.adapter.process(req, res, (context) => deps.bot.run(context)));
    },
  );

  server.get('/healthz', async (_req: Request, res: Response) => {
    const ready = deps.isReady();
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ok' : 'starting' });
  });

  for (const register of deps.routes ?? []) register(server);

  // Errors restify raises itself (bad JSON, too large, unknown route) answer without internals.
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    deps.logger.warn('http_error', { status, route: req.getPath?.() ?? '', name: err.name });
    const message = status >= 500 ? 'Internal error' : err.message.slice(0, 200);
    // restify sends the error itself; we only choose what its body shows.
    (err as Error & { toJSON: () => unknown }).toJSON = () => ({ error: message });
    return callback();
  });
  return server;
}
