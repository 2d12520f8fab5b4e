import type { ConversationReference } from 'botbuilder';

/** A follow-up the user opted in to: on `dueAt`, ask through `reference` whether their access is active. */
export interface Reminder {
  id: string;
  /** UserKeys.keyOf(channel, user id): "forget me" finds the reminder by it. */
  user: string;
  /** ISO time. */
  dueAt: string;
  /** Only what sending needs (see minimalReference): no names. */
  reference: Partial<ConversationReference>;
  /** Failed sends so far. */
  attempts: number;
}
