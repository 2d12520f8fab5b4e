/** A position in a list of offered choices, as named in a message ("2", "de tweede", "the last"). */
export type PositionMention = { fromStart: number } | { fromEnd: number };

/** A position found in a message, with the words of the message that did not name it. */
export interface FoundPosition {
  mention: PositionMention;
  rest: string[];
}

/** The index in a list of `count` choices, or undefined when the position is outside the list. */
export function indexOfPosition(mention: PositionMention, count: number): number | undefined {
  const index = 'fromStart' in mention ? mention.fromStart - 1 : count - 1 - mention.fromEnd;
  return index >= 0 && index < count ? index : undefined;
}

export function samePosition(a: PositionMention, b: PositionMention): boolean {
  return 'fromStart' in a ? 'fromStart' in b && a.fromStart === b.fromStart : 'fromEnd' in b && a.fromEnd === b.fromEnd;
}
