import { expect } from '../support/chai';
import { looksLikeSharedPassword } from '../../src/privacy/password-check';

describe('privacy: looksLikeSharedPassword (warn, never store)', () => {
  it('sees a password after "wachtwoord is" / "password:"', () => {
    for (const text of ['mijn wachtwoord is Zomer2025!', 'Mijn wachtwoord: geheim123', 'password = Hunter2024', 'my password is "S3cret-pass"']) {
      expect(looksLikeSharedPassword(text), text).to.equal(true);
    }
  });

  it('sees a message that is only a password-like token', () => {
    for (const text of ['Zomer2025!', 'Geheim!2025x', 'tr4c3s-NT-pw']) expect(looksLikeSharedPassword(text), text).to.equal(true);
  });

  it('does not warn about questions on passwords, or about ids, dates and addresses', () => {
    for (const text of [
      'wachtwoord vergeten',
      'mijn wachtwoord werkt niet',
      'mijn wachtwoord is te kort',
      'how do I reset my password?',
      'TRACES-NT',
      'NL91ABNA0417164300',
      '28-11-2025',
      '14:10',
      'jan@example.nl',
      'https://webgate.ec.europa.eu/tracesnt/login',
    ]) {
      expect(looksLikeSharedPassword(text), text).to.equal(false);
    }
  });
});
