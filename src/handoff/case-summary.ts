import { uiText } from '../content/texts';
import type { Content, ContentNode, Lang } from '../content/types';
import { activationOutlook } from '../dates/activation';
import { formatDay } from '../dates/format-moment';
import type { WorkingDayCalendar } from '../dates/working-days';

/** The link the summary names as the application (links.yaml). */
export const APPLICATION_LINK = 'traces_login';

export interface CaseFacts {
  owner: string;
  /** Topic and step ids shown in the conversation, oldest first. */
  trail: readonly string[];
  /** Walkthrough nodes passed (profile.stepsDone). */
  stepsDone: readonly string[];
  /** The node the problem was found in. */
  problemTopic?: string;
  /** Day access was requested, if the user told us. */
  accessRequestedOn?: string;
}

function byWalkOrder(a: ContentNode, b: ContentNode): number {
  return a.step!.phase - b.step!.phase || a.step!.order - b.step!.order;
}

/**
 * A case summary the user can paste into the owner's contact form, in the owner's language (English for EU Login
 * support, Dutch for Skal and the Dutch authorities). It is built only from node ids, titles and dates, never from
 * what the user typed, so it carries no personal data; a bracketed line asks the user to add what the owner needs.
 */
export function caseSummary(content: Content, calendar: WorkingDayCalendar, facts: CaseFacts, now: Date): { lang: Lang; text: string } {
  const owner = content.owners.get(facts.owner);
  if (!owner) throw new Error(`No owner "${facts.owner}" in owners.yaml`);
  const lang = owner.summaryLang;
  const title = (id: string): string | undefined => content.nodes.get(id)?.title[lang];
  const none = uiText(content, 'summary_none', lang);

  const steps = facts.stepsDone
    .map((id) => content.nodes.get(id))
    .filter((n): n is ContentNode => n?.step !== undefined)
    .sort(byWalkOrder)
    .map((n) => `${n.step!.phase}.${n.step!.order} ${n.title[lang]}`);
  const tried = facts.trail
    .filter((id) => content.nodes.get(id)?.kind === 'topic')
    .map(title)
    .filter((t): t is string => t !== undefined);
  const problem = (facts.problemTopic && title(facts.problemTopic)) ?? uiText(content, 'summary_problem_unknown', lang);
  const url = content.links.get(APPLICATION_LINK)?.url ?? '';

  const lines = [
    uiText(content, 'summary_subject', lang, { problem }),
    '',
    uiText(content, 'summary_goal', lang),
    uiText(content, 'summary_application', lang, { url }),
    uiText(content, 'summary_steps', lang, { steps: steps.length > 0 ? steps.join('; ') : none }),
    uiText(content, 'summary_tried', lang, { topics: tried.length > 0 ? tried.join('; ') : none }),
    uiText(content, 'summary_problem', lang, { problem }),
  ];
  if (facts.accessRequestedOn) {
    const outlook = activationOutlook(facts.accessRequestedOn, now, calendar);
    lines.push(uiText(content, 'summary_requested', lang, { requested: formatDay(outlook.requestedOn, lang), expected: formatDay(outlook.expectedBy, lang) }));
  }
  lines.push('', uiText(content, `summary_add_${owner.id}`, lang));
  return { lang, text: lines.join('\n') };
}
