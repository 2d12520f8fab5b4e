import type { Lang } from '../content/types';

/** What the assistant remembers about a user across conversations (user state). */
export interface UserProfile {
  /** The language of the last reply; the prior for the next message. */
  lang?: Lang;
  /** The last walkthrough node shown, so "continue" resumes there. */
  lastStep?: string;
  /** Walkthrough nodes the user has passed, for the case summary and the funnel. */
  stepsDone?: string[];
  /** Set once the user reached the walkthrough's end (access requested). */
  accessRequested?: boolean;
  /** The Amsterdam day (YYYY-MM-DD) the user said they requested access, for the follow-up and the case summary. */
  accessRequestedOn?: string;
}

/** What one conversation remembers between turns (conversation state, next to the dialog stack). */
export interface ConversationData {
  /** The welcome was shown in this conversation. */
  welcomed?: boolean;
  /** Topic and step ids shown in this conversation, oldest first (capped): what the user tried, for the case summary. */
  trail?: string[];
  /** The topic whose answer was just followed by "Did this help?", so a typed 👍/👎 is recorded for it. */
  feedbackFor?: string;
  /** Topics already asked "Did this help?" in this conversation (asked once per topic). */
  feedbackAsked?: string[];
}

/** The walkthrough dialog's own state: what was offered last and how often we missed. */
export interface WalkState {
  offered: { label: string; goto: string; answer?: 'yes' | 'no' }[];
  lastNode?: string;
  misses: number;
}

export const USER_PROFILE = 'userProfile';
export const CONVERSATION_DATA = 'conversationData';

/** Turn-state key of the last reply sent this turn, so the walkthrough knows what a dialog that just ended offered. */
export const LAST_SENT_REPLY = Symbol('lastSentReply');
