import type { Activity } from 'botbuilder';
import { renderDefault } from './render-default';
import type { Reply } from './reply';

export type Renderer = (reply: Reply) => Partial<Activity>[];

/** One renderer per channel family; channels not listed get text with suggested actions. */
const RENDERERS: Record<string, Renderer> = {};

export function registerRenderer(channelId: string, renderer: Renderer): void {
  RENDERERS[channelId] = renderer;
}

export function rendererFor(channelId: string | undefined): Renderer {
  return (channelId !== undefined && RENDERERS[channelId]) || renderDefault;
}

const LOCALES = { nl: 'nl-NL', en: 'en-US' } as const;

/** Renders a reply for a channel and stamps each activity with the topic, kind and language (analytics, tests). */
export function renderFor(channelId: string | undefined, reply: Reply): Partial<Activity>[] {
  return rendererFor(channelId)(reply).map((activity) => ({
    ...activity,
    locale: LOCALES[reply.lang],
    channelData: {
      ...(activity.channelData ?? {}),
      topicId: reply.topicId,
      replyKind: reply.kind,
      lang: reply.lang,
      choices: reply.choices.map((c) => c.goto),
    },
  }));
}
