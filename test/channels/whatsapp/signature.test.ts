import { expect } from '../../support/chai';
import { isValidSignature, sameSecret } from '../../../src/channels/whatsapp/signature';
import { escapeNonAscii, sign } from './whatsapp-test-kit';

describe('WhatsApp webhook signature', () => {
  const secret = 'app-secret';
  const raw = Buffer.from(escapeNonAscii(JSON.stringify({ text: 'Café — groeten 😀' })), 'utf8');

  it('accepts the HMAC-SHA256 of the exact bytes, in lower or upper case hex', () => {
    expect(isValidSignature(raw, sign(raw, secret), secret)).to.equal(true);
    expect(isValidSignature(raw, 'sha256=' + sign(raw, secret).slice(7).toUpperCase(), secret)).to.equal(true);
  });

  it('rejects a missing header, another prefix, a wrong secret and a truncated signature', () => {
    expect(isValidSignature(raw, undefined, secret)).to.equal(false);
    expect(isValidSignature(raw, sign(raw, secret).replace('sha256=', 'sha1='), secret)).to.equal(false);
    expect(isValidSignature(raw, sign(raw, 'other-secret'), secret)).to.equal(false);
    expect(isValidSignature(raw, sign(raw, secret).slice(0, -2), secret)).to.equal(false);
  });

  // Meta signs its bytes with non-ASCII escaped as \uXXXX; a re-serialised body has the characters themselves.
  it('rejects the signature of the re-serialised body when the text is not ASCII', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8');
    expect(reserialised.equals(raw)).to.equal(false);
    expect(isValidSignature(raw, sign(reserialised, secret), secret)).to.equal(false);
  });

  it('compares verify tokens exactly', () => {
    expect(sameSecret('token', 'token')).to.equal(true);
    expect(sameSecret('token ', 'token')).to.equal(false);
    expect(sameSecret('', 'token')).to.equal(false);
  });
});
