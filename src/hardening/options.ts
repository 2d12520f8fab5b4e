/** Limits that keep the assistant healthy under hostile input, floods and faults. Every option has its default here. */
export interface HardeningOptions {
  /** Longest message text accepted from a channel; longer text is cut (default 4,000 characters). */
  maxTextChars: number;
  /** Attachments and entities kept per activity; the rest are dropped (default 10 and 20). */
  maxAttachments: number;
  maxEntities: number;
  /** Members kept in membersAdded / membersRemoved (default 50). */
  maxMembers: number;
  /** Deepest JSON nesting accepted in an activity (default 32; real activities stay under 10). */
  maxJsonDepth: number;
  /** Longest id (conversation, user, activity, channel) accepted; longer is not an activity (default 512). */
  maxIdChars: number;
  /** Messages a user, and a conversation, may send per window before the polite refusal (default 30 per minute). */
  ratePerWindow: number;
  windowMs: number;
  /** Turns running at once; further turns wait (default 64). */
  maxActiveTurns: number;
  /** Turns waiting for a slot; beyond this the server answers 503 with Retry-After (default 512). */
  maxWaitingTurns: number;
  /** Turns queued behind each other in one conversation; beyond this 429 (default 16). */
  maxQueuedPerConversation: number;
  /** How long a processed activity id is remembered, to answer a redelivery with the same outcome (default 10 min). */
  dedupeTtlMs: number;
  /** How long a redelivery waits for the first delivery (on another instance) to finish (default 20 s). */
  dedupeWaitMs: number;
  /** A 'processing' mark older than this belongs to a crashed instance and is taken over (default 60 s). */
  dedupeStaleMs: number;
  /** Longest wait for token validation, including fetching Microsoft's OpenID metadata (default 5 s); then 401. */
  authTimeoutMs: number;
  /** Longest wait for one reply to reach the channel's serviceUrl (default 5 s); then the turn fails and is logged. */
  sendTimeoutMs: number;
  /** Seconds a client is told to wait in Retry-After on 429 and 503 (default 1 for 503; 429 uses the window's end). */
  overloadRetryAfterSec: number;
}

export const DEFAULT_HARDENING: Readonly<HardeningOptions> = Object.freeze({
  maxTextChars: 4000,
  maxAttachments: 10,
  maxEntities: 20,
  maxMembers: 50,
  maxJsonDepth: 32,
  maxIdChars: 512,
  ratePerWindow: 30,
  windowMs: 60_000,
  maxActiveTurns: 64,
  maxWaitingTurns: 512,
  maxQueuedPerConversation: 16,
  dedupeTtlMs: 10 * 60_000,
  dedupeWaitMs: 20_000,
  dedupeStaleMs: 60_000,
  authTimeoutMs: 5_000,
  sendTimeoutMs: 5_000,
  overloadRetryAfterSec: 1,
});

/** Merges options over the defaults and rejects values that would switch a protection off. */
export function hardeningOptions(overrides: Partial<HardeningOptions> = {}): HardeningOptions {
  const merged: HardeningOptions = { ...DEFAULT_HARDENING, ...overrides };
  for (const [name, value] of Object.entries(merged)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new RangeError(`Hardening option ${name} must be a positive number, got ${String(value)}.`);
    }
  }
  return merged;
}
