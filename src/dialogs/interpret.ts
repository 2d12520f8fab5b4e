import { COMMAND_IDS, type CommandId, type Lang } from '../content/types';
import { matchChoice, parseYesNo } from '../nlu/choice-answer';
import { plainWords } from '../nlu/normalize';
import type { Recognizer } from '../nlu/types';
import type { WalkState } from './state';

/** Longest text the recogniser sees; longer messages are cut (recognizers-text cost grows with length). */
export const MAX_RECOGNIZED_CHARS = 1000;

/**
 * When unsure, the best topic is still answered if it leads the next by this much, with the others offered as
 * "something else?" choices: one answer plus a way out beats a question back (measured on test/nlu: 17 of 23 unsure
 * tops were right). Closer calls get "Bedoelt u…?".
 */
export const ANSWER_UNSURE_LEAD = 0.02;

/** What the user's message asks the assistant to do this turn. */
export type TurnAction =
  | { type: 'empty' }
  | { type: 'goto'; nodeId: string; via: 'choice' | 'intent'; alternatives?: string[] }
  | { type: 'command'; command: CommandId }
  | { type: 'clarify'; candidates: string[] }
  | { type: 'out_of_scope' };

export interface Interpretation {
  lang: Lang;
  action: TurnAction;
}

const COMMAND_PREFIX = 'cmd:';

function asCommand(intent: string): CommandId | undefined {
  if (!intent.startsWith(COMMAND_PREFIX)) return undefined;
  const id = intent.slice(COMMAND_PREFIX.length) as CommandId;
  return COMMAND_IDS.includes(id) ? id : undefined;
}

/** A command phrase typed exactly (e.g. "menu") wins over a loose match with a choice label (e.g. "Mens"). */
export function exactCommandIndex(commands: Map<CommandId, Record<Lang, string[]>>): Map<string, CommandId> {
  const index = new Map<string, CommandId>();
  for (const [id, phrases] of commands) for (const phrase of [...phrases.nl, ...phrases.en]) index.set(plainWords(phrase).join(' '), id);
  return index;
}

/** Answers to the choices offered last: a label typed loosely, a number or ordinal, or yes/no. */
function answerToOffer(text: string, offered: WalkState['offered'], lang: Lang): string | undefined {
  if (offered.length === 0) return undefined;
  const index = matchChoice(text, offered.map((o) => o.label), lang);
  if (index !== undefined) return offered[index]?.goto;
  const yesNo = parseYesNo(text, lang);
  if (yesNo !== undefined) return offered.find((o) => o.answer === yesNo)?.goto;
  return undefined;
}

/**
 * Decides what a message means, in order: an answer to the offered choices, a global command, a topic,
 * a clarification between close topics, or out of scope. `isTopic` says which intents may be shown directly.
 */
export function interpret(
  rawText: string,
  offered: WalkState['offered'],
  prior: Lang,
  recognizer: Recognizer,
  isTopic: (intent: string) => boolean,
  exactCommands: Map<string, CommandId> = new Map(),
): Interpretation {
  const text = rawText.slice(0, MAX_RECOGNIZED_CHARS).trim();
  if (text === '') return { lang: prior, action: { type: 'empty' } };
  const lang = recognizer.detectLanguage(text, prior).lang;
  const words = plainWords(text).join(' ');
  const command = exactCommands.get(words);
  if (command && !offered.some((o) => plainWords(o.label).join(' ') === words)) return { lang, action: { type: 'command', command } };
  const chosen = answerToOffer(text, offered, lang);
  if (chosen !== undefined) return { lang, action: { type: 'goto', nodeId: chosen, via: 'choice' } };

  const understood = recognizer.understand(text, lang);
  if (understood.kind === 'sure') {
    const command = asCommand(understood.intent);
    if (command) return { lang, action: { type: 'command', command } };
    if (isTopic(understood.intent)) return { lang, action: { type: 'goto', nodeId: understood.intent, via: 'intent' } };
    return { lang, action: { type: 'out_of_scope' } };
  }
  if (understood.kind === 'unsure') {
    const candidates = understood.candidates.filter((c) => isTopic(c.intent)).slice(0, 3);
    const [best, next] = candidates;
    if (best && (!next || best.score - next.score >= ANSWER_UNSURE_LEAD)) {
      const alternatives = candidates.slice(1).map((c) => c.intent);
      return { lang, action: { type: 'goto', nodeId: best.intent, via: 'intent', alternatives } };
    }
    if (candidates.length > 1) return { lang, action: { type: 'clarify', candidates: candidates.map((c) => c.intent) } };
  }
  return { lang, action: { type: 'out_of_scope' } };
}
