import type { Storage } from 'botbuilder';

/** Free-form messages may be sent only within 24 hours of the user's last message (Meta's customer-service window). */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

const KEY_PREFIX = 'whatsapp/window/';
/** Users whose last message time is kept in memory; older entries are read from storage again. */
const CACHE_SIZE = 10_000;

interface WindowItem {
  lastInboundAt: number;
}

/** A message would go out after the 24-hour window closed; templates (the only way then) are out of scope. */
export class ServiceWindowClosedError extends Error {
  override readonly name = 'ServiceWindowClosedError';
  constructor() {
    super('The 24-hour customer-service window is closed for this user; only template messages could be sent.');
  }
}

/** Tracks when each user last wrote (by user key, in storage so that it survives a restart) and says if we may answer. */
export class ServiceWindow {
  private readonly cache = new Map<string, number>();

  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records a message the user sent at `sentAt` (ms); an older message never moves the window back. */
  async recordInbound(userKey: string, sentAt: number): Promise<void> {
    const at = Math.min(sentAt, this.now().getTime());
    const last = await this.lastInboundAt(userKey);
    if (last !== undefined && last >= at) return;
    this.remember(userKey, at);
    const item: WindowItem = { lastInboundAt: at };
    await this.storage.write({ [KEY_PREFIX + userKey]: item });
  }

  /** True while a free-form message to the user is allowed. */
  async isOpen(userKey: string): Promise<boolean> {
    const last = await this.lastInboundAt(userKey);
    return last !== undefined && this.now().getTime() - last < SERVICE_WINDOW_MS;
  }

  async forget(userKey: string): Promise<void> {
    this.cache.delete(userKey);
    await this.storage.delete([KEY_PREFIX + userKey]);
  }

  private async lastInboundAt(userKey: string): Promise<number | undefined> {
    const cached = this.cache.get(userKey);
    if (cached !== undefined) return cached;
    const key = KEY_PREFIX + userKey;
    const item = (await this.storage.read([key]))[key] as Partial<WindowItem> | undefined;
    const at = typeof item?.lastInboundAt === 'number' ? item.lastInboundAt : undefined;
    if (at !== undefined) this.remember(userKey, at);
    return at;
  }

  private remember(userKey: string, at: number): void {
    this.cache.delete(userKey);
    this.cache.set(userKey, at);
    // A Map iterates in insertion order, so the first key is the one used least recently.
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
  }
}
