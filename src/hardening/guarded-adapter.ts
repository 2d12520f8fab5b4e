import { CloudAdapter, DeliveryModes, type Activity, type InvokeResponse, type ResourceResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult, BotFrameworkAuthentication } from 'botframework-connector';
import { bearerTokenProblem } from './bearer-token';
import { withTimeout } from './with-timeout';

/** The request does not carry a token we accept; the HTTP answer is 401 whatever the reason. */
export class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError';
  constructor(
    readonly reason: 'missing' | 'malformed' | 'rejected' | 'timeout',
    options?: { cause?: unknown },
  ) {
    super(`Request not authorized (${reason}).`, options);
  }
}

/** A reply could not be delivered to the channel's serviceUrl in time; the turn stops instead of retrying for long. */
export class ReplyDeliveryError extends Error {
  override readonly name = 'ReplyDeliveryError';
  constructor(readonly timeoutMs: number) {
    super(`A reply did not reach the channel within ${timeoutMs} ms.`);
  }
}

/** Set in a turn's state once a reply failed to reach the channel, so error handling does not try to send again. */
export const DELIVERY_FAILED = Symbol('deliveryFailed');

export interface GuardedAdapterOptions {
  /** True when MicrosoftAppId is set: every request must carry a valid Bot Framework token. */
  authRequired: boolean;
  /** Longest wait for token validation (which may fetch Microsoft's OpenID metadata). */
  authTimeoutMs: number;
  /** Longest wait for one outgoing reply (normal delivery; expectReplies replies are buffered, not sent). */
  sendTimeoutMs: number;
}

/**
 * botbuilder's CloudAdapter split into the two steps the edge needs to control: authenticate (bounded in time, any
 * failure is a 401, never a 500) and run the turn (returning the invoke / expectReplies response for us to write).
 * Outgoing replies are bounded too: the connector retries an unreachable serviceUrl for about 11 s otherwise.
 */
export class GuardedAdapter extends CloudAdapter {
  constructor(
    authentication: BotFrameworkAuthentication,
    private readonly guard: GuardedAdapterOptions,
  ) {
    super(authentication);
  }

  get authRequired(): boolean {
    return this.guard.authRequired;
  }

  async authenticate(authHeader: string, activity: Activity): Promise<AuthenticateRequestResult> {
    if (this.guard.authRequired) {
      const problem = bearerTokenProblem(authHeader);
      if (problem) throw new UnauthorizedError(problem);
    }
    try {
      const validation = this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
      return await withTimeout(validation, this.guard.authTimeoutMs, () => new UnauthorizedError('timeout'));
    } catch (error) {
      if (error instanceof UnauthorizedError) throw error;
      // Bad signature, wrong audience, unreachable metadata: all mean "not authorized" to the caller.
      throw new UnauthorizedError('rejected', { cause: error });
    }
  }

  /** Runs the bot for an authenticated activity; resolves to the response body for invoke and expectReplies. */
  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const sending = super.sendActivities(context, activities);
    if (context.activity.deliveryMode === DeliveryModes.ExpectReplies) return sending;
    try {
      return await withTimeout(sending, this.guard.sendTimeoutMs, () => new ReplyDeliveryError(this.guard.sendTimeoutMs));
    } catch (error) {
      context.turnState.set(DELIVERY_FAILED, true);
      throw error;
    }
  }
}
