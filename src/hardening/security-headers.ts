import type { Next, Request, Response } from 'restify';

export interface SecurityHeaderOptions {
  /**
   * Origins the page may connect to besides its own: the Azure Direct Line service when DIRECT_LINE_SECRET is set
   * (its https origin; the wss origin for its web socket is added automatically). Default: none.
   */
  connectOrigins?: string[];
}

/** The https origin plus its web-socket twin, as CSP needs both for Direct Line. */
function withSocketOrigin(origin: string): string[] {
  const url = new URL(origin);
  const socket = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${socket}//${url.host}`];
}

/**
 * The Content-Security-Policy of every response: scripts, frames, fonts, forms only from our own origin, no inline
 * script and no eval. Styles allow 'unsafe-inline' because Web Chat injects its styles at runtime (emotion) and a
 * static page cannot carry a per-response nonce; images allow data: and blob: for Web Chat's own icons and uploads.
 */
export function contentSecurityPolicy(options: SecurityHeaderOptions = {}): string {
  const connect = ["'self'", 'blob:', ...(options.connectOrigins ?? []).flatMap(withSocketOrigin)];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** Headers set on every response (pages, API answers, errors), before any route runs. */
export function securityHeaders(options: SecurityHeaderOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'SAMEORIGIN',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

/** A restify pre-handler that sets the security headers on every response, including 404s and restify's own errors. */
export function securityHeadersPre(options: SecurityHeaderOptions = {}): (req: Request, res: Response, next: Next) => void {
  const headers = Object.entries(securityHeaders(options));
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
