import { randomUUID } from 'node:crypto';

export interface ReplyActivity {
  type: string;
  text?: string;
  locale?: string;
  attachments?: { contentType: string; content: unknown }[];
  suggestedActions?: { actions: { title: string; value: unknown }[] };
  channelData?: { topicId?: string; replyKind?: string; lang?: string } & Record<string, unknown>;
}

export interface ClientOptions {
  channelId?: string;
  userId?: string;
  conversationId?: string;
  locale?: string;
}

/** Talks to /api/messages with deliveryMode "expectReplies": the replies come back in the HTTP response. */
export class ExpectRepliesClient {
  readonly channelId: string;
  readonly userId: string;
  readonly conversationId: string;
  readonly locale: string;

  constructor(
    readonly baseUrl: string,
    options: ClientOptions = {},
  ) {
    this.channelId = options.channelId ?? 'webchat';
    this.userId = options.userId ?? `user-${randomUUID()}`;
    this.conversationId = options.conversationId ?? `conv-${randomUUID()}`;
    this.locale = options.locale ?? 'nl-NL';
  }

  async send(activity: Record<string, unknown>): Promise<{ status: number; activities: ReplyActivity[] }> {
    const body = {
      channelId: this.channelId,
      serviceUrl: 'http://127.0.0.1:9/unused',
      conversation: { id: this.conversationId },
      from: { id: this.userId, name: 'user', role: 'user' },
      recipient: { id: 'bot', name: 'bot', role: 'bot' },
      locale: this.locale,
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      deliveryMode: 'expectReplies',
      ...activity,
    };
    const res = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as { activities?: ReplyActivity[] }) : {};
    return { status: res.status, activities: parsed.activities ?? [] };
  }

  /** Sends a message and returns the bot's replies (message activities only). */
  async say(text: string, extra: Record<string, unknown> = {}): Promise<ReplyActivity[]> {
    const { status, activities } = await this.send({ type: 'message', text, ...extra });
    if (status !== 200) throw new Error(`HTTP ${status} for message`);
    return activities.filter((a) => a.type === 'message');
  }

  /** The user joins (conversationUpdate), as Web Chat and the Emulator do. */
  async join(): Promise<ReplyActivity[]> {
    const { activities } = await this.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: this.userId, name: 'user' }],
    });
    return activities.filter((a) => a.type === 'message');
  }
}
