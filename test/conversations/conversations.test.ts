import { expect } from '../support/chai';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ExpectRepliesClient, type ReplyActivity } from '../../src/cli/expect-replies-client';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestApp, tempDataDir, type RunningApp } from '../support/test-app';

/** One conversation test as data: what the user says and which topic (and language) the first reply must have. */
interface Turn {
  user?: string;
  /** Send a card click (activity.value) instead of text. */
  click?: string;
  /** Join the conversation (conversationUpdate) instead of sending text. */
  join?: boolean;
  /** Restart the app (same data folder) before this turn. */
  restart?: boolean;
  expect?: string;
  lang?: 'nl' | 'en';
  /** The reply offers a choice leading to this node. */
  offers?: string;
  /** Number of message replies expected (e.g. 0 after a duplicate join). */
  replies?: number;
}

interface Case {
  name: string;
  channel?: string;
  locale?: string;
  turns: Turn[];
}

const CASES_DIR = path.join(PROJECT_ROOT, 'test', 'conversations', 'cases');

function loadCases(): { file: string; spec: Case }[] {
  return fs
    .readdirSync(CASES_DIR, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, spec: parse(fs.readFileSync(path.join(CASES_DIR, file), 'utf8')) as Case }));
}

function describeReply(reply: ReplyActivity | undefined): string {
  if (!reply) return '(no reply)';
  return `${reply.channelData?.topicId} [${reply.channelData?.lang}] "${(reply.text ?? '').slice(0, 80)}"`;
}

describe('conversations (data-driven, through /api/messages with expectReplies, lowdb state)', function () {
  this.timeout(60_000);
  for (const { file, spec } of loadCases()) {
    it(`${file}: ${spec.name}`, async () => {
      const dataDir = tempDataDir();
      const env = { STORAGE: 'lowdb', DATA_DIR: dataDir };
      let running: RunningApp = await startTestApp(env);
      const ids = { channelId: spec.channel ?? 'webchat', locale: spec.locale ?? 'nl-NL' };
      let client = new ExpectRepliesClient(running.url, ids);
      try {
        for (const [i, turn] of spec.turns.entries()) {
          if (turn.restart) {
            await running.app.close();
            running = await startTestApp(env);
            client = new ExpectRepliesClient(running.url, { ...ids, userId: client.userId, conversationId: client.conversationId });
          }
          let replies: ReplyActivity[] = [];
          if (turn.join) replies = await client.join();
          else if (turn.click) replies = await client.say('', { value: { goto: turn.click } });
          else if (turn.user !== undefined) replies = await client.say(turn.user);
          else continue;
          const where = `turn ${i + 1} (${turn.user ?? turn.click ?? 'join'}) got ${describeReply(replies[0])}`;
          if (turn.replies !== undefined) expect(replies.length, where).to.equal(turn.replies);
          if (turn.expect) expect(replies[0]?.channelData?.topicId, where).to.equal(turn.expect);
          if (turn.lang) expect(replies[0]?.channelData?.lang, where).to.equal(turn.lang);
          if (turn.offers) {
            const offered = replies.flatMap((r) => (r.channelData?.choices as string[] | undefined) ?? []);
            expect(offered, `${where}: offers`).to.include(turn.offers);
          }
        }
      } finally {
        await running.app.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }
});
