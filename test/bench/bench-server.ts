/**
 * Child process of the state benchmark: the real app (createApp) on the storage the environment names, with the
 * assistant or, with BENCH_BOT=echo, the echo floor. Prints one JSON line with the port once it listens.
 */
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/index';
import { EchoBot } from './echo-bot';

async function main(): Promise<void> {
  const app = await createApp(loadConfig(), { bot: process.env.BENCH_BOT === 'echo' ? new EchoBot() : undefined });
  const url = await app.listen();
  process.stdout.write(`${JSON.stringify({ event: 'listening', port: Number(new URL(url).port) })}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error: Error) => {
  process.stderr.write(`bench server could not start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
