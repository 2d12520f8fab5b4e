import { expect } from '../../support/chai';
import { parseWebhookPayload } from '../../../src/channels/whatsapp/webhook-payload';
import { BSUID, buttonReply, listReply, ofType, PHONE, text, webhookBody } from './whatsapp-test-kit';

const parse = (body: string) => parseWebhookPayload(JSON.parse(body));

describe('WhatsApp webhook payload', () => {
  it('reads a text message with its sender, time and business number', () => {
    const [message] = parse(webhookBody([text('hallo', 'wamid.X1')]));
    expect(message.wamid).to.equal('wamid.X1');
    expect(message.sender).to.deep.equal({ bsuid: undefined, waId: PHONE });
    expect(message.sentAt).to.be.a('number');
    expect(message.phoneNumberId).to.equal('1098765432');
    expect(message.content).to.deep.equal({ kind: 'text', text: 'hallo' });
  });

  it('reads button and list replies as choices with the id we sent and the title shown', () => {
    const [button, list] = parse(webhookBody([buttonReply('1:wt_has_account', 'Start'), listReply('4:two_factor', 'Tweede factor')]));
    expect(button.content).to.deep.equal({ kind: 'choice', id: '1:wt_has_account', title: 'Start' });
    expect(list.content).to.deep.equal({ kind: 'choice', id: '4:two_factor', title: 'Tweede factor' });
  });

  it('reads a template quick-reply button as text', () => {
    const [message] = parse(webhookBody([ofType('button', { button: { text: 'Ja graag', payload: 'yes' } })]));
    expect(message.content).to.deep.equal({ kind: 'text', text: 'Ja graag' });
  });

  it('marks media, location, contacts and unknown types as unsupported', () => {
    const types = ['image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'unsupported', 'something_new'];
    const kinds = parse(webhookBody(types.map((t) => ofType(t, { [t]: {} })))).map((m) => m.content.kind);
    expect(kinds).to.deep.equal(types.map(() => 'unsupported'));
  });

  it('ignores reactions, system notices, welcome requests and group messages', () => {
    const messages = parse(
      webhookBody([
        ofType('reaction', { reaction: { message_id: 'wamid.Y', emoji: '👍' } }),
        ofType('system', { system: { body: 'changed number' } }),
        ofType('request_welcome'),
        { ...text('hoi'), group_id: 'group-1' },
      ]),
    );
    expect(messages.map((m) => m.content.kind)).to.deep.equal(['ignored', 'ignored', 'ignored', 'ignored']);
  });

  it('prefers the business-scoped user id and works without a phone number', () => {
    const [both] = parse(webhookBody([text('hoi')], { from: PHONE, bsuid: BSUID }));
    expect(both.sender).to.deep.equal({ bsuid: BSUID, waId: PHONE });
    const [bsuidOnly] = parse(webhookBody([text('hoi')], { bsuid: BSUID }));
    expect(bsuidOnly.sender).to.deep.equal({ bsuid: BSUID, waId: undefined });
  });

  it('returns nothing for status callbacks, other objects and junk, without throwing', () => {
    const statuses = {
      object: 'whatsapp_business_account',
      entry: [{ changes: [{ value: { statuses: [{ id: 'wamid.Z', status: 'delivered', recipient_id: PHONE }] } }] }],
    };
    expect(parseWebhookPayload(statuses)).to.deep.equal([]);
    for (const junk of [null, 42, 'x', [], { object: 'page' }, { object: 'whatsapp_business_account', entry: 'x' }, { object: 'whatsapp_business_account', entry: [{ changes: [{ value: { messages: [null, { type: 'text' }] } }] }] }]) {
      expect(parseWebhookPayload(junk)).to.deep.equal([]);
    }
  });
});
