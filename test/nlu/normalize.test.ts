import { analyze, normalizeText, plainWords, tokenize } from '../../src/nlu/normalize';
import { stem } from '../../src/nlu/stemmer';
import { expect } from '../support/chai';

describe('normalize', () => {
  it('lowercases, strips diacritics and punctuation', () => {
    expect(normalizeText('Wáár is mijn Créatie?!')).to.equal('waar is mijn creatie');
  });

  it('unifies the spellings of e-mail', () => {
    for (const text of ['e-mail', 'E-Mail', 'email', 'mail', 'e mail', 'mailtje']) expect(normalizeText(text)).to.equal('email');
    expect(tokenize('mijn e-mailadres')).to.deep.equal(['mijn', 'email', 'adres']);
    expect(tokenize('my e-mail address')).to.deep.equal(['my', 'email', 'adres']);
  });

  it('unifies the spellings of EU Login', () => {
    for (const text of ['EU Login', 'eu-login', 'EULogin', 'eu log in', 'EU-inlog']) expect(normalizeText(text)).to.equal('eulogin');
    expect(normalizeText('EU-login-account')).to.equal('eulogin account');
  });

  it('unifies two-factor variants', () => {
    for (const text of ['2FA', '2-fa', 'two factor', 'two-factor authentication', 'tweestapsverificatie', 'MFA', 'multi-factor', 'tweede factor']) {
      expect(normalizeText(text), text).to.equal('2fa');
    }
  });

  it('does not mistake "twee stappen" (the two registration steps) for two-factor', () => {
    expect(normalizeText('de twee stappen')).to.equal('de twee stappen');
  });

  it('separates numbers from words and keeps them', () => {
    expect(normalizeText('90min geldig, 2werkdagen')).to.equal('90 min geldig 2 werkdagen');
  });

  it('replaces e-mail addresses and links by placeholders, so personal data never becomes a feature', () => {
    expect(normalizeText('ik gebruik jan.de.vries@bedrijf.nl')).to.equal('ik gebruik email adres');
    expect(normalizeText('zie https://example.org/x?y=1')).to.equal('zie url');
  });

  it('maps Dutch and English synonyms to one token and drops function words', () => {
    expect(analyze('Ik ben mijn wachtwoord vergeten').words).to.deep.equal(['password', 'forgot']);
    expect(analyze('I forgot my password').words).to.deep.equal(['forgot', 'password']);
    expect(analyze('werkt niet').words).to.deep.equal(['werkt', 'not']);
  });

  it('keeps words as written in plainWords (for language detection)', () => {
    expect(plainWords("Héllo, I don't know")).to.deep.equal(['hello', 'i', 'dont', 'know']);
  });
});

describe('stem', () => {
  it('brings Dutch word forms together', () => {
    expect(stem('aanvragen')).to.equal(stem('aanvraag'));
    expect(stem('accounts')).to.equal(stem('account'));
    expect(stem('werkt')).to.equal(stem('werk'));
    expect(stem('gestuurd')).to.equal(stem('sturen'));
  });

  it('brings English word forms together', () => {
    expect(stem('requested')).to.equal(stem('request'));
    expect(stem('requesting')).to.equal(stem('requests'));
    expect(stem('companies')).to.equal(stem('company'));
  });

  it('leaves short words, numbers and final -ss/-us alone', () => {
    expect(stem('nt')).to.equal('nt');
    expect(stem('2fa')).to.equal('2fa');
    expect(stem('status')).to.equal('status');
    expect(stem('access')).to.equal(stem('accesses'));
  });
});
