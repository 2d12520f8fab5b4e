import { expect } from '../../support/chai';
import { FakeGraphApi } from './fake-graph-api';
import { PHONE, shareApp, text, type TestApp } from './whatsapp-test-kit';

describe('WhatsApp Graph API failures through the webhook', () => {
  const graph = new FakeGraphApi();
  let t: TestApp;
  let phone = Number(PHONE) + 5000;
  const nextUser = () => ({ from: String(++phone) });

  shareApp(graph, (app) => (t = app));
  beforeEach(() => graph.reset());

  it('retries a 500 and delivers the answer once', async () => {
    graph.failNext({ status: 500, body: { error: { code: 2, message: 'Service temporarily unavailable' } } });
    await t.send([text('hallo')], nextUser());
    expect(graph.requests.map((r) => r.status)).to.deep.equal([500, 200]);
    expect(graph.requests[0].body).to.deep.equal(graph.requests[1].body);
    expect(graph.delivered).to.have.length(1);
  });

  it('waits as a 429 asks and then delivers', async () => {
    graph.failNext({ status: 429, headers: { 'Retry-After': '0' }, body: { error: { code: 130429 } } });
    await t.send([text('hallo')], nextUser());
    expect(graph.requests.map((r) => r.status)).to.deep.equal([429, 200]);
  });

  it('logs a 400 with status and code only, does not retry, and keeps serving', async () => {
    const user = nextUser();
    graph.failNext({ status: 400, body: { error: { code: 131026, message: `Message undeliverable to ${user.from}` } } });
    const response = await t.send([text('hallo')], user);
    expect(response.status).to.equal(200);
    expect(graph.requests.map((r) => r.status)).to.deep.equal([400]);
    const logged = t.logLines.filter((l) => l.includes('whatsapp.graph_error'));
    expect(logged.some((l) => l.includes('"status":400') && l.includes('"code":131026'))).to.equal(true);
    expect(t.logLines.join('\n')).not.to.include(user.from);
    // The process lives and the next message is answered.
    await t.send([text('hallo')], user);
    expect(graph.delivered).to.have.length(1);
    expect((await fetch(`${t.url}/healthz`)).status).to.equal(200);
  });
});
