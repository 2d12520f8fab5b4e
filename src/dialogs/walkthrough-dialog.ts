import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Reply } from '../channels/reply';
import type { CommandId, Lang } from '../content/types';
import type { Logger } from '../logger';
import type { Recognizer } from '../nlu/types';
import { interpret, type TurnAction } from './interpret';
import { NODES, type ReplyBuilder } from './replies';
import type { ConversationData, UserProfile, WalkState } from './state';

export const WALKTHROUGH_DIALOG = 'walkthrough';

/** Effects a turn may need beyond replying; the bot implements them (state deletion, sending). */
export interface TurnEffects {
  send(context: TurnContext, reply: Reply): Promise<void>;
  forgetUser(context: TurnContext): Promise<void>;
}

export interface WalkthroughDeps {
  replies: ReplyBuilder;
  recognizer: Recognizer;
  profile: StatePropertyAccessor<UserProfile>;
  conversation: StatePropertyAccessor<ConversationData>;
  effects: TurnEffects;
  logger: Logger;
}

/** Options to begin the dialog with: show a node instead of reading the current message. */
export interface WalkthroughOptions {
  show?: string;
}

/** The client's locale as a language prior: English locales get English, everything else Dutch. */
export function localeLang(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/**
 * The one generic dialog that walks the content graph: each turn it interprets the message, shows a node
 * (answer, walkthrough step, clarification or decline), remembers the offered choices, and waits.
 */
export class WalkthroughDialog extends Dialog<WalkthroughOptions> {
  constructor(private readonly deps: WalkthroughDeps) {
    super(WALKTHROUGH_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: WalkthroughOptions): Promise<DialogTurnResult> {
    const state: WalkState = { offered: [], misses: 0 };
    dc.activeDialog!.state = state;
    if (options?.show) {
      const profile = await this.deps.profile.get(dc.context, {});
      await this.showNode(dc.context, state, profile, options.show, profile.lang ?? localeLang(dc.context.activity.locale));
      return Dialog.EndOfTurn;
    }
    return this.continueDialog(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as WalkState;
    const context = dc.context;
    const profile = await this.deps.profile.get(context, {});
    const prior = profile.lang ?? localeLang(context.activity.locale);
    const picked = pickedFromValue(context.activity.value);
    const { lang, action } = picked
      ? { lang: prior, action: { type: 'goto', nodeId: picked, via: 'choice' } as TurnAction }
      : interpret(context.activity.text ?? '', state.offered, prior, this.deps.recognizer, (id) => this.isTopic(id));
    this.deps.logger.info('turn', { channel: context.activity.channelId, action: action.type, lang, topic: 'nodeId' in action ? action.nodeId : undefined });
    await this.act(context, state, profile, action, lang);
    return Dialog.EndOfTurn;
  }

  /** Intents the recogniser may send a user to directly (nodes with training phrases). */
  private isTopic(id: string): boolean {
    const node = this.deps.replies.content.nodes.get(id);
    return node !== undefined && (node.examples.nl.length > 0 || node.examples.en.length > 0);
  }

  private async act(context: TurnContext, state: WalkState, profile: UserProfile, action: TurnAction, lang: Lang): Promise<void> {
    const { replies } = this.deps;
    switch (action.type) {
      case 'goto':
        state.misses = 0;
        if (!replies.content.nodes.has(action.nodeId)) return this.showNode(context, state, profile, NODES.menu, lang);
        return this.showNode(context, state, profile, action.nodeId, lang);
      case 'command':
        return this.runCommand(context, state, profile, action.command, lang);
      case 'clarify':
        state.misses += 1;
        return this.send(context, state, profile, replies.clarify(action.candidates, lang));
      case 'empty':
        return this.send(context, state, profile, replies.fromUi('empty', 'system', 'empty_message', lang, state.offered));
      case 'out_of_scope':
        state.misses += 1;
        return this.send(context, state, profile, state.misses >= 2 ? replies.missHandoff(lang) : replies.outOfScope(lang));
    }
  }

  private async runCommand(context: TurnContext, state: WalkState, profile: UserProfile, command: CommandId, lang: Lang): Promise<void> {
    const { replies } = this.deps;
    switch (command) {
      case 'menu':
        return this.showNode(context, state, profile, NODES.menu, lang);
      case 'help':
        return this.showNode(context, state, profile, NODES.help, lang);
      case 'restart':
        profile.lastStep = undefined;
        profile.stepsDone = [];
        profile.accessRequested = false;
        return this.showNode(context, state, profile, NODES.walkthroughStart, lang, replies.content.ui.get('restarted')?.[lang]);
      case 'resume':
        if (profile.lastStep) return this.showNode(context, state, profile, profile.lastStep, lang);
        return this.send(context, state, profile, replies.fromUi('resume_nothing', 'system', 'resume_nothing', lang, [replies.choiceTo(NODES.walkthroughStart, lang, 'label_start'), replies.choiceTo(NODES.menu, lang, 'label_menu')]));
      case 'stop':
        return this.send(context, state, profile, replies.fromUi('stop', 'system', 'stopped', lang));
      case 'lang_en':
      case 'lang_nl': {
        const to: Lang = command === 'lang_en' ? 'en' : 'nl';
        const reply = replies.fromUi('language', 'system', 'lang_switched', to, replies.choicesOf(replies.node(NODES.menu), to));
        return this.send(context, state, profile, reply);
      }
      case 'forget_me':
        await this.deps.effects.forgetUser(context);
        state.offered = [];
        return this.deps.effects.send(context, replies.fromUi('forget_me', 'system', 'forgot', lang));
    }
  }

  /** Shows a node, adding "back to the steps" on side answers while a walkthrough is under way. */
  private async showNode(context: TurnContext, state: WalkState, profile: UserProfile, id: string, lang: Lang, intro?: string): Promise<void> {
    const { replies } = this.deps;
    const node = replies.node(id);
    const extras = [];
    if (!node.step && profile.lastStep && !profile.accessRequested && node.kind !== 'step') {
      extras.push(replies.choiceTo(profile.lastStep, lang, 'label_resume'));
    }
    const reply = replies.fromNode(id, lang, extras);
    if (intro) reply.intro = intro;
    if (node.step) {
      profile.lastStep = id;
      profile.stepsDone = [...new Set([...(profile.stepsDone ?? []), id])];
      if (id === replies.endNodeId) profile.accessRequested = true;
    }
    state.lastNode = id;
    await this.send(context, state, profile, reply);
  }

  /** Sends a reply, remembering its choices (with yes/no markers) and the language, and welcoming once. */
  private async send(context: TurnContext, state: WalkState, profile: UserProfile, reply: Reply): Promise<void> {
    const conversation = await this.deps.conversation.get(context, {});
    if (!conversation.welcomed) {
      conversation.welcomed = true;
      if (reply.topicId !== NODES.greeting && !reply.intro) reply.intro = this.deps.replies.content.ui.get('welcome_intro')?.[reply.lang];
    }
    const node = this.deps.replies.content.nodes.get(reply.topicId);
    state.offered = reply.choices.map((c) => ({
      label: c.label,
      goto: c.goto,
      answer: node?.choices.find((nc) => nc.goto === c.goto)?.answer,
    }));
    profile.lang = reply.lang;
    await this.deps.effects.send(context, reply);
  }
}

/** A card button click carries the target node in its value. */
function pickedFromValue(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const goto = (value as Record<string, unknown>).goto;
  return typeof goto === 'string' && goto.length <= 64 ? goto : undefined;
}
