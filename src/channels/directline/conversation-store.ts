import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** An activity as the local Direct Line keeps and serves it. */
export type StoredActivity = Partial<Activity> & { id: string };

export interface LocalConversation {
  readonly id: string;
  /** Bearer token bound to this conversation only. */
  readonly token: string;
  /** Server-chosen user id; activities from the browser are stamped with it. */
  readonly userId: string;
  /** Locale the page asked for, given to the bot with the join event. */
  locale?: string;
  /** The bot has been told the user joined (done once, on the first start). */
  started: boolean;
  lastUsed: number;
  /** Turns of one conversation run one after the other, in arrival order. */
  queue: Promise<void>;
  /** Posts waiting in the queue, to refuse floods. */
  pending: number;
  history: { seq: number; activity: StoredActivity }[];
  /** Sequence number of the last activity appended; the next watermark. */
  seq: number;
}

export interface ConversationStoreOptions {
  /** Conversations kept at once; beyond this, new ones are refused until some expire (default 1000). */
  maxConversations?: number;
  /** A conversation untouched this long is deleted with its history and token (default 30 minutes). */
  idleMs?: number;
  /** Activities kept per conversation; older ones drop off, the watermark keeps counting (default 100: 50 turns). */
  maxHistory?: number;
  /** Clock, injectable so expiry is tested without waiting. */
  now?: () => number;
}

/** The store is at its limit of conversations; the caller should answer 503 and try later. */
export class ConversationLimitError extends Error {
  override readonly name = 'ConversationLimitError';
  constructor(readonly limit: number) {
    super(`The local Direct Line holds its maximum of ${limit} conversations; try again when idle ones have expired.`);
  }
}

/** Unguessable identifiers: 256 bits for tokens, 128 for ids, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');
const newId = (): string => randomBytes(16).toString('base64url');

/**
 * In-memory conversations of the local Direct Line: tokens, transcripts and watermarks. Memory stays bounded:
 * a cap on conversations, a cap on history per conversation, and idle conversations expire.
 */
export class ConversationStore {
  readonly maxConversations: number;
  readonly idleMs: number;
  readonly maxHistory: number;
  private readonly now: () => number;
  private readonly byId = new Map<string, LocalConversation>();
  private readonly byToken = new Map<string, LocalConversation>();

  constructor(options: ConversationStoreOptions = {}) {
    this.maxConversations = options.maxConversations ?? 1000;
    this.idleMs = options.idleMs ?? 30 * 60 * 1000;
    this.maxHistory = options.maxHistory ?? 100;
    this.now = options.now ?? Date.now;
    if (!(this.maxConversations >= 1)) throw new RangeError('maxConversations must be at least 1');
    if (!(this.idleMs >= 1000)) throw new RangeError('idleMs must be at least 1000 (one second)');
    if (!(this.maxHistory >= 10)) throw new RangeError('maxHistory must be at least 10');
  }

  get size(): number {
    return this.byId.size;
  }

  /** Opens a new conversation with its own token and user id. */
  create(locale?: string): LocalConversation {
    if (this.byId.size >= this.maxConversations) this.sweep();
    if (this.byId.size >= this.maxConversations) throw new ConversationLimitError(this.maxConversations);
    const conversation: LocalConversation = {
      id: newId(),
      token: newToken(),
      userId: `u_${randomBytes(12).toString('base64url')}`,
      locale,
      started: false,
      lastUsed: this.now(),
      queue: Promise.resolve(),
      pending: 0,
      history: [],
      seq: 0,
    };
    this.byId.set(conversation.id, conversation);
    this.byToken.set(conversation.token, conversation);
    return conversation;
  }

  /** The live conversation a token belongs to, touched; undefined for unknown or expired tokens. */
  authorize(token: string): LocalConversation | undefined {
    const conversation = this.byToken.get(token);
    if (!conversation) return undefined;
    if (this.expired(conversation)) {
      this.remove(conversation);
      return undefined;
    }
    conversation.lastUsed = this.now();
    return conversation;
  }

  /** Seconds a token stays valid if unused. */
  get expiresInSeconds(): number {
    return Math.floor(this.idleMs / 1000);
  }

  /**
   * Adds an activity to the transcript: gives it the next sequence number, an id ("<conversation>|0000042",
   * as Azure Direct Line does), the conversation and a timestamp. Drops the oldest beyond the cap.
   */
  append(conversation: LocalConversation, activity: Partial<Activity>): StoredActivity {
    conversation.seq += 1;
    const stored: StoredActivity = {
      ...activity,
      id: `${conversation.id}|${String(conversation.seq).padStart(7, '0')}`,
      conversation: { id: conversation.id } as Activity['conversation'],
      timestamp: activity.timestamp ?? new Date(this.now()),
    };
    conversation.history.push({ seq: conversation.seq, activity: stored });
    const excess = conversation.history.length - this.maxHistory;
    if (excess > 0) conversation.history.splice(0, excess);
    conversation.lastUsed = this.now();
    return stored;
  }

  /** Activities after a watermark (all kept ones for an empty or unreadable watermark), and the new watermark. */
  since(conversation: LocalConversation, watermark: string | undefined): { activities: StoredActivity[]; watermark: string } {
    const after = watermark !== undefined && /^\d{1,15}$/.test(watermark) ? Number(watermark) : 0;
    const activities = conversation.history.filter((h) => h.seq > after).map((h) => h.activity);
    return { activities, watermark: String(conversation.seq) };
  }

  /** Forgets the transcript before an activity (after "forget me"); the watermark keeps counting. */
  forgetBefore(conversation: LocalConversation, activityId: string): void {
    const index = conversation.history.findIndex((h) => h.activity.id === activityId);
    if (index > 0) conversation.history.splice(0, index);
  }

  /** Deletes expired conversations; returns how many. */
  sweep(): number {
    let removed = 0;
    for (const conversation of this.byId.values()) {
      if (this.expired(conversation)) {
        this.remove(conversation);
        removed += 1;
      }
    }
    return removed;
  }

  private expired(conversation: LocalConversation): boolean {
    return this.now() - conversation.lastUsed >= this.idleMs;
  }

  private remove(conversation: LocalConversation): void {
    this.byId.delete(conversation.id);
    this.byToken.delete(conversation.token);
  }
}
