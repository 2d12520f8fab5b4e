/** Signature algorithms Bot Framework tokens use; anything else (none, HS256) is refused before any network call. */
const ALLOWED_ALGS: ReadonlySet<string> = new Set(['RS256', 'RS384', 'RS512']);
const MAX_HEADER_CHARS = 16 * 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function decodeJsonPart(part: string): Record<string, unknown> | undefined {
  if (!BASE64URL.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why an Authorization header cannot hold a Bot Framework token ('missing' or 'malformed'), or undefined when it has
 * the shape of one: "Bearer" and a JWT whose header names an RSA algorithm and a key id. Checked locally so junk is
 * refused at once; the signature itself is verified by botbuilder against Microsoft's published keys.
 */
export function bearerTokenProblem(header: string | undefined): 'missing' | 'malformed' | undefined {
  if (header === undefined || header.trim() === '') return 'missing';
  if (header.length > MAX_HEADER_CHARS) return 'malformed';
  const match = /^Bearer ([^.\s]+)\.([^.\s]+)\.([^.\s]+)$/.exec(header.trim());
  if (!match) return 'malformed';
  const [, headerPart, payloadPart, signature] = match;
  const jose = decodeJsonPart(headerPart);
  if (!jose || typeof jose.alg !== 'string' || !ALLOWED_ALGS.has(jose.alg) || typeof jose.kid !== 'string') return 'malformed';
  if (!decodeJsonPart(payloadPart) || !BASE64URL.test(signature)) return 'malformed';
  return undefined;
}
