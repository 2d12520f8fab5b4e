import { promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LowdbStorage } from '../../src/storage/lowdb-storage';
import { keyHash, stateFilePath, stringifyStateFile } from '../../src/storage/state-file';

/** Ids of the benchmark's users; load and prefill share them, so a prefilled user is a returning user. */
export const benchUserId = (n: number): string => `bench-user-${n}`;
export const benchConversationId = (n: number): string => `bench-conv-${n}`;

/** What the assistant keeps for a user part-way through the walkthrough (shapes taken from a real run). */
function userState(): Record<string, unknown> {
  return { userProfile: { lang: 'nl', lastStep: 'register_start', stepsDone: ['register_start'] } };
}

function conversationState(): Record<string, unknown> {
  const offered = [
    { label: 'Toegang krijgen', goto: 'register_start' },
    { label: 'Inloggen', goto: 'login_how' },
    { label: 'Nog geen toegang', goto: 'activation_late' },
    { label: 'Hulp van een mens', goto: 'contact_human' },
  ];
  const walkthrough = { id: 'walkthrough', state: { offered, misses: 0, lastNode: 'register_start' } };
  return {
    dialogState: { dialogStack: [{ id: 'main', state: { dialogs: { dialogStack: [walkthrough] } }, version: '678506208' }] },
    conversationData: { welcomed: true, trail: ['greeting', 'register_start'] },
  };
}

/**
 * Writes `users` users (user state and conversation state each) straight into a lowdb data folder, in the
 * LowdbStorage file format, much faster than through the store. Returns the number of files written.
 */
export async function prefillLowdbUsers(dataDir: string, users: number, channelId: string): Promise<number> {
  const storage = await LowdbStorage.open({ dataDir });
  const write = (key: string, item: Record<string, unknown>, n: number) => {
    const eTag = `prefill-${n.toString(36)}`;
    writeFileSync(stateFilePath(storage.root, keyHash(key)), stringifyStateFile({ key, eTag, itemJson: JSON.stringify({ ...item, eTag }) }));
  };
  for (let n = 0; n < users; n++) {
    write(`${channelId}/users/${benchUserId(n)}/`, userState(), 2 * n);
    write(`${channelId}/conversations/${benchConversationId(n)}/`, conversationState(), 2 * n + 1);
  }
  // The store itself must read what was written, or the benchmark would measure missing users.
  const probe = `${channelId}/users/${benchUserId(users - 1)}/`;
  if (!(await storage.read([probe]))[probe]) throw new Error(`prefill check failed: ${path.basename(dataDir)} lacks the last user`);
  await fs.writeFile(path.join(dataDir, 'prefill.json'), JSON.stringify({ users }));
  return users * 2;
}
