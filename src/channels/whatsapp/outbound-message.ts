/**
 * The message objects the connector posts to the Cloud API's /messages endpoint (without the recipient fields,
 * which the adapter adds), and the limits Meta puts on them.
 */

export const LIMITS = {
  /** Characters in a text message body. */
  textBody: 4096,
  /** Characters in the body of an interactive (buttons or list) message. */
  interactiveBody: 1024,
  /** Reply buttons per message, and characters per button title. */
  buttons: 3,
  buttonTitle: 20,
  /** Rows in a list message, characters per row title and description, and in the button that opens the list. */
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  listButton: 20,
  /** Characters in a button or row id. */
  replyId: 200,
} as const;

export interface TextMessage {
  type: 'text';
  text: { body: string; preview_url: boolean };
}

export interface ReplyButton {
  type: 'reply';
  reply: { id: string; title: string };
}

export interface ButtonMessage {
  type: 'interactive';
  interactive: { type: 'button'; body: { text: string }; action: { buttons: ReplyButton[] } };
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export interface ListMessage {
  type: 'interactive';
  interactive: { type: 'list'; body: { text: string }; action: { button: string; sections: { rows: ListRow[] }[] } };
}

export type OutboundMessage = TextMessage | ButtonMessage | ListMessage;

/** Where to send: by phone number (`to`) when known, and by business-scoped user id (`recipient`). */
export interface WhatsAppAddress {
  to?: string;
  recipient?: string;
}

/** True for a value the renderer produced (the adapter posts it as is). */
export function isOutboundMessage(value: unknown): value is OutboundMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; text?: { body?: unknown }; interactive?: { type?: unknown } };
  if (message.type === 'text') return typeof message.text?.body === 'string';
  return message.type === 'interactive' && (message.interactive?.type === 'button' || message.interactive?.type === 'list');
}

/** The reply id of the choice at `index` leading to `goto`; the index keeps ids unique when two choices share a target. */
export function choiceId(index: number, goto: string): string {
  return `${index + 1}:${goto}`.slice(0, LIMITS.replyId);
}

/** The target of a reply id made by choiceId, or undefined for an id we did not make. */
export function gotoOfChoiceId(id: string): string | undefined {
  const match = /^\d{1,2}:([a-z0-9_]{1,64})$/.exec(id);
  return match?.[1];
}
