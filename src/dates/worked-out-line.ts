import type { TurnContext } from 'botbuilder';

const LINE = Symbol('workedOutLine');

/** A dialog that worked out a date leaves its sentence here; the reply shown next in the same turn puts it in front. */
export function leaveWorkedOutLine(context: TurnContext, line: string): void {
  context.turnState.set(LINE, line);
}

/** Takes the sentence left this turn (once). */
export function takeWorkedOutLine(context: TurnContext): string | undefined {
  const line = context.turnState.get(LINE) as string | undefined;
  context.turnState.delete(LINE);
  return line;
}
