import type { Content } from '../../src/content/types';
import { NODES, ReplyBuilder } from '../../src/dialogs/replies';
import { expect } from '../support/chai';
import { startTestApp, type RunningApp } from '../support/test-app';

/** The JSON bodies the local Direct Line answers with (session, conversation, activity set, errors). */
type Body = { mode?: string; domain?: string; token: string; conversationId: string; userId: string; watermark: string; id: string; expires_in: number; activities: Activity[] };

type Activity = { id: string; type: string; text?: string; from: { id: string; role: string; name?: string }; channelData?: Record<string, unknown>; replyToId?: string };

/** A browser's view of the local Direct Line: the calls Web Chat makes, in order. */
class PageClient {
  token = '';
  conversationId = '';
  userId = '';
  watermark = '';
  constructor(private readonly url: string) {}

  async open(locale = 'nl-NL'): Promise<void> {
    const session = await this.json('POST', '/api/directline/token', { locale }, false);
    expect(session.status).to.equal(200);
    Object.assign(this, { token: session.body.token, conversationId: session.body.conversationId, userId: session.body.userId });
    expect(session.body.mode).to.equal('local');
    expect(session.body.domain).to.equal('/v3/directline');
    const started = await this.json('POST', '/v3/directline/conversations', { locale });
    expect(started.status).to.equal(201);
    expect(started.body.conversationId).to.equal(this.conversationId);
  }

  async json(method: string, path: string, body?: unknown, auth = true): Promise<{ status: number; body: Body }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(this.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Body };
  }

  post(activity: Record<string, unknown>, conversationId = this.conversationId) {
    return this.json('POST', `/v3/directline/conversations/${conversationId}/activities`, activity);
  }

  /** Polls as Web Chat does: activities after the last watermark. */
  async poll(): Promise<Activity[]> {
    const res = await this.json('GET', `/v3/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`);
    expect(res.status).to.equal(200);
    this.watermark = res.body.watermark;
    return res.body.activities;
  }

  async all(): Promise<Activity[]> {
    const res = await this.json('GET', `/v3/directline/conversations/${this.conversationId}/activities`);
    return res.body.activities;
  }
}

const topicOf = (a: Activity) => a.channelData?.topicId;

/** The shortest chain of choices (labels, with the node each leads to) from one node to another. */
function choicePath(content: Content, from: string, to: string): { label: string; goto: string }[] {
  const previous = new Map<string, { node: string; label: string } | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const choice of content.nodes.get(id)?.choices ?? []) {
      if (previous.has(choice.goto)) continue;
      previous.set(choice.goto, { node: id, label: choice.label.nl });
      queue.push(choice.goto);
    }
  }
  const path: { label: string; goto: string }[] = [];
  for (let at = to, step = previous.get(at); step; at = step.node, step = previous.get(at)) path.unshift({ label: step.label, goto: at });
  return path;
}

describe('local Direct Line (no DIRECT_LINE_SECRET)', () => {
  let running: RunningApp;
  before(async () => {
    running = await startTestApp();
  });
  after(async () => running.app.close());

  it('starts a conversation with one welcome, in the page\'s language', async () => {
    const page = new PageClient(running.url);
    await page.open('en-US');
    const first = await page.poll();
    expect(first.map(topicOf)).to.deep.equal(['greeting']);
    expect(first[0].from.role).to.equal('bot');
    expect((first[0].channelData as { lang: string }).lang).to.equal('en');
    // Starting again (a second POST) does not welcome again.
    expect((await page.json('POST', '/v3/directline/conversations', {})).status).to.equal(200);
    expect(await page.poll()).to.deep.equal([]);
  });

  it('echoes the user\'s message with Web Chat\'s client id, then the answer, in order', async () => {
    const page = new PageClient(running.url);
    await page.open();
    await page.poll();
    const posted = await page.post({ type: 'message', text: 'hoe log ik in bij traces', from: { id: 'spoofed', name: 'Jan Jansen' }, channelData: { clientActivityID: 'c-1' } });
    expect(posted.status).to.equal(200);
    const activities = await page.poll();
    expect(activities[0].id).to.equal(posted.body.id);
    expect(activities[0].text).to.equal('hoe log ik in bij traces');
    expect(activities[0].channelData).to.deep.equal({ clientActivityID: 'c-1' });
    // The server decides who the sender is, and keeps no name.
    expect(activities[0].from).to.deep.equal({ id: page.userId, role: 'user' });
    expect(activities.slice(1).map(topicOf)).to.include('login_how');
    expect(activities[1].replyToId).to.equal(posted.body.id);
  });

  it('follows a click on a suggested action (the label comes back as text)', async () => {
    const page = new PageClient(running.url);
    await page.open();
    const welcome = (await page.poll())[0] as Activity & { suggestedActions: { actions: { value: string }[] } };
    const label = welcome.suggestedActions.actions[0].value;
    await page.post({ type: 'message', text: label });
    const topics = (await page.poll()).filter((a) => a.from.role === 'bot').map(topicOf);
    expect(topics[0]).to.equal('wt_has_account');
  });

  it('takes the user through the whole walkthrough by its choices, to the access request', async () => {
    const content = running.app.content;
    const end = new ReplyBuilder(content).endNodeId!;
    const greeting = content.nodes.get(NODES.greeting)!;
    const start = greeting.choices.find((c) => c.goto === NODES.walkthroughStart)!;
    const steps = [{ label: start.label.nl, goto: start.goto }, ...choicePath(content, NODES.walkthroughStart, end)];
    expect(steps.length).to.be.greaterThan(5);
    expect(steps[steps.length - 1].goto).to.equal(end);

    const page = new PageClient(running.url);
    await page.open();
    await page.poll();
    for (const step of steps) {
      await page.post({ type: 'message', text: step.label });
      const answers = (await page.poll()).filter((a) => a.from.role === 'bot').map(topicOf);
      expect(answers[0], `after "${step.label}"`).to.equal(step.goto);
    }
  });

  it('resumes after a reload: the whole history again, no second welcome', async () => {
    const page = new PageClient(running.url);
    await page.open();
    await page.post({ type: 'message', text: 'menu' });
    const before = await page.all();
    const resumed = await page.json('GET', `/v3/directline/conversations/${page.conversationId}?watermark=`);
    expect(resumed.status).to.equal(200);
    expect(resumed.body.token).to.equal(page.token);
    const after = await page.all();
    expect(after.map((a) => a.id)).to.deep.equal(before.map((a) => a.id));
    expect(after.filter((a) => topicOf(a) === 'greeting')).to.have.length(1);
  });

  it('keeps conversations apart: a token opens its own conversation only', async () => {
    const alice = new PageClient(running.url);
    const bob = new PageClient(running.url);
    await alice.open();
    await bob.open();
    await alice.post({ type: 'message', text: 'menu' });
    expect((await bob.post({ type: 'message', text: 'hoi' }, alice.conversationId)).status).to.equal(403);
    expect((await bob.json('GET', `/v3/directline/conversations/${alice.conversationId}/activities`)).status).to.equal(403);
    expect((await bob.all()).some((a) => a.text === 'menu')).to.equal(false);
    const anonymous = new PageClient(running.url);
    expect((await anonymous.json('GET', `/v3/directline/conversations/${alice.conversationId}/activities`)).status).to.equal(403);
    anonymous.token = 'x'.repeat(43);
    expect((await anonymous.json('POST', '/v3/directline/conversations', {})).status).to.equal(403);
  });

  it('refreshes a token (the same one, still bound to its conversation)', async () => {
    const page = new PageClient(running.url);
    await page.open();
    const refreshed = await page.json('POST', '/v3/directline/tokens/refresh');
    expect(refreshed.status).to.equal(200);
    expect([refreshed.body.conversationId, refreshed.body.token]).to.deep.equal([page.conversationId, page.token]);
    expect(refreshed.body.expires_in).to.be.greaterThan(60);
  });

  it('rejects attachments, unknown activity types and over-long text with 400', async () => {
    const page = new PageClient(running.url);
    await page.open();
    expect((await page.post({ type: 'message', text: 'x', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/x.png' }] })).status).to.equal(400);
    expect((await page.post({ type: 'invoke', name: 'x' })).status).to.equal(400);
    expect((await page.post({ type: 'message', text: 'a'.repeat(2001) })).status).to.equal(400);
  });

  it('after "forget me" a reload shows nothing said before it', async () => {
    const page = new PageClient(running.url);
    await page.open();
    await page.post({ type: 'message', text: 'hoe log ik in' });
    await page.post({ type: 'message', text: 'vergeet mij' });
    const kept = await page.all();
    expect(kept[0].text).to.equal('vergeet mij');
    expect(kept.map(topicOf)).to.include('forget_me');
    expect(kept.some((a) => a.text === 'hoe log ik in' || topicOf(a) === 'greeting' || topicOf(a) === 'login_how')).to.equal(false);
  });
});
