import { expect } from '../../support/chai';
import { splitText, toWhatsAppFormatting, whatsAppBody } from '../../../src/channels/whatsapp/whatsapp-text';

describe('WhatsApp text formatting', () => {
  it('turns **bold** into *bold*, __italic__ into _italic_ and markdown links into label: URL', () => {
    expect(toWhatsAppFormatting('Maak een **EU Login-account** aan')).to.equal('Maak een *EU Login-account* aan');
    expect(toWhatsAppFormatting('__let op__')).to.equal('_let op_');
    expect(toWhatsAppFormatting('zie [EU Login](https://example.org/a)')).to.equal('zie EU Login: https://example.org/a');
  });

  it('prints links as label and URL, with the step and intro in front', () => {
    const body = whatsAppBody({
      topicId: 't',
      kind: 'answer',
      lang: 'nl',
      intro: 'Hallo.',
      text: 'Ga naar {link:portal}.',
      links: [{ id: 'portal', label: 'het portaal', url: 'https://example.org/portal' }],
      choices: [],
      step: { phase: 1, order: 2, total: 5, label: 'Stap 1 van 2 · 2/5', phaseName: 'EU Login-account' },
    });
    expect(body).to.equal('Hallo.\n\n_Stap 1 van 2 · 2/5 · EU Login-account_\n\nGa naar het portaal: https://example.org/portal.');
  });

  it('splits at paragraph boundaries and keeps every piece within the limit', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Alinea ${i} ` + 'woord '.repeat(80).trim());
    const text = paragraphs.join('\n\n');
    const pieces = splitText(text, 1200);
    expect(pieces.length).to.be.greaterThan(1);
    for (const piece of pieces) expect(piece.length).to.be.at.most(1200);
    // Nothing lost or cut inside a paragraph: joining the pieces gives the text back.
    expect(pieces.join('\n\n')).to.equal(text);
  });

  it('falls back to lines, then words, then characters for very long paragraphs', () => {
    const line = 'x'.repeat(30);
    expect(splitText([line, line, line].join('\n'), 70)).to.deep.equal([`${line}\n${line}`, line]);
    expect(splitText('aaa bbb ccc', 7)).to.deep.equal(['aaa bbb', 'ccc']);
    expect(splitText('😀'.repeat(5), 4)).to.deep.equal(['😀😀', '😀😀', '😀']);
    expect(splitText('   ', 10)).to.deep.equal([]);
  });
});
