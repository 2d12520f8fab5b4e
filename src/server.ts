import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import restify, { type Next, type Request, type Response, type Server } from 'restify';
import { jsonBodyOnly, refuseUnsafeBodies } from './hardening/json-body';
import { publicErrorMessage } from './hardening/public-error';
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
  /** The protections of src/hardening: the /api/messages handler and the headers every response carries. */
  hardening: {
    messages: (req: Request, res: Response) => Promise<void>;
    headers: (req: Request, res: Response, next: Next) => void;
  };
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

/** The routes; handlers track their own work in the app's InFlight (see createApp), so close() can wait for it. */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'traces-nt-assistant', handleUncaughtExceptions: false });
  server.pre(restify.plugins.pre.dedupeSlashes());
  server.pre(deps.hardening.headers);
  server.pre(refuseUnsafeBodies);

  server.post(
    '/api/messages',
    ...jsonBodyOnly(MAX_BODY_BYTES),
    // Validation, auth, limits, dedupe and the turn itself: see src/hardening/message-intake.ts.
    deps.hardening.messages,
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
    const message = publicErrorMessage(status);
    // restify sends the error itself; we only choose what its body shows.
    (err as Error & { toJSON: () => unknown }).toJSON = () => ({ error: message });
    return callback();
  });
  return server;
}
