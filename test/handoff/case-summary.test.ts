import { expect } from '../support/chai';
import { loadContent } from '../../src/content/loader';
import { uiText } from '../../src/content/texts';
import { DutchWorkingDays } from '../../src/dates/working-days';
import { caseSummary } from '../../src/handoff/case-summary';

const NOW = new Date('2025-11-28T12:00:00Z');

describe('handoff: case summary to paste into the owner’s contact form', () => {
  const content = loadContent();
  const calendar = new DutchWorkingDays();

  it('is in English for EU Login support, with steps in walkthrough order, what was tried and what went wrong', () => {
    const summary = caseSummary(
      content,
      calendar,
      { owner: 'eu_login_support', trail: ['register_start', 'wt_email_arrived', 'no_email', 'link_expired'], stepsDone: ['wt_password_set', 'wt_has_account', 'wt_email_arrived'], problemTopic: 'link_expired' },
      NOW,
    );
    expect(summary.lang).to.equal('en');
    expect(summary.text).to.include(uiText(content, 'summary_goal', 'en'));
    expect(summary.text).to.include(content.links.get('traces_login')!.url);
    const steps = ['wt_has_account', 'wt_email_arrived', 'wt_password_set'].map((id) => content.nodes.get(id)!.title.en);
    const positions = steps.map((title) => summary.text.indexOf(title));
    expect(positions.every((p) => p > 0)).to.equal(true);
    expect([...positions].sort((a, b) => a - b)).to.deep.equal(positions);
    expect(summary.text).to.include(content.nodes.get('no_email')!.title.en);
    expect(summary.text).to.include(uiText(content, 'summary_problem', 'en', { problem: content.nodes.get('link_expired')!.title.en }));
    expect(summary.text).to.include(uiText(content, 'summary_add_eu_login_support', 'en'));
  });

  it('is in Dutch for Skal and the Dutch authorities, and adds the request date with the expected day', () => {
    const skal = caseSummary(content, calendar, { owner: 'skal', trail: ['company_not_found'], stepsDone: [], problemTopic: 'company_not_found' }, NOW);
    expect(skal.lang).to.equal('nl');
    expect(skal.text).to.include(uiText(content, 'summary_goal', 'nl'));
    const authority = caseSummary(content, calendar, { owner: 'competent_authority', trail: ['activation_late'], stepsDone: [], accessRequestedOn: '2025-11-28' }, NOW);
    expect(authority.text).to.include('vrijdag 28 november').and.include('dinsdag 2 december');
  });

  it('is built from ids only: nothing the user typed can end up in it', () => {
    const summary = caseSummary(content, calendar, { owner: 'skal', trail: ['not a node <script>', 'company_not_found'], stepsDone: ['jan@example.nl'], problemTopic: 'jan@example.nl' }, NOW);
    expect(summary.text).to.not.include('jan@example.nl').and.not.include('<script>');
  });
});
