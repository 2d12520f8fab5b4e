import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Content, Lang } from '../../src/content/types';
import { PROJECT_ROOT, PUBLIC_DIR } from '../../src/paths';
import { expect } from '../support/chai';
import { startTestApp, type RunningApp } from '../support/test-app';

/** Debian's Chromium, installed by .ci/run; playwright-core brings no browser of its own. */
const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results');
const WAIT_MS = 15_000;

const pageText = JSON.parse(fs.readFileSync(path.join(PUBLIC_DIR, 'page-text.json'), 'utf8')) as Record<Lang, Record<string, string>>;

/** How Web Chat shows a line of content: markdown and link tokens gone, typographic quotes made plain. */
function plain(text: string): string {
  return text
    .replace(/\{link:[a-z0-9_]+\}/g, '')
    .replace(/\*\*|__|_/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A recognisable piece of a node's answer: the start of its first line, as the transcript shows it. */
function marker(content: Content, nodeId: string, lang: Lang): string {
  const node = content.nodes.get(nodeId);
  if (!node) throw new Error(`no node ${nodeId}`);
  return plain(node.say[lang].split('\n')[0]).slice(0, 28);
}

function uiMarker(content: Content, key: string, lang: Lang): string {
  return plain(content.ui.get(key)![lang]).slice(0, 28);
}

/**
 * The text of each message bubble, normalised like `plain`. Bubbles, not the transcript's whole text: Web Chat also
 * writes each new message into a screen-reader live region, which would count it twice.
 */
async function bubbles(page: Page): Promise<string[]> {
  const texts = await page.$$eval('.webchat__bubble__content', (elements) => elements.map((e) => e.textContent ?? ''));
  return texts.map(plain);
}

async function transcript(page: Page): Promise<string> {
  return (await bubbles(page)).join('\n');
}

/** How many bubbles show this text. */
async function bubblesWith(page: Page, needle: string): Promise<number> {
  return (await bubbles(page)).filter((text) => text.includes(needle)).length;
}

function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

async function waitForText(page: Page, needle: string, times = 1): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  let seen = '';
  while (Date.now() < deadline) {
    seen = await transcript(page);
    if (occurrences(seen, needle) >= times) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`"${needle}" did not appear ${times}× in the transcript within ${WAIT_MS} ms. Transcript: ${seen.slice(-600)}`);
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-id="webchat-sendbox-input"], .webchat__send-box-text-box__input').first();
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}

describe('web chat in a real browser (headless Chromium)', function () {
  this.timeout(120_000);
  let running: RunningApp;
  let content: Content;
  let browser: Browser;
  let context: BrowserContext | undefined;
  const offsite: string[] = [];
  const cspViolations: string[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      // In CI a skipped browser test would hide a broken page: fail there, skip only on a developer's machine.
      if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: .ci/run must install Debian's chromium.`);
      this.skip();
    }
    running = await startTestApp();
    content = running.app.content;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await running?.app.close();
  });

  /**
   * A new tab (its own session storage, so its own conversation) in a browser whose every request must stay on this
   * machine. Tabs share one browser context so the Web Chat bundle is downloaded once.
   */
  async function open(viewport = { width: 1280, height: 860 }): Promise<Page> {
    if (!context) {
      context = await browser.newContext({ locale: 'nl-NL' });
      await context.route('**/*', async (route) => {
        const { protocol, hostname } = new URL(route.request().url());
        // blob: and data: URLs are made inside the page; they never touch the network.
        if (protocol === 'blob:' || protocol === 'data:' || hostname === 'localhost' || hostname === '127.0.0.1') return route.continue();
        offsite.push(route.request().url());
        return route.abort();
      });
    }
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await page.goto(running.url + '/');
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  }

  it('loads with nothing from outside this machine, welcomes once, answers a click and a typed question, and keeps it all on reload', async () => {
    const page = await open();
    const welcome = marker(content, 'greeting', 'nl');
    await waitForText(page, welcome);
    expect(await bubblesWith(page, welcome)).to.equal(1);
    expect(await page.locator('h1').textContent()).to.equal(pageText.nl.title);

    // A click on the first choice of the welcome goes where the content says it goes.
    const firstChoice = content.nodes.get('greeting')!.choices[0];
    await page.getByRole('toolbar').getByRole('button', { name: firstChoice.label.nl, exact: true }).click();
    await waitForText(page, marker(content, firstChoice.goto, 'nl'));
    // The walkthrough's step shows as a progress bar above the chat.
    await page.locator('#progress:not([hidden])').waitFor({ timeout: WAIT_MS });

    await send(page, 'hoe log ik in bij traces nt?');
    await waitForText(page, marker(content, 'login_how', 'nl'));
    await shot(page, 'webchat-desktop');

    await page.reload();
    await waitForText(page, marker(content, 'login_how', 'nl'));
    expect(await bubblesWith(page, welcome)).to.equal(1);
    expect(await transcript(page)).to.contain(marker(content, firstChoice.goto, 'nl'));
    // Give a second welcome the time to arrive if it were coming (polling runs every second).
    await page.waitForTimeout(2500);
    expect(await bubblesWith(page, welcome)).to.equal(1);
    await shot(page, 'webchat-desktop-after-reload');

    expect(offsite).to.deep.equal([]);
    expect(cspViolations).to.deep.equal([]);
    await page.close();
  });

  it('switches the page and the assistant to English and back', async () => {
    const page = await open();
    await waitForText(page, marker(content, 'greeting', 'nl'));
    await page.getByRole('button', { name: 'EN', exact: true }).click();

    await waitForText(page, uiMarker(content, 'lang_switched', 'en'));
    expect(await page.getAttribute('html', 'lang')).to.equal('en');
    expect(await page.locator('h1').textContent()).to.equal(pageText.en.title);
    expect(await page.getByRole('button', { name: 'EN', exact: true }).getAttribute('aria-pressed')).to.equal('true');

    await send(page, 'how do I log in to traces?');
    await waitForText(page, marker(content, 'login_how', 'en'));
    await shot(page, 'webchat-language-en');

    // The choice survives a reload, as the conversation does.
    await page.reload();
    await waitForText(page, marker(content, 'login_how', 'en'));
    expect(await page.locator('h1').textContent()).to.equal(pageText.en.title);

    await page.getByRole('button', { name: 'NL', exact: true }).click();
    await waitForText(page, uiMarker(content, 'lang_switched', 'nl'));
    expect(await page.getAttribute('html', 'lang')).to.equal('nl');
    expect(offsite).to.deep.equal([]);
    await page.close();
  });

  it('fits a phone screen (390 px wide) with the chat and privacy line usable', async () => {
    const page = await open({ width: 390, height: 844 });
    await waitForText(page, marker(content, 'greeting', 'nl'));
    const firstChoice = content.nodes.get('greeting')!.choices[0];
    await page.getByRole('toolbar').getByRole('button', { name: firstChoice.label.nl, exact: true }).click();
    await waitForText(page, marker(content, firstChoice.goto, 'nl'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).to.be.at.most(0);
    expect(await page.locator('#privacy').isVisible()).to.equal(true);
    expect(await page.getByRole('button', { name: pageText.nl.forget_button }).isVisible()).to.equal(true);
    await shot(page, 'webchat-mobile');
    expect(offsite).to.deep.equal([]);
    await page.close();
  });

  it('labels the page for screen readers and keyboard users', async () => {
    const page = await open();
    await waitForText(page, marker(content, 'greeting', 'nl'));
    expect(await page.locator('main').getAttribute('aria-label')).to.equal(pageText.nl.chat_label);
    expect(await page.getByRole('group', { name: pageText.nl.language_group }).count()).to.equal(1);
    // The language buttons are reachable with the keyboard.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-lang'));
    expect(focused).to.equal('nl');
    await page.close();
  });
});
