import { IntentClassifier } from '../../src/nlu/intent-classifier';
import { expect } from '../support/chai';
import { FIXTURE_EXAMPLES } from './fixture-examples';

describe('IntentClassifier', () => {
  const classifier = new IntentClassifier(FIXTURE_EXAMPLES);
  const top = (text: string, lang: 'nl' | 'en' = 'nl'): string => classifier.rank(text, lang)[0].intent;

  it('ranks every intent, best first, with scores in [0, 1]', () => {
    const ranked = classifier.rank('wachtwoord vergeten', 'nl');
    expect(ranked.map((r) => r.intent).sort()).to.deep.equal([...classifier.intentIds].sort());
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).to.be.at.least(ranked[i].score);
    for (const r of ranked) expect(r.score).to.be.within(0, 1);
  });

  it('finds the intent of a phrase it was not trained on', () => {
    expect(top('ik ben het wachtwoord kwijt')).to.equal('password_forgotten');
    expect(top('the confirmation e-mail did not arrive', 'en')).to.equal('no_email');
    expect(top('welke rol kies ik als importeur')).to.equal('which_role');
  });

  it('tolerates typos through character n-grams', () => {
    expect(top('wachtwoort vergten')).to.equal('password_forgotten');
    expect(top('how do i sett up two factr', 'en')).to.equal('two_factor');
    expect(top('geen emial ontvagen')).to.equal('no_email');
  });

  it('matches across languages through shared synonyms', () => {
    // "wachtwoord" and "password" meet in one canonical token
    const onlyEnglish = new IntentClassifier(FIXTURE_EXAMPLES.filter((e) => e.lang === 'en'));
    expect(onlyEnglish.rank('wachtwoord vergeten', 'nl')[0].intent).to.equal('password_forgotten');
  });

  it('recognises commands and out-of-scope phrases as intents of their own', () => {
    expect(top('terug naar menu')).to.equal('cmd:menu');
    expect(top('what will the weather be tomorrow', 'en')).to.equal('out_of_scope');
    expect(top('hoe vul ik vak 20 van het coi in')).to.equal('out_of_scope');
  });

  it('scores an unrelated message low', () => {
    const [best] = classifier.rank('quantum chromodynamics lecture notes', 'en');
    expect(best.score).to.be.below(0.2);
  });

  it('is deterministic', () => {
    const again = new IntentClassifier([...FIXTURE_EXAMPLES].reverse());
    expect(again.rank('sms tweede factor', 'nl')).to.deep.equal(classifier.rank('sms tweede factor', 'nl'));
  });

  it('refuses to train on nothing', () => {
    expect(() => new IntentClassifier([])).to.throw(/at least one training example/);
  });
});
