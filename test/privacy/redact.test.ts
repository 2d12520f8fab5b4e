import { expect } from '../support/chai';
import { redact, REDACTED } from '../../src/privacy/redact';

describe('privacy: redact (before anything is stored or logged)', () => {
  it('removes e-mail addresses, also written with [at] and [dot]', () => {
    expect(redact('mail jan.jansen@example.nl even')).to.equal(`mail ${REDACTED.email} even`);
    expect(redact('Piet.de-Vries+traces@bedrijf.co.uk')).to.equal(REDACTED.email);
    expect(redact('jan [at] example [dot] nl')).to.equal(REDACTED.email);
  });

  it('removes phone numbers in Dutch and international notation, but keeps dates and times', () => {
    for (const phone of ['06-12345678', '+31 6 1234 5678', '0031612345678', '038- 426 8182', '(038) 426 81 82']) {
      expect(redact(`bel ${phone} aub`), phone).to.equal(`bel ${REDACTED.phone} aub`);
    }
    expect(redact('op 28-11-2025 om 14:10')).to.equal('op 28-11-2025 om 14:10');
    expect(redact('binnen 2 werkdagen, 90 minuten')).to.equal('binnen 2 werkdagen, 90 minuten');
  });

  it('removes IBAN-like numbers, with or without spaces and in lower case', () => {
    expect(redact('IBAN NL91ABNA0417164300.')).to.equal(`IBAN ${REDACTED.iban}.`);
    expect(redact('nl91 abna 0417 1643 00')).to.equal(REDACTED.iban);
    expect(redact('DE89 3704 0044 0532 0130 00')).to.equal(REDACTED.iban);
    expect(redact('ab12 hallo wereld')).to.equal('ab12 hallo wereld');
  });

  it('removes everything after "wachtwoord" or "password", whatever follows', () => {
    expect(redact('mijn wachtwoord is Zomer2025! en de mail komt niet')).to.equal(`mijn wachtwoord ${REDACTED.secret}`);
    expect(redact('My PASSWORD: hunter2')).to.equal(`My PASSWORD ${REDACTED.secret}`);
    expect(redact('wachtwoord vergeten')).to.equal(`wachtwoord ${REDACTED.secret}`);
  });

  it('removes a name after "mijn naam is" / "my name is"', () => {
    expect(redact('Mijn naam is Jan van der Berg en ik zoek hulp')).to.equal(`Mijn naam is ${REDACTED.name} en ik zoek hulp`);
    expect(redact('my name is Anna Smith')).to.equal(`my name is ${REDACTED.name}`);
  });

  it('leaves ordinary questions alone', () => {
    const question = 'Hoe vraag ik toegang aan voor ons bedrijf in TRACES NT?';
    expect(redact(question)).to.equal(question);
  });
});
