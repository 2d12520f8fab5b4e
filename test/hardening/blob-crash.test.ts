import path from 'node:path';
import { deliveryKey } from '../../src/hardening/delivery-ledger';
import { PROJECT_ROOT } from '../../src/paths';
import { BlobAppStorage } from '../../src/storage/blob-app-storage';
import { type Azurite, startAzurite } from '../storage/azurite';
import { childEnv, type ChildServer, startChildServer } from '../storage/child-server';
import { expect } from '../support/chai';
import { activityOf, CHANNEL, clientsFor, type CompletedTurn, loadUntilKilled, post, sendTurn } from '../support/kill-load';

const SERVER = path.join(PROJECT_ROOT, 'dist', 'src', 'index.js');
const CONTAINER = 'crash-state';
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 6);
const CLIENTS = 6;

describe('hardening: SIGKILL during load with state on Azure Blob Storage (Azurite)', function () {
  // Azurite and a server per round in child processes; each start takes a few seconds.
  this.timeout(600_000);
  let azurite: Azurite;
  let server: ChildServer | undefined;

  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await server?.kill('SIGKILL');
    await azurite?.stop();
  });

  it(`loses no completed turn, and replays it to a redelivery, after ${ROUNDS} kills`, async () => {
    const env = childEnv({ STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: CONTAINER, LOG_LEVEL: 'info' });
    const clients = clientsFor(CLIENTS);
    const completed: CompletedTurn[] = [];
    const storage = new BlobAppStorage({ connectionString: azurite.connectionString, container: CONTAINER });
    for (let round = 0; round < ROUNDS; round++) {
      server = await startChildServer(SERVER, env);
      await loadUntilKilled(server, clients, 3 + ((round * 7) % 20), completed);
      expect(server.child.signalCode, `round ${round}: killed by SIGKILL`).to.equal('SIGKILL');

      const keys = completed.map((t) => deliveryKey({ channelId: CHANNEL, conversation: { id: t.conversationId } as never, id: t.activityId }) as string);
      const records = await storage.read(keys);
      expect(keys.filter((key) => records[key]?.state !== 'done'), `round ${round}: completed turns without their "done" record`).to.deep.equal([]);
      const talked = clients.filter((c) => completed.some((t) => t.conversationId === c.conversationId));
      const stateKeys = talked.flatMap((c) => [`${CHANNEL}/conversations/${c.conversationId}/`, `${CHANNEL}/users/${c.userId}/`]);
      expect(Object.keys(await storage.read(stateKeys)).sort(), `round ${round}: conversation and user state`).to.deep.equal([...stateKeys].sort());
    }

    // After the last restart: a redelivery of a turn answered before a kill gets the very same answer, and every
    // conversation carries on.
    server = await startChildServer(SERVER, env);
    const sample = completed.filter((_, i) => i % Math.max(1, Math.floor(completed.length / 10)) === 0);
    for (const turn of sample) {
      const client = clients.find((c) => c.conversationId === turn.conversationId)!;
      const original = JSON.parse(turn.body) as { activities?: { text?: string }[] };
      const replay = await post(server.url, activityOf(client, turn.activityId, 'this text must not be processed again'));
      expect(replay?.status).to.equal(200);
      expect((JSON.parse(replay?.body ?? '{}') as typeof original).activities?.map((a) => a.text), 'a redelivery after restarts').to.deep.equal(original.activities?.map((a) => a.text));
    }
    for (const client of clients) expect(await sendTurn(server.url, client), 'a turn after the last restart').to.not.equal(undefined);
    expect((await fetch(`${server.url}/healthz`)).status).to.equal(200);
    await server.kill('SIGTERM');
    expect(server.child.exitCode, 'clean stop on SIGTERM').to.equal(0);
    await storage.close();
  });
});
