import { expect } from '../../support/chai';
import { GraphApiError, GraphClient } from '../../../src/channels/whatsapp/graph-client';
import { createMemoryLogger } from '../../../src/logger';
import { FakeGraphApi } from './fake-graph-api';

describe('Graph API client', () => {
  const fake = new FakeGraphApi();
  let baseUrl = '';
  const waits: number[] = [];
  const logger = createMemoryLogger('debug');
  const message = { type: 'text' as const, text: { body: 'Hallo', preview_url: false } };

  const client = (maxAttempts = 4) =>
    new GraphClient({
      apiBaseUrl: baseUrl,
      phoneNumberId: '555',
      accessToken: 'secret-token',
      logger,
      maxAttempts,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      sleep: async (ms) => void waits.push(ms),
    });

  before(async () => {
    baseUrl = await fake.start();
  });
  after(() => fake.stop());
  beforeEach(() => {
    fake.reset();
    waits.length = 0;
    logger.lines.length = 0;
  });

  it('posts the message with the bearer token and recipient fields, and returns Meta\'s message id', async () => {
    const id = await client().send({ to: '31600000000', recipient: 'NL.1' }, message);
    expect(id).to.equal('wamid.out.1');
    expect(fake.requests).to.have.length(1);
    const [request] = fake.requests;
    expect(request.method).to.equal('POST');
    expect(request.path).to.equal('/v21.0/555/messages');
    expect(request.authorization).to.equal('Bearer secret-token');
    expect(request.body).to.deep.equal({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '31600000000', recipient: 'NL.1', ...message });
  });

  it('retries a 500 with exponential backoff and then succeeds', async () => {
    fake.failNext({ status: 500, body: { error: { code: 1 } } }, { status: 503 });
    await client().send({ to: '1' }, message);
    expect(fake.requests.map((r) => r.status)).to.deep.equal([500, 503, 200]);
    expect(waits).to.deep.equal([100, 200]);
  });

  it('honours Retry-After on a 429, capped at the longest wait', async () => {
    fake.failNext({ status: 429, headers: { 'Retry-After': '0' }, body: { error: { code: 130429 } } }, { status: 429, headers: { 'Retry-After': '3600' } });
    await client().send({ to: '1' }, message);
    expect(waits).to.deep.equal([0, 1000]);
    expect(fake.requests).to.have.length(3);
  });

  it('does not retry a 400 and reports status and code without message text', async () => {
    fake.failNext({ status: 400, body: { error: { message: 'Recipient 31600000000 bad', code: 131026, error_subcode: 2494010 } } });
    const error = await client().send({ to: '31600000000' }, message).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(GraphApiError);
    expect(error).to.include({ status: 400, code: 131026, attempts: 1 });
    expect(fake.requests).to.have.length(1);
    const logged = logger.lines.join('\n');
    expect(logged).to.include('"status":400').and.include('"code":131026');
    expect(logged).not.to.include('31600000000');
    expect(logged).not.to.include('Hallo');
  });

  it('gives up after the last attempt when the server keeps failing', async () => {
    fake.failNext({ status: 502 }, { status: 502 }, { status: 502 });
    const error = await client(3).send({ to: '1' }, message).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(GraphApiError);
    expect(error).to.include({ status: 502, attempts: 3 });
    expect(fake.requests).to.have.length(3);
  });

  it('treats an unreachable server as a retryable failure (status 0)', async () => {
    const unreachable = new GraphClient({ apiBaseUrl: 'http://127.0.0.1:9', phoneNumberId: '1', accessToken: 't', logger, maxAttempts: 2, sleep: async () => undefined });
    const error = await unreachable.send({ to: '1' }, message).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(GraphApiError);
    expect(error).to.include({ status: 0, attempts: 2 });
  });
});
