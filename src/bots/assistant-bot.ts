import { ActivityHandler, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { renderFor } from '../channels/renderers';
import { shouldAnswerInTeams, stripBotMention, TEAMS_CHANNEL } from '../channels/teams-mention';
import type { Reply } from '../channels/reply';
import type { MainDialog } from '../dialogs/main-dialog';
import { NODES } from '../dialogs/replies';
import { CONVERSATION_DATA, LAST_SENT_REPLY, USER_PROFILE, type ConversationData, type UserProfile } from '../dialogs/state';
import type { TurnEffects } from '../dialogs/walkthrough-dialog';
import type { Logger } from '../logger';

const FORGOTTEN = Symbol('forgotten');

/** Welcomes once, runs the main dialog on every message, and saves state at the end of each turn. */
export class AssistantBot extends ActivityHandler implements TurnEffects {
  readonly dialogState;
  readonly profile;
  readonly conversationData;
  private dialog?: MainDialog;
  /** Called on "forget me" so other stores (analytics, follow-ups) delete what they hold about the user. */
  readonly forgetHooks: ((context: TurnContext) => Promise<void>)[] = [];

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly logger: Logger,
  ) {
    super();
    if (!conversationState) throw new Error('AssistantBot needs a ConversationState');
    if (!userState) throw new Error('AssistantBot needs a UserState');
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.profile = userState.createProperty<UserProfile>(USER_PROFILE);
    this.conversationData = conversationState.createProperty<ConversationData>(CONVERSATION_DATA);

    this.onMessage(async (context, next) => {
      // Teams channels and group chats: answer only when @mentioned, and understand the text without the mention.
      if (!shouldAnswerInTeams(context.activity)) return next();
      if (context.activity.channelId === TEAMS_CHANNEL) stripBotMention(context.activity);
      await this.requireDialog().run(context, this.dialogState);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
  }

  /** The dialog needs the bot's effects and the bot needs the dialog, so it is attached after construction. */
  attachDialog(dialog: MainDialog): void {
    this.dialog = dialog;
  }

  private requireDialog(): MainDialog {
    if (!this.dialog) throw new Error('AssistantBot has no dialog: call attachDialog() first');
    return this.dialog;
  }

  /** Shows the greeting once per conversation, whichever join event (members added, installation) comes first. */
  private async welcome(context: TurnContext): Promise<void> {
    const conversation = await this.conversationData.get(context, {});
    if (conversation.welcomed) return;
    await this.requireDialog().run(context, this.dialogState, { show: NODES.greeting });
  }

  async send(context: TurnContext, reply: Reply): Promise<void> {
    context.turnState.set(LAST_SENT_REPLY, reply);
    await context.sendActivities(renderFor(context.activity.channelId, reply));
  }

  async forgetUser(context: TurnContext): Promise<void> {
    await this.userState.delete(context);
    await this.conversationState.delete(context);
    for (const hook of this.forgetHooks) await hook(context);
    context.turnState.set(FORGOTTEN, true);
    this.logger.info('user_forgotten', { channel: context.activity.channelId });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    // After "forget me" nothing of this turn may be written back.
    if (context.turnState.get(FORGOTTEN)) return;
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}
