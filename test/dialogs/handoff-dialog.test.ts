import { expect } from '../support/chai';
import type { HandoffEvent } from '../../src/analytics/events';
import { uiText } from '../../src/content/texts';
import { Chat, testClock, textOf, topicsOf } from '../analytics/conversation-kit';
import { startTestApp, type RunningApp } from '../support/test-app';

describe('dialogs: handoff to the owner of the problem, with a case summary', function () {
  this.timeout(60_000);
  let running: RunningApp;

  before(async () => {
    running = await startTestApp({}, { now: testClock().now });
  });
  after(() => running.app.close());

  async function lastHandoff(): Promise<HandoffEvent | undefined> {
    const events = await running.app.features!.events.all();
    return events.filter((e): e is HandoffEvent => e.type === 'handoff').pop();
  }

  it('hands an EU Login problem to EU Login support, with a summary in English', async () => {
    const chat = new Chat(running.url);
    await chat.click('no_email');
    await chat.click('link_expired');
    const replies = await chat.say('ik wil een mens spreken');
    expect(topicsOf(replies)).to.deep.equal(['contact_human', 'handoff_summary']);
    expect(textOf(replies)).to.include('https://webgate.ec.europa.eu/cas/contact.html');
    expect(textOf(replies)).to.include(uiText(running.app.content, 'summary_goal', 'en'));
    expect(await lastHandoff()).to.include({ owner: 'eu_login_support', topic: 'link_expired' });
  });

  it('hands a company that cannot be found to Skal, with a summary in Dutch', async () => {
    const chat = new Chat(running.url);
    await chat.click('company_not_found');
    const replies = await chat.click('contact_human');
    expect(textOf(replies)).to.include(uiText(running.app.content, 'summary_goal', 'nl'));
    expect(await lastHandoff()).to.include({ owner: 'skal', topic: 'company_not_found' });
  });

  it('asks whether colleagues already work in TRACES for pending access: yes → the TRACES admin', async () => {
    const chat = new Chat(running.url);
    await chat.click('activation_late');
    const question = await chat.click('contact_human');
    expect(topicsOf(question)).to.deep.equal(['contact_human']);
    const replies = await chat.say('ja');
    expect(topicsOf(replies)).to.deep.equal(['contact_human', 'handoff_summary']);
    expect(await lastHandoff()).to.include({ owner: 'traces_admin' });
  });

  it('… no → the competent authority or control body (the TRACES helpdesk cannot validate)', async () => {
    const chat = new Chat(running.url);
    await chat.click('activation_late');
    await chat.click('contact_human');
    await chat.say('nee');
    expect(await lastHandoff()).to.include({ owner: 'competent_authority' });
  });

  it('asks what the problem is about when the user asks for a person straight away', async () => {
    const chat = new Chat(running.url);
    const question = await chat.say('ik wil een mens spreken');
    expect(topicsOf(question)).to.deep.equal(['contact_human']);
    const label = uiText(running.app.content, 'label_area_eu_login', 'nl');
    const replies = await chat.say(label);
    expect(topicsOf(replies)).to.deep.equal(['contact_human', 'handoff_summary']);
    expect(await lastHandoff()).to.include({ owner: 'eu_login_support' });
    expect((await lastHandoff())!.topic).to.equal(undefined);
  });

  it('lets "menu" through while it waits for an answer', async () => {
    const chat = new Chat(running.url);
    await chat.say('ik wil een mens spreken');
    expect(topicsOf(await chat.say('menu'))[0]).to.equal('menu');
  });

  it('keeps personal data the user typed out of the summary', async () => {
    const chat = new Chat(running.url);
    await chat.say('mijn mail jan.jansen@example.nl krijgt geen e-mail van EU Login');
    const replies = await chat.click('contact_human');
    expect(textOf(replies)).to.not.include('jan.jansen');
  });
});
