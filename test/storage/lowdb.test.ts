import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage, type Storage, type StoreItems } from 'botbuilder';
import { LowdbStorage } from '../../src/storage/lowdb-storage';
import { keyHash, stateFilePath } from '../../src/storage/state-file';
import { expect } from '../support/chai';
import type { AppStorage } from '../../src/storage/app-storage';
import { describeStorageContract } from './contract';

const folders = new Map<AppStorage, string>();

describeStorageContract('lowdb', {
  create: async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lowdb-contract-'));
    const storage = await LowdbStorage.open({ dataDir });
    folders.set(storage, dataDir);
    return storage;
  },
  reopen: async (storage) => {
    const dataDir = folders.get(storage) as string;
    const again = await LowdbStorage.open({ dataDir });
    folders.set(again, dataDir);
    return again;
  },
});

after(async () => {
  await Promise.all([...new Set(folders.values())].map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('LowdbStorage', () => {
  let dataDir: string;
  let events: Array<{ event: string; fields?: Record<string, unknown> }>;
  const log = (event: string, fields?: Record<string, unknown>) => events.push({ event, fields });
  const open = (cacheSize?: number) => LowdbStorage.open({ dataDir, log, cacheSize });
  const fileOf = (key: string) => stateFilePath(path.join(dataDir, 'state'), keyHash(key));

  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lowdb-'));
    events = [];
  });
  afterEach(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  // The same script on MemoryStorage and LowdbStorage must give the same outcomes, eTags compared by identity.
  it('behaves exactly like botbuilder MemoryStorage, including its eTag corner cases', async () => {
    const memory = await runScript(new MemoryStorage());
    const lowdb = await runScript(await open());
    expect(lowdb).to.deep.equal(memory);
    expect(memory).to.include('error: Storage: error writing "a" due to eTag conflict.');
  });

  it('keeps one small JSON file per key, named by a hash, with the key inside', async () => {
    const storage = await open();
    await storage.write({ 'msteams/users/29:1abc/': { language: 'nl' } });
    const file = fileOf('msteams/users/29:1abc/');
    expect(path.relative(dataDir, file)).to.match(/^state[\\/][0-9a-f]{2}[\\/][0-9a-f]{64}\.json$/);
    const stored = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(stored.key).to.equal('msteams/users/29:1abc/');
    expect(stored.item.language).to.equal('nl');
    expect(stored.item.eTag).to.be.a('string');
  });

  it('treats a torn, empty or foreign file as missing, reports it without the key, and recovers on the next write', async () => {
    const storage = await open();
    await storage.write({ 'user/alfa': { v: 1 }, 'user/bravo': { v: 1 }, 'user/charlie': { v: 1 }, 'user/delta': { v: 2 } });
    await storage.close();
    await fs.writeFile(fileOf('user/alfa'), '{"key":"user/alfa","item":{"v":1,"eT');
    await fs.writeFile(fileOf('user/bravo'), '');
    await fs.copyFile(fileOf('user/delta'), fileOf('user/charlie'));
    const restarted = await open();
    expect(await restarted.read(['user/alfa', 'user/bravo', 'user/charlie', 'user/delta'])).to.have.keys(['user/delta']);
    const corrupt = events.filter((e) => e.event === 'storage.corrupt_file');
    expect(corrupt).to.have.length(3);
    expect(JSON.stringify(corrupt)).not.to.match(/user|alfa|bravo|charlie/);
    expect(corrupt.map((e) => e.fields?.file)).to.include(path.basename(fileOf('user/alfa')));
    await restarted.write({ 'user/alfa': { v: 2 } });
    expect((await (await open()).read(['user/alfa']))['user/alfa'].v).to.equal(2);
  });

  // What a kill -9 between steno's temp write and its rename leaves behind.
  it('ignores a half-written temp file beside an intact state file', async () => {
    const storage = await open();
    await storage.write({ k: { v: 1 } });
    const file = fileOf('k');
    await fs.writeFile(path.join(path.dirname(file), `.${path.basename(file)}.tmp`), '{"key":"k","ite');
    expect((await (await open()).read(['k'])).k.v).to.equal(1);
  });

  // A kill between removing the old file and renaming the new one leaves only the complete temp file.
  it('finishes a replacement that a kill interrupted, and keeps the new version', async () => {
    const storage = await open();
    await storage.write({ k: { v: 1 } });
    const file = fileOf('k');
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
    await fs.writeFile(temp, JSON.stringify({ key: 'k', item: { v: 2, eTag: 'x' } }));
    await fs.rm(file);
    expect((await (await open()).read(['k'])).k.v).to.equal(2);
    expect(await exists(file)).to.equal(true);
    expect(await exists(temp)).to.equal(false);
  });

  // "Forget me" must stay forgotten: a complete temp file left by a kill must not bring a deleted key back.
  it('deletes a key together with the temp file of an interrupted write', async () => {
    const storage = await open();
    await storage.write({ 'user/x': { v: 1 } });
    const file = fileOf('user/x');
    await fs.rename(file, path.join(path.dirname(file), `.${path.basename(file)}.tmp`));
    await (await open()).delete(['user/x']);
    expect(await (await open()).read(['user/x'])).to.deep.equal({});
  });

  it('treats a cut-short first write (a torn temp file and no state file) as missing, without alarm', async () => {
    const storage = await open();
    const file = fileOf('new');
    await fs.writeFile(path.join(path.dirname(file), `.${path.basename(file)}.tmp`), '{"key":"new","it');
    expect(await storage.read(['new'])).to.deep.equal({});
    await storage.write({ new: { v: 1, eTag: '*' } });
    expect((await (await open()).read(['new'])).new.v).to.equal(1);
    expect(events.filter((e) => e.event === 'storage.corrupt_file')).to.deep.equal([]);
  });

  it('serialises concurrent writes to one key in call order', async () => {
    const storage = await open();
    await Promise.all(Array.from({ length: 50 }, (_, v) => storage.write({ hot: { v } })));
    expect((await storage.read(['hot'])).hot.v).to.equal(49);
    expect(JSON.parse(await fs.readFile(fileOf('hot'), 'utf8')).item.v).to.equal(49);
  });

  it('holds at most cacheSize keys in memory and reads the others from disk', async () => {
    const storage = await open(2);
    for (const key of ['a', 'b', 'c']) await storage.write({ [key]: { v: 1 } });
    // Change a and c behind the store's back: a was evicted (read from disk), c is still cached.
    for (const key of ['a', 'c']) {
      const stored = JSON.parse(await fs.readFile(fileOf(key), 'utf8'));
      await fs.writeFile(fileOf(key), JSON.stringify({ key, item: { ...stored.item, v: 2 } }));
    }
    const items = await storage.read(['a', 'c']);
    expect([items.a.v, items.c.v]).to.deep.equal([2, 1]);
  });

  it('sweeps by file modification time, removing old leftovers and old corrupt files too', async () => {
    const storage = await open();
    await storage.write({ old: { v: 1 }, 'old/too': { v: 1 }, recent: { v: 1 }, broken: { v: 1 } });
    await fs.writeFile(fileOf('broken'), 'not json');
    const leftover = path.join(path.dirname(fileOf('old')), `.${path.basename(fileOf('old'))}.tmp`);
    await fs.writeFile(leftover, '{');
    const longAgo = new Date('2001-01-01T00:00:00Z');
    for (const file of [fileOf('old'), fileOf('old/too'), fileOf('broken'), leftover]) await fs.utimes(file, longAgo, longAgo);
    await fs.writeFile(path.join(dataDir, 'state', 'README.txt'), 'not ours');

    expect(await storage.sweep(new Date('2002-01-01T00:00:00Z'))).to.equal(2);
    expect(await storage.read(['old', 'old/too', 'recent'])).to.have.keys(['recent']);
    expect(await exists(fileOf('broken'))).to.equal(false);
    expect(await exists(leftover)).to.equal(false);
    expect(events.map((e) => e.event)).to.include.members(['storage.corrupt_file', 'storage.sweep']);
    await fs.access(path.join(dataDir, 'state', 'README.txt'));
  });
});

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

type Outcome = string | Record<string, unknown>;

/** Drives a store through MemoryStorage's corner cases; eTags are replaced by the order in which they first appeared. */
async function runScript(storage: Storage): Promise<Outcome[]> {
  const seen = new Map<string, string>();
  const name = (eTag: string) => seen.get(eTag) ?? (seen.set(eTag, `E${seen.size}`), `E${seen.size - 1}`);
  const outcomes: Outcome[] = [];
  const attempt = async (op: () => Promise<unknown>) => {
    try {
      const result = await op();
      if (result === undefined) return outcomes.push('ok');
      const items = result as StoreItems;
      return outcomes.push(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { ...v, eTag: name(String(v.eTag)) }])));
    } catch (error) {
      return outcomes.push(`error: ${(error as Error).message}`);
    }
  };
  const eTagOf = async (key: string): Promise<string> => (await storage.read([key]))[key].eTag;

  await attempt(() => storage.write({ a: { v: 1 } }));
  const first = await eTagOf('a');
  await attempt(() => storage.read(['a']));
  await attempt(() => storage.write({ a: { v: 2, eTag: first } }));
  await attempt(() => storage.write({ a: { v: 3, eTag: first } }));
  await attempt(() => storage.write({ missing: { v: 1, eTag: 'never-issued' } }));
  await attempt(() => storage.write({ a: { v: 4, eTag: '' } }));
  await attempt(() => storage.write({ b: { v: 1 }, a: { v: 5, eTag: first }, c: { v: 1 } }));
  await attempt(() => storage.read(['a', 'b', 'c', 'missing', 'none']));
  await attempt(() => storage.delete(['b', 'none']));
  await attempt(() => storage.read(['a', 'b', 'c']));
  await attempt(async () => storage.write({ c: { v: 2, eTag: await eTagOf('c') } }));
  await attempt(() => storage.write({ c: { v: 3, eTag: '*' } }));
  await attempt(() => storage.read(['c', 'a']));
  return outcomes;
}
