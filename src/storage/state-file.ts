import { createHash } from 'node:crypto';
import path from 'node:path';

/** One key's file as held in memory: the item stays serialised, so it is stringified once per write and parsed once per read. */
export interface StateFile {
  key: string;
  eTag: string;
  itemJson: string;
}

/** A state file that exists but cannot be used (torn, edited by hand, or not ours); treated as missing. */
export class CorruptStateFileError extends Error {
  override readonly name = 'CorruptStateFileError';
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`State file is unusable: ${reason}. The key is treated as missing; the next write replaces the file.`, options);
  }
}

/** sha256 of the key's UTF-16 code units (injective even for lone surrogates), hex: a fixed-length name safe on any file system. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key, 'utf16le').digest('hex');
}

/** `<root>/<first two hex digits>/<hash>.json`: 256 sub-folders keep each folder small with many users. */
export function stateFilePath(root: string, hash: string): string {
  return path.join(root, hash.slice(0, 2), `${hash}.json`);
}

/** On disk a state file is plain JSON `{ "key": …, "item": { …, "eTag": … } }`, readable by a person. */
export function stringifyStateFile(file: StateFile): string {
  return `{"key":${JSON.stringify(file.key)},"item":${file.itemJson}}\n`;
}

export function parseStateFile(text: string): StateFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CorruptStateFileError(text.trim() === '' ? 'empty file' : 'not valid JSON', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null) throw new CorruptStateFileError('not a JSON object');
  const { key, item } = parsed as { key?: unknown; item?: unknown };
  if (typeof key !== 'string') throw new CorruptStateFileError('no "key" string');
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new CorruptStateFileError('no "item" object');
  const eTag = (item as { eTag?: unknown }).eTag;
  if (typeof eTag !== 'string' || eTag === '') throw new CorruptStateFileError('the item has no eTag');
  return { key, eTag, itemJson: JSON.stringify(item) };
}
