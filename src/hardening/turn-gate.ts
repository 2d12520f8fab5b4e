/** The process is at its limit of running and waiting turns; the caller answers 503 with Retry-After. */
export class OverloadedError extends Error {
  override readonly name = 'OverloadedError';
  constructor() {
    super('Too many turns in progress; try again shortly.');
  }
}

/**
 * The global limit: at most `maxActive` turns run at once and at most `maxWaiting` wait for a slot. Beyond that, work
 * is refused at once (OverloadedError) instead of piling up until memory or latency make the whole process unhealthy.
 */
export class TurnGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly maxActive: number,
    private readonly maxWaiting: number,
  ) {}

  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  /** Runs `work` when a slot is free; rejects with OverloadedError when even the waiting room is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.maxActive) {
      if (this.waiting.length >= this.maxWaiting) throw new OverloadedError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, so `active` never dips and lets a newcomer jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
