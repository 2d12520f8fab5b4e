import type { Reminder } from './reminder';
import type { ReminderStore } from './reminder-store';

/** Sends one reminder (a proactive message through its conversation reference). */
export type ReminderSender = (reminder: Reminder) => Promise<void>;

export interface SchedulerOptions {
  store: ReminderStore;
  send: ReminderSender;
  /** Clock (default: the system clock); tests pass their own. */
  now?: () => Date;
  /** Time between checks for due reminders (default 1 minute); the timer is unref'd. */
  intervalMs?: number;
  /** Sends tried before a reminder is dropped (default 3), retried `retryAfterMs` apart (default 15 minutes). */
  maxAttempts?: number;
  retryAfterMs?: number;
  log?: (event: string, fields?: Record<string, string | number>) => void;
}

/** Sends due follow-ups: `tick()` checks once (tests call it); `start()` checks every interval until `stop()`. */
export class FollowupScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<{ sent: number; failed: number }>;
  private readonly now: () => Date;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 60_000);
    this.timer.unref();
  }

  /** Stops the timer and waits for a check that is running. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Sends every due reminder once; a check already running is not started twice. */
  tick(): Promise<{ sent: number; failed: number }> {
    this.running ??= this.sendDue().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sendDue(): Promise<{ sent: number; failed: number }> {
    const { store, send, log = () => undefined } = this.options;
    let sent = 0;
    let failed = 0;
    for (const reminder of await store.due(this.now())) {
      try {
        await send(reminder);
        await store.remove(reminder.id);
        sent += 1;
        log('followup.sent', { channel: reminder.reference.channelId ?? '' });
      } catch (error) {
        failed += 1;
        const attempts = reminder.attempts + 1;
        if (attempts >= (this.options.maxAttempts ?? 3)) {
          await store.remove(reminder.id);
          log('followup.dropped', { channel: reminder.reference.channelId ?? '', attempts, error: (error as Error).name });
        } else {
          const dueAt = new Date(this.now().getTime() + (this.options.retryAfterMs ?? 15 * 60_000)).toISOString();
          await store.update({ ...reminder, attempts, dueAt });
          log('followup.retry', { channel: reminder.reference.channelId ?? '', attempts, error: (error as Error).name });
        }
      }
    }
    return { sent, failed };
  }
}
