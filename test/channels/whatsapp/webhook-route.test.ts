import { expect } from '../../support/chai';
import { startTestApp } from '../../support/test-app';
import { FakeGraphApi } from './fake-graph-api';
import { choicesOf, expectValidWhatsAppMessage } from './whatsapp-message-checks';
import { PHONE, postWebhook, SECRETS, sign, shareApp, text, webhookBody, type TestApp } from './whatsapp-test-kit';

describe('WhatsApp webhook (/api/whatsapp)', () => {
  const graph = new FakeGraphApi();
  let t: TestApp;

  shareApp(graph, (app) => (t = app));
  beforeEach(() => graph.reset());

  describe('verification handshake (GET)', () => {
    const verify = (query: string) => fetch(`${t.url}/api/whatsapp?${query}`);

    it('echoes hub.challenge for mode "subscribe" and the right verify token', async () => {
      const response = await verify(`hub.mode=subscribe&hub.verify_token=${SECRETS.verifyToken}&hub.challenge=1158201444`);
      expect(response.status).to.equal(200);
      expect(await response.text()).to.equal('1158201444');
    });

    it('answers 403 for a wrong token, another mode or no challenge', async () => {
      for (const query of [
        `hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`,
        `hub.mode=unsubscribe&hub.verify_token=${SECRETS.verifyToken}&hub.challenge=1`,
        `hub.mode=subscribe&hub.verify_token=${SECRETS.verifyToken}`,
        '',
      ]) {
        const response = await verify(query);
        expect(response.status, query).to.equal(403);
        expect(await response.text(), query).not.to.include('1158201444');
      }
    });
  });

  describe('messages (POST)', () => {
    // The "done when": a signed "hallo" leads to a well-formed interactive message at the Graph API.
    it('answers a signed "hallo" with 200 and a well-formed interactive message to the sender', async () => {
      const response = await t.send([text('hallo')]);
      expect(response.status).to.equal(200);
      expect(graph.requests).to.have.length(1);
      const [request] = graph.requests;
      expect(request.path).to.equal(`/v21.0/${SECRETS.phoneNumberId}/messages`);
      expect(request.authorization).to.equal(`Bearer ${SECRETS.accessToken}`);
      expect(request.body).to.include({ messaging_product: 'whatsapp', to: PHONE, type: 'interactive' });
      expectValidWhatsAppMessage(request.body);
      expect(choicesOf(request.body).length).to.be.at.least(2);
    });

    it('rejects a wrong signature with 401 and sends nothing', async () => {
      const body = webhookBody([text('hallo')]);
      const response = await postWebhook(t.url, body, sign(body, 'not-the-app-secret'));
      expect(response.status).to.equal(401);
      await t.app.whatsapp!.idle();
      expect(graph.requests).to.have.length(0);
    });

    it('rejects a missing signature with 401 and sends nothing', async () => {
      const response = await postWebhook(t.url, webhookBody([text('hallo')]), null);
      expect(response.status).to.equal(401);
      await t.app.whatsapp!.idle();
      expect(graph.requests).to.have.length(0);
    });

    // Meta's body has \u-escapes; the signature must be checked over those bytes, and the text must arrive intact.
    it('checks the signature over the raw bytes for non-ASCII text, which reaches the bot intact', async () => {
      const body = webhookBody([text('Hé, ik krijg geen e-mail van EU Login 😕')]);
      expect(body).to.include('\\u00e9');
      const reserialised = JSON.stringify(JSON.parse(body));
      expect((await postWebhook(t.url, body, sign(reserialised))).status).to.equal(401);
      await t.app.whatsapp!.idle();
      expect(graph.requests).to.have.length(0);

      const before = t.inbound.length;
      expect((await postWebhook(t.url, body)).status).to.equal(200);
      await t.app.whatsapp!.idle();
      expect(t.inbound.slice(before).map((a) => a.text)).to.deep.equal(['Hé, ik krijg geen e-mail van EU Login 😕']);
      expect(graph.requests.length).to.be.at.least(1);
    });

    it('answers 413 for a body over 256 KB and 400 for a signed body that is not JSON', async () => {
      const big = JSON.stringify({ object: 'whatsapp_business_account', padding: 'x'.repeat(300 * 1024) });
      expect((await postWebhook(t.url, big)).status).to.equal(413);
      // Without a Content-Length (chunked), reading stops at the limit.
      const chunked = await fetch(`${t.url}/api/whatsapp`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': sign(big) },
        body: new Blob([big]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).to.equal(413);
      const notJson = '{"object": "whatsapp_business_account",';
      expect((await postWebhook(t.url, notJson)).status).to.equal(400);
      await t.app.whatsapp!.idle();
      expect(graph.requests).to.have.length(0);
    });

    it('acknowledges status callbacks with 200 and sends nothing', async () => {
      const body = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'messages', value: { metadata: { phone_number_id: SECRETS.phoneNumberId }, statuses: [{ id: 'wamid.S', status: 'read', recipient_id: PHONE }] } }] }],
      });
      expect((await postWebhook(t.url, body)).status).to.equal(200);
      await t.app.whatsapp!.idle();
      expect(graph.requests).to.have.length(0);
    });

    it('ignores messages sent to another business phone number', async () => {
      const body = webhookBody([text('hallo')]).replace(`"phone_number_id":"${SECRETS.phoneNumberId}"`, '"phone_number_id":"999"');
      expect((await postWebhook(t.url, body)).status).to.equal(200);
      await t.app.whatsapp!.idle();
      expect(graph.requests).to.have.length(0);
    });

    it('never logs the phone number, the message id or the text', () => {
      const logged = t.logLines.join('\n');
      expect(logged).to.include('whatsapp.inbound');
      expect(logged).not.to.include(PHONE);
      expect(logged).not.to.include('wamid.');
      expect(logged).not.to.include('geen e-mail');
    });
  });
});

describe('WhatsApp webhook when WhatsApp is not configured', () => {
  it('answers 404 on GET and POST', async () => {
    const { app, url } = await startTestApp();
    try {
      expect(app.whatsapp).to.equal(undefined);
      const body = webhookBody([text('hallo')]);
      expect((await postWebhook(url, body)).status).to.equal(404);
      expect((await fetch(`${url}/api/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`)).status).to.equal(404);
    } finally {
      await app.close();
    }
  });
});
