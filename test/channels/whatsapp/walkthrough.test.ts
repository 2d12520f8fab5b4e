import { expect } from '../../support/chai';
import { loadContent } from '../../../src/content/loader';
import type { Content } from '../../../src/content/types';
import { FakeGraphApi } from './fake-graph-api';
import { choicesOf } from './whatsapp-message-checks';
import { buttonReply, listReply, PHONE, shareApp, text, type TestApp } from './whatsapp-test-kit';

const TARGET = 'activation_time';

/** The shortest chain of choices from one node to another in the content graph. */
function pathThroughChoices(content: Content, from: string, to: string): string[] {
  const previous = new Map<string, string>([[from, '']]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === to) break;
    for (const choice of content.nodes.get(id)?.choices ?? []) {
      if (previous.has(choice.goto)) continue;
      previous.set(choice.goto, id);
      queue.push(choice.goto);
    }
  }
  if (!previous.has(to)) return [];
  const path = [to];
  while (path[0] !== from) path.unshift(previous.get(path[0])!);
  return path;
}

type AnswerMode = 'number' | 'tap' | 'words';

describe('WhatsApp walkthrough', () => {
  const graph = new FakeGraphApi();
  const content = loadContent();
  let t: TestApp;

  shareApp(graph, (app) => (t = app));

  /** Where the current turn's messages and topics start (other features may add a message after the answer). */
  let turnStart = { delivered: 0, topics: 0 };
  const turnTopic = () => t.topics[turnStart.topics];
  async function sendTurn(message: ReturnType<typeof text>, sender: { from: string }) {
    turnStart = { delivered: graph.delivered.length, topics: t.topics.length };
    await t.send([message], sender);
  }

  /** Picks the offered choice leading to `goto` in the last turn's messages and answers it the given way. */
  function answer(goto: string, mode: AnswerMode) {
    const offering = graph.delivered.slice(turnStart.delivered).filter((m) => choicesOf(m).some((c) => c.id.replace(/^\d+:/, '') === goto));
    expect(offering.length, `"${goto}" is offered as a choice after ${turnTopic()}`).to.be.at.least(1);
    const message = offering[0];
    const offered = choicesOf(message);
    const index = offered.findIndex((c) => c.id.replace(/^\d+:/, '') === goto);
    const choice = offered[index];
    const kind = (message.interactive as { type: string }).type;
    if (mode === 'number') return text(String(index + 1));
    if (mode === 'words') return text(choice.title);
    return kind === 'button' ? buttonReply(choice.id, choice.title) : listReply(choice.id, choice.title);
  }

  for (const [name, modes] of [
    ['answering by number only', ['number'] as AnswerMode[]],
    ['answering by number, by tapping and in words', ['number', 'tap', 'words'] as AnswerMode[]],
  ] as const) {
    it(`goes from "hallo" to "${TARGET}" (access requested) ${name}`, async () => {
      graph.reset();
      const sender = { from: String(Number(PHONE) + 100 + modes.length) };
      const path = pathThroughChoices(content, 'greeting', TARGET);
      expect(path.length, `a chain of choices from greeting to ${TARGET}`).to.be.greaterThan(2);

      await sendTurn(text('hallo'), sender);
      expect(turnTopic()).to.equal('greeting');
      const used: AnswerMode[] = [];
      path.slice(1).forEach((goto, i) => used.push(modes[i % modes.length]));
      for (const [i, goto] of path.slice(1).entries()) {
        await sendTurn(answer(goto, used[i]), sender);
        expect(turnTopic(), `step ${i + 1} (${used[i]})`).to.equal(goto);
      }
      expect(turnTopic()).to.equal(TARGET);
      expect(used).to.include('number');
      // Every answer went to this user through the Graph API, at least one per step.
      expect(graph.delivered.length).to.be.at.least(path.length);
      expect(graph.delivered.every((m) => m.to === sender.from)).to.equal(true);
    });
  }
});
