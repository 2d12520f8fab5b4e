import type { Storage } from 'botbuilder';

/** One structured log event; fields carry ids, counts and hashes, never message text or keys with user ids. */
export type StorageLog = (event: string, fields?: Record<string, unknown>) => void;

/** botbuilder's Storage plus what the app needs around it: a clean shutdown and retention. */
export interface AppStorage extends Storage {
  /** Waits until every write started so far has reached the store. */
  close(): Promise<void>;
  /** Deletes entries last written before `olderThan`; resolves to how many were deleted. */
  sweep(olderThan: Date): Promise<number>;
}

/** The message botbuilder's own storages use for an eTag conflict, so callers can match on it whatever the backend. */
export function eTagConflict(key: string): Error {
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

export const noLog: StorageLog = () => undefined;
