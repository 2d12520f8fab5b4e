import type { Lang, TrainingExample } from '../content/types';
import { extractFeatures } from './features';
import { analyze, tokenize } from './normalize';
import { SpellingCorrector } from './spelling';
import { TfIdfSpace } from './tfidf-space';
import type { ScoredIntent } from './types';

/** How the classifier blends its signals; every field has a default (see DEFAULT_CLASSIFIER_OPTIONS). */
export interface ClassifierOptions {
  /** Share of word stems and bigrams in the similarity of two texts; the rest is character n-grams. */
  wordWeight: number;
  /** How many of an intent's closest examples are averaged into its nearest-neighbour score. */
  neighbours: number;
  /** Share of the nearest-neighbour score in an intent's score; the rest is the similarity to its centroid. */
  neighbourWeight: number;
  /** Factor on examples written in the other language than the message (1 = language-blind). */
  otherLanguageWeight: number;
}

export const DEFAULT_CLASSIFIER_OPTIONS: Readonly<ClassifierOptions> = {
  wordWeight: 0.5,
  neighbours: 2,
  neighbourWeight: 0.7,
  otherLanguageWeight: 1,
};

/**
 * Ranks intents for a message by TF-IDF similarity to the training phrases (k nearest neighbours per intent)
 * and to each intent's centroid. Local, deterministic, trained once at start-up.
 */
export class IntentClassifier {
  private readonly intents: string[];
  /** Examples are stored grouped by intent: intent i owns examples firstExample[i] … firstExample[i+1]-1. */
  private readonly firstExample: number[];
  private readonly exampleLangs: Lang[];
  private readonly wordSpace: TfIdfSpace;
  private readonly charSpace: TfIdfSpace;
  private readonly options: ClassifierOptions;
  private readonly scratch: Float64Array;
  private readonly speller: SpellingCorrector;

  constructor(examples: readonly TrainingExample[], options: Partial<ClassifierOptions> = {}) {
    if (examples.length === 0) throw new Error('IntentClassifier needs at least one training example.');
    this.options = { ...DEFAULT_CLASSIFIER_OPTIONS, ...options };
    const sorted = [...examples].sort((a, b) => compareText(a.intent, b.intent));
    this.intents = [...new Set(sorted.map((e) => e.intent))];
    const indexOf = new Map(this.intents.map((intent, i) => [intent, i]));
    const intentOf = sorted.map((e) => indexOf.get(e.intent) ?? 0);
    this.firstExample = this.intents.map((intent) => sorted.findIndex((e) => e.intent === intent));
    this.firstExample.push(sorted.length);
    this.exampleLangs = sorted.map((e) => e.lang);
    const features = sorted.map((e) => extractFeatures(analyze(e.text)));
    this.speller = new SpellingCorrector(sorted.flatMap((e) => tokenize(e.text)));
    this.wordSpace = new TfIdfSpace(features.map((f) => f.words), intentOf, this.intents.length);
    this.charSpace = new TfIdfSpace(features.map((f) => f.chars), intentOf, this.intents.length);
    this.scratch = new Float64Array(this.wordSpace.documentCount);
  }

  /** The intent ids this classifier knows, sorted. */
  get intentIds(): readonly string[] {
    return this.intents;
  }

  /** Every known intent with a score in [0, 1], best first (ties broken by id, so the order is stable). */
  rank(text: string, lang: Lang): ScoredIntent[] {
    const { wordWeight, neighbours, neighbourWeight, otherLanguageWeight } = this.options;
    const sims = this.scratch.fill(0);
    const features = extractFeatures(analyze(text, (word) => this.speller.correct(word)));
    this.wordSpace.addCosines(features.words, sims, wordWeight);
    this.charSpace.addCosines(features.chars, sims, 1 - wordWeight);
    const exampleCount = this.exampleLangs.length;
    const ranked: ScoredIntent[] = this.intents.map((intent, i) => {
      const best = new Array<number>(neighbours).fill(0);
      for (let e = this.firstExample[i]; e < this.firstExample[i + 1]; e++) {
        const sim = this.exampleLangs[e] === lang ? sims[e] : sims[e] * otherLanguageWeight;
        insertTop(best, sim);
      }
      const count = Math.min(neighbours, this.firstExample[i + 1] - this.firstExample[i]);
      const knn = best.slice(0, count).reduce((a, b) => a + b, 0) / count;
      const centroid = sims[exampleCount + i];
      return { intent, score: clamp01(neighbourWeight * knn + (1 - neighbourWeight) * centroid) };
    });
    return ranked.sort((a, b) => b.score - a.score || compareText(a.intent, b.intent));
  }
}

/** Keeps `best` as the largest values seen so far, in descending order. */
function insertTop(best: number[], value: number): void {
  if (value <= best[best.length - 1]) return;
  let i = best.length - 1;
  while (i > 0 && best[i - 1] < value) {
    best[i] = best[i - 1];
    i--;
  }
  best[i] = value;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
