import { LANGS, type Lang } from '../content/types';
import { OUT_OF_SCOPE } from './confidence-policy';
import type { Recognizer, Understanding } from './types';

/** One line of test/nlu/labelled-questions.json: a question and the topic it should reach. */
export interface LabelledQuestion {
  topic: string;
  lang: Lang;
  text: string;
}

/** What the recogniser made of one labelled question. */
export interface Judged {
  question: LabelledQuestion;
  top: string;
  understanding: Understanding;
  /** The first reply would help: the sure intent is right, or the right one is among the candidates offered. */
  rightFirstReply: boolean;
}

/** Shares (0–1) over a labelled set; `inScope` counts exclude questions labelled out of scope. */
export interface Evaluation {
  inScope: number;
  outOfScope: number;
  top1: Record<Lang | 'all', number>;
  sureRate: number;
  sureAccuracy: number;
  unsureRate: number;
  unsureHit: number;
  falseRejection: number;
  rightFirstReply: number;
  outOfScopeRejection: number;
  judged: Judged[];
}

/** Runs every labelled question through the recogniser, each in its labelled language. */
export function evaluate(recognizer: Recognizer, questions: readonly LabelledQuestion[]): Evaluation {
  const judged = questions.map((question): Judged => {
    const understanding = recognizer.understand(question.text, question.lang);
    const top = understanding.ranked[0]?.intent ?? OUT_OF_SCOPE;
    return { question, top, understanding, rightFirstReply: isRight(understanding, question.topic) };
  });
  const inScope = judged.filter((j) => j.question.topic !== OUT_OF_SCOPE);
  const outOfScope = judged.filter((j) => j.question.topic === OUT_OF_SCOPE);
  const share = (part: Judged[], of: Judged[]): number => (of.length === 0 ? 0 : part.length / of.length);
  const top1Of = (set: Judged[]): number => share(set.filter((j) => j.top === j.question.topic), set);
  const sure = inScope.filter((j) => j.understanding.kind === 'sure');
  const unsure = inScope.filter((j) => j.understanding.kind === 'unsure');
  const top1 = { all: top1Of(inScope) } as Record<Lang | 'all', number>;
  for (const lang of LANGS) top1[lang] = top1Of(inScope.filter((j) => j.question.lang === lang));
  return {
    inScope: inScope.length,
    outOfScope: outOfScope.length,
    top1,
    sureRate: share(sure, inScope),
    sureAccuracy: share(sure.filter((j) => j.rightFirstReply), sure),
    unsureRate: share(unsure, inScope),
    unsureHit: share(unsure.filter((j) => j.rightFirstReply), unsure),
    falseRejection: share(inScope.filter((j) => j.understanding.kind === 'out_of_scope'), inScope),
    rightFirstReply: share(inScope.filter((j) => j.rightFirstReply), inScope),
    outOfScopeRejection: share(outOfScope.filter((j) => j.understanding.kind === 'out_of_scope'), outOfScope),
    judged,
  };
}

function isRight(understanding: Understanding, topic: string): boolean {
  switch (understanding.kind) {
    case 'sure':
      return understanding.intent === topic;
    case 'unsure':
      return understanding.candidates.some((c) => c.intent === topic);
    case 'out_of_scope':
      return topic === OUT_OF_SCOPE;
  }
}

/** Share of questions whose language is detected right, with the prior set to the other language (the hard case) and to the same one. */
export function evaluateLanguage(
  recognizer: Recognizer,
  questions: readonly LabelledQuestion[],
): { againstPrior: number; withPrior: number; misses: LabelledQuestion[] } {
  const other = (lang: Lang): Lang => (lang === 'nl' ? 'en' : 'nl');
  const misses = questions.filter((q) => recognizer.detectLanguage(q.text, other(q.lang)).lang !== q.lang);
  const withPrior = questions.filter((q) => recognizer.detectLanguage(q.text, q.lang).lang === q.lang);
  const total = Math.max(1, questions.length);
  return { againstPrior: 1 - misses.length / total, withPrior: withPrior.length / total, misses };
}
