export interface RateLimiterOptions {
  /** Hits allowed per key per window. */
  limit: number;
  windowMs: number;
  /** Keys tracked at most; beyond, windows that have ended are dropped, then the oldest keys (default 100,000). */
  maxKeys?: number;
  /** Clock (default Date.now); tests pass their own. */
  now?: () => number;
}

/** What a hit is allowed: go on, or be refused (politely the first time in a window, silently after). */
export type RateVerdict =
  | { allowed: true }
  | { allowed: false; firstRefusal: boolean; retryAfterSec: number };

interface Window {
  start: number;
  count: number;
  refused: boolean;
}

/** Fixed-window counter per key (a user, a conversation). Memory stays bounded whatever ids a caller invents. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    if (!(options.limit > 0) || !(options.windowMs > 0)) throw new RangeError('RateLimiter needs a positive limit and windowMs.');
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.windows.size;
  }

  /** Counts one hit for `key`. */
  hit(key: string): RateVerdict {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.options.windowMs) {
      window = { start: now, count: 0, refused: false };
      this.windows.delete(key);
      this.windows.set(key, window);
      this.trim(now);
    }
    window.count += 1;
    if (window.count <= this.options.limit) return { allowed: true };
    const firstRefusal = !window.refused;
    window.refused = true;
    const retryAfterSec = Math.max(1, Math.ceil((window.start + this.options.windowMs - now) / 1000));
    return { allowed: false, firstRefusal, retryAfterSec };
  }

  /**
   * Windows are kept in order of start (a new window is re-inserted last), so ended ones sit at the front and are
   * dropped there; past maxKeys the oldest live window goes too (its key starts counting afresh: memory comes first).
   */
  private trim(now: number): void {
    for (const [key, window] of this.windows) {
      const ended = now - window.start >= this.options.windowMs;
      if (!ended && this.windows.size <= this.maxKeys) return;
      this.windows.delete(key);
    }
  }
}
