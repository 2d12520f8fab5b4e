import type { TurnContext } from 'botbuilder';
import { renderFor } from '../channels/renderers';
import { uiText } from '../content/texts';
import type { Content, Lang } from '../content/types';

/** Sends a ui.yaml sentence as a system reply, rendered for the context's channel like every other reply. */
export async function sendSystemReply(context: TurnContext, content: Content, key: string, lang: Lang): Promise<void> {
  const text = uiText(content, key, lang);
  await context.sendActivities(renderFor(context.activity.channelId, { topicId: key, kind: 'system', lang, text, links: [], choices: [] }));
}
