import type { WalkthroughHooks } from '../dialogs/walkthrough-dialog';
import { NODES, type ReplyBuilder } from '../dialogs/replies';
import { looksLikeSharedPassword } from './password-check';

/** The topic that explains how to reset a password (the warning offers it). */
const PASSWORD_TOPIC = 'password_forgotten';

/** Before anything reads a message: a typed password gets a warning never to share it, and nothing else happens. */
export function createPasswordWarning(replies: ReplyBuilder): NonNullable<WalkthroughHooks['beforeInterpret']> {
  return async (_context, text, lang) => {
    if (!looksLikeSharedPassword(text)) return undefined;
    const choices = [
      ...(replies.content.nodes.has(PASSWORD_TOPIC) ? [replies.choiceTo(PASSWORD_TOPIC, lang)] : []),
      replies.choiceTo(NODES.menu, lang, 'label_menu'),
    ];
    return replies.fromUi('privacy_warning', 'system', 'privacy_password_warning', lang, choices);
  };
}
