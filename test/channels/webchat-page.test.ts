import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { publicFiles, WEBCHAT_BUNDLE_PATH, webChatPackageDir } from '../../src/channels/webchat-page';
import { loadContent, trainingExamples } from '../../src/content/loader';
import { createRecognizer } from '../../src/nlu/recognizer';
import { PUBLIC_DIR } from '../../src/paths';
import { expect } from '../support/chai';
import { startTestApp, type RunningApp } from '../support/test-app';

type PageText = Record<'nl' | 'en', Record<string, string>>;
const pageText = JSON.parse(fs.readFileSync(path.join(PUBLIC_DIR, 'page-text.json'), 'utf8')) as PageText;

describe('web chat page', () => {
  let running: RunningApp;
  before(async () => {
    running = await startTestApp();
  });
  after(async () => running.app.close());

  it('serves the page at / with no inline script, loading Web Chat from this server', async () => {
    const res = await fetch(`${running.url}/`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/html/);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).to.be.greaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).to.match(/\bsrc="\/[^"]+"/);
      expect(body.trim()).to.equal('');
    }
    expect(html).to.contain(`src="${WEBCHAT_BUNDLE_PATH}"`);
    expect(html).to.not.match(/\son[a-z]+=/i); // no inline event handlers
    expect(html).to.not.match(/https?:\/\//); // nothing from another host
    expect(html).to.match(/<meta name="viewport"/);
  });

  it('is served under a CSP that allows scripts from this server only', async () => {
    const csp = (await fetch(`${running.url}/`)).headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? /default-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc.trim()).to.equal("'self'");
  });

  it('serves the botframework-webchat bundle from node_modules, compressed for browsers that take gzip', async () => {
    const file = fs.readFileSync(path.join(webChatPackageDir(), 'dist', 'webchat.js'));
    const plain = await fetch(`${running.url}${WEBCHAT_BUNDLE_PATH}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).to.equal(200);
    expect(plain.headers.get('content-type')).to.match(/javascript/);
    expect(Buffer.from(await plain.arrayBuffer()).equals(file)).to.equal(true);

    const zipped = await fetch(`${running.url}${WEBCHAT_BUNDLE_PATH}`, { headers: { 'accept-encoding': 'gzip' }, decompress: false } as RequestInit);
    // fetch decompresses by itself; either way the content must be the bundle.
    const body = Buffer.from(await zipped.arrayBuffer());
    expect((body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body) : body).equals(file)).to.equal(true);
    const etag = zipped.headers.get('etag')!;
    expect((await fetch(`${running.url}${WEBCHAT_BUNDLE_PATH}`, { headers: { 'if-none-match': etag } })).status).to.equal(304);
  });

  it('serves every file of public/ and nothing outside it', async () => {
    const files = publicFiles();
    expect(files.map(([url]) => url)).to.include.members(['/index.html', '/app.js', '/styles.css', '/page-text.json']);
    for (const [url, file] of files) {
      const res = await fetch(running.url + url);
      expect(res.status, url).to.equal(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(file)), url).to.equal(true);
    }
    expect((await fetch(`${running.url}/../package.json`)).status).to.equal(404);
    expect((await fetch(`${running.url}/%2e%2e/package.json`)).status).to.equal(404);
  });

  describe('page texts', () => {
    it('has the same keys in Dutch and English, none empty', () => {
      expect(Object.keys(pageText.nl).sort()).to.deep.equal(Object.keys(pageText.en).sort());
      for (const lang of ['nl', 'en'] as const) for (const [key, text] of Object.entries(pageText[lang])) expect(text.trim(), `${lang}.${key}`).to.not.equal('');
    });

    it('covers every text key the page uses', () => {
      const html = fs.readFileSync(path.join(PUBLIC_DIR, 'index.html'), 'utf8');
      const script = fs.readFileSync(path.join(PUBLIC_DIR, 'app.js'), 'utf8');
      const used = [
        ...[...html.matchAll(/data-(?:text|label)="([a-z_]+)"/g)].map((m) => m[1]),
        ...[...script.matchAll(/(?:text|showStatus|send)\('([a-z_]+)'\)/g)].map((m) => m[1]),
      ];
      expect(used.length).to.be.greaterThan(8);
      for (const key of used) expect(pageText.nl, key).to.have.property(key);
    });

    // The buttons send these words to the assistant; they must mean what the buttons promise.
    it('sends language and forget-me messages the assistant understands as those commands', () => {
      const recognizer = createRecognizer(trainingExamples(loadContent()));
      const understood = (text: string, lang: 'nl' | 'en') => {
        const result = recognizer.understand(text, recognizer.detectLanguage(text, lang).lang);
        return result.kind === 'sure' ? result.intent : result.kind;
      };
      expect(understood(pageText.en.switch_message, 'nl')).to.equal('cmd:lang_en');
      expect(understood(pageText.nl.switch_message, 'en')).to.equal('cmd:lang_nl');
      expect(understood(pageText.nl.forget_message, 'nl')).to.equal('cmd:forget_me');
      expect(understood(pageText.en.forget_message, 'en')).to.equal('cmd:forget_me');
    });
  });
});
