import type { AppConfig } from '../config';
import { type AppStorage, noLog, type StorageLog } from './app-storage';
import { LowdbStorage } from './lowdb-storage';
import { MemoryAppStorage } from './memory-app-storage';

export type { AppStorage, StorageLog } from './app-storage';

/** The storage chosen by STORAGE: lowdb files under DATA_DIR (default), memory (tests), or Azure Blob Storage (scale-out). */
export async function createStorage(config: AppConfig, log: StorageLog = noLog): Promise<AppStorage> {
  switch (config.storage) {
    case 'memory':
      return new MemoryAppStorage();
    case 'lowdb':
      return LowdbStorage.open({ dataDir: config.dataDir, log });
    case 'blob': {
      // Loaded only when used: the Azure SDK adds about 23 MB to every process that requires it.
      const { BlobAppStorage } = await import('./blob-app-storage.js');
      return new BlobAppStorage({ connectionString: config.blobConnectionString, container: config.blobContainer, log });
    }
  }
}
