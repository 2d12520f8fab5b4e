import type { Activity } from 'botbuilder';

/** Longest message text accepted from the page; the assistant answers questions, not documents. */
export const MAX_TEXT_CHARS = 2000;
/** Largest `value` (a card button's data) accepted, as JSON. */
const MAX_VALUE_CHARS = 2000;
const ACCEPTED_TYPES = ['message', 'event', 'typing'] as const;

/** The browser sent something that is not an activity the local Direct Line takes. */
export class UserActivityError extends Error {
  override readonly name = 'UserActivityError';
}

function optionalString(body: Record<string, unknown>, field: string, max: number): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new UserActivityError(`"${field}" must be a string.`);
  if (value.length > max) throw new UserActivityError(`"${field}" is longer than ${max} characters.`);
  return value;
}

/**
 * Keeps only what the bot needs from an activity the page posts: type, text, value, event name, locale and
 * Web Chat's client ids (it matches its own messages by them). Sender, names, entities and attachments are
 * dropped: the server decides who the sender is, and no names are stored.
 */
export function readUserActivity(body: unknown): Partial<Activity> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new UserActivityError('The body must be an activity object.');
  const raw = body as Record<string, unknown>;
  const type = raw.type;
  if (typeof type !== 'string' || !(ACCEPTED_TYPES as readonly string[]).includes(type)) {
    throw new UserActivityError(`"type" must be one of ${ACCEPTED_TYPES.join(', ')}.`);
  }
  if (Array.isArray(raw.attachments) && raw.attachments.length > 0) throw new UserActivityError('Attachments are not supported.');
  const activity: Partial<Activity> = { type };
  const text = optionalString(raw, 'text', MAX_TEXT_CHARS);
  if (text !== undefined) activity.text = text;
  const name = optionalString(raw, 'name', 100);
  if (name !== undefined) activity.name = name;
  const locale = optionalString(raw, 'locale', 20);
  if (locale !== undefined && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) activity.locale = locale;
  if (raw.value !== undefined) {
    const json = JSON.stringify(raw.value);
    if (json === undefined || json.length > MAX_VALUE_CHARS) throw new UserActivityError(`"value" must be JSON of at most ${MAX_VALUE_CHARS} characters.`);
    activity.value = JSON.parse(json) as unknown;
  }
  const channelData = raw.channelData as Record<string, unknown> | undefined;
  if (channelData && typeof channelData === 'object') {
    const kept: Record<string, string> = {};
    for (const key of ['clientActivityID', 'clientTimestamp']) {
      const v = channelData[key];
      if (typeof v === 'string' && v.length <= 100) kept[key] = v;
    }
    if (Object.keys(kept).length > 0) activity.channelData = kept;
  }
  return activity;
}
