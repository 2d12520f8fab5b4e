import { ConversationLimitError, ConversationStore } from '../../src/channels/directline/conversation-store';
import { expect } from '../support/chai';

/** A clock the test moves by hand, so expiry is tested without waiting. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('local Direct Line conversation store', () => {
  it('gives each conversation its own unguessable token, id and user id', () => {
    const store = new ConversationStore();
    const a = store.create();
    const b = store.create();
    expect(a.token).to.not.equal(b.token);
    expect(a.id).to.not.equal(b.id);
    expect(a.userId).to.not.equal(b.userId);
    // 32 random bytes, base64url: 43 characters.
    expect(a.token).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(store.authorize(a.token)).to.equal(a);
    expect(store.authorize(b.token)).to.equal(b);
    expect(store.authorize(a.token.slice(0, -1) + (a.token.endsWith('A') ? 'B' : 'A'))).to.equal(undefined);
  });

  it('expires a conversation left idle, with its token and history', () => {
    const clock = fakeClock();
    const store = new ConversationStore({ idleMs: 60_000, now: clock.now });
    const idle = store.create();
    const busy = store.create();
    store.append(idle, { type: 'message', text: 'hallo' });
    clock.advance(40_000);
    expect(store.authorize(busy.token)).to.equal(busy); // touching keeps it alive
    clock.advance(30_000);
    expect(store.authorize(idle.token)).to.equal(undefined);
    expect(store.authorize(busy.token)).to.equal(busy);
    clock.advance(60_000);
    expect(store.sweep()).to.equal(1);
    expect(store.size).to.equal(0);
  });

  it('refuses new conversations at its limit until idle ones expire (memory stays bounded)', () => {
    const clock = fakeClock();
    const store = new ConversationStore({ maxConversations: 3, idleMs: 60_000, now: clock.now });
    for (let i = 0; i < 3; i += 1) store.create();
    expect(() => store.create()).to.throw(ConversationLimitError);
    clock.advance(60_000);
    expect(store.create().token).to.be.a('string');
    expect(store.size).to.equal(1);
  });

  it('keeps at most maxHistory activities per conversation while the watermark keeps counting', () => {
    const store = new ConversationStore({ maxHistory: 10 });
    const conversation = store.create();
    for (let i = 1; i <= 25; i += 1) store.append(conversation, { type: 'message', text: `m${i}` });
    const all = store.since(conversation, undefined);
    expect(all.activities.map((a) => a.text)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `m${i + 16}`));
    expect(all.watermark).to.equal('25');
  });

  it('serves activities after a watermark, with ids Direct Line style', () => {
    const store = new ConversationStore();
    const conversation = store.create();
    const first = store.append(conversation, { type: 'message', text: 'one' });
    store.append(conversation, { type: 'message', text: 'two' });
    expect(first.id).to.equal(`${conversation.id}|0000001`);
    expect(store.since(conversation, '1').activities.map((a) => a.text)).to.deep.equal(['two']);
    expect(store.since(conversation, '2')).to.deep.equal({ activities: [], watermark: '2' });
    expect(store.since(conversation, 'garbage').activities).to.have.length(2);
  });

  it('forgets the transcript before an activity, after "forget me"', () => {
    const store = new ConversationStore();
    const conversation = store.create();
    store.append(conversation, { type: 'message', text: 'my question' });
    const forget = store.append(conversation, { type: 'message', text: 'forget me' });
    store.append(conversation, { type: 'message', text: 'forgotten' });
    store.forgetBefore(conversation, forget.id);
    expect(store.since(conversation, undefined).activities.map((a) => a.text)).to.deep.equal(['forget me', 'forgotten']);
    expect(store.since(conversation, undefined).watermark).to.equal('3');
  });
});
