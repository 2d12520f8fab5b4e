import { expect } from '../support/chai';
import { formatDay } from '../../src/dates/format-moment';
import { Chat, FRIDAY_1300, offeredIn, testClock, textOf, topicsOf } from '../analytics/conversation-kit';
import { startTestApp, type RunningApp } from '../support/test-app';
import { FakeConnector } from './fake-connector';

/** The day access was requested is the Friday of the clock; two working days later is Tuesday 2 December, 10:00 Amsterdam. */
const DUE = new Date('2025-12-02T09:00:00Z');

describe('follow-up: opt-in after "access requested", proactive "is your access active?" on the expected day', function () {
  this.timeout(60_000);
  const clock = testClock();
  const connector = new FakeConnector();
  let running: RunningApp;
  let serviceUrl: string;

  before(async () => {
    serviceUrl = await connector.start();
    running = await startTestApp({}, { now: clock.now });
  });
  after(async () => {
    await running.app.close();
    await connector.close();
  });
  beforeEach(async () => {
    clock.set(FRIDAY_1300);
    connector.posted.length = 0;
    connector.status = 200;
    for (const r of await running.app.features!.reminders.list()) await running.app.features!.reminders.remove(r.id);
  });

  it('offers "remind me" when access was requested, stores the reference and says the day', async () => {
    const chat = new Chat(running.url);
    const requested = await chat.click('activation_time', { serviceUrl });
    expect(offeredIn(requested)).to.include('followup_optin');
    const optIn = await chat.click('followup_optin', { serviceUrl });
    expect(topicsOf(optIn)).to.deep.equal(['followup_optin']);
    expect(textOf(optIn)).to.include(formatDay('2025-12-02', 'nl')).and.include('10:00');
    const [reminder] = await running.app.features!.reminders.list();
    expect(reminder.dueAt).to.equal(DUE.toISOString());
    expect(reminder.reference).to.deep.include({ channelId: 'webchat', serviceUrl });
    expect(reminder.reference.user).to.deep.equal({ id: chat.client.userId, name: '' });
  });

  it('sends nothing before the due time, then posts the check to the connector, and the answer continues the talk', async () => {
    const chat = new Chat(running.url);
    await chat.click('activation_time', { serviceUrl });
    await chat.click('followup_optin', { serviceUrl });
    const scheduler = running.app.features!.scheduler;

    clock.set(new Date(DUE.getTime() - 60_000));
    expect(await scheduler.tick()).to.deep.equal({ sent: 0, failed: 0 });
    expect(connector.posted).to.have.length(0);

    clock.set(DUE);
    expect(await scheduler.tick()).to.deep.equal({ sent: 1, failed: 0 });
    expect(connector.posted).to.have.length(1);
    const [post] = connector.posted;
    expect(post.conversationId).to.equal(chat.client.conversationId);
    expect(post.activity.channelData?.topicId).to.equal('followup_check');
    expect(post.activity.channelData?.choices).to.include('activation_late');
    expect(await running.app.features!.reminders.list()).to.have.length(0);

    // The proactive message set the offered choices: a plain "nee" answers it.
    expect(topicsOf(await chat.say('nee', { serviceUrl }))[0]).to.equal('activation_late');
  });

  it('retries a failed send and drops it after three attempts', async () => {
    const chat = new Chat(running.url);
    await chat.click('activation_time', { serviceUrl });
    await chat.click('followup_optin', { serviceUrl });
    connector.status = 503;
    const scheduler = running.app.features!.scheduler;
    let at = DUE.getTime();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      clock.set(new Date(at));
      expect(await scheduler.tick(), `attempt ${attempt}`).to.deep.equal({ sent: 0, failed: 1 });
      at += 15 * 60_000;
    }
    expect(await running.app.features!.reminders.list()).to.have.length(0);
    expect(connector.posted).to.have.length(0);
  });

  it('on WhatsApp, says at opt-in that no reminder can be sent (the 24-hour window will have closed)', async () => {
    const chat = new Chat(running.url, { channelId: 'whatsapp' });
    await chat.click('activation_time', { serviceUrl });
    const optIn = await chat.click('followup_optin', { serviceUrl });
    expect(textOf(optIn)).to.include('24');
    expect(await running.app.features!.reminders.list()).to.have.length(0);
  });

  it('says no reminder is needed when the expected day has come', async () => {
    const chat = new Chat(running.url);
    await chat.click('work_out_request', { serviceUrl });
    await chat.say('24 november', { serviceUrl });
    const optIn = await chat.click('followup_optin', { serviceUrl });
    expect(offeredIn(optIn)).to.include('activation_late');
    expect(await running.app.features!.reminders.list()).to.have.length(0);
  });

  it('"vergeet mij" deletes the reminder', async () => {
    const chat = new Chat(running.url);
    await chat.click('activation_time', { serviceUrl });
    await chat.click('followup_optin', { serviceUrl });
    expect(await running.app.features!.reminders.list()).to.have.length(1);
    await chat.say('vergeet mij', { serviceUrl });
    expect(await running.app.features!.reminders.list()).to.have.length(0);
  });
});
