import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from '../support/chai';
import { startTestApp, type RunningApp } from '../support/test-app';

const SECRET = 'dl-secret-for-tests-0123456789';

interface FakeDirectLine {
  baseUrl: string;
  requests: { authorization?: string; body: { user?: { id?: string } } }[];
  /** Status the fake answers with (200 gives a token). */
  status: number;
  close(): Promise<void>;
}

/** Writes a whole response; not chained, as restify's patch of ServerResponse.writeHead does not return the response. */
function reply(res: http.ServerResponse, status: number, body = ''): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}

/** A stand-in for Azure's POST /v3/directline/tokens/generate, on loopback. */
async function fakeDirectLine(): Promise<FakeDirectLine> {
  const fake = { requests: [], status: 200 } as unknown as FakeDirectLine;
  let issued = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') {
        reply(res, 404);
        return;
      }
      fake.requests.push({ authorization: req.headers.authorization, body: JSON.parse(raw || '{}') });
      if (fake.status !== 200) {
        reply(res, fake.status, '{"error":{"code":"BadArgument"}}');
        return;
      }
      issued += 1;
      reply(res, 200, JSON.stringify({ conversationId: `conv-${issued}`, token: `token-${issued}`, expires_in: 1800 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}

const requestToken = (url: string) => fetch(`${url}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"locale":"nl-NL"}' });

describe('web chat tokens in production mode (DIRECT_LINE_SECRET set)', () => {
  let fake: FakeDirectLine;
  let running: RunningApp;
  before(async () => {
    fake = await fakeDirectLine();
    running = await startTestApp({ DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_BASE_URL: fake.baseUrl });
  });
  after(async () => {
    await running.app.close();
    await fake.close();
  });

  it('exchanges the secret for a conversation token; the secret never reaches the browser', async () => {
    const res = await requestToken(running.url);
    expect(res.status).to.equal(200);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    const text = await res.text();
    expect(text).to.not.contain(SECRET);
    const session = JSON.parse(text) as Record<string, unknown>;
    expect(session).to.deep.include({ mode: 'azure', domain: `${fake.baseUrl}/v3/directline`, token: `token-${fake.requests.length}`, expiresIn: 1800 });
    const last = fake.requests[fake.requests.length - 1];
    expect(last.authorization).to.equal(`Bearer ${SECRET}`);
    // The user id is made on the server, with the prefix Direct Line reserves for ids bound into tokens.
    expect(last.body.user?.id).to.match(/^dl_[A-Za-z0-9_-]{16}$/);
    expect(session.userId).to.equal(last.body.user?.id);
  });

  it('gives every page its own user id', async () => {
    await requestToken(running.url);
    await requestToken(running.url);
    const ids = fake.requests.slice(-2).map((r) => r.body.user?.id);
    expect(ids[0]).to.not.equal(ids[1]);
  });

  it('does not serve the local Direct Line', async () => {
    const res = await fetch(`${running.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: 'Bearer x' } });
    expect(res.status).to.equal(404);
  });

  it('answers 502 without details when Direct Line refuses the secret', async () => {
    fake.status = 403;
    try {
      const res = await requestToken(running.url);
      expect(res.status).to.equal(502);
      expect(await res.text()).to.not.contain(SECRET);
    } finally {
      fake.status = 200;
    }
  });
});

describe('web chat with MicrosoftAppId but no DIRECT_LINE_SECRET', () => {
  it('turns the local Direct Line off and says so (503), instead of opening an unauthenticated way in', async () => {
    const running = await startTestApp({ MicrosoftAppId: '3f2c1e4a-9b7d-4c1e-8f6a-2b5d7e9c0a11', MicrosoftAppPassword: 'x' });
    try {
      const res = await requestToken(running.url);
      expect(res.status).to.equal(503);
      expect(((await res.json()) as { error: string }).error).to.match(/DIRECT_LINE_SECRET/);
      expect((await fetch(`${running.url}/v3/directline/conversations`, { method: 'POST' })).status).to.equal(404);
    } finally {
      await running.app.close();
    }
  });
});
