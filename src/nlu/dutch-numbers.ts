/**
 * Dutch numbers and ordinals as people type them to pick an option ("twee", "de tweede", "2e", "de laatste").
 * @microsoft/recognizers-text has no Dutch number model; this covers the small range a list of choices needs.
 */

import { type FoundPosition, type PositionMention, samePosition } from './position-mention';

/** A mention and the indices of the words it was read from. */
interface Mention {
  mention: PositionMention;
  wordIndices: number[];
}

const CARDINALS: ReadonlyMap<string, number> = new Map([
  ['een', 1], ['eentje', 1], ['twee', 2], ['drie', 3], ['vier', 4], ['vijf', 5], ['zes', 6], ['zeven', 7],
  ['acht', 8], ['negen', 9], ['tien', 10], ['elf', 11], ['twaalf', 12],
]);

const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['eerste', 1], ['tweede', 2], ['derde', 3], ['vierde', 4], ['vijfde', 5], ['zesde', 6], ['zevende', 7],
  ['achtste', 8], ['negende', 9], ['tiende', 10], ['elfde', 11], ['twaalfde', 12],
]);

/** Written ordinals with a digit: "1e", "1ste", "2de", "3e", "8ste". */
const DIGIT_ORDINAL = /^(\d{1,2})(?:e|de|ste)$/;

/**
 * Finds the one position named in a message, given its folded words (lowercase, no diacritics).
 * Returns undefined when there is none or when two different positions are named.
 */
export function findDutchPosition(words: readonly string[]): FoundPosition | undefined {
  const found: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    // "op één na laatste" / "een na laatste": the one before the last
    if (word === 'na' && words[i + 1] === 'laatste' && i > 0 && (words[i - 1] === 'een' || words[i - 1] === '1')) {
      const start = i >= 2 && words[i - 2] === 'op' ? i - 2 : i - 1;
      dropWordsFrom(found, start);
      found.push({ mention: { fromEnd: 1 }, wordIndices: range(start, i + 2) });
      i++;
      continue;
    }
    const position = positionOf(word);
    if (position !== undefined) found.push({ mention: position, wordIndices: [i] });
  }
  // "een" is also the article "a": it only counts as "1" when nothing else in the message names a position
  const strong = found.filter((f) => f.wordIndices.length > 1 || words[f.wordIndices[0]] !== 'een');
  if (strong.length > 0) found.splice(0, found.length, ...strong);
  if (found.length === 0) return undefined;
  const first = found[0];
  const allSame = found.every((f) => samePosition(f.mention, first.mention));
  if (!allSame) return undefined;
  const used = new Set(found.flatMap((f) => f.wordIndices));
  return { mention: first.mention, rest: words.filter((_, i) => !used.has(i)) };
}

function positionOf(word: string): PositionMention | undefined {
  if (word === 'laatste' || word === 'laatst') return { fromEnd: 0 };
  if (word === 'voorlaatste') return { fromEnd: 1 };
  const cardinal = CARDINALS.get(word) ?? ORDINALS.get(word);
  if (cardinal !== undefined) return { fromStart: cardinal };
  const digits = DIGIT_ORDINAL.exec(word);
  return digits === null ? undefined : { fromStart: Number(digits[1]) };
}

/** Removes mentions read from words at or after `start` (they belong to a longer phrase found later). */
function dropWordsFrom(found: Mention[], start: number): void {
  for (let k = found.length - 1; k >= 0; k--) if (found[k].wordIndices.some((w) => w >= start)) found.splice(k, 1);
}

function range(from: number, toExclusive: number): number[] {
  return Array.from({ length: toExclusive - from }, (_, k) => from + k);
}
