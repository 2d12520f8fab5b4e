import type { Storage } from 'botbuilder';
import { messageKeyOf } from './user-key';

const KEY_PREFIX = 'whatsapp/processed/';

/**
 * Remembers which messages (by wamid) were taken on, in the app's storage so that it holds across restarts:
 * Meta redelivers a message for days when it did not see a 200, and a redelivered message must not be answered twice.
 * A message is claimed before the bot runs (at most once: a crash mid-turn loses that answer rather than repeating it).
 */
export class ProcessedMessages {
  /** Claims in progress in this process, so two deliveries arriving together cannot both pass the storage check. */
  private readonly claiming = new Set<string>();

  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** True when this call claimed the message (first time seen); false for a duplicate. */
  async claim(wamid: string): Promise<boolean> {
    const key = KEY_PREFIX + messageKeyOf(wamid);
    if (this.claiming.has(key)) return false;
    this.claiming.add(key);
    try {
      const found = await this.storage.read([key]);
      if (found[key] !== undefined) return false;
      await this.storage.write({ [key]: { at: this.now().toISOString() } });
      return true;
    } finally {
      this.claiming.delete(key);
    }
  }
}
