/** Meta's customer-service window: free-form WhatsApp messages only within 24 hours of the user's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Channels where the bot may start a message later through a stored conversation reference. */
export const PROACTIVE_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'webchat', 'directline', 'emulator']);

export type ReminderPossibility = 'ok' | 'whatsapp_window' | 'unsupported';

/**
 * Whether a reminder at `dueAt` can reach the user: yes on channels that allow proactive messages; on WhatsApp only
 * when the due time falls inside the 24-hour window opened by the message the user just sent (`lastMessageAt`),
 * and only if a sender for the channel is wired (`canSend`).
 */
export function reminderPossibility(channelId: string, dueAt: Date, lastMessageAt: Date, canSend: (channelId: string) => boolean): ReminderPossibility {
  if (channelId === 'whatsapp') {
    if (dueAt.getTime() - lastMessageAt.getTime() >= WHATSAPP_WINDOW_MS) return 'whatsapp_window';
    return canSend(channelId) ? 'ok' : 'unsupported';
  }
  return PROACTIVE_CHANNELS.has(channelId) && canSend(channelId) ? 'ok' : 'unsupported';
}
