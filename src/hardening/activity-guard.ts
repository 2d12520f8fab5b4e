import type { Activity } from 'botbuilder';
import { jsonDepthExceeds } from './json-depth';
import type { HardeningOptions } from './options';

/** Activity types the assistant acts on; every other type (typing, reactions, unknown ones) is acknowledged and ignored. */
export const PROCESSED_TYPES: ReadonlySet<string> = new Set([
  'message',
  'conversationUpdate',
  'installationUpdate',
  'event',
  'invoke',
  'endOfConversation',
]);

const DELIVERY_MODES: ReadonlySet<string> = new Set(['normal', 'notification', 'expectReplies', 'ephemeral']);

/** What to do with a request body at the edge, before authentication, queues and recognition. */
export type Inspection =
  | { kind: 'process'; activity: Activity; textCut: boolean }
  | { kind: 'ignore'; activityType: string }
  | { kind: 'reject'; reason: string };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Channels' ids are printable ASCII; the connector puts them in URL paths and HTTP headers, where anything else throws.
const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;

function isId(value: unknown, maxChars: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxChars && PRINTABLE_ASCII.test(value);
}

function optional(value: unknown, check: (v: unknown) => boolean): boolean {
  return value === undefined || value === null || check(value);
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

// C0 controls other than tab, line feed and carriage return, DEL, and lone surrogates (which no channel sends).
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as recognition may see it: cut to the limit (never inside a surrogate pair) and without unprintable characters. */
export function cleanText(text: string, maxChars: number): { text: string; cut: boolean } {
  let kept = text.length > maxChars ? text.slice(0, maxChars) : text;
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return { text: kept.replace(UNPRINTABLE, ''), cut: kept.length < text.length };
}

function membersOk(value: unknown, options: HardeningOptions): boolean {
  return Array.isArray(value) && value.every((m) => isObject(m) && isId(m.id, options.maxIdChars));
}

/** The first reason the body cannot be processed as an activity, or undefined when its shape is sound. */
function shapeProblem(body: Json, options: HardeningOptions): string | undefined {
  const max = options.maxIdChars;
  if (!isId(body.channelId, max)) return 'channelId must be a non-empty ASCII string.';
  if (!isObject(body.conversation) || !isId(body.conversation.id, max)) return 'conversation.id must be a non-empty ASCII string.';
  if (!isObject(body.from) || !isId(body.from.id, max)) return 'from.id must be a non-empty ASCII string.';
  if (!optional(body.recipient, (r) => isObject(r) && optional(r.id, (id) => isId(id, max)))) return 'recipient must be an object with an id.';
  if (!isHttpUrl(body.serviceUrl)) return 'serviceUrl must be an http(s) URL.';
  if (!optional(body.id, (id) => isId(id, max))) return 'id must be a string.';
  if (!optional(body.replyToId, (id) => isId(id, max))) return 'replyToId must be a string.';
  if (!optional(body.text, (t) => typeof t === 'string')) return 'text must be a string.';
  if (!optional(body.name, (n) => typeof n === 'string' && n.length <= 256)) return 'name must be a string.';
  if (!optional(body.locale, (l) => typeof l === 'string' && l.length <= 64)) return 'locale must be a short string.';
  if (!optional(body.deliveryMode, (d) => typeof d === 'string' && DELIVERY_MODES.has(d))) return 'deliveryMode is not a known mode.';
  for (const field of ['timestamp', 'localTimestamp', 'expiration']) {
    if (!optional(body[field], (t) => typeof t === 'string' && t.length <= 64 && !Number.isNaN(Date.parse(t)))) return `${field} must be a date.`;
  }
  for (const field of ['attachments', 'entities']) {
    if (!optional(body[field], (list) => Array.isArray(list) && list.every(isObject))) return `${field} must be a list of objects.`;
  }
  for (const field of ['membersAdded', 'membersRemoved']) {
    if (!optional(body[field], (list) => membersOk(list, options))) return `${field} must be a list of members with ids.`;
  }
  if (!optional(body.channelData, isObject)) return 'channelData must be an object.';
  return undefined;
}

/**
 * Decides at the edge whether a request body is an activity to process, one to acknowledge and ignore, or not an
 * activity at all (400). Processed activities come back as a copy with text cleaned and long lists cut, so nothing
 * downstream (recognition, storage, renderers) ever sees more than the limits allow.
 */
export function inspectActivity(body: unknown, options: HardeningOptions): Inspection {
  if (!isObject(body)) return { kind: 'reject', reason: 'The body must be a JSON object (a Bot Framework activity).' };
  if (typeof body.type !== 'string' || body.type.length === 0 || body.type.length > 64) {
    return { kind: 'reject', reason: 'The activity needs a "type".' };
  }
  if (jsonDepthExceeds(body, options.maxJsonDepth)) return { kind: 'reject', reason: 'The activity is nested too deeply.' };
  if (!PROCESSED_TYPES.has(body.type)) return { kind: 'ignore', activityType: body.type };
  const problem = shapeProblem(body, options);
  if (problem) return { kind: 'reject', reason: problem };

  // A field sent as null is a field not sent: botbuilder code reads `entities.length` once `entities` is not undefined.
  const activity: Json = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
  let textCut = false;
  if (typeof body.text === 'string') {
    const cleaned = cleanText(body.text, options.maxTextChars);
    activity.text = cleaned.text;
    textCut = cleaned.cut;
  }
  if (Array.isArray(body.attachments)) activity.attachments = body.attachments.slice(0, options.maxAttachments);
  if (Array.isArray(body.entities)) activity.entities = body.entities.slice(0, options.maxEntities);
  if (Array.isArray(body.membersAdded)) activity.membersAdded = body.membersAdded.slice(0, options.maxMembers);
  if (Array.isArray(body.membersRemoved)) activity.membersRemoved = body.membersRemoved.slice(0, options.maxMembers);
  // As CloudAdapter.process does: keep the raw string and give the bot a Date.
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']]) {
    if (typeof body[field] === 'string') {
      activity[raw] = body[field];
      activity[field] = new Date(body[field] as string);
    }
  }
  return { kind: 'process', activity: activity as unknown as Activity, textCut };
}
