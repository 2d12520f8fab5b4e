import { MemoryStorage, type StoreItems } from 'botbuilder';
import type { AppStorage } from './app-storage';

export interface MemoryAppStorageOptions {
  /** Clock used to stamp writes, for retention (default: the system clock). */
  now?: () => Date;
}

/**
 * botbuilder's MemoryStorage, unchanged in behaviour, plus retention: it remembers when each key was last written.
 * MemoryStorage writes synchronously into the object we hand it, so comparing that object before and after a write
 * tells exactly which keys were written, including in a batch that was rejected for a conflict on another key.
 */
export class MemoryAppStorage implements AppStorage {
  private readonly memory: Record<string, string> = {};
  private readonly inner = new MemoryStorage(this.memory);
  private readonly lastWritten = new Map<string, number>();
  private readonly now: () => Date;

  constructor(options: MemoryAppStorageOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }

  write(changes: StoreItems): Promise<void> {
    const keys = changes ? Object.keys(changes) : [];
    const before = keys.map((key): string | undefined => this.memory[key]);
    const done = this.inner.write(changes);
    const at = this.now().getTime();
    keys.forEach((key, i) => {
      if (this.memory[key] !== before[i]) this.lastWritten.set(key, at);
    });
    return done;
  }

  async delete(keys: string[]): Promise<void> {
    await this.inner.delete(keys);
    for (const key of keys) {
      delete this.memory[key];
      this.lastWritten.delete(key);
    }
  }

  async close(): Promise<void> {
    // Nothing is pending: every MemoryStorage operation completes before its promise is returned.
  }

  async sweep(olderThan: Date): Promise<number> {
    const cutoff = olderThan.getTime();
    const old = [...this.lastWritten].filter(([, at]) => at < cutoff).map(([key]) => key);
    await this.delete(old);
    return old.length;
  }
}
