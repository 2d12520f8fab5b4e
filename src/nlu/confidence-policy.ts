import type { ScoredIntent, Understanding } from './types';

/** The intent of phrases the assistant declines (see src/content/out-of-scope.yaml). */
export const OUT_OF_SCOPE = 'out_of_scope';

/**
 * When the assistant answers, asks "Bedoelt u…?", or declines. The evidence for answering at all is the lead
 * of the best in-scope intent over `out_of_scope`: that separates declines better than the best score alone,
 * because long real questions score low on every intent. Tuned on test/nlu/labelled-questions.json with room
 * to spare on both sides (see the bench).
 */
export interface ConfidenceThresholds {
  /** Below this lead of the best in-scope intent over out_of_scope, the message is declined. */
  minLead: number;
  /** From this score on, the best intent may be answered without asking … */
  sureScore: number;
  /** … provided it leads every other intent (out_of_scope included) by at least this much. */
  sureLead: number;
  /** When unsure, a third candidate is offered only if within this distance of the best score. */
  thirdCandidateWindow: number;
}

export const DEFAULT_THRESHOLDS: Readonly<ConfidenceThresholds> = {
  minLead: 0.13,
  sureScore: 0.25,
  sureLead: 0.08,
  thirdCandidateWindow: 0.05,
};

/** Sure (one intent), unsure (2–3 in-scope candidates) or out of scope, from a ranking sorted best first. */
export function decide(ranked: ScoredIntent[], thresholds: ConfidenceThresholds = DEFAULT_THRESHOLDS): Understanding {
  const inScope = ranked.filter((r) => r.intent !== OUT_OF_SCOPE);
  const declineScore = ranked.find((r) => r.intent === OUT_OF_SCOPE)?.score ?? 0;
  const best = inScope[0];
  if (best === undefined || best.score - declineScore < thresholds.minLead) return { kind: 'out_of_scope', ranked };
  const runnerUp = Math.max(inScope[1]?.score ?? 0, declineScore);
  if (inScope.length === 1 || (best.score >= thresholds.sureScore && best.score - runnerUp >= thresholds.sureLead)) {
    return { kind: 'sure', intent: best.intent, score: best.score, ranked };
  }
  const candidates = inScope.slice(0, 2);
  const third = inScope[2];
  if (third !== undefined && best.score - third.score <= thresholds.thirdCandidateWindow) candidates.push(third);
  return { kind: 'unsure', candidates, ranked };
}
