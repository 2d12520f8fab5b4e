import { ActionTypes, ActivityTypes, type Activity, type Attachment } from 'botbuilder';
import type { Reply, ReplyChoice } from './reply';
import { teamsBlocks, teamsText, type TeamsBlocks } from './teams-markdown';

/** Highest Adaptive Card version Teams renders on every client. */
export const TEAMS_CARD_VERSION = '1.5';
/** Teams shows only the first three suggested actions. */
export const TEAMS_MAX_SUGGESTED_ACTIONS = 3;
/** Buttons per row of a card (Teams' host config shows at most this many actions in one set). */
export const TEAMS_MAX_CARD_ACTIONS = 6;

/** What a choice button posts: the node id for the dialog, and the label shown in the chat as the user's own message. */
export interface TeamsChoiceData {
  goto: string;
  msteams: { type: 'imBack'; value: string };
}

interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: TeamsChoiceData;
}

function submit(choice: ReplyChoice): SubmitAction {
  return { type: 'Action.Submit', title: choice.label, data: { goto: choice.goto, msteams: { type: 'imBack', value: choice.label } } };
}

function textBlock(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The answer as an Adaptive Card 1.5: step, text blocks, and one button per choice. */
export function teamsCard(blocks: TeamsBlocks, choices: ReplyChoice[]): Attachment {
  const body: Record<string, unknown>[] = [];
  if (blocks.step) body.push(textBlock(blocks.step, { size: 'Small', isSubtle: true, weight: 'Bolder' }));
  if (blocks.intro) body.push(textBlock(blocks.intro));
  body.push(...blocks.body.map((text, i) => textBlock(text, i === 0 && !blocks.intro ? {} : { spacing: 'Medium' })));
  if (blocks.footer) body.push(textBlock(blocks.footer, { isSubtle: true, spacing: 'Medium' }));
  // The first row of buttons sits at the card's foot; any further rows go into the body as action sets.
  const [first = [], ...rest] = chunks(choices.map(submit), TEAMS_MAX_CARD_ACTIONS);
  for (const row of rest) body.push({ type: 'ActionSet', actions: row });
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: TEAMS_CARD_VERSION,
      msteams: { width: 'Full' },
      body,
      actions: first,
    },
  };
}

/**
 * Microsoft Teams: up to three choices as suggested actions on a markdown message; more choices go into an
 * Adaptive Card as buttons (Teams shows no suggested actions on a message with attachments). Links stay inline.
 */
export function renderTeams(reply: Reply): Partial<Activity>[] {
  const blocks = teamsBlocks(reply);
  if (reply.choices.length <= TEAMS_MAX_SUGGESTED_ACTIONS) {
    const activity: Partial<Activity> = { type: ActivityTypes.Message, text: teamsText(blocks), textFormat: 'markdown' };
    if (reply.choices.length > 0) {
      activity.suggestedActions = {
        to: [],
        actions: reply.choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.label })),
      };
    }
    return [activity];
  }
  return [
    {
      type: ActivityTypes.Message,
      // Teams shows the summary in notifications and the activity feed, where a card has no text of its own.
      summary: blocks.intro ?? blocks.body[0],
      attachments: [teamsCard(blocks, reply.choices)],
    },
  ];
}
