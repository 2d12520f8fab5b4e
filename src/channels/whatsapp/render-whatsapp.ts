import { ActivityTypes, type Activity } from 'botbuilder';
import type { Renderer } from '../renderers';
import type { Reply, ReplyChoice } from '../reply';
import { choiceId, LIMITS, type ButtonMessage, type ListMessage, type ListRow, type OutboundMessage, type TextMessage } from './outbound-message';
import { splitText, whatsAppBody } from './whatsapp-text';
import type { WhatsAppTexts } from './whatsapp-texts';

/** How the choices of a reply are shown: reply buttons, a list, or numbered lines in the text. */
export type ChoiceForm = 'buttons' | 'list' | 'numbered';

/** Buttons when up to 3 short unique labels, a list when up to 10 labels that fit a row, else numbered text. */
export function choiceForm(choices: readonly ReplyChoice[]): ChoiceForm {
  const labels = choices.map((c) => c.label.trim());
  const unique = new Set(labels.map((l) => l.toLowerCase())).size === labels.length;
  if (!unique || labels.some((l) => l === '')) return 'numbered';
  if (labels.length <= LIMITS.buttons && labels.every((l) => l.length <= LIMITS.buttonTitle)) return 'buttons';
  if (labels.length <= LIMITS.listRows && labels.every((l) => l.length <= LIMITS.rowDescription)) return 'list';
  return 'numbered';
}

/** Cuts `text` to `max` characters with an ellipsis, never inside a surrogate pair. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return out.trimEnd() + '…';
}

function textMessages(body: string): TextMessage[] {
  // Preview only when the message has a link, so a plain answer does not carry an empty preview box.
  return splitText(body, LIMITS.textBody).map((piece) => ({ type: 'text', text: { body: piece, preview_url: /https?:\/\//.test(piece) } }));
}

/**
 * Splits a body into text sent first and the part that goes with the choices: as many closing paragraphs as fit
 * the interactive body (they usually hold the question); when none fits, a short "choose below" line.
 */
function splitForInteractive(body: string, chooseBelow: string): { before: string; withChoices: string } {
  const paragraphs = body.split('\n\n');
  let start = paragraphs.length;
  while (start > 0 && paragraphs.slice(start - 1).join('\n\n').length <= LIMITS.interactiveBody) start -= 1;
  const withChoices = paragraphs.slice(start).join('\n\n');
  if (withChoices.trim() === '') return { before: body, withChoices: chooseBelow };
  return { before: paragraphs.slice(0, start).join('\n\n'), withChoices };
}

function buttonMessage(body: string, choices: readonly ReplyChoice[]): ButtonMessage {
  const buttons = choices.map((c, i) => ({ type: 'reply' as const, reply: { id: choiceId(i, c.goto), title: c.label.trim() } }));
  return { type: 'interactive', interactive: { type: 'button', body: { text: body }, action: { buttons } } };
}

function listMessage(body: string, choices: readonly ReplyChoice[], button: string): ListMessage {
  const rows = choices.map((c, i): ListRow => {
    const label = c.label.trim();
    const row: ListRow = { id: choiceId(i, c.goto), title: shorten(label, LIMITS.rowTitle) };
    // A label too long for the row title is shown whole in the description.
    if (row.title !== label) row.description = label;
    return row;
  });
  return { type: 'interactive', interactive: { type: 'list', body: { text: body }, action: { button, sections: [{ rows }] } } };
}

function numberedBody(body: string, choices: readonly ReplyChoice[], hint: string): string {
  const lines = choices.map((c, i) => `${i + 1}. ${c.label.trim()}`).join('\n');
  return [body, lines, `_${hint}_`].filter((p) => p !== '').join('\n\n');
}

/** A reply as the WhatsApp messages that show it, in order. */
export function renderWhatsAppMessages(reply: Reply, texts: WhatsAppTexts): OutboundMessage[] {
  const body = whatsAppBody(reply);
  if (reply.choices.length === 0) return textMessages(body);
  const form = choiceForm(reply.choices);
  if (form === 'numbered') return textMessages(numberedBody(body, reply.choices, texts.numbered_hint[reply.lang]));
  const { before, withChoices } = splitForInteractive(body, texts.choose_below[reply.lang]);
  const interactive =
    form === 'buttons' ? buttonMessage(withChoices, reply.choices) : listMessage(withChoices, reply.choices, texts.list_button[reply.lang]);
  return [...textMessages(before), interactive];
}

/** The visible text of a message, for transcripts and tests. */
export function visibleText(message: OutboundMessage): string {
  return message.type === 'text' ? message.text.body : message.interactive.body.text;
}

/** The renderer registered for channel "whatsapp": each message travels in channelData.whatsapp, posted as is. */
export function createWhatsAppRenderer(texts: WhatsAppTexts): Renderer {
  return (reply: Reply): Partial<Activity>[] =>
    renderWhatsAppMessages(reply, texts).map((message) => ({
      type: ActivityTypes.Message,
      text: visibleText(message),
      channelData: { whatsapp: message },
    }));
}
