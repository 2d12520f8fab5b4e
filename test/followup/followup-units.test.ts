import { MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { expect } from '../support/chai';
import { reminderPossibility, WHATSAPP_WINDOW_MS } from '../../src/followup/channel-policy';
import { minimalReference } from '../../src/followup/conversation-reference';
import type { Reminder } from '../../src/followup/reminder';
import { ReminderStore } from '../../src/followup/reminder-store';
import { FollowupScheduler } from '../../src/followup/scheduler';

const NOW = new Date('2025-11-28T12:00:00Z');
const reminder = (id: string, user: string, dueAt: string): Reminder => ({ id, user, dueAt, reference: { channelId: 'webchat' }, attempts: 0 });

describe('follow-up: reminder store, channel policy, scheduler', () => {
  it('keeps one reminder per user, lists the due ones earliest first, and forgets a user', async () => {
    const store = new ReminderStore(new MemoryStorage());
    await store.add(reminder('a', 'u1', '2025-12-02T09:00:00Z'));
    await store.add(reminder('b', 'u2', '2025-12-01T09:00:00Z'));
    await store.add(reminder('c', 'u1', '2025-12-03T09:00:00Z'));
    expect((await store.list()).map((r) => r.id).sort()).to.deep.equal(['b', 'c']);
    expect((await store.due(new Date('2025-12-05T00:00:00Z'))).map((r) => r.id)).to.deep.equal(['b', 'c']);
    expect(await store.due(new Date('2025-11-30T00:00:00Z'))).to.deep.equal([]);
    expect(await store.forget('u1')).to.equal(1);
    expect((await store.list()).map((r) => r.id)).to.deep.equal(['b']);
  });

  it('survives a new store over the same storage (a restart)', async () => {
    const storage = new MemoryStorage();
    await new ReminderStore(storage).add(reminder('a', 'u1', '2025-12-02T09:00:00Z'));
    expect(await new ReminderStore(storage).list()).to.have.length(1);
  });

  it('allows proactive channels, refuses others, and WhatsApp only inside the 24-hour window', () => {
    const yes = () => true;
    const later = (ms: number) => new Date(NOW.getTime() + ms);
    expect(reminderPossibility('msteams', later(3 * 86_400_000), NOW, yes)).to.equal('ok');
    expect(reminderPossibility('webchat', later(3 * 86_400_000), NOW, yes)).to.equal('ok');
    expect(reminderPossibility('webchat', later(3 * 86_400_000), NOW, () => false)).to.equal('unsupported');
    expect(reminderPossibility('sms', later(3_600_000), NOW, yes)).to.equal('unsupported');
    expect(reminderPossibility('whatsapp', later(WHATSAPP_WINDOW_MS), NOW, yes)).to.equal('whatsapp_window');
    expect(reminderPossibility('whatsapp', later(WHATSAPP_WINDOW_MS - 1), NOW, yes)).to.equal('ok');
    expect(reminderPossibility('whatsapp', later(3_600_000), NOW, () => false)).to.equal('unsupported');
  });

  it('keeps only what sending needs in the conversation reference: no names, no channel properties', () => {
    const context = new TurnContext(new TestAdapter(), {
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/',
      conversation: { id: 'c1', name: 'Jan Jansen chat', tenantId: 't1', conversationType: 'personal', isGroup: false },
      from: { id: 'u1', name: 'Jan Jansen', aadObjectId: 'aad-1', properties: { whatsapp: { to: '31612345678' } } },
      recipient: { id: 'bot', name: 'TRACES bot' },
    });
    const reference = minimalReference(context);
    expect(JSON.stringify(reference)).to.not.include('Jan').and.not.include('aad-1').and.not.include('31612345678');
    expect(reference).to.deep.include({ channelId: 'msteams', serviceUrl: 'https://smba.example/' });
    expect(reference.conversation).to.deep.include({ id: 'c1', tenantId: 't1' });
  });

  it('sends due reminders once even when checks overlap, and removes them', async () => {
    const store = new ReminderStore(new MemoryStorage());
    await store.add(reminder('a', 'u1', '2025-11-28T11:00:00Z'));
    const sent: string[] = [];
    const scheduler = new FollowupScheduler({ store, now: () => NOW, send: async (r) => void sent.push(r.id) });
    const [first, second] = await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect(first).to.deep.equal({ sent: 1, failed: 0 });
    expect(second).to.equal(first);
    expect(sent).to.deep.equal(['a']);
    expect(await store.list()).to.deep.equal([]);
  });

  it('starts and stops an unref’d timer without keeping the process alive', async () => {
    const scheduler = new FollowupScheduler({ store: new ReminderStore(new MemoryStorage()), send: async () => undefined, intervalMs: 60_000 });
    scheduler.start();
    scheduler.start();
    await scheduler.stop();
  });
});
