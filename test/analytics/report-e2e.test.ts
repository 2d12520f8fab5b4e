import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { expect } from '../support/chai';
import { readEvents } from '../../src/analytics/event-store';
import { PROJECT_ROOT } from '../../src/paths';
import { runReport } from '../../scripts/report';
import { testClock } from './conversation-kit';
import { runScriptedConversations, SCRIPTS } from './scripted-conversations';
import { startTestApp, tempDataDir } from '../support/test-app';

const RESULTS = path.join(PROJECT_ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

describe('analytics: npm run report on a data folder made by scripted conversations', function () {
  this.timeout(180_000);
  let dataDir: string;

  before(async () => {
    dataDir = tempDataDir('traces-report-');
    const running = await startTestApp({ STORAGE: 'lowdb', DATA_DIR: dataDir }, { now: testClock().now });
    try {
      await runScriptedConversations(running.url);
    } finally {
      await running.app.close();
    }
  });
  after(() => fs.rm(dataDir, { recursive: true, force: true }));

  it('left events for every scripted user, with unanswered questions redacted', async () => {
    const events = await readEvents(path.join(dataDir, 'analytics'));
    expect(new Set(events.map((e) => e.user)).size).to.equal(SCRIPTS.length);
    const texts = events.flatMap((e) => (e.type === 'unanswered' ? [e.text] : []));
    expect(texts).to.include('hoeveel kost een pizza, bel [phone]');
    expect(texts.join('\n')).to.not.include('12345678');
  });

  it('prints the tables and writes the HTML report (and a screenshot when Chromium is installed)', async () => {
    const out = path.join(RESULTS, 'report.html');
    const screenshot = existsSync(CHROMIUM) ? path.join(RESULTS, 'report.png') : undefined;
    const printed = await runReport({ dataDir, out, screenshot }, new Date('2025-11-29T08:00:00Z'));
    expect(printed).to.match(/Users\s+12/);
    const html = await fs.readFile(out, 'utf8');
    expect(html).to.include('<svg').and.include('Funnel through the steps');
    // Two of the eleven users who reached a step walked to the last one.
    expect(html).to.include('2 (18%)');
    if (screenshot) expect((await fs.stat(screenshot)).size).to.be.greaterThan(10_000);
  });
});
