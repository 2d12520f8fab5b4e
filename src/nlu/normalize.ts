import { stem } from './stemmer';
import { STOPWORDS } from './stopwords';
import { SYNONYMS } from './synonyms';

/** Longest message the understanding module reads; the rest is cut off (keeps every step linear and small). */
export const MAX_TEXT_CHARS = 1000;

/**
 * Spelling variants of the same thing, rewritten to one token before splitting into words.
 * Order matters: compounds ("e-mailadres") before their parts ("e-mail").
 */
const PHRASE_RULES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:e[\s-]?)?mail[\s-]?(?:adres|adressen|address|addresses)\b/g, ' email adres '],
  [/\b(?:e[\s-]?)?mail(?:tjes|tje|s|en|box)?\b/g, ' email '],
  [/\bgemaild\b/g, ' email '],
  [/\beu[\s-]?(?:log[\s-]?in|inlog|login|loginaccount)\b/g, ' eulogin '],
  [/\beu[\s-]?log[\s-]?in[\s-]?account\b/g, ' eulogin account '],
  [/\b(?:2|two|twee)[\s-]?(?:fa|factor(?:en|s)?|staps?|step)(?:[\s-]?(?:authenticatie|authentication|verificatie|verification|login|auth))?\b/g, ' 2fa '],
  [/\b(?:tweede|second)[\s-]?(?:factor|stap[\s-]?verificatie)\b/g, ' 2fa '],
  [/\b(?:m[\s-]?fa|multi[\s-]?factor(?:[\s-]?(?:authenticatie|authentication))?)\b/g, ' 2fa '],
  [/\b(?:log[\s-]in|sign[\s-]?in)\b/g, ' login '],
  [/\bsign[\s-]?up\b/g, ' signup '],
  [/\b(?:hoe[\s-]?lang|how[\s-]?long)\b/g, ' howlong '],
  [/\be[\s-]?id\b/g, ' eid '],
  // British and American spelling: "authorisation" / "authorization", "organise" / "organize"
  [/\b(authori|organi|recogni|reali|speciali)s(e|es|ed|ing|ation|ations)\b/g, '$1z$2'],
];

/** Personal data never reaches the features: an address or a link becomes a placeholder word. */
const PLACEHOLDER_RULES: ReadonlyArray<[RegExp, string]> = [
  [/[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/g, ' email adres '],
  [/\b(?:https?:\/\/|www\.)\S+/g, ' url '],
];

/** Lowercase without diacritics or apostrophes, capped in length; the common start of every reading of a text. */
export function foldText(text: string): string {
  return text
    .slice(0, MAX_TEXT_CHARS)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`´]/g, '');
}

/** The words of a text as written (folded, split on anything that is not a letter or digit). */
export function plainWords(text: string): string[] {
  return foldText(text).split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** Lowercase, no diacritics, variants unified, punctuation gone, single spaces. */
export function normalizeText(text: string): string {
  let out = foldText(text);
  for (const [pattern, replacement] of PLACEHOLDER_RULES) out = out.replace(pattern, replacement);
  out = out
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2');
  for (const [pattern, replacement] of PHRASE_RULES) out = out.replace(pattern, replacement);
  return out
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\b2 fa\b/g, '2fa');
}

/** The words of a message after normalisation, before synonyms and stemming. */
export function tokenize(text: string): string[] {
  const normal = normalizeText(text);
  return normal === '' ? [] : normal.split(' ');
}

/** Word forms mapped to their canonical Dutch/English-neutral token(s). */
export function canonicalTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const mapped = SYNONYMS.get(token);
    if (mapped === undefined) out.push(token);
    else for (const part of mapped.split(' ')) out.push(part);
  }
  return out;
}

/** What the classifier reads from a message: meaningful words, as canonical stems, in order. */
export interface AnalyzedText {
  /** Canonical tokens without function words. */
  words: string[];
  /** The words before synonyms (spelling-corrected if a corrector is given), without function words, for n-grams. */
  surface: string[];
  /** Stems of `words`, same order (used for word unigrams and bigrams). */
  stems: string[];
}

const canonicalValues = new Set([...SYNONYMS.values()].flatMap((v) => v.split(' ')));

/** @param correct maps a typed word to the word meant (spelling correction); identity by default */
export function analyze(text: string, correct: (word: string) => string = (word) => word): AnalyzedText {
  const tokens = tokenize(text).map(correct);
  const surface = tokens.filter((w) => !STOPWORDS.has(w));
  const words = canonicalTokens(tokens).filter((w) => !STOPWORDS.has(w));
  // canonical synonym targets are already stems; stemming them again would only blur them
  const stems = words.map((w) => (canonicalValues.has(w) ? w : stem(w)));
  return { words, surface, stems };
}
