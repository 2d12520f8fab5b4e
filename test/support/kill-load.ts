import { randomUUID } from 'node:crypto';
import type { ChildServer } from '../storage/child-server';
import { expect } from './chai';

/** What the kill tests send: a few turns that move state (walkthrough, commands, topics). */
export const CHANNEL = 'webchat';
const TEXTS = ['hoi', 'hoe krijg ik toegang tot traces', 'ja', 'ik heb al een ecas account', 'welke rol moet ik kiezen', 'volgende', 'help', 'my email did not arrive'];

/** One user in one conversation, kept across restarts so that state must survive every kill. */
export interface Client {
  userId: string;
  conversationId: string;
  sent: number;
}

/** A turn whose HTTP response arrived in full, and what it answered: from then on neither may be lost. */
export interface CompletedTurn {
  conversationId: string;
  activityId: string;
  body: string;
}

export function clientsFor(count: number): Client[] {
  return Array.from({ length: count }, (_, i) => ({ userId: `crash-user-${i}`, conversationId: `crash-conv-${i}`, sent: 0 }));
}

export function activityOf(client: Client, activityId: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id: activityId,
    channelId: CHANNEL,
    serviceUrl: 'http://127.0.0.1:9/unused',
    conversation: { id: client.conversationId },
    from: { id: client.userId, role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    locale: 'nl-NL',
    text,
    deliveryMode: 'expectReplies',
  };
}

/** Posts an activity; undefined when the kill cut the request off (it never completed, so nothing is promised). */
export async function post(url: string, activity: Record<string, unknown>): Promise<{ status: number; body: string } | undefined> {
  try {
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    return { status: res.status, body: await res.text() };
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

export async function sendTurn(url: string, client: Client): Promise<CompletedTurn | undefined> {
  const activityId = randomUUID();
  const answer = await post(url, activityOf(client, activityId, TEXTS[client.sent++ % TEXTS.length]));
  if (!answer) return undefined;
  expect(answer.status, 'a turn answered while the server lived').to.equal(200);
  const replies = (JSON.parse(answer.body) as { activities?: unknown[] }).activities ?? [];
  expect(replies.length, 'the replies of an expectReplies turn').to.be.greaterThan(0);
  return { conversationId: client.conversationId, activityId, body: answer.body };
}

/** Every client sends turns back to back until the server dies; the kill comes after `killAfter` completed turns. */
export async function loadUntilKilled(server: ChildServer, clients: Client[], killAfter: number, completed: CompletedTurn[]): Promise<number> {
  let done = 0;
  let killed = false;
  await Promise.all(
    clients.map(async (client) => {
      while (!killed) {
        const turn = await sendTurn(server.url, client);
        if (!turn) return;
        completed.push(turn);
        if (++done >= killAfter && !killed) {
          killed = true;
          // Other clients still have turns in flight: the kill lands in the middle of their state writes.
          await server.kill('SIGKILL');
        }
      }
    }),
  );
  return done;
}
