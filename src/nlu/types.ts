import type { Lang, TrainingExample } from '../content/types';

/** An intent id with a score in [0, 1]; higher is more likely. */
export interface ScoredIntent {
  intent: string;
  score: number;
}

/** What the confidence policy decided about one message. */
export type Understanding =
  | { kind: 'sure'; intent: string; score: number; ranked: ScoredIntent[] }
  | { kind: 'unsure'; candidates: ScoredIntent[]; ranked: ScoredIntent[] }
  | { kind: 'out_of_scope'; ranked: ScoredIntent[] };

export interface LanguageGuess {
  lang: Lang;
  /** 0 = no evidence in the text (the prior decided), 1 = certain. */
  confidence: number;
}

/** The recogniser the dialogs use; built once at start-up from the content's phrases. */
export interface Recognizer {
  /** Ranks intents (topic ids, `cmd:<command>` ids, and `out_of_scope`) for a message. */
  rank(text: string, lang: Lang): ScoredIntent[];
  /** Applies the confidence policy: sure, unsure (2–3 candidates) or out of scope. */
  understand(text: string, lang: Lang): Understanding;
  /** Language of a message; `prior` (client locale or last language) decides when the text has no evidence. */
  detectLanguage(text: string, prior: Lang): LanguageGuess;
}

export type RecognizerFactory = (examples: TrainingExample[]) => Recognizer;
