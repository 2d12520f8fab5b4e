import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect } from '../support/chai';
import { EventStore, fileOfDay, readEvents } from '../../src/analytics/event-store';
import type { AnalyticsEvent } from '../../src/analytics/events';
import { tempDataDir } from '../support/test-app';

const event = (at: string, user: string, topic = 'no_email'): AnalyticsEvent => ({ at, user, channel: 'webchat', lang: 'nl', type: 'turn', topic, kind: 'answer', action: 'goto', fallback: false });

describe('analytics: EventStore (lowdb, one file per Amsterdam day)', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDataDir('traces-events-');
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('buffers appends and writes them to the file of their Amsterdam day on flush', async () => {
    const store = await EventStore.open({ dir, flushIntervalMs: 0 });
    await store.append(event('2025-11-28T12:00:00Z', 'u1'));
    // 23:30 UTC is already the next day in Amsterdam.
    await store.append(event('2025-11-28T23:30:00Z', 'u2'));
    expect(await fs.readdir(dir)).to.deep.equal([]);
    await store.flush();
    expect((await fs.readdir(dir)).sort()).to.deep.equal([fileOfDay('2025-11-28'), fileOfDay('2025-11-29')]);
    const day = JSON.parse(await fs.readFile(path.join(dir, fileOfDay('2025-11-28')), 'utf8')) as { events: AnalyticsEvent[] };
    expect(day.events.map((e) => e.user)).to.deep.equal(['u1']);
    await store.close();
  });

  it('appends to an existing day file after a restart instead of replacing it', async () => {
    const first = await EventStore.open({ dir, flushIntervalMs: 0 });
    await first.append(event('2025-11-28T12:00:00Z', 'u1'));
    await first.close();
    const second = await EventStore.open({ dir, flushIntervalMs: 0 });
    await second.append(event('2025-11-28T13:00:00Z', 'u2'));
    await second.close();
    expect((await readEvents(dir)).map((e) => e.user)).to.deep.equal(['u1', 'u2']);
  });

  it('forgets a user in every day file and in the buffer', async () => {
    const store = await EventStore.open({ dir, flushIntervalMs: 0 });
    await store.append(event('2025-11-27T12:00:00Z', 'gone'));
    await store.append(event('2025-11-27T12:00:00Z', 'kept'));
    await store.flush();
    await store.append(event('2025-11-28T12:00:00Z', 'gone'));
    expect(await store.forget('gone')).to.equal(2);
    await store.close();
    expect((await readEvents(dir)).map((e) => e.user)).to.deep.equal(['kept']);
  });

  it('keeps a damaged day file aside and goes on', async () => {
    await fs.writeFile(path.join(dir, fileOfDay('2025-11-28')), '{"events": [', 'utf8');
    const errors: Error[] = [];
    const store = await EventStore.open({ dir, flushIntervalMs: 0, onError: (e) => errors.push(e) });
    await store.append(event('2025-11-28T12:00:00Z', 'u1'));
    await store.close();
    expect(errors).to.have.length(1);
    expect((await fs.readdir(dir)).some((f) => f.includes('.damaged-'))).to.equal(true);
    expect((await readEvents(dir)).map((e) => e.user)).to.deep.equal(['u1']);
  });

  it('keeps events in memory only when it has no folder (STORAGE=memory)', async () => {
    const store = await EventStore.open({ flushIntervalMs: 0 });
    await store.append(event('2025-11-28T12:00:00Z', 'u1'));
    await store.close();
    expect((await store.all()).map((e) => e.user)).to.deep.equal(['u1']);
  });

  it('reads no events from a missing folder, and names unreadable files', async () => {
    expect(await readEvents(path.join(dir, 'missing'))).to.deep.equal([]);
    await fs.writeFile(path.join(dir, fileOfDay('2025-11-28')), 'not json', 'utf8');
    const skipped: string[] = [];
    expect(await readEvents(dir, (f) => skipped.push(f))).to.deep.equal([]);
    expect(skipped).to.deep.equal([fileOfDay('2025-11-28')]);
  });

  // RETENTION_DAYS applies to analytics too: whole days before the cutoff go, from disk and memory.
  it('sweeps days before the cutoff and keeps the rest', async () => {
    const store = await EventStore.open({ dir, flushIntervalMs: 0 });
    await store.append(event('2025-08-01T12:00:00Z', 'old'));
    await store.append(event('2025-11-28T12:00:00Z', 'new'));
    await store.flush();
    expect(await store.sweep(new Date('2025-11-01T00:00:00Z'))).to.equal(1);
    expect((await store.all()).map((e) => e.user)).to.deep.equal(['new']);
    expect(await fs.readdir(dir)).to.deep.equal([fileOfDay('2025-11-28')]);
    await store.close();
  });
});
