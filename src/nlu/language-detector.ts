import type { Lang, TrainingExample } from '../content/types';
import { DUTCH_WORDS, ENGLISH_WORDS, NEUTRAL_WORDS } from './language-words';
import { plainWords } from './normalize';
import type { LanguageGuess } from './types';

/** How the detector weighs its evidence; defaults in DEFAULT_LANGUAGE_OPTIONS. */
export interface LanguageOptions {
  /** Evidence of one known function word (positive = Dutch). */
  functionWordWeight: number;
  /** Cap on the evidence of one other word, read from the training phrases or from its character trigrams. */
  maxWordEvidence: number;
  /** Below this total evidence the text is not trusted and the prior decides. */
  minEvidence: number;
  /** Added towards Dutch when the text has evidence for both languages ("eu login werkt niet, help"). */
  mixedDutchBias: number;
}

export const DEFAULT_LANGUAGE_OPTIONS: Readonly<LanguageOptions> = {
  functionWordWeight: 2,
  maxWordEvidence: 1.5,
  minEvidence: 1,
  mixedDutchBias: 1,
};

/**
 * Dutch or English per message: function words first, then how often the training phrases of each language use
 * a word, and for words they never use, a character-trigram profile of each language. Words both languages use in this domain ("TRACES", "account") are ignored,
 * and when little evidence is left the prior (client locale or the last language) decides.
 */
export class LanguageDetector {
  /** log P(word | nl) − log P(word | en) for words the training phrases use at least twice. */
  private readonly wordEvidenceOf = new Map<string, number>();
  /** log P(trigram | nl) − log P(trigram | en), add-one smoothed. */
  private readonly trigramEvidence = new Map<string, number>();
  private readonly unseenEvidence: number;
  private readonly options: LanguageOptions;

  constructor(examples: readonly TrainingExample[], options: Partial<LanguageOptions> = {}) {
    this.options = { ...DEFAULT_LANGUAGE_OPTIONS, ...options };
    const counts: Record<Lang, Map<string, number>> = { nl: new Map(), en: new Map() };
    const totals: Record<Lang, number> = { nl: 0, en: 0 };
    const words: Record<Lang, Map<string, number>> = { nl: new Map(), en: new Map() };
    for (const example of examples) {
      for (const word of plainWords(example.text)) {
        if (NEUTRAL_WORDS.has(word) || /\d/.test(word)) continue;
        words[example.lang].set(word, (words[example.lang].get(word) ?? 0) + 1);
        for (const gram of trigrams(word)) {
          counts[example.lang].set(gram, (counts[example.lang].get(gram) ?? 0) + 1);
          totals[example.lang]++;
        }
      }
    }
    const vocabulary = new Set([...counts.nl.keys(), ...counts.en.keys()]);
    const denominator = (lang: Lang): number => totals[lang] + vocabulary.size + 1;
    for (const gram of vocabulary) {
      const nl = Math.log(((counts.nl.get(gram) ?? 0) + 1) / denominator('nl'));
      const en = Math.log(((counts.en.get(gram) ?? 0) + 1) / denominator('en'));
      this.trigramEvidence.set(gram, nl - en);
    }
    this.unseenEvidence = Math.log(denominator('en') / denominator('nl'));
    this.learnWords(words);
  }

  detect(text: string, prior: Lang): LanguageGuess {
    const { functionWordWeight, maxWordEvidence, minEvidence, mixedDutchBias } = this.options;
    let dutch = 0;
    let english = 0;
    for (const word of plainWords(text)) {
      if (NEUTRAL_WORDS.has(word) || /\d/.test(word)) continue;
      const isDutch = DUTCH_WORDS.has(word);
      const isEnglish = ENGLISH_WORDS.has(word);
      let evidence: number;
      if (isDutch !== isEnglish) evidence = isDutch ? functionWordWeight : -functionWordWeight;
      else if (isDutch) continue;
      else evidence = this.wordEvidence(word, maxWordEvidence);
      if (evidence > 0) dutch += evidence;
      else english -= evidence;
    }
    let score = dutch - english;
    if (dutch >= minEvidence && english >= minEvidence) score += mixedDutchBias;
    if (Math.abs(score) < minEvidence) return { lang: prior, confidence: 0 };
    return { lang: score > 0 ? 'nl' : 'en', confidence: Number((1 - Math.exp(-Math.abs(score) / 3)).toFixed(3)) };
  }

  /** Words seen at least twice get their own evidence ("rol", "achternaam"); half-counts smooth the unseen side. */
  private learnWords(words: Record<Lang, Map<string, number>>): void {
    const total = (lang: Lang): number => [...words[lang].values()].reduce((a, b) => a + b, 0) + 1;
    const nlTotal = total('nl');
    const enTotal = total('en');
    for (const word of new Set([...words.nl.keys(), ...words.en.keys()])) {
      const nl = words.nl.get(word) ?? 0;
      const en = words.en.get(word) ?? 0;
      if (nl + en < 2) continue;
      this.wordEvidenceOf.set(word, Math.log((nl + 0.5) / nlTotal) - Math.log((en + 0.5) / enTotal));
    }
  }

  /** Evidence of one word, capped so that one long word cannot outvote a sentence. */
  private wordEvidence(word: string, cap: number): number {
    let evidence = this.wordEvidenceOf.get(word);
    if (evidence === undefined) {
      evidence = 0;
      for (const gram of trigrams(word)) evidence += this.trigramEvidence.get(gram) ?? this.unseenEvidence;
    }
    return Math.max(-cap, Math.min(cap, evidence));
  }
}

function trigrams(word: string): string[] {
  const padded = ` ${word} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}
