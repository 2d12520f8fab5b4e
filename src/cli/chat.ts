import readline from 'node:readline';
import { loadConfig } from '../config';
import { createApp } from '../index';
import { createLogger } from '../logger';
import { ExpectRepliesClient, type ReplyActivity } from './expect-replies-client';

/** Prints a reply as a terminal user would want it: text, then numbered choices. */
function print(activity: ReplyActivity): void {
  if (activity.text) process.stdout.write(`\nbot> ${activity.text.replace(/\n/g, '\n     ')}\n`);
  activity.suggestedActions?.actions.forEach((a, i) => process.stdout.write(`     ${i + 1}. ${a.title}\n`));
}

/** A terminal chat against the real bot over its own /api/messages, for trying it without a browser. */
async function main(): Promise<void> {
  const config = { ...loadConfig(), port: 0 };
  const app = await createApp(config, { logger: createLogger('warn') });
  const url = await app.listen();
  const client = new ExpectRepliesClient(url, { channelId: 'emulator', userId: 'terminal-user', locale: 'nl-NL' });
  (await client.join()).forEach(print);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: '\nyou> ' });
  rl.prompt();
  // One line at a time, in order, also when input is piped in faster than the bot answers.
  for await (const line of rl) {
    try {
      (await client.say(line)).forEach(print);
    } catch (err) {
      process.stdout.write(`(error: ${(err as Error).message})\n`);
    }
    rl.prompt();
  }
  await app.close();
  process.exit(0);
}

void main();
