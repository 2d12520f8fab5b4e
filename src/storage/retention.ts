import type { AppStorage, StorageLog } from './app-storage';

export interface RetentionOptions {
  /** Time between sweeps (default: every 6 hours). */
  intervalMs?: number;
  /** Clock (default: the system clock); tests pass a fixed one. */
  now?: () => Date;
  /** Structured log for sweep results and failures (default: silent). */
  log?: StorageLog;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * Purges data untouched for `retentionDays`: sweeps once now, then every `intervalMs`. The timer is unref'd, so it
 * never keeps the process alive; a failed sweep is logged and retried at the next interval. Returns a stop function.
 */
export function startRetentionSweep(storage: Pick<AppStorage, 'sweep'>, retentionDays: number, options: RetentionOptions = {}): () => void {
  if (!Number.isFinite(retentionDays) || retentionDays <= 0) {
    throw new RangeError(`retentionDays must be a positive number of days, got ${retentionDays}.`);
  }
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  let running = false;
  let stopped = false;

  const sweepOnce = async (): Promise<void> => {
    // A sweep that takes longer than the interval is not started twice.
    if (running || stopped) return;
    running = true;
    const olderThan = new Date(now().getTime() - retentionDays * DAY_MS);
    try {
      const deleted = await storage.sweep(olderThan);
      log('retention.swept', { deleted, olderThan: olderThan.toISOString() });
    } catch (error) {
      log('retention.failed', { error: error instanceof Error ? error.message : String(error) });
    } finally {
      running = false;
    }
  };

  void sweepOnce();
  const timer = setInterval(() => void sweepOnce(), options.intervalMs ?? DEFAULT_INTERVAL_MS);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
