import type { AnalyzedText } from './normalize';

/** Term counts of one message in the two feature spaces the classifier compares. */
export interface TextFeatures {
  /** Word stems and pairs of neighbouring stems ("password forgot"). */
  words: Map<string, number>;
  /** Character n-grams inside each word (as typed and canonical), padded with spaces, so typos still share most grams. */
  chars: Map<string, number>;
}

/** Sizes of the character n-grams; 3 catches short words and typos, 5 the longer word parts. */
export const CHAR_NGRAM_SIZES: readonly number[] = [3, 4, 5];

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export function extractFeatures(text: AnalyzedText): TextFeatures {
  const words = new Map<string, number>();
  const chars = new Map<string, number>();
  text.stems.forEach((stem, i) => {
    add(words, stem);
    if (i > 0) add(words, `${text.stems[i - 1]} ${stem}`);
  });
  // canonical words let "wachtwoord" meet "password"; the words as typed let "wachtwoort" meet "wachtwoord"
  for (const word of new Set([...text.words, ...text.surface])) {
    const padded = ` ${word} `;
    for (const size of CHAR_NGRAM_SIZES) {
      for (let start = 0; start + size <= padded.length; start++) add(chars, padded.slice(start, start + size));
    }
  }
  return { words, chars };
}
