import type { Lang, TrainingExample } from '../content/types';
import { type ConfidenceThresholds, DEFAULT_THRESHOLDS, decide } from './confidence-policy';
import { withoutOpening } from './greeting-prefix';
import { type ClassifierOptions, IntentClassifier } from './intent-classifier';
import { LanguageDetector, type LanguageOptions } from './language-detector';
import type { LanguageGuess, Recognizer, ScoredIntent, Understanding } from './types';

/** Tuning knobs; every one has a documented default where it is declared. */
export interface RecognizerOptions {
  classifier?: Partial<ClassifierOptions>;
  language?: Partial<LanguageOptions>;
  thresholds?: Partial<ConfidenceThresholds>;
}

/** Builds the local recogniser from the content's training phrases (see trainingExamples in src/content/loader.ts). */
export function createRecognizer(examples: readonly TrainingExample[], options: RecognizerOptions = {}): Recognizer {
  const classifier = new IntentClassifier(examples, options.classifier);
  const detector = new LanguageDetector(examples, options.language);
  const thresholds: ConfidenceThresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const rank = (text: string, lang: Lang): ScoredIntent[] => classifier.rank(withoutOpening(text), lang);
  return {
    rank,
    understand: (text: string, lang: Lang): Understanding => decide(rank(text, lang), thresholds),
    detectLanguage: (text: string, prior: Lang): LanguageGuess => detector.detect(text, prior),
  };
}
