import type { CloudAdapter, ConversationReference, ConversationState, TurnContext, UserState } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import path from 'node:path';
import { Analytics } from '../analytics/analytics';
import { createAnalyticsHooks } from '../analytics/analytics-hooks';
import { EventStore } from '../analytics/event-store';
import { Feedback } from '../analytics/feedback';
import type { AssistantBot } from '../bots/assistant-bot';
import type { AppConfig } from '../config';
import type { Content } from '../content/types';
import { createDateEnrich } from '../dates/date-hooks';
import { DATE_NODES } from '../dates/work-out';
import { DutchWorkingDays } from '../dates/working-days';
import { PROACTIVE_CHANNELS } from '../followup/channel-policy';
import { createFollowupOffer, FOLLOWUP_NODES } from '../followup/followup-offer';
import { ReminderStore } from '../followup/reminder-store';
import { FollowupScheduler } from '../followup/scheduler';
import { createTrailHook } from '../handoff/trail';
import type { Logger } from '../logger';
import type { Recognizer } from '../nlu/types';
import { createPasswordWarning } from '../privacy/privacy-hooks';
import { UserKeys } from '../privacy/user-keys';
import type { AppStorage } from '../storage/app-storage';
import { combineHooks } from './combine-hooks';
import { FOLLOWUP_DATE_DIALOG, FollowupDateDialog } from './followup-date-dialog';
import { HANDOFF_DIALOG, HandoffDialog } from './handoff-dialog';
import type { MainDialog } from './main-dialog';
import { NODES, ReplyBuilder } from './replies';
import type { WalkthroughHooks } from './walkthrough-dialog';
import { WORK_OUT_DATE_DIALOG, WorkOutDateDialog } from './work-out-date-dialog';

/**
 * Nodes these features show from code rather than through a content choice: the answers to "Did this help?" (its
 * buttons are built in code), the proactive follow-up check, and the node the date dialog ends on. Content checks
 * that walk the choice graph start from these too.
 */
export const NODES_SHOWN_BY_FEATURES: readonly string[] = ['feedback_yes', 'feedback_no', 'followup_check', 'activation_expected'];

/**
 * Nodes reached through choices these features add to existing answers (see createDateEnrich, createFollowupOffer)
 * until the content offers them itself: link_expired → work_out_link, activation_late → work_out_request,
 * activation_time → followup_optin.
 */
export const NODES_OFFERED_BY_FEATURES: readonly string[] = ['work_out_link', 'work_out_request', 'followup_optin'];

export interface FeatureDeps {
  config: AppConfig;
  content: Content;
  storage: AppStorage;
  logger: Logger;
  recognizer: Recognizer;
  adapter: CloudAdapter;
  conversationState: ConversationState;
  userState: UserState;
  assistant: AssistantBot;
  /** Clock for dates, follow-ups and events (default: the system clock); tests pass their own. */
  now?: () => Date;
}

/** Dates worked out, handoff, follow-up, feedback, analytics and privacy, wired around the walkthrough. */
export interface AssistantFeatures {
  hooks: WalkthroughHooks;
  dialogs: Dialog[];
  analytics: Analytics;
  events: EventStore;
  reminders: ReminderStore;
  scheduler: FollowupScheduler;
  /** Pseudonymous user keys (analytics and reminders are keyed by them). */
  keys: UserKeys;
  /** Gives the follow-up the main dialog, so a reminder shows a node as a normal turn would. */
  attach(main: MainDialog): void;
  /** Starts sending due follow-ups. */
  start(): void;
  /** Stops the follow-ups and writes buffered events. */
  close(): Promise<void>;
}

/** Builds the features and registers their "forget me" part on the bot. */
export async function createAssistantFeatures(deps: FeatureDeps): Promise<AssistantFeatures> {
  const { config, content, storage, logger, recognizer, adapter, assistant } = deps;
  const now = deps.now ?? (() => new Date());
  const replies = new ReplyBuilder(content);
  const calendar = new DutchWorkingDays();
  const keys = await UserKeys.open(storage);
  const events = await EventStore.open({
    dir: config.storage === 'memory' ? undefined : path.join(config.dataDir, 'analytics'),
    onError: (error) => logger.warn('analytics.write_failed', { name: error.name }),
  });
  const analytics = new Analytics({ store: events, keys, now, logger });
  const reminders = new ReminderStore(storage);
  const profile = assistant.profile;
  const conversation = assistant.conversationData;
  const passwordWarning = createPasswordWarning(replies);
  const side = { effects: assistant, recognizer, beforeInterpret: passwordWarning };
  const feedback = new Feedback({ content, replies, conversation, effects: assistant, analytics });

  let main: MainDialog | undefined;
  const showProactively = async (context: TurnContext, nodeId: string): Promise<void> => {
    if (!main) throw new Error('Follow-ups need the main dialog: call attach() first');
    await main.run(context, assistant.dialogState, { show: nodeId });
    await deps.conversationState.saveChanges(context, false);
    await deps.userState.saveChanges(context, false);
  };
  const scheduler = new FollowupScheduler({
    store: reminders,
    now,
    send: async (reminder) => {
      // The adapter hands a failed turn to onTurnError and resolves; the scheduler must see the failure to retry.
      let failure: unknown;
      await adapter.continueConversationAsync(config.microsoftAppId, reminder.reference as ConversationReference, async (context) => {
        try {
          await showProactively(context, FOLLOWUP_NODES.check);
        } catch (error) {
          failure = error;
          throw error;
        }
      });
      if (failure) throw failure;
    },
    log: (event, fields) => logger.info(event, fields),
  });

  const hooks = combineHooks(
    { beforeInterpret: passwordWarning },
    { beforeInterpret: feedback.beforeInterpret },
    {
      enrich: createDateEnrich({ content, calendar, profile, now }),
      dialogForNode: { [DATE_NODES.askLink]: WORK_OUT_DATE_DIALOG, [DATE_NODES.askRequest]: WORK_OUT_DATE_DIALOG },
    },
    { enrich: createFollowupOffer(content), dialogForNode: { [FOLLOWUP_NODES.optIn]: FOLLOWUP_DATE_DIALOG } },
    { dialogForNode: { [NODES.contactHuman]: HANDOFF_DIALOG } },
    createAnalyticsHooks(analytics),
    { onTurn: createTrailHook(content, conversation) },
    // Last, so the thumbs come after every other choice.
    { onTurn: feedback.onTurn, enrich: feedback.enrich },
  );
  const dialogs: Dialog[] = [
    new WorkOutDateDialog({ ...side, content, calendar, replies, profile, now }),
    new HandoffDialog({ ...side, replies, profile, conversation, calendar, analytics, now }),
    new FollowupDateDialog({ replies, profile, effects: assistant, calendar, reminders, keys, now, canSend: (channel) => PROACTIVE_CHANNELS.has(channel) }),
  ];

  assistant.forgetHooks.push(async (context) => {
    await analytics.forget(context);
    await reminders.forget(keys.keyOfTurn(context));
  });

  return {
    hooks,
    dialogs,
    analytics,
    events,
    reminders,
    scheduler,
    keys,
    attach: (dialog) => {
      main = dialog;
    },
    start: () => scheduler.start(),
    close: async () => {
      await scheduler.stop();
      await events.close();
    },
  };
}
