import { promises as fs } from 'node:fs';
import path from 'node:path';
import { dayOf, type CalendarDay } from '../dates/amsterdam-time';
import type { AnalyticsEvent } from './events';

/** One file per Amsterdam day: `events-YYYY-MM-DD.json` holding `{ "events": [...] }`. */
const FILE = /^events-(\d{4}-\d{2}-\d{2})\.json$/;
export const fileOfDay = (day: CalendarDay): string => `events-${day}.json`;

interface DayFile {
  events: AnalyticsEvent[];
}

/** lowdb 7 is ESM-only, so it is loaded with a real dynamic import (kept as such by tsc with module Node16). */
async function loadLowdb() {
  const [{ Low, Memory }, { JSONFile }] = await Promise.all([import('lowdb'), import('lowdb/node')]);
  return { Low, Memory, JSONFile };
}
type Lowdb = Awaited<ReturnType<typeof loadLowdb>>;
type DayDb = InstanceType<Lowdb['Low']> & { data: DayFile };

export interface EventStoreOptions {
  /** Folder for the day files (created if missing); undefined keeps events in memory only (STORAGE=memory, tests). */
  dir?: string;
  /** How often buffered events are written (default 5 s; the timer is unref'd). 0 = only on flush()/close(). */
  flushIntervalMs?: number;
  /** Told about write failures; events stay buffered and are written at the next flush. */
  onError?: (error: Error) => void;
}

/**
 * Analytics events on local disk through lowdb, append-friendly: one small file per day, so a write only rewrites
 * today's file (lowdb writes a temp file and renames it, so a crash never leaves half a file). Appends are buffered
 * in memory and written in the background; all disk work runs one operation at a time.
 */
export class EventStore {
  private readonly open = new Map<CalendarDay, DayDb>();
  private readonly dirty = new Set<CalendarDay>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  private constructor(
    private readonly lowdb: Lowdb,
    readonly dir: string | undefined,
    private readonly onError: (error: Error) => void,
  ) {}

  static async open(options: EventStoreOptions): Promise<EventStore> {
    if (options.dir) await fs.mkdir(options.dir, { recursive: true });
    const store = new EventStore(await loadLowdb(), options.dir, options.onError ?? (() => undefined));
    const every = options.flushIntervalMs ?? 5000;
    if (every > 0) {
      store.timer = setInterval(() => void store.flush().catch(() => undefined), every);
      store.timer.unref();
    }
    return store;
  }

  /** Adds an event to its day; it reaches the disk at the next flush. */
  append(event: AnalyticsEvent): Promise<void> {
    return this.run(async () => {
      const day = dayOf(new Date(event.at));
      (await this.db(day)).data.events.push(event);
      this.dirty.add(day);
    });
  }

  /** Writes every buffered event; days other than the newest are then let go from memory. */
  flush(): Promise<void> {
    return this.run(async () => {
      for (const day of [...this.dirty]) {
        try {
          await this.open.get(day)!.write();
          this.dirty.delete(day);
        } catch (error) {
          this.onError(error as Error);
        }
      }
      // In memory there is nowhere else to keep them.
      if (!this.dir) return;
      const newest = [...this.open.keys()].sort().pop();
      for (const day of [...this.open.keys()]) if (day !== newest && !this.dirty.has(day)) this.open.delete(day);
    });
  }

  /** Deletes every event of a user from every day file (and the buffer); resolves to how many were deleted. */
  forget(user: string): Promise<number> {
    return this.run(async () => {
      let deleted = 0;
      for (const day of await this.days()) {
        const db = await this.db(day);
        const kept = db.data.events.filter((e) => e.user !== user);
        if (kept.length === db.data.events.length) continue;
        deleted += db.data.events.length - kept.length;
        db.data.events = kept;
        await db.write();
        this.dirty.delete(day);
      }
      return deleted;
    });
  }

  /** Retention: deletes whole days before the day of `olderThan`; resolves to how many events went. */
  sweep(olderThan: Date): Promise<number> {
    return this.run(async () => {
      const cutoff = dayOf(olderThan);
      let deleted = 0;
      for (const day of await this.days()) {
        if (day >= cutoff) continue;
        deleted += (await this.db(day)).data.events.length;
        this.open.delete(day);
        this.dirty.delete(day);
        if (this.dir) await fs.rm(path.join(this.dir, fileOfDay(day)), { force: true });
      }
      return deleted;
    });
  }

  /** Every event stored or buffered, oldest day first (tests, tools). */
  all(): Promise<AnalyticsEvent[]> {
    return this.run(async () => {
      const events: AnalyticsEvent[] = [];
      for (const day of await this.days()) events.push(...(await this.db(day)).data.events);
      return events;
    });
  }

  /** Flushes and stops the background writes. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  /** The days that have a file or buffered events, oldest first. */
  private async days(): Promise<CalendarDay[]> {
    const onDisk = (this.dir ? await fs.readdir(this.dir) : []).map((f) => FILE.exec(f)?.[1]).filter((d): d is string => d !== undefined);
    return [...new Set([...onDisk, ...this.open.keys()])].sort();
  }

  private async db(day: CalendarDay): Promise<DayDb> {
    let db = this.open.get(day);
    if (!db) {
      const file = this.dir ? path.join(this.dir, fileOfDay(day)) : '';
      const adapter = this.dir ? new this.lowdb.JSONFile<DayFile>(file) : new this.lowdb.Memory<DayFile>();
      db = new this.lowdb.Low<DayFile>(adapter, { events: [] }) as DayDb;
      try {
        await db.read();
      } catch (error) {
        // A damaged file is kept aside for a person to look at; the day starts afresh rather than failing every turn.
        this.onError(error as Error);
        await fs.rename(file, `${file}.damaged-${Date.now()}`).catch(() => undefined);
        db.data = { events: [] };
      }
      if (!Array.isArray(db.data?.events)) db.data = { events: [] };
      this.open.set(day, db);
    }
    return db;
  }

  private run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Reads every day file in a folder (for the report); a file that is not valid JSON is skipped and named. */
export async function readEvents(dir: string, onSkip: (file: string) => void = () => undefined): Promise<AnalyticsEvent[]> {
  const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => FILE.test(f)).sort();
  const events: AnalyticsEvent[] = [];
  for (const file of files) {
    try {
      const parsed = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as Partial<DayFile>;
      if (Array.isArray(parsed.events)) events.push(...parsed.events);
      else onSkip(file);
    } catch {
      onSkip(file);
    }
  }
  return events;
}
