/** Azure Direct Line did not give a token: unreachable, refused the secret, or answered something unexpected. */
export class DirectLineTokenError extends Error {
  override readonly name = 'DirectLineTokenError';
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface DirectLineToken {
  token: string;
  conversationId: string;
  expiresIn: number;
}

/** How long the token service may take before the page is told to retry. */
const TIMEOUT_MS = 10_000;

/**
 * Exchanges the Direct Line secret for a token bound to one new conversation and to a user id chosen here, so
 * the secret never reaches the browser and the browser cannot pose as another user.
 * See "POST /v3/directline/tokens/generate" in the Direct Line 3.0 API.
 */
export async function generateDirectLineToken(
  baseUrl: string,
  secret: string,
  userId: string,
  fetchImpl: typeof fetch = fetch,
): Promise<DirectLineToken> {
  let res: Response;
  try {
    res = await fetchImpl(`${baseUrl}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    throw new DirectLineTokenError('Direct Line could not be reached.', undefined, { cause: err });
  }
  if (!res.ok) throw new DirectLineTokenError(`Direct Line refused the token request (HTTP ${res.status}).`, res.status);
  const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  const token = body?.token;
  const conversationId = body?.conversationId;
  const expiresIn = body?.expires_in;
  if (typeof token !== 'string' || typeof conversationId !== 'string' || typeof expiresIn !== 'number') {
    throw new DirectLineTokenError('Direct Line answered without a token, conversationId and expires_in.', res.status);
  }
  return { token, conversationId, expiresIn };
}
