/**
 * Removes personal data from free text before it is stored or logged: e-mail addresses, phone numbers, IBAN-like
 * account numbers, everything after "wachtwoord"/"password", and a name after "mijn naam is"/"my name is".
 * It errs on the side of removing too much: what is left is for counting questions, not for reading people.
 */
export const REDACTED = {
  email: '[email]',
  phone: '[phone]',
  iban: '[iban]',
  secret: '[secret]',
  name: '[name]',
} as const;

const EMAIL = /[\p{L}\p{N}._%+-]+\s*(?:@|\[at\]|\(at\))\s*[\p{L}\p{N}-]+(?:\s*(?:\.|\[dot\]|\(dot\))\s*[\p{L}\p{N}-]+)+/giu;
/** Two letters, two check digits, then 10–30 letters or digits, optionally in groups of four. */
const IBAN = /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){10,30}\b/gi;
/** A run of digits with the separators phone numbers use; kept only when it has 9 or more digits. */
const PHONE_LIKE = /(?:\+|\(|\b)\d[\d\s\-().\/]{6,}\d\b/g;
const DATE_LIKE = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;
/** Everything after the word, whatever follows: the word itself says the rest may be a secret. */
const SECRET_AFTER = /\b(wachtwoord|wachtwoorden|wachtwoort|paswoord|password|passwort|pasword|passw|wachtw|pincode|pin code)\b[\s\S]*$/i;
/** Case-sensitive on purpose, so that only capitalised words after the lead count as the name (the lead allows both). */
const NAME_AFTER = /\b([Mm]ijn naam is|MIJN NAAM IS|[Ii]k heet|[Mm]y name is|MY NAME IS|[Ii] am called)\s+\S+(?:\s+(?:(?:van|der|den|de|ter|te)\b|\p{Lu}[\p{L}'-]*))*/gu;

function digitCount(text: string): number {
  return text.replace(/\D/g, '').length;
}

export function redact(text: string): string {
  return text
    .replace(SECRET_AFTER, (_whole, word: string) => `${word} ${REDACTED.secret}`)
    .replace(EMAIL, REDACTED.email)
    .replace(IBAN, (match) => (digitCount(match) >= 8 ? REDACTED.iban : match))
    .replace(PHONE_LIKE, (match) => (digitCount(match) >= 9 && !DATE_LIKE.test(match.trim()) ? REDACTED.phone : match))
    .replace(NAME_AFTER, (_whole, lead: string) => `${lead} ${REDACTED.name}`);
}
