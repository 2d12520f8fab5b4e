import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { deliveryKey } from '../../src/hardening/delivery-ledger';
import { LowdbStorage } from '../../src/storage/lowdb-storage';
import { expect } from '../support/chai';
import { CHANNEL, clientsFor, type Client, type CompletedTurn, loadUntilKilled, sendTurn } from '../support/kill-load';
import { childEnv, type ChildServer, startChildServer } from './child-server';

const SERVER = path.join(PROJECT_ROOT, 'dist', 'src', 'index.js');
const ROUNDS = 20;
const CLIENTS = 6;

/** Reads the data folder with a fresh store (the server is dead): each completed turn must be there. */
async function assertNothingLost(dataDir: string, clients: Client[], completed: CompletedTurn[]): Promise<void> {
  const storage = await LowdbStorage.open({ dataDir });
  const ledgerKeys = completed.map((t) => deliveryKey({ channelId: CHANNEL, conversation: { id: t.conversationId } as never, id: t.activityId }) as string);
  const records = await storage.read(ledgerKeys);
  const missing = ledgerKeys.filter((key) => records[key]?.state !== 'done');
  expect(missing, 'completed turns without their "done" record').to.deep.equal([]);
  const talked = clients.filter((c) => completed.some((t) => t.conversationId === c.conversationId));
  const stateKeys = talked.flatMap((c) => [`${CHANNEL}/conversations/${c.conversationId}/`, `${CHANNEL}/users/${c.userId}/`]);
  expect(Object.keys(await storage.read(stateKeys)).sort(), 'conversation and user state').to.deep.equal([...stateKeys].sort());
}

describe('LowdbStorage under kill -9 (the real server in a child process)', function () {
  // Each round starts the server anew (about 2 s of start-up on an idle machine) and loads it until the kill.
  this.timeout(600_000);
  let dataDir: string;
  let server: ChildServer | undefined;

  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lowdb-crash-'));
  });
  after(async () => {
    await server?.kill('SIGKILL');
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it(`loses no completed turn and restarts cleanly after ${ROUNDS} kills during load`, async () => {
    const env = childEnv({ STORAGE: 'lowdb', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const clients = clientsFor(CLIENTS);
    const completed: CompletedTurn[] = [];
    const corrupt: unknown[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      server = await startChildServer(SERVER, env);
      // Spread the kill over different moments of the load: after 3 to 27 completed turns.
      const done = await loadUntilKilled(server, clients, 3 + ((round * 7) % 25), completed);
      expect(server.child.signalCode, `round ${round}: killed by SIGKILL`).to.equal('SIGKILL');
      expect(done, `round ${round}: turns completed before the kill`).to.be.greaterThan(0);
      corrupt.push(...server.events.filter((e) => e.event === 'storage.corrupt_file'));
      await assertNothingLost(dataDir, clients, completed);
    }
    // The last restart loads too and carries on every conversation.
    server = await startChildServer(SERVER, env);
    for (const client of clients) expect(await sendTurn(server.url, client), 'a turn after the last restart').to.not.equal(undefined);
    expect((await fetch(`${server.url}/healthz`)).status).to.equal(200);
    await server.kill('SIGTERM');
    expect(server.child.exitCode, 'clean stop on SIGTERM').to.equal(0);
    corrupt.push(...server.events.filter((e) => e.event === 'storage.corrupt_file'));
    expect(corrupt, 'corrupt state files reported by any restart').to.deep.equal([]);
  });
});
