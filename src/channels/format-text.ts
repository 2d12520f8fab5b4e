import type { Reply, ReplyLink } from './reply';

const LINK_TOKEN = /\{link:([a-z0-9_]+)\}/g;

/** Replaces {link:id} tokens using a channel's way of showing a link. */
export function expandLinks(text: string, links: ReplyLink[], show: (link: ReplyLink) => string): string {
  return text.replace(LINK_TOKEN, (whole, id: string) => {
    const link = links.find((l) => l.id === id);
    return link ? show(link) : whole;
  });
}

/** Markdown link, as Web Chat, Teams and the Emulator render it. */
export const markdownLink = (link: ReplyLink): string => `[${link.label}](${link.url})`;

/** The reply's whole body (intro, step, text, footer) as markdown, for channels that render markdown. */
export function markdownBody(reply: Reply): string {
  const parts: string[] = [];
  if (reply.intro) parts.push(reply.intro);
  if (reply.step) parts.push(`_${reply.step.label} · ${reply.step.phaseName}_`);
  parts.push(expandLinks(reply.text, reply.links, markdownLink));
  if (reply.footer) parts.push(reply.footer);
  return parts.join('\n\n');
}
