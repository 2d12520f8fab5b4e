import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { expect } from '../support/chai';
import { startTestApp, type RunningApp } from '../support/test-app';
import { activity, INTERNALS, post } from './http';
import { channelClaims, signingKey, signJwt, startMetadataServer, type MetadataServer } from './jwt';

const APP_ID = 'test-app-id';
const AUTH_ENV = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' };
const SERVICE_URL = 'http://127.0.0.1:9/unused';

/** Bot Framework authentication exactly as in production, except that channel keys come from `metadataUrl`. */
function authenticationWith(metadataUrl: string) {
  return new ConfigurationBotFrameworkAuthentication({
    ...AUTH_ENV,
    MicrosoftAppType: 'MultiTenant',
    ChannelService: '',
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl.replace('/openid', '/emulator-openid'),
    CallerId: 'urn:botframework:azure',
  });
}

async function expectUnauthorized(url: string, headers: Record<string, string>, body = activity({ serviceUrl: SERVICE_URL })): Promise<void> {
  const answer = await post(`${url}/api/messages`, body, headers);
  expect(answer.status, JSON.stringify(headers).slice(0, 80)).to.equal(401);
  expect(answer.text).not.to.match(INTERNALS);
  expect(answer.replies).to.deep.equal([]);
}

describe('hardening: /api/messages with MicrosoftAppId set (Bot Framework tokens)', function () {
  this.timeout(30_000);
  const microsoft = signingKey('microsoft-key');
  const attacker = signingKey('microsoft-key'); // same key id, different key
  let metadata: MetadataServer;
  let running: RunningApp;

  before(async () => {
    metadata = await startMetadataServer([microsoft], ['webchat', 'msteams']);
    running = await startTestApp(AUTH_ENV, { authentication: authenticationWith(metadata.url) });
  });
  after(async () => {
    await running.app.close();
    await metadata.close();
  });

  it('refuses a request without a token, or with a malformed one, with 401 and no network call', async () => {
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
    const junk: Record<string, string>[] = [{}, { authorization: 'Bearer' }, { authorization: 'Bearer abc' }, { authorization: 'Basic dXNlcjpwYXNz' }, { authorization: `Bearer ${unsigned}` }, { authorization: `Bearer ${'a'.repeat(9_000)}.b.c` }];
    for (const headers of junk) {
      await expectUnauthorized(running.url, headers);
    }
    expect(metadata.requests).to.equal(0);
  });

  it('refuses a token signed by a key that is not the published one (401, not 500)', async () => {
    const forged = signJwt(attacker, channelClaims(APP_ID, SERVICE_URL));
    await expectUnauthorized(running.url, { authorization: `Bearer ${forged}` });
  });

  it('refuses a genuine token for another bot, or for another serviceUrl', async () => {
    await expectUnauthorized(running.url, { authorization: `Bearer ${signJwt(microsoft, channelClaims('another-bot', SERVICE_URL))}` });
    await expectUnauthorized(running.url, { authorization: `Bearer ${signJwt(microsoft, channelClaims(APP_ID, 'https://evil.example/'))}` });
  });

  it('refuses unknown activity types without a token too (authentication comes before "ignored")', async () => {
    await expectUnauthorized(running.url, {}, activity({ type: 'somethingNew' }));
  });

  it('accepts a valid token and answers (so the 401s above are about the tokens)', async () => {
    const token = signJwt(microsoft, channelClaims(APP_ID, SERVICE_URL));
    const answer = await post(`${running.url}/api/messages`, activity({ serviceUrl: SERVICE_URL }), { authorization: `Bearer ${token}` });
    expect(answer.status).to.equal(200);
    expect(answer.replies.length).to.be.greaterThan(0);
  });
});

describe('hardening: token validation when the OpenID metadata cannot be fetched', function () {
  this.timeout(30_000);
  const key = signingKey('some-key');

  it('answers 401 when the metadata endpoint refuses connections', async () => {
    const running = await startTestApp(AUTH_ENV, { authentication: authenticationWith('http://127.0.0.1:9/openid') });
    try {
      await expectUnauthorized(running.url, { authorization: `Bearer ${signJwt(key, channelClaims(APP_ID, SERVICE_URL))}` });
    } finally {
      await running.app.close();
    }
  });

  it('answers 401 when the metadata endpoint never answers (validation is bounded by authTimeoutMs)', async () => {
    const hanging = await startMetadataServer([key], ['webchat'], true);
    const running = await startTestApp(AUTH_ENV, { authentication: authenticationWith(hanging.url), hardening: { authTimeoutMs: 300 } });
    try {
      await expectUnauthorized(running.url, { authorization: `Bearer ${signJwt(key, channelClaims(APP_ID, SERVICE_URL))}` });
      expect(hanging.requests).to.equal(1);
      expect((await fetch(`${running.url}/healthz`)).status).to.equal(200);
    } finally {
      await running.app.close();
      await hanging.close();
    }
  });

  it("answers 401 with the production configuration, whether or not Microsoft's endpoint is reachable from here", async () => {
    const running = await startTestApp(AUTH_ENV, { hardening: { authTimeoutMs: 2_000 } });
    try {
      await expectUnauthorized(running.url, { authorization: `Bearer ${signJwt(key, channelClaims(APP_ID, SERVICE_URL))}` });
    } finally {
      await running.app.close();
    }
  });
});
