/** A conversation already has this many turns queued; the caller answers 429. */
export class ConversationBusyError extends Error {
  override readonly name = 'ConversationBusyError';
  constructor() {
    super('Too many messages queued in this conversation.');
  }
}

/**
 * Runs the turns of one conversation one after another (never interleaved into one dialog state) and turns of
 * different conversations in parallel. A conversation's entry disappears when its last turn settles.
 */
export class ConversationQueue {
  private readonly queues = new Map<string, { tail: Promise<void>; depth: number }>();

  constructor(private readonly maxDepth: number) {}

  /** Conversations with turns queued or running. */
  get size(): number {
    return this.queues.size;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const queue = this.queues.get(key) ?? { tail: Promise.resolve(), depth: 0 };
    if (queue.depth >= this.maxDepth) return Promise.reject(new ConversationBusyError());
    queue.depth += 1;
    const result = queue.tail.then(task);
    // The tail never rejects, so one failed turn does not block the turns queued after it.
    queue.tail = result.then(
      () => undefined,
      () => undefined,
    );
    const tail = queue.tail;
    this.queues.set(key, queue);
    void tail.then(() => {
      queue.depth -= 1;
      if (queue.depth === 0 && this.queues.get(key) === queue) this.queues.delete(key);
    });
    return result;
  }
}
