import { matchChoice } from '../../src/nlu/choice-answer';
import { expect } from '../support/chai';

describe('matchChoice', () => {
  const nl = ['Wachtwoord vergeten', 'Geen e-mail ontvangen', 'Link verlopen', 'Iets anders'];
  const en = ['Forgot password', 'No e-mail received', 'Link expired', 'Something else'];

  it('matches a label typed exactly, in another case, or without accents', () => {
    expect(matchChoice('Link verlopen', nl, 'nl')).to.equal(2);
    expect(matchChoice('LINK VERLOPEN', nl, 'nl')).to.equal(2);
    expect(matchChoice('Één keuze', ['Één keuze', 'Twee'], 'nl')).to.equal(0);
    expect(matchChoice('een keuze', ['Één keuze', 'Twee'], 'nl')).to.equal(0);
  });

  it('matches a label typed with typos', () => {
    expect(matchChoice('wachtwoord vergten', nl, 'nl')).to.equal(0);
    expect(matchChoice('geen emial ontvangen', nl, 'nl')).to.equal(1);
    expect(matchChoice('forgot pasword', en, 'en')).to.equal(0);
  });

  it('matches part of a label when only one label has it', () => {
    expect(matchChoice('verlopen', nl, 'nl')).to.equal(2);
    expect(matchChoice('wachtwoord', nl, 'nl')).to.equal(0);
    expect(matchChoice('expired', en, 'en')).to.equal(2);
    expect(matchChoice('iets', nl, 'nl')).to.equal(3);
  });

  it('does not guess between labels that share the typed word', () => {
    expect(matchChoice('wachtwoord', ['Wachtwoord vergeten', 'Wachtwoord wijzigen'], 'nl')).to.equal(undefined);
  });

  it('reads a position written in digits', () => {
    for (const text of ['2', '2.', '#2', '(2)', 'nummer 2', 'optie 2', 'keuze 2', 'nr. 2', 'number 2', 'option 2']) {
      expect(matchChoice(text, nl, 'nl'), text).to.equal(1);
    }
  });

  it('reads Dutch numbers and ordinals', () => {
    const cases: Array<[string, number]> = [
      ['twee', 1], ['de tweede', 1], ['tweede', 1], ['de eerste', 0], ['eerste optie', 0], ['de derde graag', 2],
      ['2e', 1], ['3de', 2], ['de laatste', 3], ['laatste', 3], ['de voorlaatste', 2], ['de op een na laatste', 2],
      ['nummer drie', 2], ['optie één', 0], ['een', 0],
    ];
    for (const [text, index] of cases) expect(matchChoice(text, nl, 'nl'), text).to.equal(index);
  });

  it('reads English numbers and ordinals', () => {
    const cases: Array<[string, number]> = [
      ['two', 1], ['the second', 1], ['second one', 1], ['the second one', 1], ['the first', 0], ['first option', 0],
      ['3rd', 2], ['the last', 3], ['the last one', 3], ['last', 3], ['second to last', 2], ['number three', 2],
    ];
    for (const [text, index] of cases) expect(matchChoice(text, en, 'en'), text).to.equal(index);
  });

  it('reads a position in either language whatever the message language', () => {
    expect(matchChoice('the second one', nl, 'nl')).to.equal(1);
    expect(matchChoice('de tweede', en, 'en')).to.equal(1);
  });

  it('rejects positions outside the list and messages naming two positions', () => {
    expect(matchChoice('7', nl, 'nl')).to.equal(undefined);
    expect(matchChoice('de vijfde', nl, 'nl')).to.equal(undefined);
    expect(matchChoice('1 of 2', nl, 'nl')).to.equal(undefined);
    expect(matchChoice('1 or 2', en, 'en')).to.equal(undefined);
  });

  it('does not read a number inside a sentence as a choice', () => {
    // "2 accounts" is information, not "option 2"
    expect(matchChoice('ik heb 2 accounts', nl, 'nl')).to.equal(undefined);
    expect(matchChoice('I waited two days already', en, 'en')).to.equal(undefined);
  });

  it('gives up on unrelated text, empty text and text too long to be an answer', () => {
    expect(matchChoice('wat is het weer morgen', nl, 'nl')).to.equal(undefined);
    expect(matchChoice('', nl, 'nl')).to.equal(undefined);
    expect(matchChoice(`2 ${'x'.repeat(300)}`, nl, 'nl')).to.equal(undefined);
    expect(matchChoice('2', [], 'nl')).to.equal(undefined);
  });
});

describe('matchChoice polarity and short words', () => {
  // A loose match must never flip the meaning: these answers drive the walkthrough's branches.
  it('does not pick a negated label for a positive answer, nor the other way round', () => {
    expect(matchChoice('gevonden', ['Ik heb gezocht', 'Niet gevonden'], 'nl')).to.equal(undefined);
    expect(matchChoice('niet gevonden', ['Nu gevonden', 'Contact opnemen'], 'nl')).to.equal(undefined);
    expect(matchChoice('mail is niet binnen', ['Mail is binnen', 'Link verlopen'], 'nl')).to.equal(undefined);
    expect(matchChoice('actief', ['Nog niet actief', 'Menu'], 'nl')).to.equal(undefined);
    expect(matchChoice("it didn't arrive", ['Mail arrived', 'Link expired'], 'en')).to.equal(undefined);
  });

  it('still picks a label with the same polarity', () => {
    expect(matchChoice('niet gevonden', ['Ik heb gezocht', 'Niet gevonden'], 'nl')).to.equal(1);
    expect(matchChoice('mail binnen', ['Mail is binnen', 'Link verlopen'], 'nl')).to.equal(0);
  });

  it('allows no typo in words of four letters, so "menu" does not pick "mens"', () => {
    expect(matchChoice('menu', ['Toegang aanvragen', 'Hulp van een mens'], 'nl')).to.equal(undefined);
  });
});
