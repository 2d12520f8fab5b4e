import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Reply } from '../channels/reply';
import { uiText } from '../content/texts';
import type { Lang } from '../content/types';
import { parseMoment } from '../dates/parse-moment';
import { QUESTION_OF_NODE, workOut, type WorkedOut, type WorkOutDeps } from '../dates/work-out';
import { leaveWorkedOutLine } from '../dates/worked-out-line';
import type { ReplyBuilder } from './replies';
import { SideQuestionDialog, type SideQuestionDeps } from './side-question-dialog';
import type { UserProfile } from './state';
import type { NodeDialogOptions } from './walkthrough-dialog';

export const WORK_OUT_DATE_DIALOG = 'workOutDate';
const STEPS = 'workOutDateSteps';
/** A day was given where a time is needed: the retry says so instead of "not understood". */
const INCOMPLETE = Symbol('incompleteDate');

export interface WorkOutDateDeps extends SideQuestionDeps, WorkOutDeps {
  replies: ReplyBuilder;
  profile: StatePropertyAccessor<UserProfile>;
  now: () => Date;
}

/**
 * Asks when something happened ("What time did you get the e-mail?", "On which day did you request access?"), works
 * out the answer (link still valid, expected activation day) and ends by showing the node that fits, with the
 * worked-out sentence in front of it.
 */
export class WorkOutDateDialog extends SideQuestionDialog<WorkedOut> {
  constructor(private readonly deps: WorkOutDateDeps) {
    super(WORK_OUT_DATE_DIALOG, deps);
    this.addDialog(new WaterfallDialog(STEPS, [(step) => this.askWhen(step), (step) => this.conclude(step)]));
    this.initialDialogId = STEPS;
  }

  private askWhen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { nodeId, lang } = step.options as NodeDialogOptions;
    return this.ask(step, this.deps.replies.fromNode(nodeId, lang, [], 'system'), nodeId);
  }

  private async conclude(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const worked = this.answerOf(step);
    if (!worked?.next) return this.handBack(step);
    const profile = await this.deps.profile.get(step.context, {});
    if (worked.requestedOn) profile.accessRequestedOn = worked.requestedOn;
    // The node shown next speaks the profile's language; the worked-out line is in the answer's.
    profile.lang = this.answerLang(step) ?? profile.lang;
    leaveWorkedOutLine(step.context, worked.line);
    return step.endDialog({ show: worked.next });
  }

  protected read(context: TurnContext, text: string, lang: Lang, question: string): WorkedOut | undefined {
    const kind = QUESTION_OF_NODE[question];
    const now = this.deps.now();
    const moment = kind ? parseMoment(text, lang, now) : undefined;
    const worked = moment && kind ? workOut(this.deps, kind, moment, now, lang) : undefined;
    if (worked && !worked.next) context.turnState.set(INCOMPLETE, worked.line);
    // A day where a time is needed is not an answer yet; the retry asks for the time.
    return worked?.next ? worked : undefined;
  }

  protected retry(context: TurnContext, lang: Lang, question: string): Reply {
    const { replies, content } = this.deps;
    const reply = replies.fromUi(question, 'system', 'date_not_understood', lang);
    const incomplete = context.turnState.get(INCOMPLETE) as string | undefined;
    const example = uiText(content, QUESTION_OF_NODE[question] === 'link' ? 'date_example_time' : 'date_example_day', lang);
    reply.text = incomplete ?? uiText(content, 'date_not_understood', lang, { example });
    return reply;
  }
}
