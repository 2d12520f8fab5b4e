import { LanguageDetector } from '../../src/nlu/language-detector';
import { expect } from '../support/chai';
import { FIXTURE_EXAMPLES } from './fixture-examples';

describe('LanguageDetector', () => {
  const detector = new LanguageDetector(FIXTURE_EXAMPLES);

  it('reads Dutch and English sentences whatever the prior', () => {
    expect(detector.detect('ik heb nog steeds geen mail ontvangen', 'en').lang).to.equal('nl');
    expect(detector.detect('hoe kom ik in traces', 'en').lang).to.equal('nl');
    expect(detector.detect('I still did not get the email', 'nl').lang).to.equal('en');
    expect(detector.detect('which role should I choose', 'nl').lang).to.equal('en');
  });

  it('takes an English message from a Dutch client as English', () => {
    const guess = detector.detect('where do I find the activation link', 'nl');
    expect(guess.lang).to.equal('en');
    expect(guess.confidence).to.be.above(0.5);
  });

  it('leaves messages without evidence to the prior, with confidence 0', () => {
    for (const text of ['ok', '2', 'TRACES', 'EU Login', '2FA?', '']) {
      expect(detector.detect(text, 'en'), text).to.deep.equal({ lang: 'en', confidence: 0 });
      expect(detector.detect(text, 'nl'), text).to.deep.equal({ lang: 'nl', confidence: 0 });
    }
  });

  it('reads short answers that are clearly one language', () => {
    expect(detector.detect('ja', 'en').lang).to.equal('nl');
    expect(detector.detect('nee', 'en').lang).to.equal('nl');
    expect(detector.detect('yes', 'nl').lang).to.equal('en');
    expect(detector.detect('thanks', 'nl').lang).to.equal('en');
  });

  it('leans Dutch for short mixed messages', () => {
    expect(detector.detect('eu login werkt niet', 'en').lang).to.equal('nl');
    expect(detector.detect('my account werkt niet', 'en').lang).to.equal('nl');
    expect(detector.detect('sorry, de link is expired', 'en').lang).to.equal('nl');
  });

  it('reads words it was not trained on from their letters', () => {
    expect(detector.detect('bevestigingsmail', 'en').lang).to.equal('nl');
    expect(detector.detect('troubleshooting', 'nl').lang).to.equal('en');
  });

  it('learns words the training phrases of one language use ("rol" is Dutch, "role" English)', () => {
    expect(detector.detect('rol?', 'en').lang).to.equal('nl');
    expect(detector.detect('role?', 'nl').lang).to.equal('en');
  });
});
