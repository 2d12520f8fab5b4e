import { parseYesNo } from '../../src/nlu/choice-answer';
import { expect } from '../support/chai';

describe('parseYesNo', () => {
  it('reads Dutch yes', () => {
    for (const text of ['ja', 'Ja!', 'jazeker', 'jawel', 'klopt', 'dat klopt', 'ja hoor', 'zeker', 'jep', 'ja, heb ik gedaan']) {
      expect(parseYesNo(text, 'nl'), text).to.equal('yes');
    }
  });

  it('reads Dutch no', () => {
    for (const text of ['nee', 'Neen', 'klopt niet', 'nog niet', 'helaas niet', 'nee hoor', 'nee, nog steeds niks', 'niet gelukt']) {
      expect(parseYesNo(text, 'nl'), text).to.equal('no');
    }
  });

  it('reads English yes', () => {
    for (const text of ['yes', 'Yes.', 'yep', 'sure', 'yeah', 'of course', 'yes please', 'correct']) {
      expect(parseYesNo(text, 'en'), text).to.equal('yes');
    }
  });

  it('reads English no', () => {
    for (const text of ['no', 'nope', 'not yet', 'No, not yet', 'nah', 'not really', 'no thanks']) {
      expect(parseYesNo(text, 'en'), text).to.equal('no');
    }
  });

  it('reads an answer in the other language than expected', () => {
    expect(parseYesNo('yes', 'nl')).to.equal('yes');
    expect(parseYesNo('nee', 'en')).to.equal('no');
  });

  it('says nothing for "I don\'t know", unrelated text, empty or over-long text', () => {
    for (const text of ['ik weet het niet', 'geen idee', "I don't know", 'no idea', 'misschien', 'wat is traces', '']) {
      expect(parseYesNo(text, 'nl'), text).to.equal(undefined);
    }
    expect(parseYesNo(`ja ${'x'.repeat(300)}`, 'nl')).to.equal(undefined);
  });
});
