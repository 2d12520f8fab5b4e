import { Chat } from './conversation-kit';

/** The walkthrough in order, as a new user clicks through it (step and topic nodes). */
export const WALK = [
  'wt_has_account',
  'create_eu_login',
  'form_fields',
  'wt_email_arrived',
  'wt_password_set',
  'two_factor',
  'login_how',
  'which_role',
  'wt_personal_ok',
  'select_country',
  'find_company_name',
  'wt_company_found',
  'request_authorization',
  'activation_time',
];

/** One scripted user: how far they walk, then what they do (clicks are node ids, `say:` is typed text). */
interface Script {
  english?: boolean;
  depth: number;
  then?: string[];
}

/**
 * A fixed set of conversations that exercises everything the report shows: people dropping off along the steps,
 * answers rated 👍 and 👎, handoffs to each owner, and questions the assistant could not answer (some with personal
 * data, which must show redacted). Deterministic: same script, same events.
 */
export const SCRIPTS: Script[] = [
  { depth: 14, then: ['activation_late', 'contact_human', 'say:ja'] },
  { depth: 14, then: ['followup_optin', 'feedback_yes'] },
  { depth: 13, then: ['activation_late', 'feedback_no', 'contact_human', 'say:nee'] },
  { depth: 11, then: ['company_not_found', 'feedback_no', 'contact_human'] },
  { depth: 9, then: ['say:hoeveel kost een pizza, bel 06-12345678'] },
  { depth: 6, english: true, then: ['feedback_yes'] },
  { depth: 5, then: ['link_expired', 'feedback_no', 'contact_human'] },
  { depth: 5, english: true, then: ['no_email', 'feedback_yes', 'say:what time is it in Brussels?'] },
  { depth: 4, then: ['no_email', 'feedback_no', 'say:wat is het weer in Zwolle?', 'contact_human', 'say:EU Login-account'] },
  { depth: 2, then: ['say:Hoe laat is het in Brussel?'] },
  { depth: 1, then: ['say:hoe laat is het in Brussel'] },
  { depth: 0, then: ['what_is_traces', 'feedback_yes', 'say:wat is het weer in Zwolle'] },
];

/** Runs every script against the app at `url`, one user each. */
export async function runScriptedConversations(url: string): Promise<void> {
  for (const [i, script] of SCRIPTS.entries()) {
    const chat = new Chat(url, { userId: `scripted-user-${i + 1}`, locale: script.english ? 'en-GB' : 'nl-NL' });
    if (script.english) await chat.say('English please');
    for (const node of WALK.slice(0, script.depth)) await chat.click(node);
    for (const step of script.then ?? []) {
      if (step.startsWith('say:')) await chat.say(step.slice(4));
      else await chat.click(step);
    }
  }
}
