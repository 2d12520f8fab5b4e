import fs from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import type { AppOptions } from '../../src/index';
import { MemoryAppStorage } from '../../src/storage/memory-app-storage';
import { expect } from '../support/chai';
import { startTestApp, type RunningApp } from '../support/test-app';
import { activity, INTERNALS, post } from './http';
import { CountingBot } from './test-bots';

describe('hardening: POST /api/messages at the edge', function () {
  this.timeout(30_000);
  let running: RunningApp;
  let messages: string;

  before(async () => {
    running = await startTestApp();
    messages = `${running.url}/api/messages`;
  });
  after(() => running.app.close());

  it('answers bad JSON with 400, an oversized body with 413, and neither echoes the parser', async () => {
    const bad = await post(messages, '{"type": "message",');
    expect(bad.status).to.equal(400);
    expect(bad.text).not.to.match(INTERNALS);
    const huge = await post(messages, JSON.stringify(activity({ text: 'x'.repeat(300 * 1024) })));
    expect(huge.status).to.equal(413);
    expect(huge.text).not.to.match(INTERNALS);
  });

  it('refuses multipart, octet-stream and gzip bodies with 415 before reading them (no temp file, no inflating)', async () => {
    const uploads = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('upload_')).length;
    const before = uploads();
    const big = 'A'.repeat(2 * 1024 * 1024);
    const multipart = `--b\r\nContent-Disposition: form-data; name="f"; filename="x.bin"\r\n\r\n${big}\r\n--b--\r\n`;
    const answers = [
      await post(messages, multipart, { 'content-type': 'multipart/form-data; boundary=b' }),
      await post(messages, big, { 'content-type': 'application/octet-stream' }),
      await post(messages, gzipSync(Buffer.alloc(50 * 1024 * 1024)).toString('latin1'), { 'content-encoding': 'gzip' }),
      await post(messages, JSON.stringify(activity()), { 'content-type': 'text/plain' }),
    ];
    expect(answers.map((a) => a.status)).to.deep.equal([415, 415, 415, 415]);
    // restify's own bodyParser hands multipart to formidable, which writes the file to the temp folder.
    expect(uploads()).to.equal(before);
  });

  it('refuses multipart and gzip bodies on every route, so no bodyParser writes or inflates them', async () => {
    const uploads = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('upload_')).length;
    const before = uploads();
    const multipart = `--b\r\nContent-Disposition: form-data; name="f"; filename="x.bin"\r\n\r\n${'A'.repeat(1024 * 1024)}\r\n--b--\r\n`;
    for (const route of ['/api/directline/token', '/v3/directline/conversations', '/v3/directline/conversations/any/activities']) {
      expect((await post(`${running.url}${route}`, multipart, { 'content-type': 'multipart/form-data; boundary=b' })).status, route).to.equal(415);
      expect((await post(`${running.url}${route}`, '{}', { 'content-encoding': 'gzip' })).status, route).to.equal(415);
    }
    expect(uploads()).to.equal(before);
  });

  it('answers JSON that is not an activity with 400 (botbuilder itself would answer 500)', async () => {
    for (const body of [{}, [], { text: 'hallo' }, activity({ type: undefined }), activity({ conversation: null }), 42, 'null']) {
      const answer = await post(messages, typeof body === 'string' ? body : JSON.stringify(body));
      expect(answer.status, JSON.stringify(body)).to.equal(400);
      expect(answer.text).not.to.match(INTERNALS);
    }
  });

  it('acknowledges unknown activity types with 200 and no reply', async () => {
    const answer = await post(messages, activity({ type: 'holographicUpdate' }));
    expect(answer.status).to.equal(200);
    expect(answer.replies).to.deep.equal([]);
  });

  it('answers an unsupported invoke with 200 instead of the 501 botbuilder gives', async () => {
    const answer = await post(messages, activity({ type: 'invoke', name: 'made/up', deliveryMode: undefined }));
    expect(answer.status).to.equal(200);
  });

  it('cuts a 200,000-character message and still answers it', async () => {
    const answer = await post(messages, activity({ text: 'waar vind ik '.repeat(15_000) }));
    expect(answer.status).to.equal(200);
    expect(answer.replies.length).to.be.greaterThan(0);
  });

  it('puts the security headers on every response: pages, API answers, errors and 404s', async () => {
    const responses = [
      await fetch(`${running.url}/healthz`),
      await fetch(`${running.url}/no-such-page`),
      await fetch(messages, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
    ];
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).to.include("default-src 'self'").and.include("script-src 'self'").and.include("object-src 'none'");
      expect(csp).not.to.match(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('referrer-policy')).to.equal('no-referrer');
    }
  });
});

describe('hardening: redelivery, ordering and limits through /api/messages', function () {
  this.timeout(30_000);

  async function withCountingBot(hardening: AppOptions['hardening'] = {}, hold?: () => Promise<void>) {
    const storage = new MemoryAppStorage();
    const bot = new CountingBot(storage, hold);
    const running = await startTestApp({}, { storage, bot, hardening });
    return { running, bot, messages: `${running.url}/api/messages` };
  }

  it('processes a redelivered activity once and answers the retry with the same replies', async () => {
    const { running, bot, messages } = await withCountingBot();
    try {
      const first = await post(messages, activity({ id: 'teams-retry-1' }));
      const retry = await post(messages, activity({ id: 'teams-retry-1' }));
      const next = await post(messages, activity({ id: 'teams-retry-2' }));
      expect(first.replies.map((r) => r.text)).to.deep.equal(['n=1']);
      expect(retry.text).to.equal(first.text);
      expect(next.replies.map((r) => r.text)).to.deep.equal(['n=2']);
      expect(bot.turns).to.equal(2);
      // The same id in another conversation is another activity.
      const elsewhere = await post(messages, activity({ id: 'teams-retry-1', conversation: { id: 'conv-2' } }));
      expect(elsewhere.replies.map((r) => r.text)).to.deep.equal(['n=1']);
    } finally {
      await running.app.close();
    }
  });

  it('runs 20 simultaneous messages of one conversation one after the other (no lost update)', async () => {
    const { running, messages } = await withCountingBot({ ratePerWindow: 100, maxQueuedPerConversation: 32 });
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => post(messages, activity())));
      expect(answers.map((a) => a.status)).to.deep.equal(Array(20).fill(200));
      const counts = answers.map((a) => Number(a.replies[0]?.text?.slice(2))).sort((x, y) => x - y);
      expect(counts).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
    } finally {
      await running.app.close();
    }
  });

  it('refuses a flooding user politely once, in their language, then with 429 and Retry-After', async () => {
    const storage = new MemoryAppStorage();
    const running = await startTestApp({}, { storage, hardening: { ratePerWindow: 3 } });
    const messages = `${running.url}/api/messages`;
    try {
      const send = () => post(messages, activity({ locale: 'en-US', text: 'hello' }));
      for (let i = 0; i < 3; i++) expect((await send()).status).to.equal(200);
      const polite = await send();
      expect(polite.status).to.equal(200);
      expect(polite.replies.map((r) => r.channelData?.topicId)).to.deep.equal(['rate_limited']);
      expect(polite.replies[0].channelData?.lang).to.equal('en');
      expect(polite.replies[0].text).to.equal(running.app.content.ui.get('rate_limited')?.en);
      const refused = await send();
      expect(refused.status).to.equal(429);
      expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 60);
      // Another user in another conversation is not affected.
      expect((await post(messages, activity({ from: { id: 'user-2' }, conversation: { id: 'conv-2' } }))).status).to.equal(200);
    } finally {
      await running.app.close();
    }
  });

  it('answers 503 with Retry-After when every turn slot and waiting place is taken, and recovers', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const hold = () => {
      started();
      return held;
    };
    const { running, messages } = await withCountingBot({ maxActiveTurns: 1, maxWaitingTurns: 1 }, hold);
    try {
      const first = post(messages, activity({ conversation: { id: 'a' } }));
      await firstStarted;
      // One slot (taken by the first) and one waiting place: of the next two, exactly one must be refused.
      const [second, third] = await Promise.all([
        post(messages, activity({ conversation: { id: 'b' } })).then((answer) => (release(), answer)),
        post(messages, activity({ conversation: { id: 'c' } })).then((answer) => (release(), answer)),
      ]);
      const refused = [second, third].filter((a) => a.status === 503);
      expect(refused).to.have.length(1);
      expect(refused[0].headers.get('retry-after')).to.equal('1');
      expect([second, third].filter((a) => a.status === 200)).to.have.length(1);
      expect((await first).status).to.equal(200);
      expect((await fetch(`${running.url}/healthz`)).status).to.equal(200);
    } finally {
      release();
      await running.app.close();
    }
  });
});
