import type { Storage, TurnContext } from 'botbuilder';
import { createHash, randomBytes } from 'node:crypto';

const SALT_KEY = 'privacy/user-key-salt';

/**
 * Pseudonymous user keys for analytics and follow-ups: sha256 of a secret salt and the channel's user id, so that
 * stored events name no one, and "forget me" can still find everything linked to the user. The salt lives in the
 * bot's storage, so every instance that shares the storage computes the same keys.
 */
export class UserKeys {
  private constructor(private readonly salt: string) {}

  static async open(storage: Storage): Promise<UserKeys> {
    const found = (await storage.read([SALT_KEY]))[SALT_KEY] as { salt?: unknown } | undefined;
    if (typeof found?.salt === 'string' && found.salt.length >= 32) return new UserKeys(found.salt);
    const salt = randomBytes(32).toString('hex');
    await storage.write({ [SALT_KEY]: { salt } });
    return new UserKeys(salt);
  }

  /** Writes the salt again, so the retention sweep (by last write) never takes it while the app runs. */
  async touch(storage: Storage): Promise<void> {
    await storage.write({ [SALT_KEY]: { salt: this.salt } });
  }

  /** A salt given directly (tests, tools). */
  static withSalt(salt: string): UserKeys {
    return new UserKeys(salt);
  }

  keyOf(channelId: string, userId: string): string {
    return createHash('sha256').update(`${this.salt}\u0000${channelId}\u0000${userId}`).digest('hex').slice(0, 32);
  }

  /** The key of the user who sent the turn's activity. */
  keyOfTurn(context: TurnContext): string {
    return this.keyOf(context.activity.channelId ?? '', context.activity.from?.id ?? '');
  }
}
