import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the connector made to the fake Graph API. */
export interface GraphRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** The status the fake answered with. */
  status: number;
}

/** A scripted answer: status, JSON body and headers. */
export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A stand-in for graph.facebook.com on loopback: records every request and answers 200 with a message id,
 * unless answers were scripted with failNext().
 */
export class FakeGraphApi {
  readonly requests: GraphRequest[] = [];
  private readonly script: ScriptedResponse[] = [];
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private counter = 0;

  /** Starts listening; resolves to the base URL to use as WHATSAPP_API_BASE_URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v21.0`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next requests get these answers, in order; later ones succeed again. */
  failNext(...responses: ScriptedResponse[]): void {
    this.script.push(...responses);
  }

  /** Bodies of the messages that were accepted (2xx), in order. */
  get delivered(): Record<string, unknown>[] {
    return this.requests.filter((r) => r.status < 300).map((r) => r.body);
  }

  reset(): void {
    this.requests.length = 0;
    this.script.length = 0;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const scripted = this.script.shift();
      const status = scripted?.status ?? 200;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        // Recorded as empty; the test will see the missing fields.
      }
      this.requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body, status });
      this.counter += 1;
      const answer = scripted
        ? (scripted.body ?? {})
        : { messaging_product: 'whatsapp', contacts: [{ input: 'x', wa_id: 'x' }], messages: [{ id: `wamid.out.${this.counter}` }] };
      res.writeHead(status, { 'Content-Type': 'application/json', ...(scripted?.headers ?? {}) });
      res.end(JSON.stringify(answer));
    });
  }
}
