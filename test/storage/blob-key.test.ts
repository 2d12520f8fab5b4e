import { expect } from '../support/chai';
import { blobKeyOf, HASHED_BLOB_PREFIX } from '../../src/storage/blob-key';
import { ODD_KEYS } from './contract';

/** What BlobsStorage does to a key before it becomes a blob name (sanitizeBlobKey in botbuilder-azure-blobs 4.23). */
function blobsStorageName(key: string): string {
  const joined = key.split('/').reduce((acc, part, i) => (part ? [acc, part].join(i < 255 ? '/' : '') : acc));
  return encodeURIComponent(joined).slice(0, 1024);
}

describe('blobKeyOf', () => {
  it('keeps ordinary bot state keys readable', () => {
    expect(blobKeyOf('msteams/conversations/19:abc@thread.tacv2/')).to.equal('msteams/conversations/19:abc@thread.tacv2%2F');
    expect(blobKeyOf('webchat/users/dl_123')).to.equal('webchat/users/dl_123');
  });

  // The property that matters: two keys never end up in the same blob once BlobsStorage has sanitised the name.
  it('gives every odd key a blob name of its own after BlobsStorage sanitises it', () => {
    const names = ODD_KEYS.map((key) => blobsStorageName(blobKeyOf(key)));
    expect(new Set(names).size).to.equal(ODD_KEYS.length);
    for (const name of names) expect(name.length).to.be.at.most(1024);
  });

  it('hashes keys too long for a blob name, and keys that merely look hashed are escaped', () => {
    expect(blobKeyOf('x'.repeat(2000))).to.match(new RegExp(`^${HASHED_BLOB_PREFIX}[0-9a-f]{64}$`));
    expect(blobKeyOf(`${HASHED_BLOB_PREFIX}abc`)).to.equal(`%7Esha256~abc`);
  });
});
