import type { Lang } from '../content/types';

/** What a reply is about: a content answer, a clarification, a decline, or a system message. */
export type ReplyKind = 'answer' | 'clarify' | 'out_of_scope' | 'handoff' | 'system';

export interface ReplyLink {
  id: string;
  label: string;
  url: string;
}

export interface ReplyChoice {
  /** What the button shows and what a click sends back as text. */
  label: string;
  /** The node id (or clarify candidate) the choice leads to. */
  goto: string;
}

export interface ReplyStep {
  phase: 1 | 2;
  order: number;
  total: number;
  /** Localised "Step 1 of 2 · 3/6". */
  label: string;
  /** Localised phase name ("EU Login account"). */
  phaseName: string;
}

/**
 * A channel-neutral reply. Dialogs build it; one renderer per channel turns it into activities.
 * `text` uses a small markdown subset (**bold**, "- " and "1. " lists, line breaks) and {link:id} tokens.
 */
export interface Reply {
  topicId: string;
  kind: ReplyKind;
  lang: Lang;
  /** A one-line welcome shown before the answer on a conversation's first reply. */
  intro?: string;
  text: string;
  links: ReplyLink[];
  choices: ReplyChoice[];
  step?: ReplyStep;
  /** A line after the text, e.g. a hint that numbers work. */
  footer?: string;
}
