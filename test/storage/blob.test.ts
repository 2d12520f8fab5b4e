import { BlobAppStorage } from '../../src/storage/blob-app-storage';
import type { AppStorage } from '../../src/storage/app-storage';
import { type Azurite, startAzurite } from './azurite';
import { describeStorageContract } from './contract';

let azurite: Azurite | undefined;
const containers = new Map<AppStorage, string>();
let created = 0;

function connectionString(): string {
  if (!azurite) throw new Error('Azurite is not running; see the error of the "before all" hook.');
  return azurite.connectionString;
}

describe('blob storage on Azurite', function () {
  // Azurite starts from node_modules in a second or two; the blob suite must really run, never be skipped.
  this.timeout(60_000);
  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite?.stop();
  });

  describeStorageContract('blob', {
    create: async () => {
      const container = `contract-${process.pid}-${++created}`;
      const storage = new BlobAppStorage({ connectionString: connectionString(), container });
      containers.set(storage, container);
      return storage;
    },
    reopen: async (storage) => {
      const container = containers.get(storage) as string;
      const again = new BlobAppStorage({ connectionString: connectionString(), container });
      containers.set(again, container);
      return again;
    },
  });
});
