import type { ReportData } from './report-data';

const percent = (n: number): string => `${Math.round(n * 100)}%`;

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** The report as plain-text tables for the terminal (operator-facing, so in English and in code). */
export function reportTable(data: ReportData): string {
  const summary = table(
    ['Summary', 'Value'],
    [
      ['Period', data.from ? `${data.from.slice(0, 10)} – ${data.to!.slice(0, 10)}` : 'no events'],
      ['Users', data.users],
      ['Replies', data.turns],
      ['Not understood', `${data.fallbackTurns} (${percent(data.turns === 0 ? 0 : data.fallbackTurns / data.turns)})`],
      ['Handoffs', data.handoffs],
      ['Feedback 👍 / 👎', `${data.feedbackUp} / ${data.feedbackDown}`],
    ],
  );
  const funnel = table(['Step', 'Users', 'Of walkers'], data.funnel.map((r) => [`${r.position} ${r.title}`, r.users, percent(r.share)]));
  const helpful = table(['Topic', '👍', '👎', 'Helpful'], data.helpfulness.map((r) => [r.title, r.up, r.down, percent(r.share)]));
  const handoff = table(['Owner', 'Handoffs', 'Users', 'Rate'], data.handoffByOwner.map((r) => [r.name, r.handoffs, r.users, percent(r.rate)]));
  const unanswered = table(['Unanswered (redacted)', 'Count'], data.unanswered.map((r) => [r.text.length > 60 ? `${r.text.slice(0, 57)}...` : r.text, r.count]));
  return [summary, funnel, helpful, handoff, unanswered].join('\n\n');
}
