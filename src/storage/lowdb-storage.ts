/**
 * LowdbStorage: botbuilder `Storage` on local disk whose cost per turn does not grow with the number of stored keys.
 *
 * - One small lowdb file per key: `<dataDir>/state/<h0h1>/<h>.json` with h = the key's sha256 (see keyHash). The
 *   name is safe and of fixed length for any key (slashes, unicode, very long, differing only in case); 256
 *   sub-folders keep folders small.
 *   The file holds `{ key, item }`, so a sweep knows whose file it is and a read can check it got the right one.
 * - Atomic writes (StateFileAdapter, a lowdb adapter): the new version goes to a temp file beside the old one, then
 *   replaces it; a killed process leaves the old or the new version, never a torn file, and the next read finishes a
 *   replacement that was cut short. A write resolves only once the new file is in place, so a turn whose HTTP
 *   response went out is on disk. (No fsync: after a power cut a file may be empty, see the next point.)
 * - A corrupt, empty or foreign file is reported (`storage.corrupt_file`, with the hash, never the key) and the key is
 *   treated as missing; the next write replaces the file.
 * - A bounded LRU cache of serialised items, and of keys known to be missing, answers most reads without disk access.
 * - Every disk operation on a key runs in that key's queue: concurrent writes to one key serialise, eTag checks are
 *   exact, and a slow read can never put an older version into the cache after a newer write.
 * - eTags behave exactly as in botbuilder's MemoryStorage: a stale eTag is rejected, `*` or no eTag overwrites, any
 *   eTag writes a missing key, and a batch writes every key it can before rejecting with the first conflict.
 * - Hot path: no directory scan; at most one file read (cache miss) and one temp write + remove + rename per write.
 * - Retention: `sweep()` walks the folders (off the hot path) and deletes files whose mtime is before the cutoff.
 * - One process per data folder: the cache trusts that nobody else writes there. Several instances share state via
 *   STORAGE=blob instead.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { StoreItems } from 'botbuilder';
import { type AppStorage, eTagConflict, noLog, type StorageLog } from './app-storage';
import { KeyQueue } from './key-queue';
import { LruCache } from './lru-cache';
import { CorruptStateFileError, keyHash, parseStateFile, type StateFile, stateFilePath } from './state-file';
import { removeIfExists, StateFileAdapter, tempFileOf } from './state-file-adapter';
import { sweepStateFolder } from './sweep-state-folder';

export interface LowdbStorageOptions {
  /** Folder for local state; the files go in its `state` sub-folder (created if missing). */
  dataDir: string;
  /** How many keys the in-memory cache holds (default 10,000; 0 turns the cache off). */
  cacheSize?: number;
  /** Structured log for corrupt files and sweeps (default: silent). */
  log?: StorageLog;
}

/** lowdb 7 is ESM-only, so it is loaded with a real dynamic import (kept as such by tsc with module Node16). */
async function loadLowdb() {
  const { Low } = await import('lowdb');
  return { Low };
}
type Lowdb = Awaited<ReturnType<typeof loadLowdb>>;

/** What the cache knows about a key: its stored item, or that there is none. */
type Cached = { eTag: string; itemJson: string } | typeof MISSING;
const MISSING = Symbol('missing');

const SHARDS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class LowdbStorage implements AppStorage {
  private readonly queue = new KeyQueue();
  private readonly cache: LruCache<string, Cached>;
  /** Distinguishes eTags of this process from those of earlier runs, so a stale eTag never matches by chance. */
  private readonly eTagPrefix = randomBytes(4).toString('hex');
  private eTagCounter = 0;

  private constructor(
    private readonly lowdb: Lowdb,
    readonly root: string,
    cacheSize: number,
    private readonly log: StorageLog,
  ) {
    this.cache = new LruCache(cacheSize);
  }

  /** Creates the folders once, so that no write has to check for them. */
  static async open(options: LowdbStorageOptions): Promise<LowdbStorage> {
    const root = path.join(path.resolve(options.dataDir), 'state');
    await Promise.all(SHARDS.map((shard) => fs.mkdir(path.join(root, shard), { recursive: true })));
    return new LowdbStorage(await loadLowdb(), root, options.cacheSize ?? 10_000, options.log ?? noLog);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const found = await Promise.all(keys.map((key) => this.current(key)));
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const entry = found[i];
      if (entry !== MISSING) items[key] = JSON.parse(entry.itemJson);
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    // Serialise now, as MemoryStorage does: a caller changing the object after write() must not change what is stored.
    const writes = Object.keys(changes).map((key) => {
      const expected: unknown = changes[key]?.eTag;
      const eTag = `${this.eTagPrefix}-${(++this.eTagCounter).toString(36)}`;
      const itemJson = JSON.stringify({ ...changes[key], eTag });
      return this.queue.run(key, () => this.writeOne(key, expected, { key, eTag, itemJson }));
    });
    const outcomes = await Promise.allSettled(writes);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        this.queue.run(key, async () => {
          this.cache.delete(key);
          await this.removeFiles(key);
          this.cache.set(key, MISSING);
        }),
      ),
    );
  }

  async close(): Promise<void> {
    await this.queue.idle();
  }

  async sweep(olderThan: Date): Promise<number> {
    const started = Date.now();
    const deleted = await sweepStateFolder(this.root, olderThan, {
      keyOf: async (file) => parseStateFile(await fs.readFile(file, 'utf8')).key,
      deleteIfOld: (key) => this.queue.run(key, () => this.deleteIfOld(key, olderThan)),
      log: this.log,
    });
    this.log('storage.sweep', { backend: 'lowdb', deleted, ms: Date.now() - started });
    return deleted;
  }

  private fileOf(key: string): string {
    return stateFilePath(this.root, keyHash(key));
  }

  /** The key's item: from the cache when no operation on the key is pending, else after the pending ones. */
  private current(key: string): Promise<Cached> {
    const cached = this.queue.busy(key) ? undefined : this.cache.get(key);
    return cached !== undefined ? Promise.resolve(cached) : this.queue.run(key, () => this.load(key));
  }

  /** Runs inside the key's queue. */
  private async load(key: string): Promise<Cached> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const file = this.fileOf(key);
    let loaded: Cached = MISSING;
    try {
      const stored = await this.readFile(file);
      if (stored !== null) {
        if (stored.key !== key) throw new CorruptStateFileError('it belongs to another key');
        loaded = { eTag: stored.eTag, itemJson: stored.itemJson };
      }
    } catch (error) {
      if (!(error instanceof CorruptStateFileError)) throw error;
      this.log('storage.corrupt_file', { backend: 'lowdb', file: path.basename(file), reason: error.reason });
    }
    this.cache.set(key, loaded);
    return loaded;
  }

  /** Null when there is no file; CorruptStateFileError when there is one that cannot be used. */
  private async readFile(file: string): Promise<StateFile | null> {
    const db = new this.lowdb.Low<StateFile | null>(new StateFileAdapter(file), null);
    await db.read();
    return db.data;
  }

  /** Runs inside the key's queue; the same checks, in the same order, as MemoryStorage.write. */
  private async writeOne(key: string, expected: unknown, next: StateFile): Promise<void> {
    // Loading first also completes a write that a killed process left half-way (see StateFileAdapter).
    const current = this.cache.has(key) ? this.cache.get(key) : await this.load(key);
    const checked = typeof expected === 'string' && expected !== '' && expected !== '*';
    if (checked && current !== MISSING && current?.eTag !== expected) throw eTagConflict(key);
    const file = this.fileOf(key);
    const db = new this.lowdb.Low<StateFile | null>(new StateFileAdapter(file, current !== MISSING), next);
    try {
      await db.write().catch(async (error: NodeJS.ErrnoException) => {
        // Someone removed the folder while we ran: recreate it once, then fail for real.
        if (error.code !== 'ENOENT') throw error;
        await fs.mkdir(path.dirname(file), { recursive: true });
        await db.write();
      });
    } catch (error) {
      // What is on disk is unknown now; the next read goes to the file.
      this.cache.delete(key);
      throw error;
    }
    this.cache.set(key, { eTag: next.eTag, itemJson: next.itemJson });
  }

  /** Runs inside the key's queue: a write that landed after the sweep looked at the file keeps it alive. */
  private async deleteIfOld(key: string, olderThan: Date): Promise<boolean> {
    const file = this.fileOf(key);
    const stat = await fs.stat(file).catch(() => null);
    if (stat === null || stat.mtimeMs >= olderThan.getTime()) return false;
    this.cache.delete(key);
    await this.removeFiles(key);
    this.cache.set(key, MISSING);
    return true;
  }

  /** The state file and any temp file a killed write left: else a later read would bring a deleted key back. */
  private async removeFiles(key: string): Promise<void> {
    const file = this.fileOf(key);
    await Promise.all([removeIfExists(file), removeIfExists(tempFileOf(file))]);
  }
}
