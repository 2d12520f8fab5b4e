import { editDistance } from './edit-distance';

/**
 * Corrects a typed word to the closest word of the training phrases ("wachtwrd" → "wachtwoord"), so that a typo
 * meets synonyms and stems, not only a part of the character n-grams. The first letter is trusted (typos there
 * are rare) which keeps each look-up to a small bucket of the vocabulary.
 */
export class SpellingCorrector {
  private readonly counts = new Map<string, number>();
  private readonly byFirstLetter = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    for (const word of [...this.counts.keys()].sort()) {
      if (word.length < MIN_LENGTH || /\d/.test(word)) continue;
      const bucket = this.byFirstLetter.get(word[0]) ?? [];
      bucket.push(word);
      this.byFirstLetter.set(word[0], bucket);
    }
  }

  /** The word itself when known, too short or unlike any known word; else the closest known word (most used on ties). */
  correct(word: string): string {
    if (word.length < MIN_LENGTH || this.counts.has(word) || /\d/.test(word)) return word;
    const allowed = word.length >= 9 ? 2 : 1;
    let best = word;
    let bestDistance = allowed + 1;
    let bestCount = 0;
    for (const candidate of this.byFirstLetter.get(word[0]) ?? []) {
      if (Math.abs(candidate.length - word.length) > allowed) continue;
      const distance = editDistance(word, candidate, allowed);
      const count = this.counts.get(candidate) ?? 0;
      if (distance < bestDistance || (distance === bestDistance && count > bestCount)) {
        best = candidate;
        bestDistance = distance;
        bestCount = count;
      }
    }
    return bestDistance <= allowed ? best : word;
  }
}

/** Shorter words have too many neighbours one typo away ("weer", "wel", "week") to correct safely. */
const MIN_LENGTH = 5;
