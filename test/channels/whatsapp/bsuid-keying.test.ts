import { expect } from '../../support/chai';
import { FakeGraphApi } from './fake-graph-api';
import { BSUID, PHONE, shareApp, text, type TestApp } from './whatsapp-test-kit';

describe('WhatsApp user keying', () => {
  const graph = new FakeGraphApi();
  let t: TestApp;

  shareApp(graph, (app) => (t = app));
  beforeEach(() => graph.reset());

  const lastInbound = () => t.inbound[t.inbound.length - 1];

  it('keys user and conversation by the business-scoped user id when Meta sends one', async () => {
    await t.send([text('hallo')], { from: PHONE, bsuid: BSUID });
    expect(lastInbound().from?.id).to.equal(BSUID);
    expect(lastInbound().conversation?.id).to.equal(BSUID);
    // Meta takes the phone number first when both are given; the BSUID goes along.
    expect(graph.delivered[0]).to.include({ to: PHONE, recipient: BSUID });
  });

  it('answers a user with a username (no phone number) by BSUID, in the same conversation', async () => {
    await t.send([text('hallo')], { bsuid: BSUID });
    expect(lastInbound().from?.id).to.equal(BSUID);
    expect(graph.delivered[0]).to.include({ recipient: BSUID });
    expect(graph.delivered[0]).not.to.have.property('to');
  });

  it('keys a phone-only user by a keyed hash, never by the number itself', async () => {
    await t.send([text('hallo')], { from: PHONE });
    const key = lastInbound().from?.id ?? '';
    expect(key).to.match(/^waid-[A-Za-z0-9_-]{32}$/);
    expect(key).not.to.include(PHONE);
    expect(graph.delivered[0]).to.include({ to: PHONE });
    await t.send([text('hallo')], { from: PHONE });
    expect(lastInbound().from?.id).to.equal(key);
    await t.send([text('hallo')], { from: '31687654321' });
    expect(lastInbound().from?.id).not.to.equal(key);
  });

  it('deletes the user\'s 24-hour window record on "forget me"', async () => {
    const sender = { bsuid: 'NL.99887766554433' };
    await t.send([text('hallo')], sender);
    const key = `whatsapp/window/${sender.bsuid}`;
    expect(await t.app.storage.read([key])).to.have.property(key);
    await t.send([text('vergeet mij')], sender);
    expect(await t.app.storage.read([key])).to.deep.equal({});
  });

  it('ignores a message without any sender id, without crashing', async () => {
    const response = await t.send([text('hallo')], {});
    expect(response.status).to.equal(200);
    expect(graph.requests).to.have.length(0);
  });
});
