import { expandLinks } from '../format-text';
import type { Reply, ReplyLink } from '../reply';

/** WhatsApp shows no link labels, so a link is its label followed by the URL itself. */
export const whatsAppLink = (link: ReplyLink): string => (link.label === link.url ? link.url : `${link.label}: ${link.url}`);

/** Our markdown subset in WhatsApp's own formatting: **bold** → *bold*, __italic__ → _italic_, [label](url) → label: url. */
export function toWhatsAppFormatting(markdown: string): string {
  return markdown
    .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '*$1*')
    .replace(/__(\S(?:.*?\S)?)__/g, '_$1_')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, (_whole, label: string, url: string) => whatsAppLink({ id: '', label, url }));
}

/** The whole reply (intro, step, text, footer) as one WhatsApp-formatted text, paragraphs separated by a blank line. */
export function whatsAppBody(reply: Reply): string {
  const parts: string[] = [];
  if (reply.intro) parts.push(toWhatsAppFormatting(reply.intro));
  if (reply.step) parts.push(`_${reply.step.label} · ${reply.step.phaseName}_`);
  parts.push(toWhatsAppFormatting(expandLinks(reply.text, reply.links, whatsAppLink)));
  if (reply.footer) parts.push(toWhatsAppFormatting(reply.footer));
  return parts.map((p) => p.trim()).filter((p) => p !== '').join('\n\n');
}

/** Pieces of `text` of at most `limit` characters, cut at the coarsest boundary that fits: paragraph, line, word. */
export function splitText(text: string, limit: number): string[] {
  const trimmed = text.trim();
  if (trimmed.length <= limit) return trimmed === '' ? [] : [trimmed];
  for (const separator of ['\n\n', '\n', ' ']) {
    const pieces = trimmed.split(separator);
    if (pieces.length > 1) return packPieces(pieces, separator, limit);
  }
  return hardCut(trimmed, limit);
}

/** Joins consecutive pieces while they fit; a piece that alone is too long is split further. */
function packPieces(pieces: string[], separator: string, limit: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const joined = current === '' ? piece : current + separator + piece;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current.trim() !== '') out.push(current.trim());
    if (piece.length <= limit) {
      current = piece;
    } else {
      out.push(...splitText(piece, limit));
      current = '';
    }
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

/** Last resort for a word longer than the limit: cut between characters, never inside a surrogate pair. */
function hardCut(text: string, limit: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const char of text) {
    if (current.length + char.length > limit) {
      out.push(current);
      current = '';
    }
    current += char;
  }
  if (current !== '') out.push(current);
  return out;
}
