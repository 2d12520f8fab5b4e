import { DEFAULT_THRESHOLDS, decide } from '../../src/nlu/confidence-policy';
import type { ScoredIntent } from '../../src/nlu/types';
import { expect } from '../support/chai';

const ranking = (scores: Record<string, number>): ScoredIntent[] =>
  Object.entries(scores)
    .map(([intent, score]) => ({ intent, score }))
    .sort((a, b) => b.score - a.score);

describe('decide (confidence policy)', () => {
  it('is sure when the best intent clearly leads', () => {
    const u = decide(ranking({ no_email: 0.6, link_expired: 0.3, out_of_scope: 0.05 }));
    expect(u.kind).to.equal('sure');
    if (u.kind === 'sure') expect(u.intent).to.equal('no_email');
  });

  it('offers two candidates when the best two are close', () => {
    const u = decide(ranking({ activation_time: 0.42, activation_late: 0.4, no_email: 0.2, out_of_scope: 0.05 }));
    expect(u.kind).to.equal('unsure');
    if (u.kind === 'unsure') expect(u.candidates.map((c) => c.intent)).to.deep.equal(['activation_time', 'activation_late']);
  });

  it('offers a third candidate only when it is close too', () => {
    const u = decide(ranking({ a: 0.42, b: 0.41, c: 0.4, d: 0.39, out_of_scope: 0.05 }));
    expect(u.kind === 'unsure' && u.candidates.map((c) => c.intent)).to.deep.equal(['a', 'b', 'c']);
  });

  it('never offers out_of_scope as a candidate', () => {
    const u = decide(ranking({ a: 0.45, b: 0.42, out_of_scope: 0.3, c: 0.2 }));
    expect(u.kind === 'unsure' && u.candidates.map((c) => c.intent)).to.deep.equal(['a', 'b']);
  });

  it('declines when out_of_scope wins', () => {
    expect(decide(ranking({ out_of_scope: 0.6, what_is_traces: 0.3 })).kind).to.equal('out_of_scope');
  });

  it('declines when the best in-scope intent barely leads out_of_scope', () => {
    const lead = DEFAULT_THRESHOLDS.minLead / 2;
    expect(decide(ranking({ what_is_traces: 0.3 + lead, out_of_scope: 0.3 })).kind).to.equal('out_of_scope');
  });

  it('declines when nothing scores', () => {
    expect(decide(ranking({ a: 0.05, b: 0.01, out_of_scope: 0 })).kind).to.equal('out_of_scope');
    expect(decide([]).kind).to.equal('out_of_scope');
  });

  it('keeps the full ranking in every decision', () => {
    const ranked = ranking({ a: 0.5, b: 0.2 });
    expect(decide(ranked).ranked).to.equal(ranked);
  });
});
