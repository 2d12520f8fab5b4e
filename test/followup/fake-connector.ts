import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PostedActivity {
  conversationId: string;
  activity: { type?: string; text?: string; channelData?: { topicId?: string; choices?: string[] } } & Record<string, unknown>;
}

/** A channel's Bot Connector on loopback: records POST /v3/conversations/:id/activities[/:replyTo]; `status` sets the answer. */
export class FakeConnector {
  readonly posted: PostedActivity[] = [];
  status = 200;
  private server?: http.Server;
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(req.url ?? '');
        if (req.method === 'POST' && match && this.status === 200) {
          this.posted.push({ conversationId: decodeURIComponent(match[1]), activity: JSON.parse(body) as PostedActivity['activity'] });
        }
        res.writeHead(match ? this.status : 404, { 'content-type': 'application/json' });
        res.end(this.status === 200 ? '{"id":"sent-1"}' : '{"error":{"code":"ServiceError"}}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
