import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readEvents } from '../src/analytics/event-store';
import { buildReport } from '../src/analytics/report-data';
import { reportHtml } from '../src/analytics/report-html';
import { reportTable } from '../src/analytics/report-table';
import { loadContent } from '../src/content/loader';

/** Usage: npm run report -- [--data-dir DIR] [--out FILE] [--screenshot FILE.png] */
interface ReportArgs {
  /** DATA_DIR of the bot (default: $DATA_DIR or ./data); events are read from its analytics folder. */
  dataDir: string;
  /** Where the HTML report goes (default: ./analytics-report.html). */
  out: string;
  /** Also save a PNG of the report, with headless Chromium (CHROMIUM_PATH or /usr/bin/chromium). */
  screenshot?: string;
}

export class ReportArgsError extends Error {
  override readonly name = 'ReportArgsError';
}

export function parseArgs(argv: string[]): ReportArgs {
  const args: ReportArgs = { dataDir: process.env.DATA_DIR || 'data', out: 'analytics-report.html' };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!['--data-dir', '--out', '--screenshot'].includes(flag)) throw new ReportArgsError(`Unknown option "${flag}". Use --data-dir, --out or --screenshot.`);
    if (value === undefined || value.startsWith('--')) throw new ReportArgsError(`${flag} needs a value.`);
    if (flag === '--data-dir') args.dataDir = value;
    if (flag === '--out') args.out = value;
    if (flag === '--screenshot') args.screenshot = value;
    i += 1;
  }
  return args;
}

/** Renders the page in headless Chromium and saves a full-page PNG. */
export async function screenshot(htmlFile: string, pngFile: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`file://${path.resolve(htmlFile)}`);
    await fs.mkdir(path.dirname(path.resolve(pngFile)), { recursive: true });
    await page.screenshot({ path: pngFile, fullPage: true });
  } finally {
    await browser.close();
  }
}

/** Reads the events, prints the summary tables, writes the HTML report; resolves to the tables. */
export async function runReport(args: ReportArgs, now: Date = new Date()): Promise<string> {
  const dir = path.join(path.resolve(args.dataDir), 'analytics');
  const skipped: string[] = [];
  const events = await readEvents(dir, (file) => skipped.push(file));
  const data = buildReport(events, loadContent());
  await fs.mkdir(path.dirname(path.resolve(args.out)), { recursive: true });
  await fs.writeFile(args.out, reportHtml(data, now, events.length), 'utf8');
  if (args.screenshot) await screenshot(args.out, args.screenshot);
  const notes = [`${events.length} events from ${dir}`, ...skipped.map((f) => `skipped unreadable ${f}`), `Wrote ${args.out}`];
  if (args.screenshot) notes.push(`Wrote ${args.screenshot}`);
  return `${reportTable(data)}\n\n${notes.join('\n')}`;
}

if (require.main === module) {
  Promise.resolve()
    .then(() => runReport(parseArgs(process.argv.slice(2))))
    .then((text) => process.stdout.write(`${text}\n`))
    .catch((error: Error) => {
      process.stderr.write(`report: ${error.message}\n`);
      process.exit(1);
    });
}
