import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ExpectRepliesClient, type ReplyActivity } from '../../src/cli/expect-replies-client';
import { PROJECT_ROOT } from '../../src/paths';
import { expect } from '../support/chai';
import { startTestApp, tempDataDir, type RunningApp } from '../support/test-app';

const CONVERSATIONS = Number(process.env.LOAD_CONVERSATIONS ?? 300);

/** Scripted paths from the conversation tests (no restarts): their topic ids are the expected states. */
const SCRIPTS = [
  'happy_path/walkthrough-by-numbers-only.yaml',
  'happy_path/walkthrough-by-free-text-nl.yaml',
  'happy_path/walkthrough-by-free-text-en.yaml',
  'happy_path/clicks-on-cards.yaml',
  'commands/help-menu-stop.yaml',
];
const CHANNELS = ['webchat', 'msteams', 'emulator'];

interface Turn {
  user?: string;
  click?: string;
  join?: boolean;
  expect?: string;
}

interface Script {
  file: string;
  locale: string;
  channel?: string;
  turns: Turn[];
}

function loadScript(file: string): Script {
  const spec = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'conversations', 'cases', file), 'utf8')) as { locale?: string; channel?: string; turns: Turn[] };
  return { file, locale: spec.locale ?? 'nl-NL', channel: spec.channel, turns: spec.turns };
}

/** What one conversation saw: where it ended, and the first turn that went wrong (if any). */
interface Walk {
  script: string;
  endTopic?: string;
  expectedEnd?: string;
  failure?: string;
  latenciesMs: number[];
}

async function walk(url: string, script: Script, channelId: string): Promise<Walk> {
  const client = new ExpectRepliesClient(url, { channelId: script.channel ?? channelId, locale: script.locale });
  const result: Walk = { script: script.file, latenciesMs: [], expectedEnd: [...script.turns].reverse().find((t) => t.expect)?.expect };
  for (const [i, turn] of script.turns.entries()) {
    const started = Date.now();
    let replies: ReplyActivity[];
    try {
      if (turn.join) replies = await client.join();
      else if (turn.click) replies = await client.say('', { value: { goto: turn.click } });
      else replies = await client.say(turn.user ?? '');
    } catch (error) {
      result.failure = `turn ${i + 1}: ${String(error)}`;
      return result;
    }
    result.latenciesMs.push(Date.now() - started);
    result.endTopic = replies[0]?.channelData?.topicId;
    if (turn.expect && result.endTopic !== turn.expect) {
      result.failure = `turn ${i + 1} (${turn.user ?? turn.click ?? 'join'}): expected ${turn.expect}, got ${result.endTopic}`;
      return result;
    }
  }
  return result;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

describe(`hardening: load, ${CONVERSATIONS} conversations at once on lowdb`, function () {
  this.timeout(300_000);
  let running: RunningApp;
  let dataDir: string;

  before(async () => {
    dataDir = tempDataDir('traces-load-');
    running = await startTestApp({ STORAGE: 'lowdb', DATA_DIR: dataDir });
  });
  after(async () => {
    await running.app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('brings every conversation to its expected end state, with no 5xx and the process healthy', async () => {
    const scripts = SCRIPTS.map(loadScript);
    const started = Date.now();
    const walks = await Promise.all(
      Array.from({ length: CONVERSATIONS }, (_, i) => walk(running.url, scripts[i % scripts.length], CHANNELS[i % CHANNELS.length])),
    );
    const elapsedMs = Date.now() - started;
    const latencies = walks.flatMap((w) => w.latenciesMs).sort((a, b) => a - b);
    const failures = walks.filter((w) => w.failure || w.endTopic !== w.expectedEnd);
    console.log(
      `      load: ${CONVERSATIONS} conversations, ${latencies.length} turns in ${elapsedMs} ms ` +
        `(${Math.round((latencies.length * 1000) / elapsedMs)} turns/s); latency p50 ${percentile(latencies, 0.5)} ms, ` +
        `p95 ${percentile(latencies, 0.95)} ms, max ${latencies[latencies.length - 1]} ms; state errors ${failures.length}`,
    );
    expect(failures.map((w) => `${w.script}: ${w.failure ?? `ended at ${w.endTopic}`}`), 'conversations that did not reach their end state').to.deep.equal([]);
    expect((await fetch(`${running.url}/healthz`)).status).to.equal(200);
    const errors = running.logLines.filter((line) => /"event":"(turn_error|messages_failed|overloaded|unhandled_rejection)"/.test(line));
    expect(errors, 'turn errors, overload refusals or failures logged under load').to.deep.equal([]);
  });
});
