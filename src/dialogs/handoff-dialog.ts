import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Analytics } from '../analytics/analytics';
import type { Reply, ReplyChoice } from '../channels/reply';
import { uiText } from '../content/texts';
import type { Lang } from '../content/types';
import type { WorkingDayCalendar } from '../dates/working-days';
import { caseSummary } from '../handoff/case-summary';
import { checkOwners, ownerFor, PROBLEM_AREAS, problemFromTrail, type ProblemArea } from '../handoff/problem-owner';
import { matchChoice, parseYesNo } from '../nlu/choice-answer';
import { NODES, type ReplyBuilder } from './replies';
import { SideQuestionDialog, type SideQuestionDeps } from './side-question-dialog';
import type { ConversationData, UserProfile } from './state';
import type { NodeDialogOptions } from './walkthrough-dialog';

export const HANDOFF_DIALOG = 'handoff';
const STEPS = 'handoffSteps';
const ASK_AREA = 'area';
const ASK_COMPANY = 'company';

export interface HandoffDeps extends SideQuestionDeps {
  replies: ReplyBuilder;
  profile: StatePropertyAccessor<UserProfile>;
  conversation: StatePropertyAccessor<ConversationData>;
  calendar: WorkingDayCalendar;
  analytics?: Analytics;
  now: () => Date;
}

/** Answers to "Do colleagues already work in TRACES NT?": yes, no, don't know (the last two lead to the authority). */
type CompanyValid = 'yes' | 'no' | 'unknown';
type Answer = { area: ProblemArea } | { companyValid: CompanyValid };

const AREA_LABELS: Record<ProblemArea, string> = { eu_login: 'label_area_eu_login', access: 'label_area_access', company: 'label_area_company' };
const COMPANY_LABELS: Record<CompanyValid, string> = { yes: 'label_yes', no: 'label_no', unknown: 'label_dont_know' };

/** What the steps keep between turns (waterfall values). */
interface HandoffValues {
  lang: Lang;
  topic?: string;
  area?: ProblemArea;
}

const valuesOf = (step: WaterfallStepContext): HandoffValues => step.values as HandoffValues;

/**
 * Shown for contact_human ("I want a person"): finds the owner of the problem from the topics the user saw (asking
 * what it is about when they saw none, and whether colleagues already work in TRACES when it is about pending
 * access), says who that is and how to reach them, and offers a case summary to paste into their contact form.
 */
export class HandoffDialog extends SideQuestionDialog<Answer> {
  constructor(private readonly deps: HandoffDeps) {
    super(HANDOFF_DIALOG, deps);
    checkOwners(deps.replies.content);
    this.addDialog(new WaterfallDialog(STEPS, [(s) => this.whatArea(s), (s) => this.whichCompany(s), (s) => this.conclude(s)]));
    this.initialDialogId = STEPS;
  }

  private async whatArea(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { lang } = step.options as NodeDialogOptions;
    valuesOf(step).lang = lang;
    const trail = (await this.deps.conversation.get(step.context, {})).trail ?? [];
    const profile = await this.deps.profile.get(step.context, {});
    const problem = problemFromTrail(this.deps.replies.content, trail, profile.accessRequested === true);
    valuesOf(step).topic = problem.topic;
    if (problem.area) return step.next({ area: problem.area });
    return this.ask(step, this.question(ASK_AREA, lang, 'handoff_ask_area'), ASK_AREA);
  }

  private async whichCompany(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // The area comes from step 1 directly (known from the trail) or from the answer to its question (the prompt's result is text).
    const known = typeof step.result === 'object' && step.result !== null ? (step.result as Answer) : undefined;
    const answer = known ?? this.answerOf(step);
    if (!answer || !('area' in answer)) return this.handBack(step);
    valuesOf(step).area = answer.area;
    if (answer.area !== 'access') return step.next();
    return this.ask(step, this.question(ASK_COMPANY, valuesOf(step).lang, 'handoff_ask_company_valid'), ASK_COMPANY);
  }

  private async conclude(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { area, lang, topic } = valuesOf(step);
    if (!area) return this.handBack(step);
    let companyValid: boolean | undefined;
    if (area === 'access') {
      const answer = this.answerOf(step);
      if (!answer || !('companyValid' in answer)) return this.handBack(step);
      companyValid = answer.companyValid === 'yes';
    }
    const owner = ownerFor(area, companyValid);
    await this.deps.effects.send(step.context, this.ownerReply(owner, lang));
    await this.deps.effects.send(step.context, await this.summaryReply(step.context, owner, topic, lang));
    await this.deps.analytics?.handoff(step.context, lang, owner, topic);
    return step.endDialog();
  }

  private choices(question: string, lang: Lang): ReplyChoice[] {
    const { content } = this.deps.replies;
    if (question === ASK_AREA) return PROBLEM_AREAS.map((area) => ({ label: uiText(content, AREA_LABELS[area], lang), goto: `handoff_${area}` }));
    return (Object.keys(COMPANY_LABELS) as CompanyValid[]).map((v) => ({ label: uiText(content, COMPANY_LABELS[v], lang), goto: `handoff_company_${v}` }));
  }

  private question(question: string, lang: Lang, key: string): Reply {
    return this.deps.replies.fromUi(NODES.contactHuman, 'handoff', key, lang, this.choices(question, lang));
  }

  protected read(context: TurnContext, text: string, lang: Lang, question: string): Answer | undefined {
    const choices = this.choices(question, lang);
    const clicked = (context.activity.value as { goto?: unknown } | undefined)?.goto;
    let index = choices.findIndex((c) => c.goto === clicked);
    if (index < 0) index = matchChoice(text, choices.map((c) => c.label), lang) ?? -1;
    if (index < 0 && question === ASK_COMPANY) {
      const yesNo = parseYesNo(text, lang);
      if (yesNo) index = yesNo === 'yes' ? 0 : 1;
    }
    if (index < 0) return undefined;
    return question === ASK_AREA ? { area: PROBLEM_AREAS[index] } : { companyValid: (Object.keys(COMPANY_LABELS) as CompanyValid[])[index] };
  }

  protected retry(_context: TurnContext, lang: Lang, question: string): Reply {
    return this.question(question, lang, question === ASK_AREA ? 'handoff_ask_area' : 'handoff_ask_company_valid');
  }

  private ownerReply(ownerId: string, lang: Lang): Reply {
    const { content } = this.deps.replies;
    const owner = content.owners.get(ownerId)!;
    const text = uiText(content, 'handoff_owner', lang, { name: owner.name[lang], when: owner.when[lang], how: owner.how[lang] });
    return { topicId: NODES.contactHuman, kind: 'handoff', lang, text, links: this.deps.replies.links(text, lang), choices: [] };
  }

  private async summaryReply(context: TurnContext, owner: string, problemTopic: string | undefined, lang: Lang): Promise<Reply> {
    const { content } = this.deps.replies;
    const conversation = await this.deps.conversation.get(context, {});
    const profile = await this.deps.profile.get(context, {});
    const summary = caseSummary(
      content,
      this.deps.calendar,
      { owner, trail: conversation.trail ?? [], stepsDone: profile.stepsDone ?? [], problemTopic, accessRequestedOn: profile.accessRequestedOn },
      this.deps.now(),
    );
    const intro = uiText(content, `handoff_summary_intro_${summary.lang}`, lang);
    return {
      topicId: 'handoff_summary',
      kind: 'handoff',
      lang,
      text: `${intro}\n\n${summary.text}`,
      links: [],
      choices: [this.deps.replies.choiceTo(NODES.menu, lang, 'label_menu')],
    };
  }
}
