import { startRetentionSweep } from '../../src/storage/retention';
import { expect } from '../support/chai';

/** A store that only records the cutoffs it was asked to sweep. */
function recordingStore(result: () => Promise<number> = async () => 0) {
  const cutoffs: Date[] = [];
  return {
    cutoffs,
    sweep: (olderThan: Date) => {
      cutoffs.push(olderThan);
      return result();
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition not met');
}

describe('startRetentionSweep', () => {
  it('sweeps once at start with a cutoff of retentionDays before now', async () => {
    const store = recordingStore();
    const stop = startRetentionSweep(store, 90, { now: () => new Date('2025-01-01T12:00:00Z'), intervalMs: 3_600_000 });
    stop();
    expect(store.cutoffs.map((d) => d.toISOString())).to.deep.equal(['2024-10-03T12:00:00.000Z']);
  });

  it('sweeps again every interval until stopped, and logs what it deleted', async () => {
    const events: string[] = [];
    const store = recordingStore(async () => 7);
    const stop = startRetentionSweep(store, 1, { intervalMs: 5, log: (event, fields) => events.push(`${event}:${fields?.deleted}`) });
    await until(() => store.cutoffs.length >= 3);
    stop();
    const count = store.cutoffs.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(store.cutoffs.length).to.equal(count);
    expect(events).to.include('retention.swept:7');
  });

  // Retention must never take the assistant down: a failing backend is logged and tried again later.
  it('logs a failed sweep and keeps going', async () => {
    const events: string[] = [];
    let calls = 0;
    const store = recordingStore(async () => {
      calls++;
      if (calls === 1) throw new Error('backend down');
      return 0;
    });
    const stop = startRetentionSweep(store, 30, { intervalMs: 5, log: (event) => events.push(event) });
    await until(() => calls >= 2);
    stop();
    expect(events[0]).to.equal('retention.failed');
  });

  it('rejects a retention of zero or fewer days', () => {
    expect(() => startRetentionSweep(recordingStore(), 0)).to.throw(RangeError, /retentionDays/);
  });
});
