import { ConversationQueue } from './conversation-queue';
import type { HardeningOptions } from './options';
import { RateLimiter, type RateVerdict } from './rate-limiter';
import { TurnGate } from './turn-gate';

/** Who sent an activity and where: the keys of the rate limits and of the conversation queue. */
export interface TurnParties {
  channelId: string;
  userId: string;
  conversationId: string;
}

/**
 * The protections every channel applies before a turn (/api/messages, the local Direct Line, WhatsApp): a rate per
 * user and per conversation, one turn at a time per conversation, and the global limit of running and waiting turns.
 * `admit` is cheap and synchronous; `run` throws ConversationBusyError (429) or OverloadedError (503).
 */
export class TurnGuard {
  private readonly users: RateLimiter;
  private readonly conversations: RateLimiter;
  private readonly queue: ConversationQueue;
  readonly gate: TurnGate;

  constructor(options: HardeningOptions, now?: () => number) {
    const rate = { limit: options.ratePerWindow, windowMs: options.windowMs, now };
    this.users = new RateLimiter(rate);
    this.conversations = new RateLimiter(rate);
    this.queue = new ConversationQueue(options.maxQueuedPerConversation);
    this.gate = new TurnGate(options.maxActiveTurns, options.maxWaitingTurns);
  }

  /** Counts one activity against the sender's and the conversation's rate. */
  admit(parties: TurnParties): RateVerdict {
    const verdicts = [
      this.users.hit(`${parties.channelId}\u0000${parties.userId}`),
      this.conversations.hit(`${parties.channelId}\u0000${parties.conversationId}`),
    ];
    const refusals = verdicts.filter((v): v is Extract<RateVerdict, { allowed: false }> => !v.allowed);
    if (refusals.length === 0) return { allowed: true };
    return {
      allowed: false,
      // Polite once per window: only when no limit involved has refused before.
      firstRefusal: refusals.every((r) => r.firstRefusal),
      retryAfterSec: Math.max(...refusals.map((r) => r.retryAfterSec)),
    };
  }

  /** Runs a turn after the conversation's earlier turns, within the global limit. */
  run<T>(parties: Pick<TurnParties, 'channelId' | 'conversationId'>, work: () => Promise<T>): Promise<T> {
    return this.queue.run(`${parties.channelId}\u0000${parties.conversationId}`, () => this.gate.run(work));
  }
}
