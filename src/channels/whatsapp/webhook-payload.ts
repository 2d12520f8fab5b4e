/**
 * The parts of Meta's webhook payload (object "whatsapp_business_account") the connector reads, and a parser that
 * turns one payload into inbound events. Everything is read defensively: a field of the wrong type counts as absent.
 */

/** Who wrote: the business-scoped user id (BSUID) when Meta sends one, the WhatsApp id (a phone number) when it does. */
export interface Sender {
  bsuid?: string;
  waId?: string;
}

/** What the user sent, reduced to what the assistant can act on. */
export type InboundContent =
  | { kind: 'text'; text: string }
  /** A tapped reply button or list row: `id` is the one we sent, `title` what the user saw. */
  | { kind: 'choice'; id: string; title: string }
  /** Media, location, contacts, unknown types: answered with "I can only read text". */
  | { kind: 'unsupported'; type: string }
  /** Reactions, system notices, group messages, welcome requests: no answer. */
  | { kind: 'ignored'; type: string };

export interface InboundMessage {
  /** Meta's message id (wamid); it encodes the sender's number, so it is never logged or stored as is. */
  wamid: string;
  sender: Sender;
  /** When the user sent it (Meta's timestamp), in ms since the epoch; undefined when Meta's value is unusable. */
  sentAt?: number;
  /** The business phone number id the message was sent to. */
  phoneNumberId?: string;
  content: InboundContent;
}

type Obj = Record<string, unknown>;

const asObject = (value: unknown): Obj | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Media and other message types a person may send that carry no text we can read. */
const MEDIA_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'order', 'unsupported']);
/** Message types that need no answer: a reaction (or its removal), a system notice, the "open chat" signal. */
const SILENT_TYPES = new Set(['reaction', 'system', 'request_welcome', 'ephemeral', 'revoke']);

function contentOf(message: Obj): InboundContent {
  const type = asString(message.type) ?? 'unknown';
  if (asString(message.group_id)) return { kind: 'ignored', type: 'group' };
  if (type === 'text') return { kind: 'text', text: asString(asObject(message.text)?.body) ?? '' };
  if (type === 'interactive') {
    const interactive = asObject(message.interactive);
    const reply = asObject(interactive?.button_reply) ?? asObject(interactive?.list_reply);
    const id = asString(reply?.id);
    const title = asString(reply?.title);
    if (id !== undefined && title !== undefined) return { kind: 'choice', id, title };
    return { kind: 'unsupported', type: `interactive.${asString(interactive?.type) ?? 'unknown'}` };
  }
  // A quick-reply button of a template message: its text is what the user chose.
  if (type === 'button') {
    const text = asString(asObject(message.button)?.text);
    return text !== undefined ? { kind: 'text', text } : { kind: 'unsupported', type };
  }
  if (SILENT_TYPES.has(type)) return { kind: 'ignored', type };
  if (MEDIA_TYPES.has(type)) return { kind: 'unsupported', type };
  return { kind: 'unsupported', type: 'unknown' };
}

function senderOf(message: Obj, contacts: Obj[]): Sender {
  const waId = asString(message.from);
  // The contact entry that belongs to this message: the one with the same wa_id, else the only one.
  const contact = contacts.find((c) => waId !== undefined && asString(c.wa_id) === waId) ?? (contacts.length === 1 ? contacts[0] : undefined);
  return {
    bsuid: asString(message.from_user_id) ?? asString(contact?.user_id),
    waId: waId ?? asString(contact?.wa_id),
  };
}

function sentAtOf(message: Obj): number | undefined {
  const seconds = Number(asString(message.timestamp) ?? message.timestamp);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** Every message in a webhook payload; statuses and other fields are skipped. Never throws. */
export function parseWebhookPayload(payload: unknown): InboundMessage[] {
  const root = asObject(payload);
  if (root?.object !== 'whatsapp_business_account') return [];
  const out: InboundMessage[] = [];
  for (const entry of asArray(root.entry)) {
    for (const change of asArray(asObject(entry)?.changes)) {
      const value = asObject(asObject(change)?.value);
      if (!value) continue;
      const contacts = asArray(value.contacts).map(asObject).filter((c): c is Obj => c !== undefined);
      const phoneNumberId = asString(asObject(value.metadata)?.phone_number_id);
      for (const raw of asArray(value.messages)) {
        const message = asObject(raw);
        const wamid = asString(message?.id);
        if (!message || wamid === undefined) continue;
        out.push({ wamid, sender: senderOf(message, contacts), sentAt: sentAtOf(message), phoneNumberId, content: contentOf(message) });
      }
    }
  }
  return out;
}
