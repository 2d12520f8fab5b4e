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
