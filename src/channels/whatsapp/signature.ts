import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/**
 * True when `header` (X-Hub-Signature-256) is "sha256=" + the hex HMAC-SHA256 of exactly `rawBody` with the app secret.
 * The comparison takes the same time wherever the first difference is, so the signature cannot be guessed byte by byte.
 */
export function isValidSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (header === undefined || !header.startsWith(PREFIX)) return false;
  const given = Buffer.from(header.slice(PREFIX.length).trim().toLowerCase(), 'utf8');
  const expected = Buffer.from(signBody(rawBody, appSecret), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The hex HMAC-SHA256 Meta sends (without the "sha256=" prefix). */
export function signBody(rawBody: Buffer, appSecret: string): string {
  return createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/** Compares two secrets (the verify token) in constant time for equal lengths. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
