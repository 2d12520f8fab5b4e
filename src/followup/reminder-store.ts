import type { Storage } from 'botbuilder';
import type { Reminder } from './reminder';

/** The storage key of the reminder list; one list keeps "what is due" a single read. */
export const REMINDERS_KEY = 'followup/reminders';

interface ReminderList {
  reminders: Reminder[];
}

/**
 * Opted-in follow-ups in the bot's own storage (lowdb, memory or blob, whichever the app uses), so they survive a
 * restart. One reminder per user: opting in again replaces it. Changes run one at a time.
 */
export class ReminderStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: Storage) {}

  list(): Promise<Reminder[]> {
    return this.run(async () => (await this.read()).reminders);
  }

  /** Reminders due at `now`, earliest first. */
  async due(now: Date): Promise<Reminder[]> {
    const all = await this.list();
    return all.filter((r) => Date.parse(r.dueAt) <= now.getTime()).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  }

  /** Adds a reminder, replacing any other of the same user. */
  add(reminder: Reminder): Promise<void> {
    return this.change((list) => [...list.filter((r) => r.user !== reminder.user), reminder]);
  }

  update(reminder: Reminder): Promise<void> {
    return this.change((list) => list.map((r) => (r.id === reminder.id ? reminder : r)));
  }

  remove(id: string): Promise<void> {
    return this.change((list) => list.filter((r) => r.id !== id));
  }

  /** Deletes the user's reminders ("forget me"); resolves to how many there were. */
  async forget(user: string): Promise<number> {
    let removed = 0;
    await this.change((list) => {
      const kept = list.filter((r) => r.user !== user);
      removed = list.length - kept.length;
      return kept;
    });
    return removed;
  }

  private change(edit: (list: Reminder[]) => Reminder[]): Promise<void> {
    return this.run(async () => {
      const current = await this.read();
      const next = edit(current.reminders);
      if (next.length === current.reminders.length && next.every((r, i) => r === current.reminders[i])) return;
      const item: ReminderList & { eTag: string } = { reminders: next, eTag: '*' };
      await this.storage.write({ [REMINDERS_KEY]: item });
    });
  }

  private async read(): Promise<ReminderList> {
    const item = (await this.storage.read([REMINDERS_KEY]))[REMINDERS_KEY] as Partial<ReminderList> | undefined;
    return { reminders: Array.isArray(item?.reminders) ? item.reminders : [] };
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
