/** The understanding module's public surface: what dialogs and the composition root import. */
export { createRecognizer, type RecognizerOptions } from './recognizer';
export { matchChoice, parseYesNo } from './choice-answer';
export { OUT_OF_SCOPE } from './confidence-policy';
export type { LanguageGuess, Recognizer, RecognizerFactory, ScoredIntent, Understanding } from './types';
