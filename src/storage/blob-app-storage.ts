import { ContainerClient, type BlobItem } from '@azure/storage-blob';
import type { StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { type AppStorage, eTagConflict, noLog, type StorageLog } from './app-storage';
import { blobKeyOf } from './blob-key';

export interface BlobAppStorageOptions {
  /** Azure Storage connection string (BLOB_CONNECTION_STRING). */
  connectionString: string;
  /** Container for bot state (BLOB_CONTAINER); created on first use. */
  container: string;
  /** Structured log for sweeps (default: silent). */
  log?: StorageLog;
}

/** Blobs deleted in parallel by a sweep. */
const PARALLEL_DELETES = 16;

/**
 * Bot state in Azure Blob Storage, for several instances behind one bot: botbuilder's own BlobsStorage does the
 * reads and writes (eTags become blob ETags, so optimistic concurrency holds across instances); this wrapper
 * gives every key a blob of its own (see blobKeyOf), tracks writes for close(), and adds retention by listing
 * blobs by last-modified time.
 */
export class BlobAppStorage implements AppStorage {
  private readonly inner: BlobsStorage;
  private readonly container: ContainerClient;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly log: StorageLog;

  constructor(options: BlobAppStorageOptions) {
    this.inner = new BlobsStorage(options.connectionString, options.container);
    this.container = new ContainerClient(options.connectionString, options.container);
    this.log = options.log ?? noLog;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const found = await this.track(this.inner.read(keys.map(blobKeyOf)));
    const items: StoreItems = {};
    for (const key of keys) {
      const item: unknown = found[blobKeyOf(key)];
      if (item !== undefined) items[key] = item;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const byBlobKey = new Map(Object.keys(changes).map((key) => [blobKeyOf(key), key]));
    const renamed: StoreItems = {};
    for (const [blobKey, key] of byBlobKey) renamed[blobKey] = changes[key];
    try {
      await this.track(this.inner.write(renamed));
    } catch (error) {
      // Report a conflict under the caller's key, not the blob's.
      for (const [blobKey, key] of byBlobKey) {
        if (error instanceof Error && error.message === eTagConflict(blobKey).message) throw eTagConflict(key);
      }
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await this.track(this.inner.delete(keys.map(blobKeyOf)));
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  async sweep(olderThan: Date): Promise<number> {
    const started = Date.now();
    if (!(await this.container.exists())) return 0;
    let deleted = 0;
    for await (const page of this.container.listBlobsFlat().byPage({ maxPageSize: 500 })) {
      const old = page.segment.blobItems.filter((b) => b.properties.lastModified.getTime() < olderThan.getTime());
      for (let i = 0; i < old.length; i += PARALLEL_DELETES) {
        const results = await Promise.all(old.slice(i, i + PARALLEL_DELETES).map((b) => this.deleteIfUnchanged(b)));
        deleted += results.filter(Boolean).length;
      }
    }
    this.log('storage.sweep', { backend: 'blob', deleted, ms: Date.now() - started });
    return deleted;
  }

  /** Deletes only the version that was listed: a blob written since (another instance, a new turn) stays. */
  private async deleteIfUnchanged(blob: BlobItem): Promise<boolean> {
    try {
      await this.container.deleteBlob(blob.name, { conditions: { ifMatch: blob.properties.etag } });
      return true;
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404 || status === 412) return false;
      throw error;
    }
  }

  private track<T>(operation: Promise<T>): Promise<T> {
    this.inFlight.add(operation);
    const forget = () => this.inFlight.delete(operation);
    operation.then(forget, forget);
    return operation;
  }
}
