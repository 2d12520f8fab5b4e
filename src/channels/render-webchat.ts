import { ActionTypes, ActivityTypes, type Activity, type Attachment } from 'botbuilder';
import { expandLinks, markdownLink } from './format-text';
import type { Reply, ReplyLink } from './reply';

/** Adaptive Card version Web Chat 4.18 renders in full (its adaptivecards package supports up to 1.6). */
export const WEBCHAT_CARD_VERSION = '1.6';

const LIST_ITEM = /^\s*(?:[-*] |\d+\. )/;

/**
 * Splits content text into markdown blocks: each run of list items is one block, every other line its own
 * paragraph. Content writes one sentence per line, but markdown joins single lines (and glues a line after a
 * list onto its last item), so renderers join these blocks with blank lines instead.
 */
export function markdownBlocks(text: string): string[] {
  const blocks: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length > 0) blocks.push(list.join('\n'));
    list = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flush();
    } else if (LIST_ITEM.test(line)) {
      list.push(line);
    } else {
      flush();
      blocks.push(line);
    }
  }
  flush();
  return blocks;
}

/** The progress line shown above walkthrough steps, e.g. "_Stap 1 van 2 · 3/6 · EU Login-account_". */
export function stepLine(reply: Reply): string | undefined {
  return reply.step ? `_${reply.step.label} · ${reply.step.phaseName}_` : undefined;
}

/** The whole answer as markdown paragraphs, links written inline. */
export function webChatMarkdown(reply: Reply): string {
  const parts: string[] = [];
  if (reply.intro) parts.push(reply.intro);
  const step = stepLine(reply);
  if (step) parts.push(step);
  parts.push(...markdownBlocks(expandLinks(reply.text, reply.links, markdownLink)));
  if (reply.footer) parts.push(reply.footer);
  return parts.join('\n\n');
}

/** A card of buttons, one per link the answer mentions, so a link is one tap on a phone. */
export function linkButtonsCard(links: ReplyLink[]): Attachment {
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: WEBCHAT_CARD_VERSION,
      body: [],
      actions: links.map((link) => ({ type: 'Action.OpenUrl', title: link.label, url: link.url })),
    },
  };
}

/**
 * Web Chat and Direct Line: one markdown message (the full answer stays in `text`), link buttons as a card,
 * choices as suggested actions that send their label back. The step is also in channelData for the page's
 * progress bar.
 */
export function renderWebChat(reply: Reply): Partial<Activity>[] {
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    text: webChatMarkdown(reply),
    textFormat: 'markdown',
  };
  if (reply.links.length > 0) activity.attachments = [linkButtonsCard(reply.links)];
  if (reply.choices.length > 0) {
    activity.suggestedActions = {
      to: [],
      actions: reply.choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.label })),
    };
  }
  if (reply.step) {
    const { phase, order, total, label, phaseName } = reply.step;
    activity.channelData = { step: { phase, order, total, label, phaseName } };
  }
  return [activity];
}
