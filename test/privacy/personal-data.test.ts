import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect } from '../support/chai';
import { readEvents } from '../../src/analytics/event-store';
import { Chat, testClock, topicsOf } from '../analytics/conversation-kit';
import { startTestApp, tempDataDir, type RunningApp } from '../support/test-app';

/** Everything personal the conversation below contains; none of it may reach the disk or the logs. */
const SECRETS = ['jan.jansen', 'voorbeeld.nl', 'Jansen', '12345678', '87654321', '8765 4321', 'NL91ABNA', '0417164300', 'Zomer2025', 'Hunter2024', 'Geheim'];

const CONVERSATION = [
  'Hallo, mijn naam is Jan Jansen en mijn e-mail is jan.jansen@voorbeeld.nl',
  'de link werkt niet meer, ik kreeg hem op jan.jansen@voorbeeld.nl om 12:10',
  'bel me op 06-12345678 of +31 6 8765 4321',
  'wat kost een pizza? bel me op 06-12345678',
  'ons IBAN is NL91ABNA0417164300, klopt dat voor Skal?',
  'mijn wachtwoord is Zomer2025!Geheim',
  'Zomer2025!Geheim',
  'my password: Hunter2024!x',
  'ik wil een mens spreken, mail jan.jansen@voorbeeld.nl',
];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('privacy: a conversation full of personal data leaves none of it under DATA_DIR or in the logs', function () {
  this.timeout(120_000);
  let dataDir: string;
  let running: RunningApp;

  beforeEach(async () => {
    dataDir = tempDataDir('traces-privacy-');
    running = await startTestApp({ STORAGE: 'lowdb', DATA_DIR: dataDir, LOG_LEVEL: 'debug' }, { now: testClock().now });
  });
  afterEach(async () => {
    await running.app.close().catch(() => undefined);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('redacts before storing and logging, and warns about passwords', async () => {
    const chat = new Chat(running.url);
    const topics: (string | undefined)[][] = [];
    for (const text of CONVERSATION) topics.push(topicsOf(await chat.say(text)));
    await chat.click('contact_human');
    // The three password messages get the warning and nothing else.
    expect(topics[5]).to.deep.equal(['privacy_warning']);
    expect(topics[6]).to.deep.equal(['privacy_warning']);
    expect(topics[7]).to.deep.equal(['privacy_warning']);
    await running.app.close();

    const files = await filesUnder(dataDir);
    expect(files.some((f) => f.includes(`${path.sep}analytics${path.sep}`)), 'analytics were written').to.equal(true);
    expect(files.some((f) => f.includes(`${path.sep}state${path.sep}`)), 'state was written').to.equal(true);
    for (const file of files) {
      const text = await fs.readFile(file, 'utf8');
      for (const secret of SECRETS) expect(text, `${path.relative(dataDir, file)} holds "${secret}"`).to.not.include(secret);
    }
    expect(running.logLines.length, 'the app logged').to.be.greaterThan(0);
    const logs = running.logLines.join('\n');
    for (const secret of SECRETS) expect(logs, `logs hold "${secret}"`).to.not.include(secret);
    // What was kept of the unanswered question is its redacted form.
    const unanswered = (await readEvents(path.join(dataDir, 'analytics'))).filter((e) => e.type === 'unanswered');
    expect(unanswered.map((e) => (e.type === 'unanswered' ? e.text : ''))).to.include('wat kost een pizza? bel me op [phone]');
  });

  it('"vergeet mij" deletes the user’s state, events and reminder; other users keep theirs', async () => {
    const other = new Chat(running.url);
    await other.click('no_email');
    const chat = new Chat(running.url);
    await chat.click('no_email');
    await chat.click('activation_time');
    await chat.click('followup_optin');
    const keys = running.app.features!.keys;
    const mine = keys.keyOf('webchat', chat.client.userId);
    const theirs = keys.keyOf('webchat', other.client.userId);
    expect((await running.app.features!.events.all()).some((e) => e.user === mine)).to.equal(true);
    expect(await running.app.features!.reminders.list()).to.have.length(1);

    expect(topicsOf(await chat.say('vergeet mij'))).to.deep.equal(['forget_me']);
    await running.app.close();

    const events = await readEvents(path.join(dataDir, 'analytics'));
    expect(events.some((e) => e.user === mine), 'events of the user who asked').to.equal(false);
    expect(events.some((e) => e.user === theirs), 'events of the other user').to.equal(true);
    const stored = await Promise.all((await filesUnder(dataDir)).map((f) => fs.readFile(f, 'utf8')));
    // The hardening's redelivery ledger ("dedupe/…") keeps recent reply bodies until its TTL; it is not user data of this feature.
    const state = stored.filter((text) => !text.startsWith('{"key":"dedupe/')).join('\n');
    expect(state).to.not.include(chat.client.userId);
    expect(state).to.include(other.client.userId);
  });
});
