import type { Activity } from 'botbuilder';
import { ExpectRepliesClient, type ReplyActivity } from '../../src/cli/expect-replies-client';
import { isTeamsGroupConversation, mentionsBot, shouldAnswerInTeams, stripBotMention } from '../../src/channels/teams-mention';
import { expect } from '../support/chai';
import { startTestApp, type RunningApp } from '../support/test-app';

const BOT = { id: 'bot', name: 'TRACES NT-assistent' };
const mention = (who = BOT) => ({ type: 'mention', mentioned: who, text: `<at>${who.name}</at>` });

function teamsMessage(text: string, conversationType: string, entities: unknown[] = [], value?: unknown): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'msteams',
    text,
    value,
    recipient: BOT,
    conversation: { id: 'c1', conversationType, isGroup: conversationType !== 'personal' } as Activity['conversation'],
    entities: entities as Activity['entities'],
  };
}

const topics = (replies: ReplyActivity[]) => replies.map((r) => r.channelData?.topicId);

describe('Teams conversations', () => {
  describe('when the bot answers in Teams', () => {
    it('always in personal chats and outside Teams', () => {
      expect(shouldAnswerInTeams(teamsMessage('hoi', 'personal'))).to.equal(true);
      expect(shouldAnswerInTeams({ ...teamsMessage('hoi', 'groupChat'), channelId: 'webchat' })).to.equal(true);
    });

    it('in team channels and group chats only when @mentioned or on a click on its own card', () => {
      for (const type of ['channel', 'groupChat']) {
        expect(isTeamsGroupConversation(teamsMessage('hoi', type))).to.equal(true);
        expect(shouldAnswerInTeams(teamsMessage('hoi', type))).to.equal(false);
        expect(shouldAnswerInTeams(teamsMessage('<at>Someone</at> hoi', type, [mention({ id: 'u2', name: 'Someone' })]))).to.equal(false);
        expect(shouldAnswerInTeams(teamsMessage('<at>TRACES NT-assistent</at> hoi', type, [mention()]))).to.equal(true);
        expect(shouldAnswerInTeams(teamsMessage('', type, [], { goto: 'menu' }))).to.equal(true);
      }
    });

    it('strips its own mention before understanding, keeping other people\'s names', () => {
      const activity = teamsMessage('<at>TRACES NT-assistent</at> hoe log ik in, vraagt <at>Anna</at>', 'channel', [mention(), mention({ id: 'u2', name: 'Anna' })]);
      expect(mentionsBot(activity)).to.equal(true);
      expect(stripBotMention(activity)).to.equal('hoe log ik in, vraagt <at>Anna</at>');
      expect(activity.text).to.equal('hoe log ik in, vraagt <at>Anna</at>');
    });
  });

  describe('end to end over /api/messages', () => {
    let running: RunningApp;
    before(async () => {
      running = await startTestApp();
    });
    after(async () => running.app.close());

    const client = () => new ExpectRepliesClient(running.url, { channelId: 'msteams', locale: 'nl-NL' });

    const send = (c: ExpectRepliesClient, conversationType: string, extra: Record<string, unknown>) =>
      c.send({ conversation: { id: c.conversationId, conversationType, isGroup: conversationType !== 'personal' }, recipient: BOT, ...extra });

    it('stays silent in a group chat when not mentioned, and answers the question when mentioned', async () => {
      const c = client();
      const silent = await send(c, 'groupChat', { type: 'message', text: 'hoe log ik in bij traces' });
      expect(silent.status).to.equal(200);
      expect(silent.activities.filter((a) => a.type === 'message')).to.have.length(0);

      const answered = await send(c, 'groupChat', { type: 'message', text: '<at>TRACES NT-assistent</at> hoe log ik in bij traces', entities: [mention()] });
      expect(topics(answered.activities)).to.include('login_how');
    });

    it('follows a card button click in a group chat without a mention', async () => {
      const c = client();
      const clicked = await send(c, 'channel', { type: 'message', text: 'Inloggen', value: { goto: 'login_how', msteams: { type: 'imBack', value: 'Inloggen' } } });
      expect(topics(clicked.activities)[0]).to.equal('login_how');
    });

    it('welcomes exactly once when Teams sends installationUpdate and conversationUpdate together on install', async () => {
      const c = client();
      const install = { type: 'installationUpdate', action: 'add' };
      const joined = { type: 'conversationUpdate', membersAdded: [BOT] };
      const first = await Promise.all([send(c, 'personal', install), send(c, 'personal', joined)]);
      const later = await Promise.all([send(c, 'personal', joined), send(c, 'personal', install)]);
      const greetings = [...first, ...later].flatMap((r) => r.activities).filter((a) => a.channelData?.topicId === 'greeting');
      expect(greetings).to.have.length(1);
    });

    it('renders for Teams: no more than three suggested actions, and a card when there are more choices', async () => {
      const c = client();
      const replies = (await send(c, 'personal', { type: 'message', text: 'menu' })).activities.filter((a) => a.type === 'message');
      expect(topics(replies)).to.include('menu');
      for (const reply of replies) {
        expect(reply.suggestedActions?.actions.length ?? 0).to.be.at.most(3);
        if (reply.attachments?.length) expect(reply.suggestedActions).to.equal(undefined);
      }
      expect(replies.some((r) => r.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive')).to.equal(true);
    });
  });
});
