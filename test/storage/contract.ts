import { expect } from '../support/chai';
import { type StoreItems, TestAdapter, ConversationState, UserState, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { ExpectRepliesClient } from '../../src/cli/expect-replies-client';
import type { AppStorage } from '../../src/storage/app-storage';
import { startTestApp } from '../support/test-app';

/** How the contract gets stores of one backend. */
export interface StorageHarness {
  /** A new, empty store of this backend. */
  create(): Promise<AppStorage>;
  /** Another store over the same data, as after a restart or on a second instance (memory: the same store). */
  reopen(storage: AppStorage): Promise<AppStorage>;
}

/** Keys real channels produce, and keys that break naive file or blob naming. */
export const ODD_KEYS = [
  'msteams/conversations/19:abc-DEF_123@thread.tacv2;messageid=1699999999999',
  'webchat/users/dl_7f3a0c9e-1111-2222-3333-444455556666',
  'a/b',
  'a//b',
  '/a/b',
  'a/b/',
  'A/B',
  '../../etc/passwd',
  'CON',
  'with space and ? # % & + = " \' < > | * : \\',
  '%2F',
  'ünïcødé/ключ/鍵/🍵',
  '\ud800 lone surrogate',
  '',
  '~sha256~' + '0'.repeat(64),
  'x'.repeat(2000) + '1',
  'x'.repeat(2000) + '2',
  'y/'.repeat(300),
];

const conflict = /eTag conflict/;

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

/** Waits until the wall clock has passed the next whole second, so stores with 1-second timestamps (blob) can tell before from after. */
async function nextWholeSecond(): Promise<Date> {
  const cutoff = new Date(Math.floor(Date.now() / 1000) * 1000 + 1000);
  while (Date.now() <= cutoff.getTime() + 20) await new Promise((r) => setTimeout(r, 50));
  return cutoff;
}

/** A three-step waterfall over conversation and user state, like the assistant's walkthrough. */
function stepsBot(storage: AppStorage): (context: TurnContext) => Promise<void> {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const profile = userState.createProperty<{ company?: string; country?: string }>('profile');
  const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
  dialogs.add(new TextPrompt('text'));
  dialogs.add(
    new WaterfallDialog('steps', [
      async (step: WaterfallStepContext) => step.prompt('text', 'step 1: company?'),
      async (step: WaterfallStepContext) => {
        await profile.set(step.context, { company: String(step.result) });
        return step.prompt('text', 'step 2: country?');
      },
      async (step: WaterfallStepContext) => {
        const saved = await profile.get(step.context, {});
        await profile.set(step.context, { ...saved, country: String(step.result) });
        await step.context.sendActivity(`done: ${saved.company} in ${String(step.result)}`);
        return step.endDialog();
      },
    ]),
  );
  return async (context) => {
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog('steps');
    await conversationState.saveChanges(context);
    await userState.saveChanges(context);
  };
}

/** The behaviour every backend must share; botbuilder's MemoryStorage is the reference. */
export function describeStorageContract(backend: string, harness: StorageHarness): void {
  describe(`storage contract: ${backend}`, () => {
    let storage: AppStorage;
    beforeEach(async () => {
      storage = await harness.create();
    });
    afterEach(async () => {
      await storage.close();
    });

    it('returns nothing for unknown keys, and only the known ones from a mixed read', async () => {
      expect(await storage.read(['nobody/here'])).to.deep.equal({});
      expect(await storage.read([])).to.deep.equal({});
      await storage.write({ known: { n: 1 } });
      const items = await storage.read(['unknown', 'known']);
      expect(Object.keys(items)).to.deep.equal(['known']);
      expect(items.known.n).to.equal(1);
    });

    it('stores values with their types and unicode intact, and gives each stored item an eTag', async () => {
      const value = { text: 'één café 🍵 \u2028 "quoted"', count: 3, ok: true, none: null, list: [1, 'twee'], nested: { at: '2024-06-11' } };
      await storage.write({ v: value });
      const { v } = await storage.read(['v']);
      expect(v.eTag).to.be.a('string').and.not.equal('');
      expect({ ...v, eTag: undefined }).to.deep.equal({ ...value, eTag: undefined });
    });

    // Odd keys must neither fail nor collide: each reads back its own value, and deleting one leaves the others.
    it('keeps odd keys (slashes, unicode, very long, empty) apart', async () => {
      const changes: StoreItems = {};
      ODD_KEYS.forEach((key, n) => (changes[key] = { n }));
      await storage.write(changes);
      const items = await storage.read(ODD_KEYS);
      expect(ODD_KEYS.map((key) => items[key]?.n)).to.deep.equal(ODD_KEYS.map((_, n) => n));
      await storage.delete([ODD_KEYS[3]]);
      const after = await storage.read(ODD_KEYS);
      expect(after).not.to.have.property(ODD_KEYS[3]);
      expect(Object.keys(after)).to.have.length(ODD_KEYS.length - 1);
    });

    it('rejects a write with a stale eTag and keeps the stored item', async () => {
      await storage.write({ k: { v: 1 } });
      const first = (await storage.read(['k'])).k;
      await storage.write({ k: { ...first, v: 2 } });
      const second = (await storage.read(['k'])).k;
      expect(second.eTag).not.to.equal(first.eTag);
      const error = await rejection(storage.write({ k: { ...first, v: 3 } }));
      expect(error.message).to.match(conflict).and.include('"k"');
      expect((await storage.read(['k'])).k).to.deep.equal(second);
    });

    it('overwrites with eTag "*" and with no eTag', async () => {
      await storage.write({ k: { v: 1 } });
      await storage.write({ k: { v: 2, eTag: '*' } });
      expect((await storage.read(['k'])).k.v).to.equal(2);
      await storage.write({ k: { v: 3 } });
      expect((await storage.read(['k'])).k.v).to.equal(3);
    });

    it('writes a batch of keys in one call', async () => {
      await storage.write({ a: { v: 'a' }, b: { v: 'b' }, 'c/d': { v: 'c' } });
      const items = await storage.read(['a', 'b', 'c/d']);
      expect([items.a.v, items.b.v, items['c/d'].v]).to.deep.equal(['a', 'b', 'c']);
    });

    it('rejects a batch with one stale eTag, leaving that key as it was', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 1 } });
      const old = (await storage.read(['a'])).a;
      await storage.write({ a: { v: 2 } });
      const error = await rejection(storage.write({ a: { ...old, v: 3 }, b: { v: 3 } }));
      expect(error.message).to.match(conflict).and.include('"a"');
      expect((await storage.read(['a'])).a.v).to.equal(2);
    });

    it('deletes keys, known or not', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 2 } });
      await storage.delete(['a', 'never-written']);
      expect(await storage.read(['a', 'b'])).to.have.keys(['b']);
      await storage.write({ a: { v: 3 } });
      expect((await storage.read(['a'])).a.v).to.equal(3);
    });

    it('lets all concurrent "*" writes to one key succeed and keeps one of them whole', async () => {
      const values = Array.from({ length: 20 }, (_, i) => i);
      await Promise.all(values.map((v) => storage.write({ hot: { v, pad: 'p'.repeat(v * 100), eTag: '*' } })));
      const { hot } = await storage.read(['hot']);
      expect(values).to.include(hot.v);
      expect(hot.pad).to.equal('p'.repeat(hot.v * 100));
    });

    // Two instances saving the same conversation: exactly one wins, the others learn about it.
    it('lets exactly one of several concurrent writes with the same eTag succeed', async () => {
      await storage.write({ hot: { v: -1 } });
      const { eTag } = (await storage.read(['hot'])).hot;
      const attempts = Array.from({ length: 10 }, (_, v) => storage.write({ hot: { v, eTag } }).then(() => v));
      const outcomes = await Promise.allSettled(attempts);
      const won = outcomes.filter((o): o is PromiseFulfilledResult<number> => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).to.have.length(1);
      lost.forEach((o) => expect(String(o.reason)).to.match(conflict));
      expect((await storage.read(['hot'])).hot.v).to.equal(won[0].value);
    });

    it('hands out copies: changing what was read or written does not change what is stored', async () => {
      const written = { list: [1] };
      await storage.write({ k: written });
      written.list.push(2);
      const read = (await storage.read(['k'])).k;
      read.list.push(3);
      expect((await storage.read(['k'])).k.list).to.deep.equal([1]);
    });

    it('finishes pending writes on close()', async () => {
      let done = false;
      const pending = storage.write({ late: { v: 1 } }).then(() => (done = true));
      await storage.close();
      expect(done).to.equal(true);
      await pending;
      const again = await harness.reopen(storage);
      expect((await again.read(['late'])).late.v).to.equal(1);
    });

    it('after a restart, serves what was written before and honours its eTags', async () => {
      await storage.write({ kept: { v: 1 } });
      const first = (await storage.read(['kept'])).kept;
      await storage.write({ kept: { ...first, v: 2 } });
      const second = (await storage.read(['kept'])).kept;
      await storage.close();
      const restarted = await harness.reopen(storage);
      expect((await restarted.read(['kept'])).kept).to.deep.equal(second);
      expect((await rejection(restarted.write({ kept: { ...first, v: 3 } }))).message).to.match(conflict);
      await restarted.write({ kept: { ...second, v: 4 } });
      expect((await restarted.read(['kept'])).kept.v).to.equal(4);
      await restarted.close();
    });

    it('sweeps entries last written before the cutoff and keeps newer ones', async () => {
      await storage.write({ old1: { v: 1 }, 'old/2': { v: 2 } });
      expect(await storage.sweep(new Date(0))).to.equal(0);
      const cutoff = await nextWholeSecond();
      await storage.write({ fresh: { v: 3 } });
      expect(await storage.sweep(cutoff)).to.equal(2);
      expect(await storage.read(['old1', 'old/2', 'fresh'])).to.have.keys(['fresh']);
      expect(await storage.sweep(cutoff)).to.equal(0);
    });

    it('carries a whole conversation through a dialog bot, across a restart', async () => {
      const replies = async (adapter: TestAdapter, text: string) => {
        await adapter.processActivity(text);
        return adapter.activeQueue.splice(0).map((a) => a.text);
      };
      const firstRun = new TestAdapter(stepsBot(storage));
      expect(await replies(firstRun, 'hoi')).to.deep.equal(['step 1: company?']);
      expect(await replies(firstRun, 'Groen BV')).to.deep.equal(['step 2: country?']);
      const restarted = await harness.reopen(storage);
      const secondRun = new TestAdapter(stepsBot(restarted));
      expect(await replies(secondRun, 'Nederland')).to.deep.equal(['done: Groen BV in Nederland']);
      expect(await replies(secondRun, 'again')).to.deep.equal(['step 1: company?']);
      const userKey = 'test/users/user1/';
      expect((await restarted.read([userKey]))[userKey].profile).to.deep.equal({ company: 'Groen BV', country: 'Nederland' });
    });

    // The assistant itself: "ja" only means "I already have an account" if the walkthrough's question survived the restart.
    it('carries a conversation with the assistant across a restart of the app', async function () {
      this.timeout(120_000);
      const topics = async (client: ExpectRepliesClient, text: string) => (await client.say(text)).map((a) => a.channelData?.topicId);
      const ids = { userId: 'contract-user', conversationId: 'contract-conversation' };
      const first = await startTestApp({}, { storage });
      try {
        const client = new ExpectRepliesClient(first.url, ids);
        expect(await topics(client, 'hoi')).to.deep.equal(['greeting']);
        expect(await topics(client, 'Start de stappen')).to.deep.equal(['wt_has_account']);
      } finally {
        await first.app.close();
      }
      const second = await startTestApp({}, { storage: await harness.reopen(storage) });
      try {
        expect((await topics(new ExpectRepliesClient(second.url, ids), 'ja'))[0]).to.equal('existing_ecas');
      } finally {
        await second.app.close();
      }
    });
  });
}
