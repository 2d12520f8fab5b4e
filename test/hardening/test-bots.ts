import { ActivityHandler, ConversationState, type Storage, type TurnContext } from 'botbuilder';

/**
 * A bot whose every message increments a counter in conversation state, yielding to the event loop between read and
 * write: two turns of one conversation running interleaved would both read the same count and lose an update.
 */
export class CountingBot extends ActivityHandler {
  readonly state: ConversationState;
  turns = 0;
  /** Messages with this text throw (to exercise onTurnError). */
  failOn = 'boom';

  constructor(storage: Storage, hold: () => Promise<void> = async () => undefined) {
    super();
    this.state = new ConversationState(storage);
    const count = this.state.createProperty<number>('count');
    this.onMessage(async (context, next) => {
      this.turns += 1;
      const seen = await count.get(context, 0);
      await hold();
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      if (context.activity.text === this.failOn) throw new Error(`failing on purpose for ${context.activity.from.id}`);
      await count.set(context, seen + 1);
      await context.sendActivity({ type: 'message', text: `n=${seen + 1}` });
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context, false);
  }
}
