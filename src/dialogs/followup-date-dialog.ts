import type { StatePropertyAccessor } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { randomUUID } from 'node:crypto';
import type { Reply } from '../channels/reply';
import { uiText } from '../content/texts';
import type { Lang } from '../content/types';
import { activationOutlook } from '../dates/activation';
import { atTime, dayOf } from '../dates/amsterdam-time';
import { formatDay, formatTime } from '../dates/format-moment';
import type { WorkingDayCalendar } from '../dates/working-days';
import { reminderPossibility } from '../followup/channel-policy';
import { minimalReference } from '../followup/conversation-reference';
import type { ReminderStore } from '../followup/reminder-store';
import type { UserKeys } from '../privacy/user-keys';
import { NODES, type ReplyBuilder } from './replies';
import type { UserProfile } from './state';
import type { NodeDialogOptions, TurnEffects } from './walkthrough-dialog';

export const FOLLOWUP_DATE_DIALOG = 'followupDate';
/** The reminder goes out at this Amsterdam hour on the expected day: office hours, when people can log in. */
export const REMINDER_HOUR = 10;

export interface FollowupDateDeps {
  replies: ReplyBuilder;
  profile: StatePropertyAccessor<UserProfile>;
  effects: Pick<TurnEffects, 'send'>;
  calendar: WorkingDayCalendar;
  reminders: ReminderStore;
  keys: UserKeys;
  /** Whether a proactive sender is wired for a channel. */
  canSend: (channelId: string) => boolean;
  now: () => Date;
}

/**
 * The opt-in to the follow-up ("Remind me"): works out the expected activation day (from the day the user said they
 * requested access, else today), and either stores a reminder for 10:00 that day, or says why none can be sent
 * (WhatsApp's 24-hour window, a channel without proactive messages, or a day already reached).
 */
export class FollowupDateDialog extends Dialog<NodeDialogOptions> {
  constructor(private readonly deps: FollowupDateDeps) {
    super(FOLLOWUP_DATE_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: NodeDialogOptions): Promise<DialogTurnResult> {
    const { replies, calendar, now } = this.deps;
    const context = dc.context;
    const lang = options?.lang ?? 'nl';
    const profile = await this.deps.profile.get(context, {});
    const outlook = activationOutlook(profile.accessRequestedOn ?? dayOf(now()), now(), calendar);
    const date = formatDay(outlook.expectedBy, lang);
    const menu = replies.choiceTo(NODES.menu, lang, 'label_menu');
    if (outlook.state !== 'before') {
      await this.send(context, 'followup_not_needed', lang, { date }, [replies.choiceTo('activation_late', lang), menu]);
      return dc.endDialog();
    }
    const dueAt = atTime(outlook.expectedBy, REMINDER_HOUR);
    const possibility = reminderPossibility(context.activity.channelId, dueAt, now(), this.deps.canSend);
    if (possibility === 'ok') {
      await this.deps.reminders.add({ id: randomUUID(), user: this.deps.keys.keyOfTurn(context), dueAt: dueAt.toISOString(), reference: minimalReference(context), attempts: 0 });
      await this.send(context, 'followup_scheduled', lang, { date, time: formatTime(dueAt, lang) }, [menu]);
    } else {
      await this.send(context, possibility === 'whatsapp_window' ? 'followup_whatsapp_window' : 'followup_unsupported', lang, { date }, [menu]);
    }
    return dc.endDialog();
  }

  private send(context: DialogContext['context'], key: string, lang: Lang, vars: Record<string, string>, choices: Reply['choices']): Promise<void> {
    const reply = this.deps.replies.fromUi('followup_optin', 'system', key, lang, choices);
    reply.text = uiText(this.deps.replies.content, key, lang, vars);
    return this.deps.effects.send(context, reply);
  }
}
