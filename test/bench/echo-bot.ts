import { ActivityHandler } from 'botbuilder';

/** The benchmark's floor: the same adapter, limits and HTTP path as the assistant, with a turn that does nothing. */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      // Not user-facing: the echo bot only runs in the benchmark.
      await context.sendActivity(context.activity.text ?? '');
      await next();
    });
  }
}
