import { keyHash } from './state-file';

/** Names of blobs that hold a key too long (or not encodable) for a name of its own; no escaped key starts with '~'. */
export const HASHED_BLOB_PREFIX = '~sha256~';

/**
 * The key under which BlobsStorage stores `key`, chosen so that no two keys share a blob.
 * BlobsStorage drops empty path segments ('a/b/' = 'a/b' = '/a//b'), cuts names at 1,024 characters (so long keys
 * with a common start collide), and cannot encode lone surrogates or store ''. So '%' and every slash that would
 * make an empty segment are percent-escaped (bot state keys such as 'msteams/users/29:1abc/' stay readable), and keys
 * that are still too long, or not encodable, get a hashed name.
 */
export function blobKeyOf(key: string): string {
  const escaped = key
    .replace(/%/g, '%25')
    .replace(/^~/, '%7E')
    .replace(/^\/|\/(?=\/|$)/g, '%2F');
  return fitsBlobName(escaped) ? escaped : HASHED_BLOB_PREFIX + keyHash(key);
}

function fitsBlobName(escaped: string): boolean {
  if (escaped === '' || escaped.split('/').length > 250) return false;
  try {
    return encodeURIComponent(escaped).length <= 1024;
  } catch {
    return false;
  }
}
