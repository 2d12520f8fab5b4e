import fs from 'node:fs';
import path from 'node:path';
import { loadContent, trainingExamples } from '../../src/content/loader';
import { PROJECT_ROOT } from '../../src/paths';
import { evaluate, evaluateLanguage, type LabelledQuestion } from '../../src/nlu/evaluate';
import { createRecognizer } from '../../src/nlu/recognizer';
import { expect } from '../support/chai';

// Guards against regressions in the algorithm or the training phrases; `npm run bench:nlu` shows the details.
describe('recogniser on the real content and the labelled questions', () => {
  const questions = JSON.parse(
    fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'nlu', 'labelled-questions.json'), 'utf8'),
  ) as LabelledQuestion[];
  const recognizer = createRecognizer(trainingExamples(loadContent()));
  const result = evaluate(recognizer, questions);

  it('ranks the right topic first for at least 85% of in-scope questions', () => {
    expect(result.inScope).to.be.above(0);
    expect(result.top1.all).to.be.at.least(0.85);
  });

  it('declines at least 75% of out-of-scope questions', () => {
    expect(result.outOfScope).to.be.above(0);
    expect(result.outOfScopeRejection).to.be.at.least(0.75);
  });

  it('is right on the first reply (sure and right, or right among the candidates) for at least 90%', () => {
    expect(result.rightFirstReply).to.be.at.least(0.9);
  });

  it('detects the language of at least 95% of the questions even against the prior', () => {
    expect(evaluateLanguage(recognizer, questions).againstPrior).to.be.at.least(0.95);
  });
});
