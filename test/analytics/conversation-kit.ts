import { ExpectRepliesClient, type ClientOptions, type ReplyActivity } from '../../src/cli/expect-replies-client';

/** Friday 28 November 2025, 13:00 in Amsterdam: the clock every conversation test of issue 6 runs against. */
export const FRIDAY_1300 = new Date('2025-11-28T12:00:00Z');

/** A settable clock for an app under test. */
export function testClock(start: Date = FRIDAY_1300): { now: () => Date; set(to: Date): void } {
  let current = start;
  return {
    now: () => current,
    set: (to) => {
      current = to;
    },
  };
}

export const topicsOf = (replies: ReplyActivity[]): (string | undefined)[] => replies.map((r) => r.channelData?.topicId);
export const offeredIn = (replies: ReplyActivity[]): string[] => replies.flatMap((r) => (r.channelData?.choices as string[] | undefined) ?? []);
export const textOf = (replies: ReplyActivity[]): string => replies.map((r) => r.text ?? '').join('\n');

/** One user talking to the app: typed messages and button clicks (activity.value.goto, as cards send them). */
export class Chat {
  readonly client: ExpectRepliesClient;

  constructor(url: string, options: ClientOptions = {}) {
    this.client = new ExpectRepliesClient(url, { channelId: 'webchat', locale: 'nl-NL', ...options });
  }

  say(text: string, extra: Record<string, unknown> = {}): Promise<ReplyActivity[]> {
    return this.client.say(text, extra);
  }

  click(goto: string, extra: Record<string, unknown> = {}): Promise<ReplyActivity[]> {
    return this.client.say('', { value: { goto }, ...extra });
  }
}
