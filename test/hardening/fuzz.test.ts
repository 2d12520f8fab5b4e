import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { ExpectRepliesClient } from '../../src/cli/expect-replies-client';
import { FakeGraphApi } from '../channels/whatsapp/fake-graph-api';
import { escapeNonAscii, SECRETS, sign } from '../channels/whatsapp/whatsapp-test-kit';
import { expect } from '../support/chai';
import { startTestApp, type RunningApp } from '../support/test-app';
import { baseActivity, brokenBody, Fuzz, mutate, prng, whatsAppPayload } from './fuzz-cases';
import { INTERNALS, rawPost } from './http';
import { MAX_BODY_BYTES } from '../../src/server';

const TOTAL = Number(process.env.FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
const PARALLEL = Number(process.env.FUZZ_PARALLEL ?? 64);
const WHATSAPP_SHARE = Number(process.env.FUZZ_WHATSAPP_SHARE ?? 0.3);

interface FuzzRequest {
  path: '/api/messages' | '/api/whatsapp';
  body: string;
  headers: Record<string, string>;
  label: string;
}

/** A channel's Bot Connector stand-in: takes every reply the bot sends outside expectReplies. */
async function startConnector(): Promise<{ url: string; replies: number; close(): Promise<void> }> {
  const state = { replies: 0 };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.replies += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"reply"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    get replies() {
      return state.replies;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function tally(items: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}

function messagesCase(fuzz: Fuzz, serviceUrl: string, i: number): FuzzRequest {
  const json = { 'content-type': 'application/json' };
  const base = baseActivity(fuzz, serviceUrl, i);
  const roll = fuzz.random();
  if (roll < 0.15) return { path: '/api/messages', body: JSON.stringify(base), headers: json, label: 'valid' };
  if (roll < 0.75) return { path: '/api/messages', body: JSON.stringify(mutate(fuzz, base)), headers: json, label: 'mutated' };
  if (roll < 0.88) return { path: '/api/messages', body: JSON.stringify(fuzz.value(4)), headers: json, label: 'random-json' };
  const odd: Record<string, string>[] = [{ 'content-type': 'text/plain' }, { 'content-type': 'application/json; charset=latin1' }, {}];
  const headers = fuzz.chance(0.8) ? json : fuzz.pick(odd);
  return { path: '/api/messages', body: brokenBody(fuzz, JSON.stringify(base)), headers, label: 'broken' };
}

function whatsAppCase(fuzz: Fuzz, i: number): FuzzRequest {
  const roll = fuzz.random();
  const json = JSON.stringify(whatsAppPayload(fuzz, SECRETS.phoneNumberId, i));
  // Meta escapes non-ASCII; doing so for huge bodies would cost the sender more than the server.
  let body = json.length < 20_000 ? escapeNonAscii(json) : json;
  if (roll > 0.9) body = brokenBody(fuzz, body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  // Half signed correctly, the rest unsigned, signed with another secret, or signed and then tampered with.
  if (roll < 0.5 || roll > 0.9) headers['x-hub-signature-256'] = sign(body);
  else if (roll < 0.65) headers['x-hub-signature-256'] = sign(body, 'not-the-app-secret');
  else if (roll < 0.8) {
    headers['x-hub-signature-256'] = sign(body);
    body = body.replace('whatsapp', 'whatsapq');
  }
  return { path: '/api/whatsapp', body, headers, label: headers['x-hub-signature-256'] ? 'whatsapp-signed' : 'whatsapp-unsigned' };
}

describe(`hardening: fuzz ${TOTAL} hostile requests (seed ${SEED})`, function () {
  this.timeout(180_000);
  let running: RunningApp;
  let connector: Awaited<ReturnType<typeof startConnector>>;
  let graph: FakeGraphApi;
  const rejections: unknown[] = [];
  const exceptions: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const onException = (error: unknown) => exceptions.push(error);

  before(async () => {
    connector = await startConnector();
    graph = new FakeGraphApi();
    const graphUrl = await graph.start();
    running = await startTestApp(
      {
        WHATSAPP_VERIFY_TOKEN: SECRETS.verifyToken,
        WHATSAPP_APP_SECRET: SECRETS.appSecret,
        WHATSAPP_ACCESS_TOKEN: SECRETS.accessToken,
        WHATSAPP_PHONE_NUMBER_ID: SECRETS.phoneNumberId,
        WHATSAPP_API_BASE_URL: graphUrl,
      },
      // Replies outside expectReplies go to the fake connector; a loaded test machine may be slow to take them.
      { hardening: { sendTimeoutMs: 3_000 } },
    );
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
  });

  after(async () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    await running.app.close();
    await graph.stop();
    await connector.close();
  });

  it('answers every one without a 5xx, without internals, without an unhandled rejection, and stays healthy', async () => {
    const fuzz = new Fuzz(prng(SEED));
    // Cases are made as they are sent (in one fixed order, so the seed still decides them all).
    const makeCase = (i: number): FuzzRequest => (fuzz.chance(WHATSAPP_SHARE) ? whatsAppCase(fuzz, i) : messagesCase(fuzz, connector.url, i));
    const statuses = new Map<string, number>();
    const serverErrors: string[] = [];
    const leaks: string[] = [];
    const resets: string[] = [];
    // The server listens on IPv4; an address skips a name lookup per fresh connection.
    const base = running.url.replace('localhost', '127.0.0.1');
    const lag = monitorEventLoopDelay({ resolution: 20 });
    lag.enable();
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < TOTAL) {
          const request = makeCase(next++);
          let res: { status: number; text: string };
          try {
            res = await rawPost(`${base}${request.path}`, request.body, request.headers);
          } catch (error) {
            // A server may answer 413 and close while an oversized body is still being sent: the client sees a reset.
            const key = `${request.path} reset`;
            statuses.set(key, (statuses.get(key) ?? 0) + 1);
            if (Buffer.byteLength(request.body) <= MAX_BODY_BYTES) resets.push(`${request.label} ${String(error)} ${request.body.slice(0, 100)}`);
            continue;
          }
          const text = res.text;
          const key = `${request.path} ${res.status}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          if (res.status >= 500) serverErrors.push(`${request.label} ${res.status} ${request.body.slice(0, 200)}`);
          if (res.status >= 400 && INTERNALS.test(text)) leaks.push(`${request.label} ${res.status} ${text.slice(0, 200)}`);
        }
      }),
    );
    await running.app.whatsapp?.idle();
    const elapsedMs = Date.now() - started;
    lag.disable();

    const logged = running.logLines.map((line) => JSON.parse(line) as { event: string; level: string; inner?: string });
    const count = (event: string) => logged.filter((entry) => entry.event === event).length;
    // The figures for the hardening report.
    console.log(
      `      fuzz: ${TOTAL} requests in ${elapsedMs} ms; ` +
        `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
        `turn errors ${count('turn_error')} (${JSON.stringify(tally(logged.filter((e) => e.event === 'turn_error').map((e) => e.inner ?? '?')))}) + WhatsApp ${count('whatsapp.turn_error')}, WhatsApp handling failures ${count('whatsapp.handle_failed')}, rate limited ${count('rate_limited')}, replies to connector ${connector.replies}, ` +
        `WhatsApp messages sent ${graph.requests.length}; event loop delay max ${Math.round(lag.max / 1e6)} ms, p99 ${Math.round(lag.percentile(99) / 1e6)} ms`,
    );

    expect(serverErrors, 'requests answered with a 5xx').to.deep.equal([]);
    expect(resets, 'connections reset on bodies within the limit').to.deep.equal([]);
    expect(leaks, 'error answers showing internals').to.deep.equal([]);
    expect(rejections.map(String), 'unhandled rejections').to.deep.equal([]);
    expect(exceptions.map(String), 'uncaught exceptions').to.deep.equal([]);
    expect(count('messages_failed'), 'requests that failed inside the handler').to.equal(0);
    expect((await fetch(`${running.url}/healthz`)).status).to.equal(200);

    // And it still holds a normal conversation.
    const client = new ExpectRepliesClient(running.url);
    const replies = await client.say('hallo');
    expect(replies.length).to.be.greaterThan(0);
    expect(replies[0].channelData?.topicId).to.be.a('string');
  });
});
