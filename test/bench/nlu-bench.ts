/**
 * Measures the local recogniser on the real content and the labelled questions, and lists what it gets wrong
 * so content writers can improve training phrases. Run: npm run bench:nlu
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent, trainingExamples } from '../../src/content/loader';
import { PROJECT_ROOT } from '../../src/paths';
import { evaluate, evaluateLanguage, type LabelledQuestion } from '../../src/nlu/evaluate';
import { OUT_OF_SCOPE } from '../../src/nlu/confidence-policy';
import { createRecognizer } from '../../src/nlu/recognizer';
import type { Recognizer } from '../../src/nlu/types';

const PASSES = 20;
const LABELLED = path.join(PROJECT_ROOT, 'test', 'nlu', 'labelled-questions.json');

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function timePerMessage(recognizer: Recognizer, questions: readonly LabelledQuestion[]): { mean: number; p50: number; p99: number } {
  const samples: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const q of questions) {
      const start = performance.now();
      recognizer.detectLanguage(q.text, q.lang);
      recognizer.understand(q.text, q.lang);
      samples.push((performance.now() - start) * 1000);
    }
  }
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(samples.length * q))];
  return { mean, p50: at(0.5), p99: at(0.99) };
}

function main(): void {
  const examples = trainingExamples(loadContent());
  const questions = JSON.parse(fs.readFileSync(LABELLED, 'utf8')) as LabelledQuestion[];
  const trainStart = performance.now();
  const recognizer = createRecognizer(examples);
  const trainMs = performance.now() - trainStart;
  const intents = new Set(examples.map((e) => e.intent)).size;
  const result = evaluate(recognizer, questions);
  const language = evaluateLanguage(recognizer, questions);
  const speed = timePerMessage(recognizer, questions);

  console.log(`training: ${examples.length} phrases, ${intents} intents, ${trainMs.toFixed(0)} ms`);
  console.log(`labelled: ${result.inScope} in scope, ${result.outOfScope} out of scope`);
  console.log(`top-1 accuracy (in scope): all ${pct(result.top1.all)}, nl ${pct(result.top1.nl)}, en ${pct(result.top1.en)}`);
  console.log(`sure: ${pct(result.sureRate)} of in-scope questions, of which right ${pct(result.sureAccuracy)}`);
  console.log(`unsure: ${pct(result.unsureRate)}, right topic among the candidates ${pct(result.unsureHit)}`);
  console.log(`in-scope questions declined as out of scope: ${pct(result.falseRejection)}`);
  console.log(`right on the first reply (sure and right, or right among candidates): ${pct(result.rightFirstReply)}`);
  console.log(`out-of-scope rejection: ${pct(result.outOfScopeRejection)}`);
  console.log(`language: ${pct(language.againstPrior)} with the other language as prior, ${pct(language.withPrior)} with the same`);
  console.log(
    `speed: mean ${speed.mean.toFixed(0)} µs, p50 ${speed.p50.toFixed(0)} µs, p99 ${speed.p99.toFixed(0)} µs per message ` +
      `(language + understand, ${PASSES} passes; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`,
  );

  // what content writers can act on: in-scope questions ranked wrong, and declines that were not made
  const misses = result.judged.filter(
    (j) => !j.rightFirstReply || (j.question.topic !== OUT_OF_SCOPE && j.top !== j.question.topic),
  );
  console.log(`\nmisclassified (top-1 wrong, or out of scope not declined): ${misses.length}`);
  for (const j of misses) {
    const u = j.understanding;
    const got =
      u.kind === 'sure' ? `sure ${u.intent}` : u.kind === 'unsure' ? `asked ${u.candidates.map((c) => c.intent).join('|')}` : 'declined';
    const verdict = j.rightFirstReply ? 'ok on first reply' : 'WRONG';
    const scores = u.ranked.slice(0, 3).map((r) => `${r.intent}=${r.score.toFixed(2)}`).join(' ');
    console.log(`  [${j.question.lang}] ${verdict}: expected ${j.question.topic}, ${got} (${scores}): ${j.question.text}`);
  }
  if (language.misses.length > 0) {
    console.log(`\nlanguage missed against the prior (${language.misses.length}):`);
    for (const q of language.misses) console.log(`  [${q.lang}] ${q.text}`);
  }
}

main();
