import { createHmac } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { App } from '../../../src/index';
import { startTestApp } from '../../support/test-app';
import type { FakeGraphApi } from './fake-graph-api';

/** Test-only secrets; nothing here is real. */
export const SECRETS = {
  verifyToken: 'test-verify-token',
  appSecret: 'test-app-secret',
  accessToken: 'test-access-token',
  phoneNumberId: '1098765432',
} as const;

/** A made-up Dutch mobile number; tests check it never shows up in logs or storage keys. */
export const PHONE = '31612345678';
export const BSUID = 'NL.1234567890123456789';

export interface SenderSpec {
  /** The user's phone number (messages[].from and contacts[].wa_id); omitted for users with a username. */
  from?: string;
  /** The business-scoped user id (messages[].from_user_id and contacts[].user_id). */
  bsuid?: string;
}

let wamidCounter = 0;
/** A fresh message id per call, shaped like Meta's. */
export const nextWamid = (): string => `wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQzQTEST${++wamidCounter}`;
export const nowSeconds = (): string => String(Math.floor(Date.now() / 1000));

type MessageFields = Record<string, unknown>;

export const text = (body: string, wamid = nextWamid()): MessageFields => ({ id: wamid, timestamp: nowSeconds(), type: 'text', text: { body } });
export const buttonReply = (id: string, title: string): MessageFields => ({
  id: nextWamid(),
  timestamp: nowSeconds(),
  type: 'interactive',
  interactive: { type: 'button_reply', button_reply: { id, title } },
});
export const listReply = (id: string, title: string): MessageFields => ({
  id: nextWamid(),
  timestamp: nowSeconds(),
  type: 'interactive',
  interactive: { type: 'list_reply', list_reply: { id, title, description: '' } },
});
export const ofType = (type: string, fields: MessageFields = {}): MessageFields => ({ id: nextWamid(), timestamp: nowSeconds(), type, ...fields });

/** A whole webhook payload with these messages from one sender, as Meta sends it (compact JSON, non-ASCII escaped). */
export function webhookBody(messages: MessageFields[], sender: SenderSpec = { from: PHONE }): string {
  const contact: Record<string, unknown> = { profile: { name: 'Test Gebruiker' } };
  if (sender.from) contact.wa_id = sender.from;
  if (sender.bsuid) contact.user_id = sender.bsuid;
  const payload = {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '100200300',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '31201234567', phone_number_id: SECRETS.phoneNumberId },
              contacts: [contact],
              messages: messages.map((m) => ({ ...(sender.from ? { from: sender.from } : {}), ...(sender.bsuid ? { from_user_id: sender.bsuid } : {}), ...m })),
            },
          },
        ],
      },
    ],
  };
  return escapeNonAscii(JSON.stringify(payload));
}

/** Meta escapes every non-ASCII character as \uXXXX, so its bytes differ from JSON.stringify's. */
export function escapeNonAscii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

export function sign(body: string | Buffer, secret: string = SECRETS.appSecret): string {
  return 'sha256=' + createHmac('sha256', secret).update(body).digest('hex');
}

/** POSTs a webhook body; `signature` undefined = a correct one, null = no header at all. */
export async function postWebhook(baseUrl: string, body: string, signature?: string | null): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (signature !== null) headers['X-Hub-Signature-256'] = signature ?? sign(body);
  return fetch(`${baseUrl}/api/whatsapp`, { method: 'POST', headers, body });
}

export interface TestApp {
  app: App;
  url: string;
  /** Log lines (JSON), to check that no personal data is logged. */
  logLines: string[];
  /** Every activity the adapter ran a turn for (inbound). */
  inbound: Partial<Activity>[];
  /** The topic id of every outgoing activity, in order. */
  topics: string[];
  /** Posts signed messages from one sender and waits until they are handled. */
  send(messages: MessageFields[], sender?: SenderSpec): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the whole app in-process on a free port with WhatsApp pointed at the fake Graph API. */
export async function startApp(graphUrl: string, env: Record<string, string> = {}): Promise<TestApp> {
  const { app, url, logLines } = await startTestApp({
    WHATSAPP_VERIFY_TOKEN: SECRETS.verifyToken,
    WHATSAPP_APP_SECRET: SECRETS.appSecret,
    WHATSAPP_ACCESS_TOKEN: SECRETS.accessToken,
    WHATSAPP_PHONE_NUMBER_ID: SECRETS.phoneNumberId,
    WHATSAPP_API_BASE_URL: graphUrl,
    ...env,
  });
  if (!app.whatsapp) throw new Error('WhatsApp is not configured in the test app');
  const inbound: Partial<Activity>[] = [];
  const topics: string[] = [];
  app.whatsapp.adapter.use(async (context, next) => {
    inbound.push({ ...context.activity });
    context.onSendActivities(async (_ctx, activities, nextSend) => {
      for (const a of activities) topics.push(String((a.channelData as { topicId?: unknown } | undefined)?.topicId ?? ''));
      return nextSend();
    });
    await next();
  });
  return {
    app,
    url,
    logLines,
    inbound,
    topics,
    async send(messages, sender) {
      const response = await postWebhook(url, webhookBody(messages, sender));
      await app.whatsapp!.idle();
      return response;
    },
    close: () => app.close(),
  };
}

/** Registers the hooks of a suite that shares one app against `graph`: started before all its tests, stopped after. */
export function shareApp(graph: FakeGraphApi, use: (app: TestApp) => void): void {
  let app: TestApp | undefined;
  before(async () => {
    app = await startApp(await graph.start());
    use(app);
  });
  after(async () => {
    await app?.close();
    await graph.stop();
  });
}
