import type { Activity, Storage } from 'botbuilder';
import type { Logger } from '../logger';

/** What the HTTP request of a turn was answered with; a redelivery of the same activity gets exactly this again. */
export interface TurnOutcome {
  status: number;
  /** The JSON body (expectReplies replies, invoke response), serialised once so a replay is byte-identical. */
  bodyJson?: string;
}

/** The same activity is being processed elsewhere (another instance) and did not finish within the wait. */
export class DeliveryInProgressError extends Error {
  override readonly name = 'DeliveryInProgressError';
  constructor() {
    super('This activity is still being processed; try again shortly.');
  }
}

interface DeliveryRecord {
  state: 'processing' | 'done';
  /** When the state was written (ms since epoch). */
  at: number;
  outcome?: TurnOutcome;
  eTag?: string;
}

export interface DeliveryLedgerOptions {
  ttlMs: number;
  waitMs: number;
  staleMs: number;
  /** Time between reads while waiting for another instance (default 250 ms). */
  pollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The storage key of an activity's delivery record, or undefined when the activity has no id to recognise it by. */
export function deliveryKey(activity: Pick<Activity, 'channelId' | 'conversation' | 'id'>): string | undefined {
  if (!activity.id) return undefined;
  return `dedupe/${activity.channelId}/${activity.conversation.id}/${activity.id}`;
}

/**
 * Processes each activity id once per conversation. The record lives in the configured storage (so it holds across
 * instances on blob storage): 'processing' while the turn runs, then 'done' with the outcome for `ttlMs`. A
 * redelivery replays the outcome; one that finds 'processing' waits for it; a 'processing' mark older than
 * `staleMs` was left by a crashed instance and is taken over. Storage trouble never blocks a turn: it is logged and
 * the turn runs (a rare double answer beats no answer). The claim is a read then a write, not atomic: two deliveries
 * arriving at two instances within the same few milliseconds can both run; Teams' redeliveries come ~15 s apart.
 */
export class DeliveryLedger {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Keys this instance wrote, with when to delete them; records of crashed instances go with the retention sweep. */
  private readonly expiries = new Map<string, number>();
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly storage: Storage,
    private readonly options: DeliveryLedgerOptions,
    private readonly logger: Logger,
  ) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Runs `work` unless this activity was processed already; resolves to the outcome and whether it was replayed. */
  async once(activity: Activity, work: () => Promise<TurnOutcome>): Promise<{ outcome: TurnOutcome; replayed: boolean }> {
    const key = deliveryKey(activity);
    if (!key) return { outcome: await work(), replayed: false };
    const earlier = await this.settled(key);
    if (earlier) return { outcome: earlier, replayed: true };

    await this.put(key, { state: 'processing', at: this.now() });
    let outcome: TurnOutcome;
    try {
      outcome = await work();
    } catch (error) {
      // No outcome to replay: let a redelivery try again.
      await this.remove(key);
      throw error;
    }
    await this.put(key, { state: 'done', at: this.now(), outcome });
    this.expiries.set(key, this.now() + this.options.ttlMs);
    this.startSweeper();
    return { outcome, replayed: false };
  }

  /** The outcome of an earlier delivery, waiting while another instance still processes it; undefined = ours to run. */
  private async settled(key: string): Promise<TurnOutcome | undefined> {
    const deadline = this.now() + this.options.waitMs;
    for (;;) {
      const record = await this.get(key);
      if (!record) return undefined;
      const age = this.now() - record.at;
      if (record.state === 'done') return age < this.options.ttlMs ? record.outcome : undefined;
      if (age >= this.options.staleMs) return undefined;
      if (this.now() >= deadline) throw new DeliveryInProgressError();
      await this.sleep(this.options.pollMs ?? 250);
    }
  }

  private async get(key: string): Promise<DeliveryRecord | undefined> {
    try {
      const items = await this.storage.read([key]);
      const record = items[key] as DeliveryRecord | undefined;
      return record && (record.state === 'processing' || record.state === 'done') && typeof record.at === 'number' ? record : undefined;
    } catch (error) {
      this.logger.warn('dedupe_read_failed', { error: (error as Error)?.name });
      return undefined;
    }
  }

  private async put(key: string, record: DeliveryRecord): Promise<void> {
    try {
      await this.storage.write({ [key]: { ...record, eTag: '*' } });
    } catch (error) {
      this.logger.warn('dedupe_write_failed', { error: (error as Error)?.name });
    }
  }

  private async remove(key: string): Promise<void> {
    this.expiries.delete(key);
    try {
      await this.storage.delete([key]);
    } catch (error) {
      this.logger.warn('dedupe_delete_failed', { error: (error as Error)?.name });
    }
  }

  /** Deletes records whose time is up; returns how many. Runs every minute while records are pending. */
  async sweep(): Promise<number> {
    const now = this.now();
    const due = [...this.expiries].filter(([, at]) => at <= now).map(([key]) => key);
    for (const key of due) this.expiries.delete(key);
    if (due.length === 0) return 0;
    try {
      await this.storage.delete(due);
    } catch (error) {
      this.logger.warn('dedupe_delete_failed', { error: (error as Error)?.name });
    }
    return due.length;
  }

  private startSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => void this.sweep(), 60_000);
    // Never keeps the process alive.
    this.sweeper.unref();
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}
