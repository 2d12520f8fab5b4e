import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A server running in a child process, as in production: its own event loop, killable with any signal. */
export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Every JSON log line the server printed so far. */
  events: Array<Record<string, unknown>>;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Environment a child server gets: only what it needs, so a developer's shell settings cannot change the test. */
export function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...vars };
}

/**
 * Starts `node <script>` with PORT=0 and waits for its structured `listening` log line, which carries the real port.
 * Fails with the server's own output when it exits first or does not listen within `startMs`.
 */
export async function startChildServer(script: string, env: NodeJS.ProcessEnv, startMs = 60_000): Promise<ChildServer> {
  const child = spawn(process.execPath, [script], { env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const events: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not listen within ${startMs} ms: ${stderr}`)), startMs);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${child.exitCode} before listening: ${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      events.push(event);
      if (event.event === 'listening' && typeof event.port === 'number') {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${event.port}`);
      }
    });
  });
  const kill = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, events, exited, kill };
}
