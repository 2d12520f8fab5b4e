import { expect } from '../../support/chai';
import { loadWhatsAppTexts } from '../../../src/channels/whatsapp/whatsapp-texts';
import { FakeGraphApi } from './fake-graph-api';
import { bodyOf, choicesOf } from './whatsapp-message-checks';
import { buttonReply, listReply, ofType, PHONE, shareApp, text, type TestApp } from './whatsapp-test-kit';

describe('WhatsApp inbound message types', () => {
  const graph = new FakeGraphApi();
  const texts = loadWhatsAppTexts();
  let t: TestApp;
  /** A fresh user per test, so that language and progress do not leak between tests. */
  let phone = Number(PHONE);
  const nextUser = () => ({ from: String(++phone) });

  shareApp(graph, (app) => (t = app));
  beforeEach(() => graph.reset());

  it('runs a text message through the bot as a message activity on channel "whatsapp"', async () => {
    const before = t.inbound.length;
    await t.send([text('hallo')], nextUser());
    const [activity] = t.inbound.slice(before);
    expect(activity).to.include({ type: 'message', channelId: 'whatsapp', text: 'hallo' });
    expect(activity.conversation?.id).to.equal(activity.from?.id);
    expect(graph.delivered).to.have.length(1);
  });

  it('follows a tapped reply button to the node its id names', async () => {
    const user = nextUser();
    await t.send([text('hallo')], user);
    const start = choicesOf(graph.delivered[0])[0];
    const before = t.inbound.length;
    const topicsBefore = t.topics.length;
    await t.send([buttonReply(start.id, start.title)], user);
    const [activity] = t.inbound.slice(before);
    expect(activity.text).to.equal(start.title);
    expect(activity.value).to.deep.equal({ goto: start.id.replace(/^\d+:/, '') });
    // The answer comes first; other features (e.g. "did this help?") may add messages after it.
    expect(t.topics[topicsBefore]).to.equal(start.id.replace(/^\d+:/, ''));
  });

  it('follows a tapped list row, even when its title was shortened', async () => {
    const user = nextUser();
    await t.send([text('hallo')], user);
    const topicsBefore = t.topics.length;
    await t.send([listReply('4:two_factor', 'Tweede factor bij inl…')], user);
    expect(t.topics[topicsBefore]).to.equal('two_factor');
  });

  it('treats a template quick-reply button as the text on it', async () => {
    const before = t.inbound.length;
    await t.send([ofType('button', { button: { text: 'hallo', payload: 'x' } })], nextUser());
    expect(t.inbound.slice(before).map((a) => a.text)).to.deep.equal(['hallo']);
  });

  for (const type of ['image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'unsupported', 'some_future_type']) {
    it(`answers a message of type "${type}" with "I can only read text" in Dutch`, async () => {
      await t.send([ofType(type, { [type]: { id: 'media-1' } })], nextUser());
      expect(graph.delivered.map(bodyOf)).to.deep.equal([texts.text_only.nl]);
    });
  }

  it('answers media in English once the user\'s profile says English', async () => {
    const user = nextUser();
    await t.send([text('Hello, how do I get access to TRACES NT?')], user);
    graph.reset();
    await t.send([ofType('image', { image: { id: 'media-2' } })], user);
    expect(graph.delivered.map(bodyOf)).to.deep.equal([texts.text_only.en]);
  });

  it('sends nothing for reactions, system notices, welcome requests and group messages, and keeps working', async () => {
    const user = nextUser();
    const response = await t.send(
      [
        ofType('reaction', { reaction: { message_id: 'wamid.R', emoji: '👍' } }),
        ofType('reaction', { reaction: { message_id: 'wamid.R' } }),
        ofType('system', { system: { body: 'User changed number', type: 'user_changed_number' } }),
        ofType('request_welcome'),
        { ...text('hallo'), group_id: 'g1' },
      ],
      user,
    );
    expect(response.status).to.equal(200);
    expect(graph.requests).to.have.length(0);
    await t.send([text('hallo')], user);
    expect(graph.delivered).to.have.length(1);
  });
});
