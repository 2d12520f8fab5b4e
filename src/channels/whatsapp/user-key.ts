import { createHash, createHmac } from 'node:crypto';
import type { WhatsAppAddress } from './outbound-message';
import type { Sender } from './webhook-payload';

/** Prefix of user keys derived from a phone number; BSUIDs start with a country code, so the two never meet. */
const PHONE_KEY_PREFIX = 'waid-';

/**
 * The id the bot keys a WhatsApp user (and their conversation) by: the business-scoped user id when Meta sends one,
 * otherwise a keyed hash of the phone number, so that no phone number is ever part of a storage key or a log line.
 * The hash is keyed with the app secret (phone numbers are too few to hide behind a plain hash); rotating the
 * secret therefore starts phone-keyed users afresh.
 */
export function userKeyOf(sender: Sender, appSecret: string): string | undefined {
  if (sender.bsuid !== undefined) return sender.bsuid;
  if (sender.waId === undefined) return undefined;
  const digest = createHmac('sha256', appSecret).update(`wa_id:${sender.waId}`).digest('base64url');
  return PHONE_KEY_PREFIX + digest.slice(0, 32);
}

/** How to reach the sender: the phone number when we have it (it takes precedence at Meta), and the BSUID. */
export function addressOf(sender: Sender): WhatsAppAddress {
  const address: WhatsAppAddress = {};
  if (sender.waId !== undefined) address.to = sender.waId;
  if (sender.bsuid !== undefined) address.recipient = sender.bsuid;
  return address;
}

/**
 * The address a user key alone gives: a BSUID can be written to directly; a phone-derived key cannot (its number is
 * not kept). Used when a stored conversation reference was stripped of the address, as references should be.
 */
export function addressOfUserKey(userKey: string): WhatsAppAddress | undefined {
  return userKey.startsWith(PHONE_KEY_PREFIX) || userKey === '' ? undefined : { recipient: userKey };
}

/** A short fixed-length stand-in for a message id (wamids encode the sender's number), for storage keys and activity ids. */
export function messageKeyOf(wamid: string): string {
  return createHash('sha256').update(wamid).digest('base64url').slice(0, 32);
}
