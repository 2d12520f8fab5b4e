import { MemoryStorage, type Activity, type StoreItems } from 'botbuilder';
import { DeliveryInProgressError, DeliveryLedger, deliveryKey } from '../../src/hardening/delivery-ledger';
import { createMemoryLogger } from '../../src/logger';
import { expect } from '../support/chai';

const activity = (id?: string) => ({ id, channelId: 'msteams', conversation: { id: 'conv' }, type: 'message' }) as Activity;

function ledgerOn(storage = new MemoryStorage(), clock = { now: 0 }) {
  const sleeps: number[] = [];
  const ledger = new DeliveryLedger(
    storage,
    {
      ttlMs: 600_000,
      waitMs: 20_000,
      staleMs: 60_000,
      pollMs: 1_000,
      now: () => clock.now,
      // Waiting is simulated: each poll moves the clock instead of sleeping.
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.now += ms;
      },
    },
    createMemoryLogger(),
  );
  return { ledger, storage, clock, sleeps };
}

describe('hardening: DeliveryLedger (the same activity id is processed once)', () => {
  it('keys records by channel, conversation and activity id, and skips activities without an id', async () => {
    expect(deliveryKey(activity('a1'))).to.equal('dedupe/msteams/conv/a1');
    const { ledger } = ledgerOn();
    let runs = 0;
    await ledger.once(activity(undefined), async () => ({ status: 200, bodyJson: String(++runs) }));
    await ledger.once(activity(undefined), async () => ({ status: 200, bodyJson: String(++runs) }));
    expect(runs).to.equal(2);
  });

  it('runs the work once and replays the exact outcome to a redelivery, also from another instance', async () => {
    const storage = new MemoryStorage();
    const clock = { now: 0 };
    const first = ledgerOn(storage, clock).ledger;
    const second = ledgerOn(storage, clock).ledger;
    let runs = 0;
    const work = async () => ({ status: 200, bodyJson: JSON.stringify({ activities: [{ text: `answer ${++runs}` }] }) });
    const original = await first.once(activity('a1'), work);
    const retry = await second.once(activity('a1'), work);
    expect(runs).to.equal(1);
    expect(retry).to.deep.equal({ outcome: original.outcome, replayed: true });
  });

  it('lets a redelivery wait while another instance is still processing, then replays its outcome', async () => {
    const { ledger, storage, sleeps } = ledgerOn();
    const key = deliveryKey(activity('a1'))!;
    await storage.write({ [key]: { state: 'processing', at: 0 } });
    let reads = 0;
    const read = storage.read.bind(storage);
    // The other instance finishes while we poll (on our third read).
    storage.read = async (keys: string[]): Promise<StoreItems> => {
      if (++reads === 3) await storage.write({ [key]: { state: 'done', at: 0, outcome: { status: 200, bodyJson: '"theirs"' }, eTag: '*' } });
      return read(keys);
    };
    const result = await ledger.once(activity('a1'), async () => ({ status: 200, bodyJson: '"ours"' }));
    expect(result).to.deep.equal({ outcome: { status: 200, bodyJson: '"theirs"' }, replayed: true });
    expect(sleeps.length).to.equal(2);
  });

  it('gives up waiting with DeliveryInProgressError (503) and takes over a mark left by a crashed instance', async () => {
    const { ledger, storage, clock } = ledgerOn();
    const key = deliveryKey(activity('a1'))!;
    await storage.write({ [key]: { state: 'processing', at: 0 } });
    let error: unknown;
    await ledger.once(activity('a1'), async () => ({ status: 200 })).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(DeliveryInProgressError);
    clock.now = 60_000;
    const result = await ledger.once(activity('a1'), async () => ({ status: 200, bodyJson: '"taken over"' }));
    expect(result.replayed).to.equal(false);
  });

  it('processes again after the record expired, and deletes expired records it wrote', async () => {
    const { ledger, storage, clock } = ledgerOn();
    let runs = 0;
    await ledger.once(activity('a1'), async () => ({ status: 200, bodyJson: String(++runs) }));
    clock.now = 600_000;
    expect(await ledger.sweep()).to.equal(1);
    expect(await storage.read([deliveryKey(activity('a1'))!])).to.deep.equal({});
    await ledger.once(activity('a1'), async () => ({ status: 200, bodyJson: String(++runs) }));
    expect(runs).to.equal(2);
    ledger.close();
  });

  it('still runs the turn when storage fails (a rare double answer beats no answer)', async () => {
    const broken = new MemoryStorage();
    broken.read = async () => Promise.reject(new Error('storage down'));
    broken.write = async () => Promise.reject(new Error('storage down'));
    const { ledger } = ledgerOn(broken);
    const result = await ledger.once(activity('a1'), async () => ({ status: 200, bodyJson: '"ran"' }));
    expect(result).to.deep.equal({ outcome: { status: 200, bodyJson: '"ran"' }, replayed: false });
  });

  it('forgets the mark when the work throws, so a redelivery can try again', async () => {
    const { ledger } = ledgerOn();
    await ledger.once(activity('a1'), async () => Promise.reject(new Error('boom'))).catch(() => undefined);
    const result = await ledger.once(activity('a1'), async () => ({ status: 200 }));
    expect(result.replayed).to.equal(false);
  });
});
