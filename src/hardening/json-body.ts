import restify, { type Next, type Request, type RequestHandler, type Response } from 'restify';
import { publicErrorMessage } from './public-error';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/**
 * Refuses, before a byte of the body is read, what restify's general bodyParser would accept around its size limit:
 * multipart uploads (handed to formidable, which writes them to the temp folder whatever maxBodySize says),
 * octet streams (never read nor limited) and gzip bodies (the limit counts compressed bytes, so 256 KB can inflate
 * to hundreds of megabytes). Bot Framework channels send plain application/json.
 */
function requirePlainJson(req: Request, res: Response, next: Next): void {
  const encoding = req.headers['content-encoding'];
  if (!JSON_TYPE.test(req.getContentType()) || (encoding !== undefined && encoding.toLowerCase() !== 'identity')) {
    res.header('connection', 'close');
    res.status(415);
    res.json({ error: publicErrorMessage(415) });
    return next(false);
  }
  return next();
}

/**
 * For every route (server.pre): refuses multipart and compressed bodies, which restify's bodyParser would write to the
 * temp folder or inflate past its limit. No route of the app takes either; the Direct Line and token routes use
 * bodyParser, and an unauthenticated 5 MB multipart POST to them left a file in /tmp.
 */
export function refuseUnsafeBodies(req: Request, res: Response, next: Next): void {
  const encoding = req.headers['content-encoding'];
  const multipart = (req.headers['content-type'] ?? '').toLowerCase().trimStart().startsWith('multipart/');
  if (multipart || (encoding !== undefined && encoding.toLowerCase() !== 'identity')) {
    res.header('connection', 'close');
    res.status(415);
    res.json({ error: publicErrorMessage(415) });
    return next(false);
  }
  return next();
}

/** The body handlers of a JSON-only route: content check, then restify's reader (with the limit) and JSON parser. */
export function jsonBodyOnly(maxBodySize: number): RequestHandler[] {
  // bodyReader: true = jsonBodyParser adds no reader of its own; ours carries the limit.
  return [requirePlainJson, restify.plugins.bodyReader({ maxBodySize }), ...restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true })];
}
