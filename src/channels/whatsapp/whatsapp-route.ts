import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logger';
import type { RouteModule } from '../../server';
import { BodyTooLargeError, readRawBody } from './raw-body';
import { isValidSignature, sameSecret } from './signature';

export const WHATSAPP_PATH = '/api/whatsapp';
/** Largest webhook body accepted; Meta's payloads are a few kilobytes. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;
/** Longest hub.challenge echoed back; Meta sends a short number. */
const MAX_CHALLENGE = 256;

export interface WebhookTarget {
  verifyToken: string;
  appSecret: string;
  /** Called with a parsed payload once its signature checked out; must return at once. */
  accept(payload: unknown): void;
}

function reply(res: Response, status: number, body: string, contentType = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': `${contentType}; charset=utf-8`, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const jsonError = (message: string): string => JSON.stringify({ error: message });

/** GET: Meta's subscription handshake; the challenge is echoed only for the right verify token. */
function verifySubscription(target: WebhookTarget, logger: Logger) {
  // restify takes a two-argument handler only when it is async.
  return async (req: Request, res: Response): Promise<void> => {
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const challenge = query.get('hub.challenge') ?? '';
    const ok =
      query.get('hub.mode') === 'subscribe' &&
      sameSecret(query.get('hub.verify_token') ?? '', target.verifyToken) &&
      challenge !== '' &&
      challenge.length <= MAX_CHALLENGE;
    logger.info('whatsapp.verify', { ok });
    if (ok) reply(res, 200, challenge, 'text/plain');
    else reply(res, 403, jsonError('Verification failed.'));
  };
}

/** POST: the signature is checked over the exact bytes before anything is parsed; the answer goes out before the work. */
function receiveWebhook(target: WebhookTarget, logger: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    let raw: Buffer;
    try {
      raw = await readRawBody(req, MAX_WEBHOOK_BYTES);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      logger.warn('whatsapp.bad_body', { reason: tooLarge ? 'too_large' : 'read_error' });
      return reply(res, tooLarge ? 413 : 400, jsonError(tooLarge ? 'The body is too large.' : 'The body could not be read.'));
    }
    const signature = req.headers['x-hub-signature-256'];
    if (!isValidSignature(raw, typeof signature === 'string' ? signature : undefined, target.appSecret)) {
      logger.warn('whatsapp.bad_signature', { present: signature !== undefined });
      return reply(res, 401, jsonError('Missing or invalid X-Hub-Signature-256.'));
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      logger.warn('whatsapp.bad_body', { reason: 'not_json' });
      return reply(res, 400, jsonError('The body is not JSON.'));
    }
    reply(res, 200, JSON.stringify({ received: true }));
    target.accept(payload);
  };
}

/** The /api/whatsapp routes; registered only when WhatsApp is configured, so otherwise the path answers 404. */
export function whatsAppRoutes(target: WebhookTarget, logger: Logger): RouteModule {
  return (server: Server) => {
    server.get(WHATSAPP_PATH, verifySubscription(target, logger));
    server.post(WHATSAPP_PATH, receiveWebhook(target, logger));
  };
}
