import fs from 'node:fs';
import path from 'node:path';
import { ExpectRepliesClient } from '../../src/cli/expect-replies-client';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestApp } from '../support/test-app';

interface Labelled {
  topic: string;
  lang: 'nl' | 'en';
  text: string;
}

/** Replies that answer no topic: a decline, the offer of a person, or a question back. */
const NO_TOPIC = new Set(['out_of_scope', 'handoff_offer', 'clarify']);

/**
 * The product measure, end to end: each labelled question in a fresh conversation on channel webchat through
 * /api/messages with expectReplies; is the first reply the right topic's answer, in the user's language?
 */
async function main(): Promise<void> {
  // Another labelled file may be given, e.g. ../shared/eval/dev-questions.json.
  const file = process.argv[2] ?? path.join(PROJECT_ROOT, 'test', 'nlu', 'labelled-questions.json');
  const questions = JSON.parse(fs.readFileSync(file, 'utf8')) as Labelled[];
  const { app, url } = await startTestApp();
  let inScope = 0;
  let right = 0;
  let outOfScope = 0;
  let declined = 0;
  let langRight = 0;
  const misses: string[] = [];
  for (const q of questions) {
    // A Dutch client locale for everyone: the reply language must come from the text.
    const client = new ExpectRepliesClient(url, { channelId: 'webchat', locale: 'nl-NL' });
    const [first] = await client.say(q.text);
    const topic = first?.channelData?.topicId ?? '(none)';
    if (first?.channelData?.lang === q.lang) langRight += 1;
    if (q.topic === 'out_of_scope') {
      outOfScope += 1;
      if (NO_TOPIC.has(topic)) declined += 1;
      else misses.push(`[${q.lang}] out_of_scope answered as ${topic}: ${q.text}`);
    } else {
      inScope += 1;
      if (topic === q.topic) right += 1;
      else misses.push(`[${q.lang}] expected ${q.topic}, first reply ${topic}: ${q.text}`);
    }
  }
  await app.close();
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  process.stdout.write(
    [
      `first reply over HTTP (webchat, fresh conversation each, ${questions.length} questions of ${path.basename(file)}):`,
      `  right topic's answer: ${pct(right, inScope)} of ${inScope} in scope`,
      `  out of scope given no topic's answer: ${pct(declined, outOfScope)} of ${outOfScope}`,
      `  reply in the user's language: ${pct(langRight, questions.length)}`,
      ...misses.map((m) => `  miss ${m}`),
      '',
    ].join('\n'),
  );
}

void main();
