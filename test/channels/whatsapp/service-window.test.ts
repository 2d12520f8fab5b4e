import { TurnContext } from 'botbuilder';
import { expect } from '../../support/chai';
import { WhatsAppChannel } from '../../../src/channels/whatsapp/whatsapp-channel';
import { loadWhatsAppTexts } from '../../../src/channels/whatsapp/whatsapp-texts';
import { createMemoryLogger } from '../../../src/logger';
import { MemoryAppStorage } from '../../../src/storage/memory-app-storage';
import { FakeGraphApi } from './fake-graph-api';
import { BSUID, PHONE, SECRETS, startApp, text, webhookBody } from './whatsapp-test-kit';

const HOUR = 60 * 60 * 1000;

describe('WhatsApp 24-hour customer-service window', () => {
  const graph = new FakeGraphApi();
  let graphUrl = '';
  before(async () => {
    graphUrl = await graph.start();
  });
  after(() => graph.stop());
  beforeEach(() => graph.reset());

  /** A channel on a clock the test moves, with a bot that echoes and keeps the conversation reference. */
  async function channelOnClock(sender: { from?: string; bsuid?: string } = { from: PHONE }) {
    let now = Date.UTC(2030, 0, 15, 9, 0, 0);
    const logger = createMemoryLogger('debug');
    const references: ReturnType<typeof TurnContext.getConversationReference>[] = [];
    const channel = new WhatsAppChannel({
      config: { ...SECRETS, apiBaseUrl: graphUrl },
      bot: {
        run: async (context) => {
          references.push(TurnContext.getConversationReference(context.activity));
          await context.sendActivity('ok');
        },
      },
      storage: new MemoryAppStorage(),
      logger,
      texts: loadWhatsAppTexts(),
      now: () => new Date(now),
    });
    const message = { ...text('hallo'), timestamp: String(now / 1000) };
    channel.accept(JSON.parse(webhookBody([message], sender)));
    await channel.idle();
    const proactive = (body: string) => channel.adapter.continueConversation(references[0], async (context) => void (await context.sendActivity(body)));
    return { channel, logger, references, proactive, advance: (ms: number) => (now += ms) };
  }

  it('sends a proactive message within 24 hours of the user\'s last message', async () => {
    const { proactive, advance } = await channelOnClock();
    expect(graph.delivered).to.have.length(1);
    advance(23 * HOUR);
    await proactive('Herinnering');
    expect(graph.delivered).to.have.length(2);
    expect(graph.delivered[1]).to.deep.include({ to: PHONE, type: 'text', text: { body: 'Herinnering', preview_url: false } });
  });

  it('refuses a proactive message after 24 hours with a clear log line and no Graph call', async () => {
    const { proactive, advance, logger } = await channelOnClock();
    advance(24 * HOUR + 1000);
    await proactive('Herinnering');
    expect(graph.delivered).to.have.length(1);
    const line = logger.lines.find((l) => l.includes('whatsapp.window_closed'));
    expect(line).to.be.a('string');
    expect(line).to.include('24 hours');
    expect(line).not.to.include(PHONE);
  });

  it('opens the window again when the user writes again', async () => {
    const { channel, proactive, advance } = await channelOnClock();
    advance(30 * HOUR);
    const later = { ...text('nog een vraag'), timestamp: String(Math.floor(Date.UTC(2030, 0, 16, 15, 0, 0) / 1000)) };
    channel.accept(JSON.parse(webhookBody([later])));
    await channel.idle();
    await proactive('Herinnering');
    expect(graph.delivered).to.have.length(3);
  });

  // Stored references should not carry the phone number; a BSUID in the conversation id is enough to write.
  it('sends a proactive message on a reference stripped of the address when the user is keyed by BSUID', async () => {
    const { channel, references, logger } = await channelOnClock({ from: PHONE, bsuid: BSUID });
    const stripped = { ...references[0], user: { id: BSUID, name: '' } };
    await channel.adapter.continueConversation(stripped, async (context) => void (await context.sendActivity('Herinnering')));
    expect(graph.delivered).to.have.length(2);
    expect(graph.delivered[1]).to.include({ recipient: BSUID });
    expect(graph.delivered[1]).not.to.have.property('to');
    expect(logger.lines.join('\n')).not.to.include(PHONE);
  });

  it('refuses a proactive message on a stripped reference of a phone-keyed user, with a log line', async () => {
    const { channel, references, logger } = await channelOnClock({ from: PHONE });
    const stripped = { ...references[0], user: { id: references[0].user?.id ?? '', name: '' } };
    await channel.adapter.continueConversation(stripped, async (context) => void (await context.sendActivity('Herinnering')));
    expect(graph.delivered).to.have.length(1);
    expect(logger.lines.some((l) => l.includes('whatsapp.no_address'))).to.equal(true);
  });

  it('does not answer a message delivered more than 24 hours after it was sent', async () => {
    const t = await startApp(graphUrl);
    try {
      const stale = { ...text('hallo'), timestamp: String(Math.floor((Date.now() - 25 * HOUR) / 1000)) };
      expect((await t.send([stale])).status).to.equal(200);
      expect(graph.requests).to.have.length(0);
      expect(t.logLines.some((l) => l.includes('whatsapp.window_closed'))).to.equal(true);
    } finally {
      await t.close();
    }
  });
});
