import { expect } from '../../support/chai';
import type { Reply, ReplyChoice } from '../../../src/channels/reply';
import { choiceForm, createWhatsAppRenderer, renderWhatsAppMessages } from '../../../src/channels/whatsapp/render-whatsapp';
import { loadWhatsAppTexts } from '../../../src/channels/whatsapp/whatsapp-texts';
import { loadContent } from '../../../src/content/loader';
import { LANGS } from '../../../src/content/types';
import { ReplyBuilder } from '../../../src/dialogs/replies';
import type { OutboundMessage } from '../../../src/channels/whatsapp/outbound-message';
import { bodyOf, choicesOf, expectValidWhatsAppMessage } from './whatsapp-message-checks';

const texts = loadWhatsAppTexts();
const asRecord = (m: OutboundMessage) => m as unknown as Record<string, unknown>;

function reply(text: string, choices: ReplyChoice[], lang: 'nl' | 'en' = 'nl'): Reply {
  return { topicId: 'test', kind: 'answer', lang, text, links: [], choices };
}
const choices = (labels: string[]): ReplyChoice[] => labels.map((label, i) => ({ label, goto: `node_${i}` }));

describe('WhatsApp renderer', () => {
  describe('on every node of the content, in every language', () => {
    const content = loadContent();
    const builder = new ReplyBuilder(content);
    const resume: ReplyChoice = { label: 'Verder met stappen', goto: 'wt_has_account' };

    it('has content to check', () => expect(content.nodes.size).to.be.greaterThan(10));

    for (const id of content.nodes.keys()) {
      it(`renders "${id}" within WhatsApp's limits, offering every choice and printing every link`, () => {
        for (const lang of LANGS) {
          // Side answers get a "back to the steps" choice in the dialog, so check that variant too.
          for (const extra of [[], [resume]]) {
            const source = builder.fromNode(id, lang, extra);
            const messages = renderWhatsAppMessages(source, texts).map(asRecord);
            expect(messages.length, `${id}/${lang}: messages`).to.be.at.least(1);
            messages.forEach((m, i) => expectValidWhatsAppMessage(m, `${id}/${lang}/#${i}`));
            const all = messages.map(bodyOf).join('\n');
            for (const link of source.links) expect(all, `${id}/${lang}: URL of ${link.id}`).to.include(link.url);
            const last = messages[messages.length - 1];
            if (source.choices.length === 0) continue;
            const offered = choicesOf(last);
            if (offered.length > 0) {
              expect(offered.map((c) => c.id.replace(/^\d+:/, '')), `${id}/${lang}: choice targets`).to.deep.equal(source.choices.map((c) => c.goto));
            } else {
              source.choices.forEach((c, i) => expect(bodyOf(last), `${id}/${lang}: numbered choice`).to.include(`${i + 1}. ${c.label}`));
            }
          }
        }
      });
    }
  });

  it('uses reply buttons for up to 3 short unique labels', () => {
    const [message] = renderWhatsAppMessages(reply('Heeft u al een account?', choices(['Ja', 'Nee', 'Weet ik niet'])), texts);
    expect(message.type).to.equal('interactive');
    expect(choicesOf(asRecord(message))).to.deep.equal([
      { id: '1:node_0', title: 'Ja' },
      { id: '2:node_1', title: 'Nee' },
      { id: '3:node_2', title: 'Weet ik niet' },
    ]);
  });

  it('draws the lines exactly at 3 buttons of 20 characters, 10 rows, and 72 characters for a shortened row', () => {
    expect(choiceForm(choices(['a', 'b', 'x'.repeat(20)]))).to.equal('buttons');
    expect(choiceForm(choices(['a', 'b', 'x'.repeat(21)]))).to.equal('list');
    expect(choiceForm(choices(['a', 'b', 'c', 'd']))).to.equal('list');
    expect(choiceForm(choices(Array.from({ length: 10 }, (_, i) => `k${i}`)))).to.equal('list');
    expect(choiceForm(choices(Array.from({ length: 11 }, (_, i) => `k${i}`)))).to.equal('numbered');
    expect(choiceForm(choices(['a', 'x'.repeat(72)]))).to.equal('list');
    expect(choiceForm(choices(['a', 'x'.repeat(73)]))).to.equal('numbered');
    const [row24, row25] = (renderWhatsAppMessages(reply('?', choices(['y'.repeat(24), 'z'.repeat(25)])), texts)[0] as {
      interactive: { action: { sections: { rows: { title: string; description?: string }[] }[] } };
    }).interactive.action.sections[0].rows;
    expect(row24).to.deep.include({ title: 'y'.repeat(24) });
    expect(row24.description).to.equal(undefined);
    expect(row25.title).to.equal('z'.repeat(23) + '…');
  });

  it('uses a list for 4 to 10 choices, with the list button from whatsapp.yaml', () => {
    const labels = Array.from({ length: 10 }, (_, i) => `Onderwerp ${i + 1}`);
    const [message] = renderWhatsAppMessages(reply('Kies een onderwerp.', choices(labels), 'en'), texts);
    expectValidWhatsAppMessage(asRecord(message));
    const interactive = (message as { interactive: { type: string; action: { button: string } } }).interactive;
    expect(interactive.type).to.equal('list');
    expect(interactive.action.button).to.equal(texts.list_button.en);
    expect(choicesOf(asRecord(message)).map((c) => c.title)).to.deep.equal(labels);
  });

  it('moves to a list when a label is too long for a button, showing a label too long for a row in its description', () => {
    const long = 'Mijn bedrijf staat niet in de lijst';
    expect(choiceForm(choices(['Ja', long]))).to.equal('list');
    const [message] = renderWhatsAppMessages(reply('Gevonden?', choices(['Ja', long])), texts);
    expectValidWhatsAppMessage(asRecord(message));
    const rows = (message as { interactive: { action: { sections: { rows: { title: string; description?: string }[] }[] } } }).interactive.action.sections[0].rows;
    expect(rows[1].title.length).to.be.at.most(24);
    expect(rows[1].title.endsWith('…')).to.equal(true);
    expect(rows[1].description).to.equal(long);
  });

  it('falls back to numbered text for more than 10 choices, duplicate labels or labels too long for a row', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `Keuze ${i + 1}`);
    for (const labels of [eleven, ['Ja', 'ja'], ['Ja', 'x'.repeat(73)]]) {
      expect(choiceForm(choices(labels)), labels.join('|')).to.equal('numbered');
      const messages = renderWhatsAppMessages(reply('Wat wilt u?', choices(labels)), texts);
      expect(messages.every((m) => m.type === 'text')).to.equal(true);
      const body = messages.map((m) => bodyOf(asRecord(m))).join('\n');
      labels.forEach((label, i) => expect(body).to.include(`${i + 1}. ${label}`));
      expect(body).to.include(texts.numbered_hint.nl);
    }
  });

  it('sends a long answer as text first, split at paragraphs, and keeps the closing question with the buttons', () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Uitleg ${i}: ` + 'tekst '.repeat(60).trim());
    const question = 'Is het gelukt?';
    const messages = renderWhatsAppMessages(reply([...paragraphs, question].join('\n\n'), choices(['Ja', 'Nee'])), texts);
    messages.forEach((m, i) => expectValidWhatsAppMessage(asRecord(m), `#${i}`));
    const last = messages[messages.length - 1];
    expect(last.type).to.equal('interactive');
    expect(bodyOf(asRecord(last)).endsWith(question)).to.equal(true);
    const texts_ = messages.slice(0, -1);
    expect(texts_.length).to.be.at.least(2);
    expect(texts_.every((m) => m.type === 'text')).to.equal(true);
    // Every paragraph arrives whole and in order.
    const all = messages.map((m) => bodyOf(asRecord(m))).join('\n\n');
    expect(all).to.equal([...paragraphs, question].join('\n\n'));
  });

  it('uses the short "choose below" line when even the last paragraph is too long to go with the choices', () => {
    const messages = renderWhatsAppMessages(reply('woord '.repeat(300).trim(), choices(['Ja', 'Nee']), 'en'), texts);
    expect(messages.map((m) => m.type)).to.deep.equal(['text', 'interactive']);
    expect(bodyOf(asRecord(messages[1]))).to.equal(texts.choose_below.en);
  });

  it('puts each message in channelData.whatsapp, with its text for transcripts', () => {
    const activities = createWhatsAppRenderer(texts)(reply('Hallo **daar**', []));
    expect(activities).to.have.length(1);
    expect(activities[0].text).to.equal('Hallo *daar*');
    expect((activities[0].channelData as { whatsapp: unknown }).whatsapp).to.deep.equal({ type: 'text', text: { body: 'Hallo *daar*', preview_url: false } });
  });
});
