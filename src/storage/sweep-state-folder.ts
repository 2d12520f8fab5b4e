import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { StorageLog } from './app-storage';
import { CorruptStateFileError, keyHash } from './state-file';

export interface SweepHooks {
  /** The key stored in a state file; throws CorruptStateFileError when the file is unusable. */
  keyOf(file: string): Promise<string | undefined>;
  /** Deletes the key's file if it is still older than the cutoff (checked again under the key's lock). */
  deleteIfOld(key: string): Promise<boolean>;
  log: StorageLog;
}

const STATE_FILE = /^[0-9a-f]{64}\.json$/;
const TEMP_FILE = /^\.[0-9a-f]{64}\.json\.tmp$/;
/** Files looked at in parallel: enough to keep the disk busy, few enough to leave room for turns. */
const PARALLEL = 16;

/** Retention for LowdbStorage: deletes state files last written before `olderThan`; resolves to the number deleted. */
export async function sweepStateFolder(root: string, olderThan: Date, hooks: SweepHooks): Promise<number> {
  let deleted = 0;
  const shards = (await fs.readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory());
  for (const shard of shards) {
    const folder = path.join(root, shard.name);
    const names = await fs.readdir(folder);
    for (let i = 0; i < names.length; i += PARALLEL) {
      const results = await Promise.all(names.slice(i, i + PARALLEL).map((name) => sweepOne(path.join(folder, name), olderThan, hooks)));
      deleted += results.filter(Boolean).length;
    }
  }
  return deleted;
}

async function sweepOne(file: string, olderThan: Date, hooks: SweepHooks): Promise<boolean> {
  const name = path.basename(file);
  const isState = STATE_FILE.test(name);
  if (!isState && !TEMP_FILE.test(name)) return false;
  const stat = await fs.stat(file).catch(() => null);
  if (stat === null || stat.mtimeMs >= olderThan.getTime()) return false;
  // A temp file this old is what a killed process left behind mid-write; the real file next to it is intact.
  if (!isState) {
    await fs.rm(file, { force: true });
    return false;
  }
  try {
    const key = await hooks.keyOf(file);
    if (key === undefined) return false;
    if (`${keyHash(key)}.json` !== name) throw new CorruptStateFileError('it belongs to another key');
    return await hooks.deleteIfOld(key);
  } catch (error) {
    if (!(error instanceof CorruptStateFileError)) throw error;
    hooks.log('storage.corrupt_file', { backend: 'lowdb', file: name, reason: error.reason, action: 'deleted by sweep' });
    await fs.rm(file, { force: true });
    return false;
  }
}
