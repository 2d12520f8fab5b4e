import type { Lang } from '../content/types';
import { findDutchPosition } from './dutch-numbers';
import { editDistance } from './edit-distance';
import { findEnglishPosition } from './english-numbers';
import { type FoundPosition, indexOfPosition } from './position-mention';
import { foldText, plainWords, tokenize } from './normalize';
import { stem } from './stemmer';
import { MAX_ANSWER_CHARS } from './yes-no';

export { parseYesNo } from './yes-no';

/** Words around a number or a label that do not change which choice is meant ("nummer 2 graag", "the second one"). */
const FILLER: ReadonlySet<string> = new Set([
  'de', 'het', 'een', 'die', 'dat', 'deze', 'nummer', 'nummertje', 'nr', 'no', 'num', 'optie', 'keuze', 'keus', 'knop',
  'antwoord', 'graag', 'ik', 'kies', 'neem', 'wil', 'doe', 'maar', 'dan', 'is', 'alsjeblieft', 'aub', 'svp', 'dus',
  'even', 'hoor', 'mag', 'geef', 'me', 'mij', 'voor', 'ja', 'ok', 'oke', 'okay', 'the', 'a', 'number', 'option',
  'choice', 'button', 'answer', 'one', 'that', 'this', 'please', 'i', 'choose', 'pick', 'take', 'want', 'will', 'go',
  'with', 'for', 'it', 'id', 'ill', 'like', 'lets', 'give', 'yes', 'item', 'punt',
]);

/** Words that turn a statement around: "gevonden" must never pick "Niet gevonden", nor "actief" "Nog niet actief". */
const NEGATIONS: ReadonlySet<string> = new Set([
  'niet', 'geen', 'nooit', 'not', 'no', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'cant', 'cannot', 'havent', 'hasnt', 'wasnt', 'wont',
]);

const negated = (words: readonly string[]): boolean => words.some((w) => NEGATIONS.has(w));

/** Least score for a loosely typed label to count, and its least lead over the next label. */
const MIN_LABEL_SCORE = 0.6;
const MIN_LABEL_LEAD = 0.15;

/**
 * Which of the offered `labels` a message picks: the label typed loosely (case, accents, typos, a part of it),
 * or its position ("2", "#2", "nummer 2", "twee", "de tweede", "the second one", "de laatste").
 * Undefined when the message picks none, is ambiguous, or is longer than a choice answer can be.
 */
export function matchChoice(text: string, labels: readonly string[], lang: Lang): number | undefined {
  if (labels.length === 0 || text.length > MAX_ANSWER_CHARS) return undefined;
  const words = tokenize(text);
  if (words.length === 0) return undefined;
  const labelWords = labels.map((label) => tokenize(label));
  const exact = labelWords.findIndex((lw) => lw.join(' ') === words.join(' '));
  if (exact >= 0) return exact;
  const position = findPosition(text, lang);
  if (position !== undefined) return indexOfPosition(position.mention, labels.length);
  return bestLabel(words, labelWords);
}

/** A position named in the message, with nothing but filler words around it. */
function findPosition(text: string, lang: Lang): FoundPosition | undefined {
  const folded = foldText(text);
  const words = plainWords(text);
  const finders = [
    () => findDigits(words),
    () => findDutchPosition(words),
    () => findEnglishPosition(folded),
  ];
  if (lang === 'en') finders.splice(1, 2, finders[2], finders[1]);
  for (const find of finders) {
    const found = find();
    if (found !== undefined && found.rest.every((w) => FILLER.has(w))) return found;
  }
  return undefined;
}

/** "2", "2.", "#2", "(2)", "optie 2": one small number, written in digits. */
function findDigits(words: readonly string[]): FoundPosition | undefined {
  const numbers = words.filter((w) => /^\d{1,2}$/.test(w));
  if (numbers.length === 0 || new Set(numbers.map(Number)).size > 1) return undefined;
  return { mention: { fromStart: Number(numbers[0]) }, rest: words.filter((w) => !/^\d{1,2}$/.test(w)) };
}

/** The label the words fit best, if it fits well and clearly better than the others. */
function bestLabel(words: readonly string[], labels: ReadonlyArray<readonly string[]>): number | undefined {
  const meaningful = words.filter((w) => !FILLER.has(w));
  const typed = meaningful.length > 0 ? meaningful : words;
  const polarity = negated(words);
  const scores = labels.map((label) => (negated(label) === polarity ? labelScore(typed, label) : 0));
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
  const runnerUp = Math.max(0, ...scores.filter((_, i) => i !== best));
  return scores[best] >= MIN_LABEL_SCORE && scores[best] - runnerUp >= MIN_LABEL_LEAD ? best : undefined;
}

/** How well typed words fit a label: mostly how much of what was typed is in it, partly how much of it was typed. */
function labelScore(typed: readonly string[], label: readonly string[]): number {
  if (label.length === 0) return 0;
  const labelCore = label.filter((w) => !FILLER.has(w));
  const target = labelCore.length > 0 ? labelCore : label;
  const fits = typed.map((t) => Math.max(...target.map((l) => wordFit(t, l))));
  const precision = fits.reduce((a, b) => a + b, 0) / fits.length;
  const covered = target.filter((l) => typed.some((t) => wordFit(t, l) >= 0.7)).length / target.length;
  const glued = wordFit(typed.join(''), target.join(''));
  return Math.max(0.75 * precision + 0.25 * covered, glued);
}

/** 1 for the same word, less for the same stem, a prefix being typed, or a typo or two; 0 otherwise. */
function wordFit(typed: string, label: string): number {
  if (typed === label) return 1;
  if (typed.length >= 4 && stem(typed) === stem(label)) return 0.95;
  if (typed.length >= 3 && label.startsWith(typed)) return 0.6 + 0.3 * (typed.length / label.length);
  // Short words get no typo allowance: "menu" is not "mens".
  const allowed = label.length >= 8 ? 2 : label.length >= 5 ? 1 : 0;
  if (allowed === 0) return 0;
  const distance = editDistance(typed, label, allowed);
  return distance <= allowed ? 0.9 - 0.1 * distance : 0;
}
