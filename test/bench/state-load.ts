import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { benchConversationId, benchUserId } from './prefill-users';

/** A short walkthrough opening, as a user types it: each connection plays one user for these turns, then the next. */
const TURNS = ['hoi', 'hoe krijg ik toegang tot traces', 'start de stappen'];

export interface LoadResult {
  connections: number;
  turnsPerSec: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts, non-2xx answers and answers without replies. */
  failures: number;
  /** CPU the server used per completed turn (filled in by the caller, which knows the server's pid). */
  cpuMsPerTurn?: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  channelId: string;
  /** Users are taken in turn from 0 to poolSize - 1 (the prefilled ids), so each user talks a few turns only. */
  poolSize: number;
  /** Shared across runs of one scenario, so later runs meet new users rather than the same ones again. */
  nextUser: { value: number };
}

function message(options: LoadOptions, user: number, text: string): string {
  return JSON.stringify({
    type: 'message',
    id: randomUUID(),
    channelId: options.channelId,
    serviceUrl: 'http://127.0.0.1:9/unused',
    conversation: { id: benchConversationId(user) },
    from: { id: benchUserId(user), role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    locale: 'nl-NL',
    text,
    deliveryMode: 'expectReplies',
  });
}

/** Runs autocannon against /api/messages with expectReplies; a turn counts when its HTTP answer is 200 with replies. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const requests = TURNS.map((text, step) => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: autocannon.Request, context: Record<string, unknown>) => {
      // autocannon resets the context after the last request of the list: the connection then becomes a new user.
      if (step === 0) context.user = options.nextUser.value++ % options.poolSize;
      return { ...request, body: message(options, context.user as number, text) };
    },
  }));
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    requests,
    timeout: 10,
    verifyBody: (body) => body.includes('"activities":[{'),
  });
  const ok = result.statusCodeStats['200']?.count ?? 0;
  return {
    connections: options.connections,
    turnsPerSec: (ok - result.mismatches) / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}
