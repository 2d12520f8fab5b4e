import { TestAdapter, type TurnContext } from 'botbuilder';
import { loadContent } from '../../src/content/loader';
import { guardMiddleware } from '../../src/hardening/guard-middleware';
import { hardeningOptions } from '../../src/hardening/options';
import { contentSecurityPolicy } from '../../src/hardening/security-headers';
import { TurnGuard } from '../../src/hardening/turn-guard';
import { createMemoryLogger } from '../../src/logger';
import { expect } from '../support/chai';

describe('hardening: guardMiddleware (WhatsApp, local Direct Line)', function () {
  this.timeout(10_000);
  const content = loadContent();

  function setUp(seen: string[]) {
    const options = hardeningOptions({ ratePerWindow: 2, maxTextChars: 10 });
    const middleware = guardMiddleware({ guard: new TurnGuard(options, () => 0), maxTextChars: options.maxTextChars, content, logger: createMemoryLogger(), languageOf: async () => 'en' });
    return new TestAdapter(async (context: TurnContext) => {
      seen.push(context.activity.text ?? '');
      await context.sendActivity('answer');
    }).use(middleware);
  }

  it('cuts text before the bot sees it, refuses politely once past the rate, then silently', async () => {
    const seen: string[] = [];
    const adapter = setUp(seen);
    await adapter
      .send('hallo')
      .assertReply('answer')
      .send('a much longer message than ten characters')
      .assertReply('answer')
      .send('third')
      .assertReply((reply) => expect(reply.text).to.equal(content.ui.get('rate_limited')?.en))
      .send('fourth')
      .assertNoReply('dropped without a word', 300)
      .startTest();
    expect(seen).to.deep.equal(['hallo', 'a much lon']);
  });
});

describe('hardening: contentSecurityPolicy', () => {
  it("allows only our own origin, and Azure Direct Line's https and wss origins when configured", () => {
    expect(contentSecurityPolicy()).to.match(/connect-src 'self' blob:;/);
    const withAzure = contentSecurityPolicy({ connectOrigins: ['https://directline.botframework.com'] });
    expect(withAzure).to.include("connect-src 'self' blob: https://directline.botframework.com wss://directline.botframework.com;");
    expect(withAzure).to.include("script-src 'self';");
  });
});
