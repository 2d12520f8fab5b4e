/** Words that introduce a password, in Dutch and English, with common typos. */
const KEYWORD = /\b(?:wachtwoord|wachtwoort|paswoord|password|passwort|pasword)\b\s*(?:is|was|=|:|luidt|would be)?\s*[:=]?\s*["'“]?(\S+)/i;
const EMAIL_OR_URL = /@|:\/\/|^www\./i;
const TIME_OR_DATE = /^\d{1,2}[:.]\d{2}$|^\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?$/;

/** Character classes in a token: lower, upper, digit, other. */
function classes(token: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\d/, /[^\p{L}\d]/u].filter((re) => re.test(token)).length;
}

/** A token after "password is" that is not an ordinary word: a digit, a symbol or a capital after the first letter. */
function secretAfterKeyword(token: string): boolean {
  const clean = token.replace(/["'”.,!?]+$/, '');
  if (clean.length < 6 || EMAIL_OR_URL.test(clean)) return false;
  return /\d/.test(clean) || /[^\p{L}\d]/u.test(clean) || /\p{Lu}/u.test(clean.slice(1));
}

/** A message that is one token and looks like a password: 8+ characters mixing at least three kinds. */
function passwordAlone(text: string): boolean {
  const token = text.trim();
  if (/\s/.test(token) || token.length < 8 || token.length > 64) return false;
  if (EMAIL_OR_URL.test(token) || TIME_OR_DATE.test(token)) return false;
  return classes(token) >= 3;
}

/** True when the user seems to have typed a password ("mijn wachtwoord is Zomer2025!", or just "Zomer2025!"). */
export function looksLikeSharedPassword(text: string): boolean {
  const input = text.slice(0, 500);
  const after = KEYWORD.exec(input);
  if (after && secretAfterKeyword(after[1])) return true;
  return passwordAlone(input);
}
