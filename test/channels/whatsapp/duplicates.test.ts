import fs from 'node:fs';
import { expect } from '../../support/chai';
import { tempDataDir } from '../../support/test-app';
import { FakeGraphApi } from './fake-graph-api';
import { nextWamid, PHONE, postWebhook, startApp, text, webhookBody } from './whatsapp-test-kit';

describe('WhatsApp duplicate deliveries', () => {
  const graph = new FakeGraphApi();
  let graphUrl = '';
  before(async () => {
    graphUrl = await graph.start();
  });
  after(() => graph.stop());
  beforeEach(() => graph.reset());

  it('answers a message id once, also when Meta delivers it twice at the same moment', async () => {
    const t = await startApp(graphUrl);
    try {
      const message = text('hallo', nextWamid());
      await t.send([message]);
      await t.send([message]);
      expect(graph.delivered).to.have.length(1);
      // Two deliveries in flight together (a retry racing the original).
      const again = text('hallo', nextWamid());
      const body = webhookBody([again]);
      await Promise.all([postWebhook(t.url, body), postWebhook(t.url, body)]);
      await t.app.whatsapp!.idle();
      expect(graph.delivered).to.have.length(2);
      expect(t.logLines.some((l) => l.includes('whatsapp.duplicate'))).to.equal(true);
    } finally {
      await t.close();
    }
  });

  // Meta redelivers for days; a restart in between must not produce a second answer.
  it('remembers answered message ids across a restart on a lowdb DATA_DIR, without storing the id or the number', async () => {
    const dataDir = tempDataDir('whatsapp-dedupe-');
    try {
      const message = text('hallo', nextWamid());
      const first = await startApp(graphUrl, { STORAGE: 'lowdb', DATA_DIR: dataDir });
      await first.send([message]);
      await first.close();
      expect(graph.delivered).to.have.length(1);

      const second = await startApp(graphUrl, { STORAGE: 'lowdb', DATA_DIR: dataDir });
      try {
        await second.send([message]);
        expect(graph.delivered).to.have.length(1);
        // The app still answers new messages, and the same conversation goes on.
        await second.send([text('hallo')]);
        expect(graph.delivered).to.have.length(2);
      } finally {
        await second.close();
      }
      const stored = fs.readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
      expect(stored.length).to.be.greaterThan(0);
      const everything = stored.map((f) => fs.readFileSync(`${dataDir}/${f}`, 'utf8')).join('\n');
      expect(everything).to.include('whatsapp/processed/');
      expect(everything).not.to.include(PHONE);
      expect(everything).not.to.include(message.id as string);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
