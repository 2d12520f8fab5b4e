import { expect } from '../support/chai';
import { MemoryAppStorage } from '../../src/storage/memory-app-storage';
import { describeStorageContract } from './contract';

describeStorageContract('memory', {
  create: async () => new MemoryAppStorage(),
  reopen: async (storage) => storage,
});

describe('MemoryAppStorage retention', () => {
  it('sweeps by the time of the last write, including writes of a batch that hit a conflict elsewhere', async () => {
    let now = new Date('2030-01-01T00:00:00Z');
    const storage = new MemoryAppStorage({ now: () => now });
    await storage.write({ a: { v: 1 }, b: { v: 1 }, c: { v: 1 } });
    const staleA = (await storage.read(['a'])).a;
    now = new Date('2030-02-01T00:00:00Z');
    await storage.write({ a: { v: 2 } });
    // MemoryStorage writes b although a conflicts; b's write time must move with it.
    await storage.write({ a: staleA, b: { v: 2 } }).catch(() => undefined);
    expect(await storage.sweep(new Date('2030-01-15T00:00:00Z'))).to.equal(1);
    expect(await storage.read(['a', 'b', 'c'])).to.have.keys(['a', 'b']);
  });
});
