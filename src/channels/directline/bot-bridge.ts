import { DeliveryModes, type Activity, type ActivityHandler, type CloudAdapter, type Middleware, type TurnContext } from 'botbuilder';

/** Runs one activity through the bot in this process and returns what the bot sent during the turn. */
export type BotTurn = (activity: Partial<Activity>) => Promise<Partial<Activity>[]>;

export interface BotBridgeDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  /** Wraps each turn so shutdown can wait for it (the server's in-flight counter). */
  track?: <T>(work: Promise<T>) => Promise<T>;
  /** Runs around each turn (the hardening's rate limits and global limit), as on the app's other channels. */
  guard?: Middleware;
}

/** Never called: replies are buffered (expectReplies), but the adapter builds a connector for every turn. */
const UNUSED_SERVICE_URL = 'http://127.0.0.1:9/local-directline';

/**
 * Feeds activities to the bot through the CloudAdapter without HTTP. The turn runs with deliveryMode
 * "expectReplies", so the adapter's middleware, state and error handling apply and the replies are taken from
 * the turn instead of being posted to a connector. Local mode only: with no MicrosoftAppId the adapter accepts
 * the empty authorization, as it does for the Emulator.
 */
export function createBotBridge(deps: BotBridgeDeps): BotTurn {
  const track = deps.track ?? (<T>(work: Promise<T>) => work);
  const run = (context: TurnContext) => (deps.guard ? deps.guard.onTurn(context, () => deps.bot.run(context)) : deps.bot.run(context));
  return async (activity) => {
    let replies: Partial<Activity>[] = [];
    const turn = { ...activity, serviceUrl: UNUSED_SERVICE_URL, deliveryMode: DeliveryModes.ExpectReplies } as Activity;
    await track(
      deps.adapter.processActivityDirect('', turn, async (context: TurnContext) => {
        // Keep the buffer itself: the adapter's onTurnError may still add an apology to it after a failure.
        replies = context.bufferedReplyActivities;
        await run(context);
      }),
    );
    return replies.map((reply) => JSON.parse(JSON.stringify(reply)) as Partial<Activity>);
  };
}
