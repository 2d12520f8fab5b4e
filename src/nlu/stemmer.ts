/**
 * A light suffix stripper for Dutch and English together. Users mix the languages in one message, so one
 * language-blind set of rules is used; what matters is that the forms of one word end up on the same stem,
 * not that the stem is a real word. Character n-grams catch what these rules miss.
 */

/** Suffixes tried longest first; `min` is the shortest stem that may remain. */
const SUFFIXES: ReadonlyArray<{ suffix: string; replace: string; min: number }> = [
  { suffix: 'heden', replace: 'heid', min: 3 },
  { suffix: 'ingen', replace: '', min: 3 },
  { suffix: 'tjes', replace: '', min: 3 },
  { suffix: 'ations', replace: 'ate', min: 3 },
  { suffix: 'ation', replace: 'ate', min: 3 },
  { suffix: 'ities', replace: 'ity', min: 3 },
  { suffix: 'ies', replace: 'y', min: 3 },
  { suffix: 'ied', replace: 'y', min: 3 },
  { suffix: 'sses', replace: 'ss', min: 2 },
  { suffix: 'ches', replace: 'ch', min: 2 },
  { suffix: 'shes', replace: 'sh', min: 2 },
  { suffix: 'ing', replace: '', min: 3 },
  { suffix: 'tje', replace: '', min: 3 },
  { suffix: 'jes', replace: '', min: 3 },
  { suffix: 'lijk', replace: '', min: 3 },
  { suffix: 'ende', replace: '', min: 3 },
  { suffix: 'ene', replace: '', min: 3 },
  { suffix: 'ers', replace: '', min: 3 },
  { suffix: 'ed', replace: '', min: 3 },
  { suffix: 'en', replace: '', min: 3 },
  { suffix: 'er', replace: '', min: 3 },
  { suffix: 'es', replace: 'e', min: 3 },
  { suffix: 'ly', replace: '', min: 3 },
  { suffix: 'je', replace: '', min: 3 },
  { suffix: 'kt', replace: 'k', min: 2 },
  { suffix: 'dt', replace: 'd', min: 2 },
  { suffix: 'gt', replace: 'g', min: 2 },
  { suffix: 'te', replace: '', min: 3 },
  { suffix: 'de', replace: '', min: 3 },
  { suffix: 'e', replace: '', min: 3 },
  { suffix: 's', replace: '', min: 3 },
];

/** Endings after which a final "s" is part of the word ("status", "access", "analysis"). */
const KEEP_FINAL_S = /(?:ss|us|is|ys)$/;

/** Returns the stem of one normalised token (lowercase, no diacritics). */
export function stem(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  let word = token;
  // Dutch past participles: "geactiveerd", "gestuurd" → drop "ge" so they meet "activeren", "sturen"
  if (word.length > 6 && word.startsWith('ge') && /[dt]$/.test(word)) word = word.slice(2, -1);
  for (const { suffix, replace, min } of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    if (suffix === 's' && KEEP_FINAL_S.test(word)) break;
    const base = word.slice(0, word.length - suffix.length);
    if (base.length < min) continue;
    word = base + replace;
    break;
  }
  return simplifyEnding(word);
}

/** "bell"/"bel", "maak"/"mak": doubled letters vary between the forms of one word in Dutch and English. */
function simplifyEnding(word: string): string {
  let out = word.replace(/([bcdfgklmnprstvz])\1$/, '$1');
  out = out.replace(/(aa|ee|oo|uu)([^aeiou]?)$/, (_m, vowels: string, tail: string) => vowels[0] + tail);
  return out.length >= 2 ? out : word;
}
