import type { Lang } from '../content/types';

/** Fields every event has: when, who (a salted hash, never an id or a name), where and in which language. */
interface EventBase {
  /** ISO time. */
  at: string;
  /** UserKeys.keyOf(channel, user id): pseudonymous, deletable on "forget me". */
  user: string;
  channel: string;
  lang: Lang;
}

/** A reply shown: which node, what kind, how the user got there, and the walkthrough step if it is one. */
export interface TurnEvent extends EventBase {
  type: 'turn';
  topic: string;
  kind: string;
  action: string;
  step?: string;
  /** The assistant could not answer (out of scope or a clarification that failed). */
  fallback: boolean;
}

/** "Did this help?" answered for a topic. */
export interface FeedbackEvent extends EventBase {
  type: 'feedback';
  topic: string;
  helpful: boolean;
}

/** The user was handed to an owner of the problem (owners.yaml id). */
export interface HandoffEvent extends EventBase {
  type: 'handoff';
  owner: string;
  /** The topic the problem came from, when known. */
  topic?: string;
}

/** A question the assistant could not answer, with personal data redacted, for improving the content. */
export interface UnansweredEvent extends EventBase {
  type: 'unanswered';
  text: string;
}

export type AnalyticsEvent = TurnEvent | FeedbackEvent | HandoffEvent | UnansweredEvent;

/** Longest redacted question kept: enough to see what was asked. */
export const MAX_UNANSWERED_CHARS = 200;
