import { Culture, recognizeBoolean } from '@microsoft/recognizers-text-suite';
import type { Lang } from '../content/types';
import { plainWords } from './normalize';

/** Longer answers are not a yes or no to a question (and recognizers-text is slow on long input). */
export const MAX_ANSWER_CHARS = 200;

/** Ways of saying "I don't know": they contain "niet"/"no" but are neither yes nor no. */
const UNDECIDED = [
  'weet niet', 'weet het niet', 'weet ik niet', 'geen idee', 'geen flauw idee', 'weet ik veel', 'misschien',
  'geen flauw', 'niet zeker', 'dont know', 'do not know', 'no idea', 'not sure', 'maybe', 'perhaps', 'no clue',
];

/** Answers read at the start of a message; the longest match wins, so "klopt niet" beats "klopt". */
const ANSWERS: ReadonlyArray<[string, 'yes' | 'no']> = [
  ['ja', 'yes'], ['jazeker', 'yes'], ['jawel', 'yes'], ['jep', 'yes'], ['jup', 'yes'], ['jaa', 'yes'],
  ['klopt', 'yes'], ['dat klopt', 'yes'], ['correct', 'yes'], ['inderdaad', 'yes'], ['zeker', 'yes'],
  ['zeker weten', 'yes'], ['natuurlijk', 'yes'], ['uiteraard', 'yes'], ['absoluut', 'yes'], ['prima', 'yes'],
  ['is goed', 'yes'], ['goed', 'yes'], ['oke', 'yes'], ['ok', 'yes'], ['okay', 'yes'], ['graag', 'yes'],
  ['gelukt', 'yes'], ['yes', 'yes'], ['yep', 'yes'], ['yeah', 'yes'], ['yup', 'yes'],
  ['yea', 'yes'], ['sure', 'yes'], ['of course', 'yes'], ['definitely', 'yes'], ['absolutely', 'yes'],
  ['indeed', 'yes'], ['right', 'yes'], ['thats right', 'yes'], ['done', 'yes'],
  ['y', 'yes'], ['j', 'yes'],
  ['nee', 'no'], ['neen', 'no'], ['neuh', 'no'], ['nope', 'no'], ['nah', 'no'], ['no', 'no'], ['n', 'no'],
  ['niet', 'no'], ['klopt niet', 'no'], ['dat klopt niet', 'no'], ['nog niet', 'no'], ['helaas niet', 'no'],
  ['helaas', 'no'], ['liever niet', 'no'], ['zeker niet', 'no'], ['echt niet', 'no'], ['nog steeds niet', 'no'],
  ['niet gelukt', 'no'], ['ja nee', 'no'], ['not yet', 'no'], ['not really', 'no'], ['not at all', 'no'],
  ['still not', 'no'], ['absolutely not', 'no'], ['definitely not', 'no'], ['of course not', 'no'],
  ['incorrect', 'no'], ['thats wrong', 'no'], ['wrong', 'no'], ['i have not', 'no'], ['i havent', 'no'],
  ['i did not', 'no'], ['i didnt', 'no'], ['heb ik niet', 'no'],
];

/**
 * A yes or no answer in Dutch or English ("jazeker", "klopt niet", "nope", "not yet"), or undefined when the
 * message is neither (or both). Known phrases at the start decide; otherwise recognizers-text's boolean model
 * for the message language, then for the other one.
 */
export function parseYesNo(text: string, lang: Lang): 'yes' | 'no' | undefined {
  if (text.length > MAX_ANSWER_CHARS) return undefined;
  const words = plainWords(text);
  if (words.length === 0) return undefined;
  const phrase = ` ${words.join(' ')} `;
  if (UNDECIDED.some((u) => phrase.includes(` ${u} `))) return undefined;
  const leading = leadingAnswer(words);
  if (leading !== undefined) return leading;
  const cultures = lang === 'nl' ? [Culture.Dutch, Culture.English] : [Culture.English, Culture.Dutch];
  for (const culture of cultures) {
    const values = new Set(recognizeBoolean(words.join(' '), culture).map((r) => r.resolution.value === true));
    if (values.size === 1) return values.has(true) ? 'yes' : 'no';
    if (values.size > 1) return undefined;
  }
  return undefined;
}

function leadingAnswer(words: readonly string[]): 'yes' | 'no' | undefined {
  let best: { length: number; answer: 'yes' | 'no' } | undefined;
  for (const [answer, value] of ANSWERS) {
    const parts = answer.split(' ');
    if (parts.length > words.length || (best !== undefined && parts.length <= best.length)) continue;
    if (parts.every((part, i) => words[i] === part)) best = { length: parts.length, answer: value };
  }
  return best?.answer;
}
