import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogReason, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Reply } from '../channels/reply';
import { uiText } from '../content/texts';
import type { CommandId, Lang } from '../content/types';
import type { Logger } from '../logger';
import type { Recognizer } from '../nlu/types';
import { exactCommandIndex, interpret, MAX_RECOGNIZED_CHARS, type TurnAction } from './interpret';
import { NODES, type ReplyBuilder } from './replies';
import { LAST_SENT_REPLY, type ConversationData, type UserProfile, type WalkState } from './state';

export const WALKTHROUGH_DIALOG = 'walkthrough';

/** Effects a turn may need beyond replying; the bot implements them (state deletion, sending). */
export interface TurnEffects {
  send(context: TurnContext, reply: Reply): Promise<void>;
  forgetUser(context: TurnContext): Promise<void>;
}

/** One turn as analytics sees it: ids and outcomes, never the user's text. */
export interface TurnEvent {
  channel: string;
  lang: Lang;
  action: TurnAction['type'];
  /** The node or system reply shown. */
  topicId: string;
  kind: Reply['kind'];
  /** The walkthrough node shown, when the reply is one. */
  step?: string;
}

/** Extension points for features around the walkthrough (privacy, dates, handoff, analytics). */
export interface WalkthroughHooks {
  /** Runs before understanding; a reply returned is sent instead (e.g. a warning not to share a password). */
  beforeInterpret?(context: TurnContext, text: string, lang: Lang): Promise<Reply | undefined>;
  /** May add to a node's reply using what the user wrote (e.g. a date worked out). */
  enrich?(context: TurnContext, reply: Reply, text: string): Promise<void>;
  /** Node id → dialog id: showing that node begins the dialog instead (it ends back in the walkthrough). */
  dialogForNode?: Record<string, string>;
  /** Called after every reply the walkthrough sends. */
  onTurn?(context: TurnContext, event: TurnEvent): Promise<void>;
}

export interface WalkthroughDeps {
  hooks?: WalkthroughHooks;
  replies: ReplyBuilder;
  recognizer: Recognizer;
  profile: StatePropertyAccessor<UserProfile>;
  conversation: StatePropertyAccessor<ConversationData>;
  effects: TurnEffects;
  logger: Logger;
}

/** What the walkthrough passes when it begins the dialog registered for a node (hooks.dialogForNode). */
export interface NodeDialogOptions {
  nodeId: string;
  lang: Lang;
}

/** Options to begin the dialog with: show a node instead of reading the current message. */
export interface WalkthroughOptions {
  show?: string;
}

/** The client's locale as a language prior: English locales get English, everything else Dutch. */
export function localeLang(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

const USER_TEXT = Symbol('userText');

/**
 * The one generic dialog that walks the content graph: each turn it interprets the message, shows a node
 * (answer, walkthrough step, clarification or decline), remembers the offered choices, and waits.
 */
export class WalkthroughDialog extends Dialog<WalkthroughOptions> {
  private readonly exactCommands;

  constructor(private readonly deps: WalkthroughDeps) {
    super(WALKTHROUGH_DIALOG);
    this.exactCommands = exactCommandIndex(deps.replies.content.commands);
  }

  override async beginDialog(dc: DialogContext, options?: WalkthroughOptions): Promise<DialogTurnResult> {
    const state: WalkState = { offered: [], misses: 0 };
    dc.activeDialog!.state = state;
    if (options?.show) {
      const profile = await this.deps.profile.get(dc.context, {});
      return this.showNode(dc, state, profile, options.show, profile.lang ?? localeLang(dc.context.activity.locale));
    }
    return this.continueDialog(dc);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as WalkState;
    const context = dc.context;
    const profile = await this.deps.profile.get(context, {});
    const prior = profile.lang ?? localeLang(context.activity.locale);
    const picked = pickedFromValue(context.activity.value);
    const text = context.activity.text ?? '';
    context.turnState.set(USER_TEXT, text);
    if (picked) return this.act(dc, state, profile, { type: 'goto', nodeId: picked, via: 'choice' }, prior);

    const lang = text.trim() === '' ? prior : this.deps.recognizer.detectLanguage(text.slice(0, MAX_RECOGNIZED_CHARS), prior).lang;
    const intercepted = await this.deps.hooks?.beforeInterpret?.(context, text, lang);
    if (intercepted) {
      await this.send(dc, state, profile, intercepted, 'empty');
      return Dialog.EndOfTurn;
    }
    const interpretation = interpret(text, state.offered, lang, this.deps.recognizer, (id) => this.isTopic(id), this.exactCommands);
    return this.act(dc, state, profile, interpretation.action, interpretation.lang);
  }

  /** A dialog begun for a node has ended; it may name a node to show next. */
  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: unknown): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as WalkState;
    const show = (result as WalkthroughOptions | undefined)?.show;
    if (show && this.deps.replies.content.nodes.has(show)) {
      const profile = await this.deps.profile.get(dc.context, {});
      return this.showNode(dc, state, profile, show, profile.lang ?? localeLang(dc.context.activity.locale));
    }
    // A number typed next answers what the ended dialog offered last, not what the walkthrough offered before it.
    const last = dc.context.turnState.get(LAST_SENT_REPLY) as Reply | undefined;
    if (last) state.offered = this.offeredOf(last);
    return Dialog.EndOfTurn;
  }

  /** Intents the recogniser may send a user to directly (nodes with training phrases). */
  private isTopic(id: string): boolean {
    const node = this.deps.replies.content.nodes.get(id);
    return node !== undefined && (node.examples.nl.length > 0 || node.examples.en.length > 0);
  }

  private async act(dc: DialogContext, state: WalkState, profile: UserProfile, action: TurnAction, lang: Lang): Promise<DialogTurnResult> {
    const { replies } = this.deps;
    switch (action.type) {
      case 'goto':
        state.misses = 0;
        return this.showNode(dc, state, profile, replies.content.nodes.has(action.nodeId) ? action.nodeId : NODES.menu, lang, undefined, action.type, action.alternatives);
      case 'command':
        return this.runCommand(dc, state, profile, action.command, lang);
      case 'clarify':
        state.misses += 1;
        return this.send(dc, state, profile, replies.clarify(action.candidates, lang), action.type);
      case 'empty':
        return this.send(dc, state, profile, replies.fromUi('empty', 'system', 'empty_message', lang, state.offered), action.type);
      case 'out_of_scope':
        state.misses += 1;
        return this.send(dc, state, profile, state.misses >= 2 ? replies.missHandoff(lang) : replies.outOfScope(lang), action.type);
    }
  }

  private async runCommand(dc: DialogContext, state: WalkState, profile: UserProfile, command: CommandId, lang: Lang): Promise<DialogTurnResult> {
    const { replies } = this.deps;
    switch (command) {
      case 'menu':
        return this.showNode(dc, state, profile, NODES.menu, lang, undefined, 'command');
      case 'help':
        return this.showNode(dc, state, profile, NODES.help, lang, undefined, 'command');
      case 'restart':
        profile.lastStep = undefined;
        profile.stepsDone = [];
        profile.accessRequested = false;
        return this.showNode(dc, state, profile, NODES.walkthroughStart, lang, replies.content.ui.get('restarted')?.[lang], 'command');
      case 'resume':
        if (profile.lastStep) return this.showNode(dc, state, profile, profile.lastStep, lang, undefined, 'command');
        return this.send(dc, state, profile, replies.fromUi('resume_nothing', 'system', 'resume_nothing', lang, [replies.choiceTo(NODES.walkthroughStart, lang, 'label_start'), replies.choiceTo(NODES.menu, lang, 'label_menu')]), 'command');
      case 'stop':
        return this.send(dc, state, profile, replies.fromUi('stop', 'system', 'stopped', lang), 'command');
      case 'lang_en':
      case 'lang_nl': {
        const to: Lang = command === 'lang_en' ? 'en' : 'nl';
        return this.send(dc, state, profile, replies.fromUi('language', 'system', 'lang_switched', to, replies.choicesOf(replies.node(NODES.menu), to)), 'command');
      }
      case 'forget_me':
        // Confirm first: forgetting also closes channel windows (WhatsApp) the confirmation needs.
        await this.deps.effects.send(dc.context, replies.fromUi('forget_me', 'system', 'forgot', lang));
        await this.deps.effects.forgetUser(dc.context);
        state.offered = [];
        return Dialog.EndOfTurn;
    }
  }

  /** Shows a node (or begins the dialog that handles it), adding "back to the steps" on side answers during a walkthrough. */
  private async showNode(
    dc: DialogContext,
    state: WalkState,
    profile: UserProfile,
    id: string,
    lang: Lang,
    intro?: string,
    action: TurnAction['type'] = 'goto',
    alternatives: string[] = [],
  ): Promise<DialogTurnResult> {
    const { replies } = this.deps;
    const node = replies.node(id);
    if (node.step) {
      profile.lastStep = id;
      profile.stepsDone = [...new Set([...(profile.stepsDone ?? []), id])];
      if (id === replies.endNodeId) profile.accessRequested = true;
    }
    state.lastNode = id;
    const dialogId = this.deps.hooks?.dialogForNode?.[id];
    if (dialogId) {
      profile.lang = lang;
      const options: NodeDialogOptions = { nodeId: id, lang };
      return dc.beginDialog(dialogId, options);
    }
    const extras = alternatives.map((alt) => replies.choiceTo(alt, lang));
    if (!node.step && profile.lastStep && !profile.accessRequested) extras.push(replies.choiceTo(profile.lastStep, lang, 'label_resume'));
    const reply = replies.fromNode(id, lang, extras);
    if (intro) reply.intro = intro;
    if (alternatives.length > 0) reply.footer = uiText(replies.content, 'maybe_other', lang);
    return this.send(dc, state, profile, reply, action);
  }

  /** The choices of a reply as the next message may answer them, with the yes/no marks of its node. */
  private offeredOf(reply: Reply): WalkState['offered'] {
    const node = this.deps.replies.content.nodes.get(reply.topicId);
    return reply.choices.map((c) => ({ label: c.label, goto: c.goto, answer: node?.choices.find((nc) => nc.goto === c.goto)?.answer }));
  }

  /** Sends a reply, remembering its choices (with yes/no markers) and the language, and welcoming once. */
  private async send(dc: DialogContext, state: WalkState, profile: UserProfile, reply: Reply, action: TurnAction['type']): Promise<DialogTurnResult> {
    const context = dc.context;
    const { replies, hooks } = this.deps;
    const conversation = await this.deps.conversation.get(context, {});
    if (!conversation.welcomed) {
      conversation.welcomed = true;
      if (reply.topicId !== NODES.greeting && !reply.intro) reply.intro = replies.content.ui.get('welcome_intro')?.[reply.lang];
    }
    await hooks?.enrich?.(context, reply, (context.turnState.get(USER_TEXT) as string | undefined) ?? '');
    const node = replies.content.nodes.get(reply.topicId);
    state.offered = this.offeredOf(reply);
    profile.lang = reply.lang;
    await this.deps.effects.send(context, reply);
    const event: TurnEvent = { channel: context.activity.channelId, lang: reply.lang, action, topicId: reply.topicId, kind: reply.kind, step: node?.step ? node.id : undefined };
    this.deps.logger.info('turn', { ...event });
    await hooks?.onTurn?.(context, event);
    return Dialog.EndOfTurn;
  }
}

/** A card button click carries the target node in its value. */
function pickedFromValue(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const goto = (value as Record<string, unknown>).goto;
  return typeof goto === 'string' && goto.length <= 64 ? goto : undefined;
}
