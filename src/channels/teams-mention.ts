import { TurnContext, type Activity } from 'botbuilder';

export const TEAMS_CHANNEL = 'msteams';

/** A Teams team channel or group chat, where several people talk and the bot is addressed by @mention. */
export function isTeamsGroupConversation(activity: Partial<Activity>): boolean {
  if (activity.channelId !== TEAMS_CHANNEL) return false;
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat' || (type !== 'personal' && activity.conversation?.isGroup === true);
}

/** The message @mentions this bot (Teams puts an <at>name</at> mention entity on it). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  if (!botId) return false;
  return TurnContext.getMentions(activity).some((m) => m.mentioned?.id === botId);
}

/** A click on one of the bot's own card buttons carries the target node and needs no @mention. */
function isCardChoice(activity: Partial<Activity>): boolean {
  const value: unknown = activity.value;
  return typeof value === 'object' && value !== null && typeof (value as { goto?: unknown }).goto === 'string';
}

/**
 * Whether the bot should answer this message: always outside Teams and in personal chats; in team channels and
 * group chats only when @mentioned (or on a click on its own card), so it does not talk over a conversation
 * between people.
 */
export function shouldAnswerInTeams(activity: Partial<Activity>): boolean {
  if (!isTeamsGroupConversation(activity)) return true;
  return mentionsBot(activity) || isCardChoice(activity);
}

/** Removes every @mention of the bot from the text (Teams writes "<at>Bot name</at> question"), so only the question is understood. */
export function stripBotMention(activity: Partial<Activity>): string {
  const botId = activity.recipient?.id;
  let text = activity.text ?? '';
  if (!botId) return text;
  for (const mention of TurnContext.getMentions(activity)) {
    if (mention.mentioned?.id === botId && mention.text) text = text.split(mention.text).join(' ');
  }
  text = text.replace(/\s+/g, ' ').trim();
  activity.text = text;
  return text;
}
