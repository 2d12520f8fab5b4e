import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  TextPrompt,
  type DialogContext,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { Reply } from '../channels/reply';
import type { Lang } from '../content/types';
import type { Recognizer } from '../nlu/types';
import { MAX_RECOGNIZED_CHARS } from './interpret';
import type { TurnEffects, WalkthroughHooks } from './walkthrough-dialog';

export interface SideQuestionDeps {
  effects: Pick<TurnEffects, 'send'>;
  recognizer: Recognizer;
  /** Checks run on every answer before reading it (e.g. the warning not to share a password). */
  beforeInterpret?: WalkthroughHooks['beforeInterpret'];
}

/** What the prompt carries between turns: the question's language and which question it is. */
interface AskOptions {
  lang: Lang;
  question: string;
}

const ANSWER = Symbol('sideQuestionAnswer');
const ANSWER_LANG = Symbol('sideQuestionLang');
/** An answer switches language only on clear evidence: "28 november" or "ja" must not turn a Dutch talk English. */
const SWITCH_CONFIDENCE = 0.6;
const HAND_BACK = Symbol('handBack');
const PROMPT = 'sideQuestionAnswer';

/**
 * A short question the walkthrough hands over to (a date, a choice). Each answer is read with `read`; a message that is
 * not an answer (a command, a clear question about a topic, a click on an older button, or a second miss) is handed
 * back: this dialog ends and the walkthrough reads the same message, so "menu" or "vergeet mij" always work.
 */
export abstract class SideQuestionDialog<A> extends ComponentDialog {
  constructor(
    id: string,
    protected readonly side: SideQuestionDeps,
  ) {
    super(id);
    this.addDialog(new TextPrompt(PROMPT, (prompt) => this.validate(prompt)));
  }

  /** The answer to `question` in the message, or undefined. */
  protected abstract read(context: TurnContext, text: string, lang: Lang, question: string): A | undefined;
  /** Said once when a message could not be read. */
  protected abstract retry(context: TurnContext, lang: Lang, question: string): Reply;

  /** Sends the question and waits for the answer (the prompt itself sends nothing: replies are channel-neutral). */
  protected async ask(step: WaterfallStepContext, reply: Reply, question: string): Promise<DialogTurnResult> {
    await this.side.effects.send(step.context, reply);
    const options: AskOptions = { lang: reply.lang, question };
    return step.prompt(PROMPT, { validations: options });
  }

  /** The answer read this turn; undefined means the message was handed back (end the step with `handBack`). */
  protected answerOf(step: WaterfallStepContext): A | undefined {
    const answer = step.context.turnState.get(ANSWER) as A | typeof HAND_BACK | undefined;
    return answer === HAND_BACK ? undefined : answer;
  }

  /** The language of this turn's answer (the question's, unless the answer is clearly in the other). */
  protected answerLang(step: WaterfallStepContext): Lang | undefined {
    return step.context.turnState.get(ANSWER_LANG) as Lang | undefined;
  }

  protected handBack(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(HAND_BACK);
  }

  /** Ending with HAND_BACK: leave, then let the dialog below read the same message. */
  protected override async endComponent(outerDc: DialogContext, result: unknown): Promise<DialogTurnResult> {
    if (result !== HAND_BACK) return super.endComponent(outerDc, result);
    await outerDc.endDialog();
    return outerDc.continueDialog();
  }

  private async validate(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const context = prompt.context;
    const { lang: asked, question } = prompt.options.validations as AskOptions;
    const accept = (answer: A | typeof HAND_BACK): boolean => {
      context.turnState.set(ANSWER, answer);
      return true;
    };
    const value = context.activity.value as { goto?: unknown } | undefined;
    const text = (context.activity.text ?? '').slice(0, MAX_RECOGNIZED_CHARS);
    const guess = text.trim() === '' ? undefined : this.side.recognizer.detectLanguage(text, asked);
    const lang = guess && guess.confidence >= SWITCH_CONFIDENCE ? guess.lang : asked;
    context.turnState.set(ANSWER_LANG, lang);
    if (typeof value?.goto === 'string') {
      const clicked = this.read(context, text, lang, question);
      return accept(clicked ?? HAND_BACK);
    }
    const warning = await this.side.beforeInterpret?.(context, text, lang);
    if (warning) {
      await this.side.effects.send(context, warning);
      return false;
    }
    const answer = this.read(context, text, lang, question);
    if (answer !== undefined) return accept(answer);
    if (text.trim() !== '' && this.side.recognizer.understand(text, lang).kind === 'sure') return accept(HAND_BACK);
    if (prompt.attemptCount >= 2) return accept(HAND_BACK);
    await this.side.effects.send(context, this.retry(context, lang, question));
    return false;
  }
}
