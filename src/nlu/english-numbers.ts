import { Culture, recognizeNumber, recognizeOrdinal } from '@microsoft/recognizers-text-suite';
import { type FoundPosition, type PositionMention, samePosition } from './position-mention';

/**
 * English numbers and ordinals ("two", "the second one", "3rd", "the last") through recognizers-text.
 * Its 1.3 ordinal model resolves relative ordinals ("last", "last but one") to 0 or wrongly, so those are read here.
 */
const FROM_END: ReadonlyArray<[RegExp, number]> = [
  [/\b(?:(?:next|second)[\s-]+to[\s-]+last|last[\s-]+but[\s-]+one|penultimate|one[\s-]+before[\s-]+(?:the[\s-]+)?last)\b/, 1],
  [/\blast\b/, 0],
];

/** Words without which the recogniser cannot find a position: checking first saves its milliseconds per call. */
const NUMBER_WORD =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th)?)\b/;

/** Finds the one position named in a folded message (lowercase, no diacritics); undefined if none or several. */
export function findEnglishPosition(folded: string): FoundPosition | undefined {
  for (const [pattern, fromEnd] of FROM_END) {
    const match = pattern.exec(folded);
    if (match !== null) return { mention: { fromEnd }, rest: wordsOf(blank(folded, match.index, match.index + match[0].length)) };
  }
  if (!NUMBER_WORD.test(folded)) return undefined;
  const spans: Array<{ start: number; end: number; value: number; isOrdinal: boolean }> = [];
  for (const result of recognizeOrdinal(folded, Culture.English)) {
    spans.push({ start: result.start, end: result.end + 1, value: Number(result.resolution.value), isOrdinal: true });
  }
  const hasOrdinal = spans.length > 0;
  for (const result of recognizeNumber(folded, Culture.English)) {
    // "the second one": "one" is a pronoun once an ordinal is there
    if (hasOrdinal && result.text === 'one') continue;
    spans.push({ start: result.start, end: result.end + 1, value: Number(result.resolution.value), isOrdinal: false });
  }
  const positions = spans.filter((s) => Number.isInteger(s.value) && s.value >= 1);
  if (positions.length === 0 || positions.length !== spans.length) return undefined;
  const mention: PositionMention = { fromStart: positions[0].value };
  if (!positions.every((p) => samePosition({ fromStart: p.value }, mention))) return undefined;
  let rest = folded;
  for (const span of positions) rest = blank(rest, span.start, span.end);
  return { mention, rest: wordsOf(rest) };
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function wordsOf(text: string): string[] {
  return text.split(/[^a-z0-9]+/).filter((w) => w !== '');
}
