import type { Logger } from '../../logger';
import type { OutboundMessage, WhatsAppAddress } from './outbound-message';

export interface GraphClientOptions {
  /** Graph API base, e.g. https://graph.facebook.com/v21.0 (WHATSAPP_API_BASE_URL). */
  apiBaseUrl: string;
  /** The business phone number id messages are sent from (WHATSAPP_PHONE_NUMBER_ID). */
  phoneNumberId: string;
  /** Bearer token of the system user (WHATSAPP_ACCESS_TOKEN). */
  accessToken: string;
  logger: Logger;
  /** Tries per message, the first included (default 4). */
  maxAttempts?: number;
  /** Wait before the first retry, doubled for each next one (default 500 ms). */
  baseDelayMs?: number;
  /** Longest wait between tries, also for a Retry-After header (default 8 s). */
  maxDelayMs?: number;
  /** Time allowed for one request (default 15 s). */
  timeoutMs?: number;
  /** How to wait (tests may replace it). */
  sleep?: (ms: number) => Promise<void>;
}

/** The Graph API refused a message for good (or kept failing); status and Meta's error code, never the message text. */
export class GraphApiError extends Error {
  override readonly name = 'GraphApiError';
  constructor(
    /** HTTP status, or 0 when no answer came (network error, timeout). */
    readonly status: number,
    /** Meta's error code (e.g. 131047: outside the 24-hour window), when the body had one. */
    readonly code: number | undefined,
    readonly attempts: number,
  ) {
    super(`The WhatsApp Cloud API refused the message (status ${status}${code !== undefined ? `, code ${code}` : ''}) after ${attempts} attempt(s).`);
  }
}

/** Statuses worth another try: rate limited, or a fault on Meta's side. */
const isRetryable = (status: number): boolean => status === 429 || status >= 500;

function errorCodeOf(body: unknown): { code?: number; subcode?: number } {
  const error = (body as { error?: { code?: unknown; error_subcode?: unknown } } | null)?.error;
  return {
    code: typeof error?.code === 'number' ? error.code : undefined,
    subcode: typeof error?.error_subcode === 'number' ? error.error_subcode : undefined,
  };
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Posts messages to {apiBaseUrl}/{phoneNumberId}/messages, retrying 429 and 5xx with bounded exponential backoff. */
export class GraphClient {
  private readonly url: string;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: GraphClientOptions) {
    this.url = `${options.apiBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.phoneNumberId)}/messages`;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 8000;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** Sends one message; resolves to Meta's message id (may be '' if the answer had none); throws GraphApiError. */
  async send(address: WhatsAppAddress, message: OutboundMessage): Promise<string> {
    const body = JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', ...address, ...message });
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.post(body);
      if (outcome.ok) return outcome.messageId;
      const retrying = attempt < this.maxAttempts && (outcome.status === 0 || isRetryable(outcome.status));
      this.options.logger.warn('whatsapp.graph_error', {
        status: outcome.status,
        code: outcome.code,
        subcode: outcome.subcode,
        attempt,
        retrying,
      });
      if (!retrying) throw new GraphApiError(outcome.status, outcome.code, attempt);
      const backoff = this.baseDelayMs * 2 ** (attempt - 1);
      await this.sleep(Math.min(this.maxDelayMs, outcome.retryAfterMs ?? backoff));
    }
  }

  private async post(
    body: string,
  ): Promise<{ ok: true; messageId: string } | { ok: false; status: number; code?: number; subcode?: number; retryAfterMs?: number }> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.options.accessToken}`, 'Content-Type': 'application/json' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      return { ok: false, status: 0 };
    }
    const parsed: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const id = (parsed as { messages?: { id?: unknown }[] } | undefined)?.messages?.[0]?.id;
      return { ok: true, messageId: typeof id === 'string' ? id : '' };
    }
    return { ok: false, status: response.status, ...errorCodeOf(parsed), retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  }
}
