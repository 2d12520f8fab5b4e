import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { MemoryAppStorage } from '../../src/storage/memory-app-storage';
import { expect } from '../support/chai';
import { startTestApp } from '../support/test-app';
import { activity, post } from './http';
import { CountingBot } from './test-bots';

// BotState keys: channel/conversations/id/ and channel/users/id/ (namespace '' ends them with a slash).
const CONVERSATION_KEY = 'webchat/conversations/conv-1/';
const USER_KEY = 'webchat/users/user-1/';

function events(lines: string[], event: string): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === event);
}

describe('hardening: turn errors', function () {
  this.timeout(30_000);

  it('tells the user in their language, resets only the broken conversation, and logs a correlation id without personal data', async () => {
    const storage = new MemoryAppStorage();
    const bot = new CountingBot(storage);
    const { app, url, logLines } = await startTestApp({}, { storage, bot });
    const messages = `${url}/api/messages`;
    try {
      // The user's stored language is English, although the client says Dutch.
      await storage.write({ [USER_KEY]: { userProfile: { lang: 'en' }, eTag: '*' } });
      expect((await post(messages, activity({ text: 'first' }))).replies[0].text).to.equal('n=1');
      expect(Object.keys(await storage.read([CONVERSATION_KEY]))).to.deep.equal([CONVERSATION_KEY]);

      const failed = await post(messages, activity({ text: 'boom' }));
      expect(failed.status).to.equal(200);
      expect(failed.replies.map((r) => r.channelData?.topicId)).to.deep.equal(['turn_error']);
      expect(failed.replies[0].text).to.equal(app.content.ui.get('turn_error')?.en);

      expect(await storage.read([CONVERSATION_KEY])).to.deep.equal({});
      expect(Object.keys(await storage.read([USER_KEY]))).to.deep.equal([USER_KEY]);
      expect((await post(messages, activity({ text: 'again' }))).replies[0].text).to.equal('n=1');

      const [logged] = events(logLines, 'turn_error');
      expect(logged.correlationId).to.match(/^[0-9a-f-]{36}$/);
      expect(logged.inner ?? logged.error).to.equal('Error');
      const line = logLines.find((l) => l.includes('"turn_error"')) ?? '';
      for (const personal of ['user-1', 'conv-1', 'boom', 'failing on purpose']) expect(line).not.to.include(personal);
    } finally {
      await app.close();
    }
  });

  it('uses the client locale for a user with no stored language', async () => {
    const storage = new MemoryAppStorage();
    const bot = new CountingBot(storage);
    const { app, url } = await startTestApp({}, { storage, bot });
    try {
      const failed = await post(`${url}/api/messages`, activity({ text: 'boom', locale: 'en-GB', from: { id: 'someone-new' } }));
      expect(failed.replies[0].text).to.equal(app.content.ui.get('turn_error')?.en);
    } finally {
      await app.close();
    }
  });
});

describe('hardening: a channel whose serviceUrl does not answer', function () {
  this.timeout(30_000);

  for (const kind of ['refuses connections', 'accepts but never answers'] as const) {
    it(`does not tie up the server when it ${kind}: the reply is abandoned after sendTimeoutMs and logged`, async () => {
      // A black hole: accepts TCP connections and never answers them.
      const sockets = new Set<net.Socket>();
      const hole = net.createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => hole.listen(0, '127.0.0.1', resolve));
      const serviceUrl = kind === 'refuses connections' ? 'http://127.0.0.1:9/' : `http://127.0.0.1:${(hole.address() as AddressInfo).port}/`;
      const { app, url, logLines } = await startTestApp({}, { hardening: { sendTimeoutMs: 300 } });
      try {
        const answer = await post(`${url}/api/messages`, activity({ deliveryMode: undefined, serviceUrl, text: 'hallo' }));
        expect(answer.status).to.equal(200);
        expect((await fetch(`${url}/healthz`)).status).to.equal(200);
        const [logged] = events(logLines, 'turn_error');
        expect(logged).to.include({ delivery: true, inner: 'ReplyDeliveryError' });
        // No second attempt to send the error message to the same dead end.
        expect(events(logLines, 'turn_error_reply_failed')).to.deep.equal([]);
      } finally {
        await app.close();
        for (const socket of sockets) socket.destroy();
        hole.close();
      }
    });
  }
});
