import type { Activity, InvokeResponse, Storage, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Content, Lang } from '../content/types';
import type { Logger } from '../logger';
import { inspectActivity } from './activity-guard';
import { ConversationBusyError } from './conversation-queue';
import { DeliveryInProgressError, DeliveryLedger, type TurnOutcome } from './delivery-ledger';
import { UnauthorizedError, type GuardedAdapter } from './guarded-adapter';
import type { HardeningOptions } from './options';
import { sendSystemReply } from './system-reply';
import { OverloadedError } from './turn-gate';
import type { TurnGuard } from './turn-guard';

export interface MessageIntakeDeps {
  adapter: GuardedAdapter;
  /** The bot's turn logic (ActivityHandler.run). */
  logic: (context: TurnContext) => Promise<void>;
  guard: TurnGuard;
  /** Where delivery records live (the configured AppStorage, so redeliveries are caught across instances). */
  storage: Storage;
  content: Content;
  logger: Logger;
  options: HardeningOptions;
  /** The user's language for the polite rate-limit reply. */
  languageOf: (context: TurnContext) => Promise<Lang>;
  /** Wraps each request's work so shutdown can wait for it (default: none). */
  track?: <T>(work: Promise<T>) => Promise<T>;
  /** Clock for the delivery ledger (default Date.now). */
  now?: () => number;
}

/** Invoke activities the bot has no handler for come back as 501; they are acknowledged and ignored instead. */
const NOT_IMPLEMENTED = 501;

function answer(res: Response, status: number, bodyJson?: string, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.header(name, value);
  res.status(status);
  if (bodyJson === undefined) {
    res.end();
    return;
  }
  res.header('content-type', 'application/json; charset=utf-8');
  res.sendRaw(bodyJson);
}

const error = (message: string) => JSON.stringify({ error: message });

/**
 * POST /api/messages with every protection in order: shape (400), token (401), acknowledged-and-ignored types (200),
 * rate per user and conversation (a polite reply once, then 429), redelivery (same outcome again), one turn at a time
 * per conversation, the global limit (503), and no internal detail in any answer.
 */
export class MessageIntake {
  readonly ledger: DeliveryLedger;

  constructor(private readonly deps: MessageIntakeDeps) {
    const { options } = deps;
    this.ledger = new DeliveryLedger(
      deps.storage,
      { ttlMs: options.dedupeTtlMs, waitMs: options.dedupeWaitMs, staleMs: options.dedupeStaleMs, now: deps.now },
      deps.logger,
    );
  }

  /** The restify handler; never throws and never answers with internals. */
  readonly handle = async (req: Request, res: Response): Promise<void> => {
    const work = this.process(req, res).catch((failure: unknown) => {
      this.deps.logger.error('messages_failed', { error: (failure as Error)?.name });
      if (!res.headersSent) answer(res, 500, error('Internal error.'));
    });
    await (this.deps.track ? this.deps.track(work) : work);
  };

  private async process(req: Request, res: Response): Promise<void> {
    const { adapter, logger, options } = this.deps;
    const inspection = inspectActivity(req.body, options);
    if (inspection.kind === 'reject') return answer(res, 400, error(inspection.reason));

    const header = req.headers.authorization;
    let auth;
    try {
      if (inspection.kind === 'ignore' && !adapter.authRequired) return answer(res, 200);
      const claimed = inspection.kind === 'process' ? inspection.activity : (req.body as Activity);
      auth = await adapter.authenticate(typeof header === 'string' ? header : '', claimed);
    } catch (failure) {
      const reason = failure instanceof UnauthorizedError ? failure.reason : 'rejected';
      logger.warn('unauthorized', { reason, cause: (failure as Error & { cause?: Error })?.cause?.name });
      return answer(res, 401, error('Unauthorized.'));
    }
    if (inspection.kind === 'ignore') {
      logger.debug('activity_ignored', { activityType: inspection.activityType.slice(0, 64) });
      return answer(res, 200);
    }

    const activity = inspection.activity;
    const parties = { channelId: activity.channelId, userId: activity.from.id, conversationId: activity.conversation.id };
    const verdict = this.deps.guard.admit(parties);
    if (!verdict.allowed) {
      logger.warn('rate_limited', { channel: activity.channelId, first: verdict.firstRefusal });
      if (verdict.firstRefusal && activity.type === 'message') {
        const outcome = await this.outcomeOf(activity, await adapter.runTurn(auth, activity, (context) => this.politeRefusal(context)));
        return answer(res, outcome.status, outcome.bodyJson, { 'retry-after': String(verdict.retryAfterSec) });
      }
      return answer(res, 429, error('Too many messages; wait a moment.'), { 'retry-after': String(verdict.retryAfterSec) });
    }

    try {
      const { outcome, replayed } = await this.deps.guard.run(parties, () =>
        this.ledger.once(activity, async () => this.outcomeOf(activity, await adapter.runTurn(auth, activity, this.deps.logic))),
      );
      if (replayed) logger.info('redelivery_replayed', { channel: activity.channelId, activityType: activity.type });
      return answer(res, outcome.status, outcome.bodyJson);
    } catch (failure) {
      const retryAfter = { 'retry-after': String(options.overloadRetryAfterSec) };
      if (failure instanceof ConversationBusyError) return answer(res, 429, error('Too many messages at once in this conversation.'), retryAfter);
      if (failure instanceof OverloadedError || failure instanceof DeliveryInProgressError) {
        logger.warn('overloaded', { reason: failure.name });
        return answer(res, 503, error('Busy; try again shortly.'), retryAfter);
      }
      throw failure;
    }
  }

  /** The HTTP answer for a finished turn: the invoke or expectReplies body, or a plain 200. */
  private async outcomeOf(activity: Activity, response: InvokeResponse | undefined): Promise<TurnOutcome> {
    if (!response) return { status: 200 };
    if (activity.type === 'invoke' && response.status === NOT_IMPLEMENTED) return { status: 200 };
    return { status: response.status, bodyJson: response.body === undefined ? undefined : JSON.stringify(response.body) };
  }

  private async politeRefusal(context: TurnContext): Promise<void> {
    const lang = await this.deps.languageOf(context).catch((): Lang => 'nl');
    await sendSystemReply(context, this.deps.content, 'rate_limited', lang);
  }

  close(): void {
    this.ledger.close();
  }
}
