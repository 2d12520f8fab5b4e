import { inspectActivity, cleanText } from '../../src/hardening/activity-guard';
import { jsonDepthExceeds } from '../../src/hardening/json-depth';
import { hardeningOptions } from '../../src/hardening/options';
import { expect } from '../support/chai';

const options = hardeningOptions();
const valid = () => ({
  type: 'message',
  id: 'a1',
  channelId: 'webchat',
  serviceUrl: 'https://example.test/',
  conversation: { id: 'c1' },
  from: { id: 'u1' },
  recipient: { id: 'bot' },
  text: 'hallo',
});

describe('hardening: inspectActivity (the edge check of /api/messages)', () => {
  it('accepts a well-formed message and gives the bot a Date timestamp, as CloudAdapter.process would', () => {
    const result = inspectActivity({ ...valid(), timestamp: '2024-06-11T10:00:00Z' }, options);
    expect(result.kind).to.equal('process');
    if (result.kind !== 'process') return;
    expect(result.activity.timestamp).to.be.instanceOf(Date);
    expect((result.activity as unknown as { rawTimestamp: string }).rawTimestamp).to.equal('2024-06-11T10:00:00Z');
  });

  // botbuilder answers 500 to a body without `type`; we must answer 400 before it.
  for (const [why, body] of [
    ['an array', [valid()]],
    ['a string', 'message'],
    ['null', null],
    ['no type', { ...valid(), type: undefined }],
    ['an empty type', { ...valid(), type: '' }],
    ['a numeric type', { ...valid(), type: 7 }],
    ['no conversation id', { ...valid(), conversation: {} }],
    ['a conversation that is a string', { ...valid(), conversation: 'c1' }],
    ['no from', { ...valid(), from: undefined }],
    ['no channelId', { ...valid(), channelId: undefined }],
    ['a serviceUrl that is not http(s)', { ...valid(), serviceUrl: 'file:///etc/passwd' }],
    ['text that is not a string', { ...valid(), text: { $gt: '' } }],
    ['an unknown deliveryMode', { ...valid(), deliveryMode: 'sometimes' }],
    ['a timestamp that is no date', { ...valid(), timestamp: 'yesterday-ish' }],
    ['attachments that are not a list', { ...valid(), attachments: 'a' }],
    ['members without ids', { ...valid(), type: 'conversationUpdate', membersAdded: [{}] }],
    ['an id longer than the limit', { ...valid(), conversation: { id: 'x'.repeat(options.maxIdChars + 1) } }],
    // Found by the fuzz test: the connector puts ids in URLs (encodeURIComponent throws on lone surrogates) and headers.
    ['an activity id with a lone surrogate', { ...valid(), id: '\uD800a' }],
    ['a conversation id with non-ASCII characters', { ...valid(), conversation: { id: '\u202Egnitirw' } }],
  ] as const) {
    it(`rejects ${why} with a reason`, () => {
      const result = inspectActivity(body, options);
      expect(result.kind).to.equal('reject');
      if (result.kind === 'reject') expect(result.reason).to.be.a('string').and.not.match(/at .*\.js/);
    });
  }

  it('acknowledges unknown and unused types without looking further (200, ignored)', () => {
    expect(inspectActivity({ type: 'somethingNew' }, options)).to.deep.equal({ kind: 'ignore', activityType: 'somethingNew' });
    expect(inspectActivity({ ...valid(), type: 'typing' }, options).kind).to.equal('ignore');
  });

  it('rejects deep nesting anywhere in the body', () => {
    let value: unknown = 'leaf';
    for (let i = 0; i < 100; i++) value = { next: value };
    expect(inspectActivity({ ...valid(), value }, options).kind).to.equal('reject');
  });

  it('cuts text to the limit and drops unprintable characters and lone surrogates', () => {
    const result = inspectActivity({ ...valid(), text: 'a\u0000b\u0007c\uD800d' + 'x'.repeat(10_000) }, options);
    expect(result.kind).to.equal('process');
    if (result.kind !== 'process') return;
    expect(result.textCut).to.equal(true);
    expect(result.activity.text.startsWith('abcd')).to.equal(true);
    expect(result.activity.text.length).to.be.at.most(options.maxTextChars);
  });

  it('keeps line breaks, tabs and emoji, and never cuts an emoji in half', () => {
    expect(cleanText('een\ttwee\ndrie 👍', 100).text).to.equal('een\ttwee\ndrie 👍');
    const cut = cleanText('ab👍', 3);
    expect(cut).to.deep.equal({ text: 'ab', cut: true });
  });

  it('cuts long attachment, entity and member lists', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, contentType: 'x' }));
    const result = inspectActivity({ ...valid(), attachments: many(500), entities: many(500), membersAdded: many(500) }, options);
    if (result.kind !== 'process') throw new Error('expected process');
    expect(result.activity.attachments).to.have.length(options.maxAttachments);
    expect(result.activity.entities).to.have.length(options.maxEntities);
    expect(result.activity.membersAdded).to.have.length(options.maxMembers);
  });

  it('drops fields sent as null (botbuilder reads entities.length once entities is not undefined)', () => {
    const result = inspectActivity({ ...valid(), entities: null, attachments: null, value: null }, options);
    if (result.kind !== 'process') throw new Error('expected process');
    expect(result.activity).not.to.have.any.keys('entities', 'attachments', 'value');
  });

  it('does not change the body it was given', () => {
    const body = { ...valid(), text: 'x'.repeat(5000) };
    inspectActivity(body, options);
    expect(body.text).to.have.length(5000);
  });
});

describe('hardening: jsonDepthExceeds', () => {
  it('counts the top level as depth 1 and survives 100,000 levels without a stack overflow', () => {
    expect(jsonDepthExceeds({ a: { b: 1 } }, 2)).to.equal(false);
    expect(jsonDepthExceeds({ a: { b: {} } }, 2)).to.equal(true);
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(jsonDepthExceeds(deep, 32)).to.equal(true);
  });
});
