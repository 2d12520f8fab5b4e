import { expect } from '../support/chai';
import { formatDay } from '../../src/dates/format-moment';
import { Chat, FRIDAY_1300, offeredIn, testClock, textOf, topicsOf } from '../analytics/conversation-kit';
import { startTestApp, type RunningApp } from '../support/test-app';

describe('dialogs: work-out-date (when did you get the mail / send the request?)', function () {
  this.timeout(60_000);
  const clock = testClock();
  let running: RunningApp;

  before(async () => {
    running = await startTestApp({}, { now: clock.now });
  });
  after(() => running.app.close());
  beforeEach(() => clock.set(FRIDAY_1300));

  it('offers to check the link on link_expired, asks the time, and says until when it is valid (13:00 now, mail at 12:10)', async () => {
    const chat = new Chat(running.url);
    const first = await chat.click('link_expired');
    expect(topicsOf(first)[0]).to.equal('link_expired');
    expect(offeredIn(first)).to.include('work_out_link');
    expect(topicsOf(await chat.click('work_out_link'))).to.deep.equal(['work_out_link']);
    const answer = await chat.say('om 12:10');
    expect(topicsOf(answer)[0]).to.equal('wt_password_set');
    expect(textOf(answer)).to.include('13:40').and.include('40');
  });

  it('says the link has expired when the mail came more than 90 minutes ago, and shows how to get a new one', async () => {
    const chat = new Chat(running.url);
    await chat.click('work_out_link');
    const answer = await chat.say('ik kreeg hem om 10:00');
    expect(topicsOf(answer)[0]).to.equal('link_expired');
    expect(textOf(answer)).to.include('11:30');
    // The answer already worked it out: no second "work it out" offer.
    expect(offeredIn(answer)).to.not.include('work_out_link');
  });

  it('reads English relative times ("an hour ago")', async () => {
    const chat = new Chat(running.url, { locale: 'en-US' });
    await chat.click('work_out_link');
    const answer = await chat.say('I got the e-mail an hour ago');
    expect(topicsOf(answer)[0]).to.equal('wt_password_set');
    expect(textOf(answer)).to.include('13:30');
  });

  it('asks again once when it cannot read a date, then hands the message back to the walkthrough', async () => {
    const chat = new Chat(running.url);
    await chat.click('work_out_link');
    const retry = await chat.say('blub');
    expect(topicsOf(retry)).to.deep.equal(['work_out_link']);
    const next = await chat.say('blub blub');
    expect(topicsOf(next)[0]).to.not.equal('work_out_link');
  });

  it('lets a command through while waiting for the date ("menu")', async () => {
    const chat = new Chat(running.url);
    await chat.click('work_out_link');
    expect(topicsOf(await chat.say('menu'))[0]).to.equal('menu');
  });

  it('works out the expected activation day from the request day (Friday → Tuesday 2 December) and offers a reminder', async () => {
    const chat = new Chat(running.url);
    const late = await chat.click('activation_late');
    expect(offeredIn(late)).to.include('work_out_request');
    expect(topicsOf(await chat.click('work_out_request'))).to.deep.equal(['work_out_request']);
    const answer = await chat.say('vrijdag');
    expect(topicsOf(answer)[0]).to.equal('activation_expected');
    expect(textOf(answer)).to.include(formatDay('2025-12-02', 'nl'));
    expect(offeredIn(answer)).to.include('followup_optin');
  });

  it('sends a user whose expected day has passed to activation_late (who approves access)', async () => {
    clock.set(new Date('2025-12-04T09:00:00Z'));
    const chat = new Chat(running.url);
    await chat.click('work_out_request');
    const answer = await chat.say('28 november');
    expect(topicsOf(answer)[0]).to.equal('activation_late');
    expect(textOf(answer)).to.include(formatDay('2025-12-02', 'nl'));
  });

  it('works out a date the user wrote in the message that led to the node', async () => {
    const chat = new Chat(running.url);
    const answer = await chat.say('ik kreeg de mail om 12:10 maar de link is verlopen');
    expect(topicsOf(answer)[0]).to.equal('link_expired');
    expect(textOf(answer)).to.include('13:40');
  });
});
