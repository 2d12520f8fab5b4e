import { expect } from '../support/chai';
import type { AnalyticsEvent } from '../../src/analytics/events';
import { buildReport } from '../../src/analytics/report-data';
import { reportHtml } from '../../src/analytics/report-html';
import { reportTable } from '../../src/analytics/report-table';
import { loadContent } from '../../src/content/loader';
import { parseArgs, ReportArgsError } from '../../scripts/report';

const base = { channel: 'webchat', lang: 'nl' as const, at: '2025-11-28T12:00:00Z' };
const turn = (user: string, topic: string, step?: string, fallback = false): AnalyticsEvent => ({ ...base, user, type: 'turn', topic, kind: 'answer', action: 'goto', ...(step ? { step } : {}), fallback });

describe('analytics: report (funnel, helpfulness, handoff rate, unanswered)', () => {
  const content = loadContent();
  const events: AnalyticsEvent[] = [
    turn('a', 'wt_has_account', 'wt_has_account'),
    turn('b', 'wt_has_account', 'wt_has_account'),
    turn('c', 'wt_has_account', 'wt_has_account'),
    turn('d', 'wt_has_account', 'wt_has_account'),
    turn('a', 'wt_email_arrived', 'wt_email_arrived'),
    turn('b', 'wt_email_arrived', 'wt_email_arrived'),
    turn('a', 'wt_email_arrived', 'wt_email_arrived'),
    turn('e', 'out_of_scope', undefined, true),
    { ...base, user: 'a', type: 'feedback', topic: 'no_email', helpful: true },
    { ...base, user: 'b', type: 'feedback', topic: 'no_email', helpful: false },
    { ...base, user: 'c', type: 'feedback', topic: 'link_expired', helpful: false },
    { ...base, user: 'a', type: 'handoff', owner: 'skal', topic: 'company_not_found' },
    { ...base, user: 'a', type: 'handoff', owner: 'skal' },
    { ...base, user: 'b', type: 'handoff', owner: 'eu_login_support' },
    { ...base, user: 'e', type: 'unanswered', text: 'Kan ik CHED-PP aanvragen?' },
    { ...base, user: 'd', type: 'unanswered', text: 'kan ik ched-pp aanvragen' },
    { ...base, user: 'd', type: 'unanswered', text: '<script>alert(1)</script>' },
  ];

  it('counts distinct users per step, as a share of the users who reached any step, in walkthrough order', () => {
    const data = buildReport(events, content);
    const row = (id: string) => data.funnel.find((r) => r.step === id)!;
    expect(row('wt_has_account')).to.include({ users: 4, share: 1 });
    expect(row('wt_email_arrived')).to.include({ users: 2, share: 0.5 });
    const order = data.funnel.map((r) => r.position);
    expect(order[0].startsWith('1.')).to.equal(true);
    expect(order[order.length - 1].startsWith('2.')).to.equal(true);
  });

  it('rates topics by 👍/👎, least helpful first, and handoffs by distinct users per owner', () => {
    const data = buildReport(events, content);
    expect(data.helpfulness[0]).to.include({ topic: 'link_expired', up: 0, down: 1, share: 0 });
    expect(data.helpfulness[1]).to.include({ topic: 'no_email', up: 1, down: 1, share: 0.5 });
    expect(data.handoffByOwner[0]).to.include({ owner: 'skal', handoffs: 2, users: 1, rate: 0.2 });
    expect(data.handoffByOwner.find((r) => r.owner === 'traces_admin')).to.include({ handoffs: 0, rate: 0 });
    expect(data).to.include({ users: 5, turns: 8, fallbackTurns: 1, handoffs: 3, feedbackUp: 1, feedbackDown: 2 });
  });

  it('groups unanswered questions that differ only in case and punctuation', () => {
    const data = buildReport(events, content);
    expect(data.unanswered[0]).to.deep.equal({ text: 'Kan ik CHED-PP aanvragen?', count: 2 });
  });

  it('writes a self-contained HTML page: inline SVG charts, escaped text, no external assets', () => {
    const html = reportHtml(buildReport(events, content), new Date('2025-11-29T08:00:00Z'), events.length);
    expect(html.match(/<svg /g)?.length).to.equal(3);
    expect(html).to.not.include('<script');
    expect(html).to.include('&lt;script&gt;');
    expect(html).to.not.match(/<link |src=|url\(|@import/);
    expect(html).to.not.match(/href="http/);
  });

  it('prints summary tables for the terminal', () => {
    const table = reportTable(buildReport(events, content));
    expect(table).to.include('Users').and.include('Skal').and.include('Kan ik CHED-PP aanvragen?');
  });

  it('reports an empty period without failing', () => {
    const data = buildReport([], content);
    expect(data.users).to.equal(0);
    expect(reportHtml(data, new Date(0), 0)).to.include('No data yet.');
  });

  it('reads --data-dir, --out and --screenshot, and names a wrong option', () => {
    expect(parseArgs(['--data-dir', 'x', '--out', 'r.html', '--screenshot', 'r.png'])).to.deep.equal({ dataDir: 'x', out: 'r.html', screenshot: 'r.png' });
    expect(() => parseArgs(['--data'])).to.throw(ReportArgsError, /--data/);
    expect(() => parseArgs(['--out'])).to.throw(ReportArgsError, /needs a value/);
  });
});
