import http from 'node:http';
import { randomUUID } from 'node:crypto';

/** A well-formed expectReplies message from one user in one conversation; override any field. */
export function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/unused',
    conversation: { id: 'conv-1' },
    from: { id: 'user-1', role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    locale: 'nl-NL',
    deliveryMode: 'expectReplies',
    text: 'hallo',
    ...overrides,
  };
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The expectReplies replies, when the body has them. */
  replies: { type: string; text?: string; channelData?: { topicId?: string; lang?: string } }[];
}

/** POSTs a body (an object is sent as JSON, a string as is) and reads the whole answer. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let replies: HttpAnswer['replies'] = [];
  try {
    replies = ((JSON.parse(text) as { activities?: HttpAnswer['replies'] }).activities ?? []).filter((a) => a.type === 'message');
  } catch {
    // Not JSON (empty 200, error bodies): no replies.
  }
  return { status: res.status, headers: res.headers, text, replies };
}

/** Signs of internals leaking into an answer: stack frames, file paths, error class names, parser messages. */
export const INTERNALS = /\bat [\w.<>]+ \(|node_modules|\/src\/|\.js:\d+|\bTypeError\b|\bRangeError\b|SyntaxError|Unexpected token|in JSON at position|stack/i;

/**
 * POSTs on a fresh connection (no keep-alive): a server that answers 413 and drops the rest of an oversized upload
 * closes that socket, and a pooled client would then see a reset on whatever request it sends on it next.
 * Resolves to the status and body, or rejects with the socket error (e.g. EPIPE while uploading a refused body).
 */
export function rawPost(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent: false, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
