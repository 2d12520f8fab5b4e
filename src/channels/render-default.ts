import { ActionTypes, ActivityTypes, type Activity } from 'botbuilder';
import { markdownBody } from './format-text';
import type { Reply } from './reply';

/** Emulator and unknown channels: one markdown message with the choices as suggested actions. */
export function renderDefault(reply: Reply): Partial<Activity>[] {
  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    text: markdownBody(reply),
    textFormat: 'markdown',
  };
  if (reply.choices.length > 0) {
    activity.suggestedActions = {
      to: [],
      actions: reply.choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.label })),
    };
  }
  return [activity];
}
