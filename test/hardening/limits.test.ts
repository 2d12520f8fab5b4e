import { ConversationBusyError, ConversationQueue } from '../../src/hardening/conversation-queue';
import { hardeningOptions } from '../../src/hardening/options';
import { RateLimiter } from '../../src/hardening/rate-limiter';
import { OverloadedError, TurnGate } from '../../src/hardening/turn-gate';
import { TurnGuard } from '../../src/hardening/turn-guard';
import { expect } from '../support/chai';

/** A promise with its resolve, to hold work open until the test lets it finish. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('hardening: RateLimiter', () => {
  it('allows the limit per window, refuses politely once, then silently, and forgets at the next window', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    expect([1, 2, 3].map(() => limiter.hit('u').allowed)).to.deep.equal([true, true, true]);
    expect(limiter.hit('u')).to.deep.equal({ allowed: false, firstRefusal: true, retryAfterSec: 60 });
    now += 30_000;
    expect(limiter.hit('u')).to.deep.equal({ allowed: false, firstRefusal: false, retryAfterSec: 30 });
    expect(limiter.hit('other').allowed).to.equal(true);
    now += 30_000;
    expect(limiter.hit('u').allowed).to.equal(true);
  });

  it('stays within maxKeys whatever ids a caller invents', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, maxKeys: 100, now: () => now++ });
    for (let i = 0; i < 10_000; i++) limiter.hit(`id-${i}`);
    expect(limiter.size).to.be.at.most(100);
  });
});

describe('hardening: TurnGate (global limit)', () => {
  it('runs at most maxActive at once, queues up to maxWaiting, refuses beyond', async () => {
    const turnGate = new TurnGate(2, 1);
    const held = gate();
    let running = 0;
    let peak = 0;
    const work = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await held.promise;
      running -= 1;
    };
    const accepted = [turnGate.run(work), turnGate.run(work), turnGate.run(work)];
    let refused: unknown;
    await turnGate.run(work).catch((error: unknown) => (refused = error));
    expect(refused).to.be.instanceOf(OverloadedError);
    expect(turnGate.load).to.deep.equal({ active: 2, waiting: 1 });
    held.open();
    await Promise.all(accepted);
    expect(peak).to.equal(2);
    expect(turnGate.load).to.deep.equal({ active: 0, waiting: 0 });
  });

  it('frees the slot when work throws', async () => {
    const turnGate = new TurnGate(1, 0);
    await turnGate.run(async () => Promise.reject(new Error('boom'))).catch(() => undefined);
    expect(await turnGate.run(async () => 'ok')).to.equal('ok');
  });
});

describe('hardening: ConversationQueue', () => {
  it('runs one conversation strictly in order, never interleaved, and others in parallel', async () => {
    const queue = new ConversationQueue(10);
    const log: string[] = [];
    const step = (key: string, name: string, ticks: number) =>
      queue.run(key, async () => {
        log.push(`${name}:start`);
        for (let i = 0; i < ticks; i++) await new Promise((resolve) => setImmediate(resolve));
        log.push(`${name}:end`);
      });
    await Promise.all([step('a', 'a1', 5), step('a', 'a2', 1), step('b', 'b1', 1)]);
    const a = log.filter((line) => line.startsWith('a'));
    expect(a).to.deep.equal(['a1:start', 'a1:end', 'a2:start', 'a2:end']);
    // b did not wait for a.
    expect(log.indexOf('b1:end')).to.be.lessThan(log.indexOf('a1:end'));
    expect(queue.size).to.equal(0);
  });

  it('keeps going after a failed turn and refuses a conversation with too many queued turns', async () => {
    const queue = new ConversationQueue(2);
    const held = gate();
    const first = queue.run('a', async () => {
      await held.promise;
      throw new Error('boom');
    });
    const second = queue.run('a', async () => 'second ran');
    let busy: unknown;
    await queue.run('a', async () => 'third').catch((error: unknown) => (busy = error));
    expect(busy).to.be.instanceOf(ConversationBusyError);
    held.open();
    await first.catch(() => undefined);
    expect(await second).to.equal('second ran');
  });
});

describe('hardening: TurnGuard', () => {
  it('limits a user across conversations and a conversation across users', () => {
    const guard = new TurnGuard(hardeningOptions({ ratePerWindow: 2 }), () => 0);
    expect(guard.admit({ channelId: 'w', userId: 'u', conversationId: 'c1' }).allowed).to.equal(true);
    expect(guard.admit({ channelId: 'w', userId: 'u', conversationId: 'c2' }).allowed).to.equal(true);
    expect(guard.admit({ channelId: 'w', userId: 'u', conversationId: 'c3' }).allowed).to.equal(false);
    expect(guard.admit({ channelId: 'w', userId: 'v1', conversationId: 'group' }).allowed).to.equal(true);
    expect(guard.admit({ channelId: 'w', userId: 'v2', conversationId: 'group' }).allowed).to.equal(true);
    expect(guard.admit({ channelId: 'w', userId: 'v3', conversationId: 'group' }).allowed).to.equal(false);
  });
});
