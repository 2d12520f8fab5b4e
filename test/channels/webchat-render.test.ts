import type { Activity } from 'botbuilder';
import { markdownBlocks, renderWebChat } from '../../src/channels/render-webchat';
import type { Reply } from '../../src/channels/reply';
import { loadContent } from '../../src/content/loader';
import { LANGS } from '../../src/content/types';
import { ReplyBuilder } from '../../src/dialogs/replies';
import { expect } from '../support/chai';

const content = loadContent();
const builder = new ReplyBuilder(content);

/** Every node of the content in both languages, as the dialog would build it. */
function everyReply(): Reply[] {
  return [...content.nodes.keys()].flatMap((id) => LANGS.map((lang) => builder.fromNode(id, lang)));
}

type Card = { version: string; body: unknown[]; actions: { type: string; title: string; url: string }[] };

describe('Web Chat renderer', () => {
  it('renders every node of the content, in both languages, within Web Chat\'s limits', () => {
    const replies = everyReply();
    expect(replies.length).to.be.greaterThan(40);
    for (const reply of replies) {
      const where = `${reply.topicId}/${reply.lang}`;
      const activities = renderWebChat(reply);
      expect(activities, where).to.have.length(1);
      const [activity] = activities as Partial<Activity>[];
      expect(activity.type, where).to.equal('message');
      expect(activity.textFormat, where).to.equal('markdown');

      // The full answer stays in text: every line of the content is in it, links written out inline.
      for (const line of reply.text.split('\n').filter((l) => l.trim() !== '' && !l.includes('{link:'))) {
        expect(activity.text, where).to.contain(line.trim());
      }
      for (const link of reply.links) expect(activity.text, where).to.contain(`[${link.label}](${link.url})`);
      expect(activity.text, where).to.not.match(/\{link:/);

      // Choices: suggested actions that send their label back.
      const actions = activity.suggestedActions?.actions ?? [];
      expect(actions.map((a) => a.title), where).to.deep.equal(reply.choices.map((c) => c.label));
      for (const action of actions) {
        expect(action.type, where).to.equal('imBack');
        expect(action.value, where).to.equal(action.title);
      }

      // Links: one button each, on an Adaptive Card Web Chat renders.
      if (reply.links.length === 0) {
        expect(activity.attachments, where).to.equal(undefined);
      } else {
        expect(activity.attachments, where).to.have.length(1);
        const card = activity.attachments![0].content as Card;
        expect(activity.attachments![0].contentType, where).to.equal('application/vnd.microsoft.card.adaptive');
        expect(Number(card.version), where).to.be.at.most(1.6);
        expect(card.actions.map((a) => [a.type, a.url]), where).to.deep.equal(reply.links.map((l) => ['Action.OpenUrl', l.url]));
        for (const action of card.actions) expect(action.url, where).to.match(/^https:\/\//);
      }

      // The step indicator: in the text and in channelData for the page's progress bar.
      const step = (activity.channelData as { step?: { label: string } } | undefined)?.step;
      if (reply.step) {
        expect(activity.text, where).to.contain(reply.step.label);
        expect(step?.label, where).to.equal(reply.step.label);
      } else {
        expect(step, where).to.equal(undefined);
      }
    }
  });

  it('shows the welcome line and the footer around the answer', () => {
    const reply: Reply = { ...builder.fromNode('menu', 'nl'), intro: 'INTRO', footer: 'FOOTER' };
    const text = renderWebChat(reply)[0].text!;
    expect(text.startsWith('INTRO\n\n')).to.equal(true);
    expect(text.endsWith('\n\nFOOTER')).to.equal(true);
  });

  describe('markdownBlocks', () => {
    // Markdown would glue "Vink aan" onto the last list item, and join one-sentence lines into one paragraph.
    it('keeps a list together and puts lines before and after it in their own paragraphs', () => {
      expect(markdownBlocks('Vul in:\n- naam\n- e-mail\nVink aan.\nKlaar.')).to.deep.equal(['Vul in:', '- naam\n- e-mail', 'Vink aan.', 'Klaar.']);
    });

    it('keeps numbered lists together and drops empty lines', () => {
      expect(markdownBlocks('Probeer:\n\n1. spam\n2. wachten\n\nNog niet?')).to.deep.equal(['Probeer:', '1. spam\n2. wachten', 'Nog niet?']);
    });
  });
});
