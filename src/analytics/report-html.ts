import type { ReportData } from './report-data';

/** Operator-facing report (English, in code like other tool output); everything inline, no external assets. */

const esc = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const percent = (n: number): string => `${Math.round(n * 100)}%`;

const COLORS = { phase1: '#2f6db5', phase2: '#3a9a5b', up: '#3a9a5b', down: '#c8463d', handoff: '#8a5bb5', empty: '#e6e9ef' };

interface Bar {
  label: string;
  /** Segments as shares of the full width (0–1), drawn left to right. */
  segments: { share: number; color: string }[];
  value: string;
}

/** A horizontal bar chart as inline SVG: label, bar on a light track, value at the end. */
function barChart(bars: Bar[], title: string): string {
  if (bars.length === 0) return '<p class="empty">No data yet.</p>';
  const labelWidth = 280;
  const barWidth = 380;
  const valueWidth = 110;
  const row = 28;
  const width = labelWidth + barWidth + valueWidth;
  const height = bars.length * row + 8;
  const rows = bars.map((bar, i) => {
    const y = i * row + 4;
    let x = labelWidth;
    const segments = bar.segments.map((s) => {
      const w = Math.max(0, Math.min(1, s.share)) * barWidth;
      const rect = `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 10}" rx="3" fill="${s.color}"/>`;
      x += w;
      return rect;
    });
    return [
      `<text x="${labelWidth - 10}" y="${y + row / 2 + 4}" text-anchor="end" class="label">${esc(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${barWidth}" height="${row - 10}" rx="3" fill="${COLORS.empty}"/>`,
      ...segments,
      `<text x="${labelWidth + barWidth + 10}" y="${y + row / 2 + 4}" class="value">${esc(bar.value)}</text>`,
    ].join('');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rows.join('')}</svg>`;
}

function card(label: string, value: string): string {
  return `<div class="card"><div class="card-value">${esc(value)}</div><div class="card-label">${esc(label)}</div></div>`;
}

/** The whole report as one self-contained HTML page. */
export function reportHtml(data: ReportData, generatedAt: Date, eventCount: number): string {
  const period = data.from ? `${data.from.slice(0, 10)} – ${data.to!.slice(0, 10)}` : 'no events';
  const funnel = barChart(
    data.funnel.map((r) => ({
      label: `${r.position} ${r.title}`,
      segments: [{ share: r.share, color: r.position.startsWith('1.') ? COLORS.phase1 : COLORS.phase2 }],
      value: `${r.users} (${percent(r.share)})`,
    })),
    'Funnel through the walkthrough steps',
  );
  const helpful = barChart(
    data.helpfulness.map((r) => {
      const total = r.up + r.down;
      return {
        label: r.title,
        segments: [
          { share: total === 0 ? 0 : r.up / total, color: COLORS.up },
          { share: total === 0 ? 0 : r.down / total, color: COLORS.down },
        ],
        // Words, not thumbs: headless Chromium on a server often has no emoji font.
        value: `yes ${r.up} · no ${r.down}`,
      };
    }),
    'Helpfulness per topic',
  );
  const handoffs = barChart(
    data.handoffByOwner.map((r) => ({ label: r.name, segments: [{ share: r.rate, color: COLORS.handoff }], value: `${r.handoffs} (${percent(r.rate)} of users)` })),
    'Handoff rate per owner',
  );
  const unanswered =
    data.unanswered.length === 0
      ? '<p class="empty">No unanswered questions.</p>'
      : `<table><thead><tr><th>Question (redacted)</th><th>Times</th></tr></thead><tbody>${data.unanswered
          .map((r) => `<tr><td>${esc(r.text)}</td><td class="num">${r.count}</td></tr>`)
          .join('')}</tbody></table>`;
  const notUnderstood = data.turns === 0 ? 0 : data.fallbackTurns / data.turns;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>TRACES NT assistant: usage report</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 32px; color: #1f2430; background: #fff; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  h2 { font-size: 17px; margin: 28px 0 6px; }
  .sub { color: #5b6272; margin: 0 0 18px; font-size: 14px; }
  .hint { color: #5b6272; font-size: 13px; margin: 0 0 10px; }
  .cards { display: flex; gap: 12px; flex-wrap: wrap; }
  .card { border: 1px solid #dde1e8; border-radius: 8px; padding: 10px 16px; min-width: 120px; }
  .card-value { font-size: 22px; font-weight: 600; }
  .card-label { font-size: 12px; color: #5b6272; }
  svg .label { font-size: 13px; fill: #1f2430; }
  svg .value { font-size: 12px; fill: #5b6272; }
  table { border-collapse: collapse; font-size: 13px; min-width: 560px; }
  th, td { border-bottom: 1px solid #e6e9ef; padding: 6px 10px; text-align: left; }
  td.num { text-align: right; }
  .empty { color: #5b6272; font-style: italic; }
  footer { margin-top: 32px; font-size: 12px; color: #5b6272; }
</style>
</head>
<body>
<h1>TRACES NT assistant: usage report</h1>
<p class="sub">${esc(period)} · ${esc(data.usersByChannel.map((c) => `${c.key}: ${c.users}`).join(', ') || 'no channels')} · ${esc(data.usersByLang.map((l) => `${l.key}: ${l.users}`).join(', ') || 'no languages')}</p>
<div class="cards">
${card('users', String(data.users))}
${card('replies', String(data.turns))}
${card('not understood', percent(notUnderstood))}
${card('handoffs', String(data.handoffs))}
${card('helped: yes / no', `${data.feedbackUp} / ${data.feedbackDown}`)}
</div>
<h2>Funnel through the steps</h2>
<p class="hint">Users who reached each walkthrough step, as a share of all who reached a step. A sharp drop marks where people get stuck.</p>
${funnel}
<h2>Helpfulness per topic</h2>
<p class="hint">Answers to "Did this help?" (green yes, red no), least helpful first.</p>
${helpful}
<h2>Handoff rate per owner</h2>
<p class="hint">Users sent to each owner of a problem, as a share of all users.</p>
${handoffs}
<h2>Top unanswered questions</h2>
<p class="hint">Messages the assistant could not answer, with e-mail addresses, phone numbers, IBANs and passwords removed.</p>
${unanswered}
<footer>Generated ${esc(generatedAt.toISOString())} from ${eventCount} events. Users are salted hashes; no message text is kept except redacted unanswered questions.</footer>
</body>
</html>
`;
}
