import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createStorage } from '../../src/storage/create-storage';
import { BlobAppStorage } from '../../src/storage/blob-app-storage';
import { LowdbStorage } from '../../src/storage/lowdb-storage';
import { MemoryAppStorage } from '../../src/storage/memory-app-storage';
import { expect } from '../support/chai';

describe('createStorage', () => {
  it('picks the backend named by STORAGE', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'create-storage-'));
    try {
      expect(await createStorage(loadConfig({ STORAGE: 'memory' }))).to.be.instanceOf(MemoryAppStorage);
      const lowdb = await createStorage(loadConfig({ DATA_DIR: dataDir }));
      expect(lowdb).to.be.instanceOf(LowdbStorage);
      await lowdb.write({ k: { v: 1 } });
      expect((await fs.readdir(path.join(dataDir, 'state'))).length).to.equal(256);
      const blob = await createStorage(
        loadConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true', BLOB_CONTAINER: 'bot-state' }),
      );
      expect(blob).to.be.instanceOf(BlobAppStorage);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
