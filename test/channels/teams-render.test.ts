import type { Activity } from 'botbuilder';
import { renderTeams, type TeamsChoiceData } from '../../src/channels/render-teams';
import type { Reply, ReplyChoice } from '../../src/channels/reply';
import { toTeamsMarkdown } from '../../src/channels/teams-markdown';
import { loadContent } from '../../src/content/loader';
import { LANGS } from '../../src/content/types';
import { NODES, ReplyBuilder } from '../../src/dialogs/replies';
import { expect } from '../support/chai';

/** Teams' limits, written out here (not imported) so a change to the renderer's constants cannot move them. */
const MAX_SUGGESTED_ACTIONS = 3;
const MAX_CARD_ACTIONS = 6;
const MAX_CARD_VERSION = 1.5;

const content = loadContent();
const builder = new ReplyBuilder(content);

/**
 * Every node in both languages, plain and with the extra choices the dialog adds at run time ("back to the steps",
 * menu, handoff), plus the clarify / decline / handoff replies: every reply shape a Teams user can get.
 */
function everyReply(): Reply[] {
  const replies: Reply[] = [];
  for (const lang of LANGS) {
    const extras: ReplyChoice[] = [
      builder.choiceTo(NODES.walkthroughStart, lang, 'label_resume'),
      builder.choiceTo(NODES.menu, lang, 'label_menu'),
      builder.choiceTo(NODES.contactHuman, lang, 'label_handoff'),
    ];
    for (const id of content.nodes.keys()) {
      replies.push(builder.fromNode(id, lang));
      replies.push(builder.fromNode(id, lang, extras.slice(0, 1)));
      replies.push({ ...builder.fromNode(id, lang, extras), intro: content.ui.get('welcome_intro')?.[lang] });
    }
    replies.push(builder.clarify([...content.nodes.keys()].slice(0, 3), lang), builder.outOfScope(lang), builder.missHandoff(lang));
  }
  return replies;
}

/** Markdown Teams does not render (or renders unsafely): headings, quotes, code, tables, images, strike, HTML. */
const OUTSIDE_TEAMS_SUBSET: [string, RegExp][] = [
  ['heading', /^\s*#{1,6}\s/m],
  ['block quote', /^\s*>/m],
  ['code', /`/],
  ['table row', /^\s*\|.*\|\s*$/m],
  ['image', /!\[/],
  ['strike-through', /~~/],
  ['HTML tag', /<\/?[a-z][^>]*>/i],
];

function expectTeamsMarkdown(text: string, where: string, reply: Reply): void {
  for (const [what, pattern] of OUTSIDE_TEAMS_SUBSET) expect(pattern.test(text), `${where}: ${what} in ${JSON.stringify(text)}`).to.equal(false);
  for (const m of text.matchAll(/\]\(([^)]+)\)/g)) {
    expect(reply.links.map((l) => l.url), `${where}: link ${m[1]}`).to.include(m[1]);
    expect(m[1]).to.match(/^https:\/\//);
  }
  expect(text, where).to.not.match(/\{link:/);
}

type Element = { type: string; text?: string; actions?: Action[] };
type Action = { type: string; title: string; data?: TeamsChoiceData };
type Card = { version: string; body: Element[]; actions: Action[] };

describe('Teams renderer', () => {
  it('keeps every reply of the content within Teams\' limits, in both languages', () => {
    const replies = everyReply();
    let cards = 0;
    let texts = 0;
    for (const reply of replies) {
      const where = `${reply.topicId}/${reply.lang}/${reply.choices.length} choices`;
      const activities = renderTeams(reply) as Partial<Activity>[];
      expect(activities, where).to.have.length(1);
      const [activity] = activities;
      const suggested = activity.suggestedActions?.actions ?? [];
      const attachments = activity.attachments ?? [];

      // Teams shows at most three suggested actions, and none on a message with attachments.
      expect(suggested.length, where).to.be.at.most(MAX_SUGGESTED_ACTIONS);
      if (attachments.length > 0) expect(suggested, where).to.have.length(0);

      if (attachments.length === 0) {
        texts += 1;
        expectTeamsMarkdown(activity.text ?? '', where, reply);
        expect(suggested.map((a) => [a.type, a.title, a.value]), where).to.deep.equal(reply.choices.map((c) => ['imBack', c.label, c.label]));
        continue;
      }

      cards += 1;
      expect(attachments, where).to.have.length(1);
      expect(attachments[0].contentType, where).to.equal('application/vnd.microsoft.card.adaptive');
      const card = attachments[0].content as Card;
      expect(Number(card.version), where).to.be.at.most(MAX_CARD_VERSION);
      expect(card.actions.length, where).to.be.at.most(MAX_CARD_ACTIONS);
      const bodyText = card.body.filter((e) => e.type === 'TextBlock').map((e) => e.text ?? '');
      for (const element of card.body) expect(['TextBlock', 'ActionSet'], where).to.include(element.type);
      for (const text of bodyText) expectTeamsMarkdown(text, where, reply);
      // Nothing of the answer is lost: each content line is in some text block.
      for (const line of reply.text.split('\n').filter((l) => l.trim() !== '' && !l.includes('{link:'))) {
        expect(bodyText.join('\n'), where).to.contain(line.trim());
      }
      if (reply.step) expect(bodyText.join('\n'), where).to.contain(reply.step.label);

      // Every choice is a button carrying its node id for the dialog and its label as the user's message.
      const buttons = [...card.actions, ...card.body.flatMap((e) => e.actions ?? [])];
      expect(buttons.map((b) => b.title), where).to.deep.equal(reply.choices.map((c) => c.label));
      for (const [i, button] of buttons.entries()) {
        expect(button.type, where).to.equal('Action.Submit');
        expect(button.data, where).to.deep.equal({ goto: reply.choices[i].goto, msteams: { type: 'imBack', value: reply.choices[i].label } });
      }
    }
    // Both shapes occur, so both branches above were exercised.
    expect(cards).to.be.greaterThan(10);
    expect(texts).to.be.greaterThan(10);
  });

  it('puts a reply with more than three choices into a card, and one with up to three into suggested actions', () => {
    const menu = builder.fromNode('menu', 'nl');
    expect(menu.choices.length).to.be.greaterThan(3);
    expect(renderTeams(menu)[0].attachments).to.have.length(1);
    const three = { ...menu, choices: menu.choices.slice(0, 3) };
    expect(renderTeams(three)[0].suggestedActions?.actions).to.have.length(3);
    expect(renderTeams(three)[0].attachments).to.equal(undefined);
  });

  it('moves buttons beyond six into further rows in the card body', () => {
    const menu = builder.fromNode('menu', 'en');
    const many = { ...menu, choices: Array.from({ length: 8 }, (_, i) => ({ label: `Choice ${i}`, goto: 'menu' })) };
    const card = renderTeams(many)[0].attachments![0].content as Card;
    expect(card.actions).to.have.length(6);
    expect(card.body.filter((e) => e.type === 'ActionSet').flatMap((e) => e.actions ?? [])).to.have.length(2);
  });

  it('reduces markdown outside the Teams subset to plain text', () => {
    expect(toTeamsMarkdown('## Title')).to.equal('Title');
    expect(toTeamsMarkdown('> quoted `code` ~~old~~ <b>bold</b> ![img](https://x.example/i.png)')).to.equal('quoted code old bold [img](https://x.example/i.png)');
    expect(toTeamsMarkdown('| a | b |')).to.equal('a · b');
    expect(toTeamsMarkdown('- **bold** and _italic_ [link](https://example.org)')).to.equal('- **bold** and _italic_ [link](https://example.org)');
  });
});
