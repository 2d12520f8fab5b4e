import { createRecognizer } from '../../src/nlu/recognizer';
import { expect } from '../support/chai';
import { FIXTURE_EXAMPLES } from './fixture-examples';

describe('createRecognizer', () => {
  const recognizer = createRecognizer(FIXTURE_EXAMPLES);

  it('understands a clear question as one intent', () => {
    const u = recognizer.understand('ik ben mijn wachtwoord vergeten', 'nl');
    expect(u.kind === 'sure' && u.intent).to.equal('password_forgotten');
  });

  it('declines out-of-scope questions, trained or unknown', () => {
    expect(recognizer.understand('what will the weather be like tomorrow', 'en').kind).to.equal('out_of_scope');
    expect(recognizer.understand('qwerty zxcv', 'en').kind).to.equal('out_of_scope');
    expect(recognizer.understand('', 'nl').kind).to.equal('out_of_scope');
  });

  it('ranks commands as cmd:<id>', () => {
    expect(recognizer.rank('terug naar het hoofdmenu', 'nl')[0].intent).to.equal('cmd:menu');
  });

  it('detects the language with the prior as fallback', () => {
    expect(recognizer.detectLanguage('where is my activation email', 'nl').lang).to.equal('en');
    expect(recognizer.detectLanguage('ok', 'nl')).to.deep.equal({ lang: 'nl', confidence: 0 });
  });

  it('accepts thresholds as options', () => {
    const strict = createRecognizer(FIXTURE_EXAMPLES, { thresholds: { minLead: 0.99 } });
    expect(strict.understand('ik ben mijn wachtwoord vergeten', 'nl').kind).to.equal('out_of_scope');
  });
});
