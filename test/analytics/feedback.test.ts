import { expect } from '../support/chai';
import type { FeedbackEvent, TurnEvent, UnansweredEvent } from '../../src/analytics/events';
import { thumbOf } from '../../src/analytics/feedback';
import { Chat, offeredIn, testClock, topicsOf } from './conversation-kit';
import { startTestApp, type RunningApp } from '../support/test-app';

describe('analytics: "Did this help?" after answers, and the events a conversation leaves', function () {
  this.timeout(60_000);
  let running: RunningApp;

  before(async () => {
    running = await startTestApp({}, { now: testClock().now });
  });
  after(() => running.app.close());

  const eventsOf = async (chat: Chat) => {
    const user = running.app.features!.keys.keyOf(chat.client.channelId, chat.client.userId);
    return (await running.app.features!.events.all()).filter((e) => e.user === user);
  };

  it('asks once on a topic answer itself, after its own choices, and records a click on 👍 for that topic', async () => {
    const chat = new Chat(running.url);
    const answer = await chat.click('no_email');
    // One message: Web Chat shows only the last message's buttons, so a separate question would hide the next steps.
    expect(topicsOf(answer)).to.deep.equal(['no_email']);
    const offered = offeredIn(answer);
    expect(offered.slice(-2)).to.deep.equal(['feedback_yes', 'feedback_no']);
    expect(offered).to.include('wt_password_set');
    expect(topicsOf(await chat.click('feedback_yes'))).to.deep.equal(['feedback_yes']);
    const feedback = (await eventsOf(chat)).filter((e): e is FeedbackEvent => e.type === 'feedback').pop();
    expect(feedback).to.include({ topic: 'no_email', helpful: true });
    // Asked once per topic per conversation.
    expect(topicsOf(await chat.click('no_email'))).to.deep.equal(['no_email']);
  });

  it('takes a typed 👎 as the answer and offers a person', async () => {
    const chat = new Chat(running.url);
    await chat.click('link_expired');
    const reply = await chat.say('👎');
    expect(topicsOf(reply)).to.deep.equal(['feedback_no']);
    expect(offeredIn(reply)).to.include('contact_human');
    const feedback = (await eventsOf(chat)).filter((e): e is FeedbackEvent => e.type === 'feedback').pop();
    expect(feedback).to.include({ topic: 'link_expired', helpful: false });
  });

  it('does not ask after walkthrough steps or system replies', async () => {
    const chat = new Chat(running.url);
    expect(topicsOf(await chat.click('wt_has_account'))).to.deep.equal(['wt_has_account']);
    expect(topicsOf(await chat.say('menu'))).to.deep.equal(['menu']);
  });

  it('records turns with topic, step, language and channel, and unanswered questions only redacted', async () => {
    const chat = new Chat(running.url);
    await chat.click('wt_has_account');
    await chat.say('wat kost een pizza? bel me op 06-12345678');
    const events = await eventsOf(chat);
    const step = events.find((e): e is TurnEvent => e.type === 'turn' && e.step === 'wt_has_account');
    expect(step).to.include({ channel: 'webchat', lang: 'nl', topic: 'wt_has_account' });
    expect(step!.user).to.match(/^[0-9a-f]{32}$/).and.not.include(chat.client.userId);
    const unanswered = events.filter((e): e is UnansweredEvent => e.type === 'unanswered').pop();
    expect(unanswered?.text).to.equal('wat kost een pizza? bel me op [phone]');
  });

  it('reads thumbs in several skin tones and as +1/-1', () => {
    expect(['👍', ' 👍🏽 ', '+1'].map(thumbOf)).to.deep.equal(['up', 'up', 'up']);
    expect(['👎', '👎🏿', '-1'].map(thumbOf)).to.deep.equal(['down', 'down', 'down']);
    expect(['ja', '👍 maar', ''].map(thumbOf)).to.deep.equal([undefined, undefined, undefined]);
  });
});
