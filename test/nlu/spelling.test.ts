import { SpellingCorrector } from '../../src/nlu/spelling';
import { expect } from '../support/chai';

describe('SpellingCorrector', () => {
  const speller = new SpellingCorrector(['wachtwoord', 'wachtwoord', 'registreren', 'account', 'activatie', 'krijg', 'manager']);

  it('corrects one typo in a word of five letters or more', () => {
    expect(speller.correct('acount')).to.equal('account');
    expect(speller.correct('mnager')).to.equal('manager');
  });

  it('corrects two typos only in words of nine letters or more', () => {
    expect(speller.correct('registerne')).to.equal('registreren');
    expect(speller.correct('wachtwrd')).to.equal('wachtwrd');
  });

  it('leaves known, short, numeric and unlike words alone', () => {
    expect(speller.correct('account')).to.equal('account');
    expect(speller.correct('krij')).to.equal('krij');
    expect(speller.correct('2fa')).to.equal('2fa');
    expect(speller.correct('excel')).to.equal('excel');
  });

  it('trusts the first letter', () => {
    expect(speller.correct('xccount')).to.equal('xccount');
  });
});
