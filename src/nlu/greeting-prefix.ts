import { analyze, plainWords } from './normalize';

/** Openings people put before their real question ("Goedemiddag, ...", "Hi there, ..."). */
const OPENING_WORDS: ReadonlySet<string> = new Set([
  'hoi', 'hallo', 'hai', 'hey', 'hi', 'hello', 'dag', 'goedemorgen', 'goedemiddag', 'goedenavond', 'goedendag', 'morgen',
  'middag', 'beste', 'dear', 'good', 'morning', 'afternoon', 'evening', 'there', 'daar', 'allemaal', 'all', 'sorry',
]);

/** Meaningful words needed after the opening to ignore it: "hallo, ik heb een vraag" stays a greeting. */
const MIN_QUESTION_WORDS = 3;

/**
 * The message without a leading greeting when a real question follows it, so that "Goedemiddag, hoe kom ik in
 * TRACES?" is about TRACES and not a greeting. Otherwise the message unchanged.
 */
export function withoutOpening(text: string): string {
  const words = plainWords(text);
  let skip = 0;
  while (skip < words.length && OPENING_WORDS.has(words[skip])) skip++;
  if (skip === 0) return text;
  const question = words.slice(skip).join(' ');
  return analyze(question).words.length >= MIN_QUESTION_WORDS ? question : text;
}
