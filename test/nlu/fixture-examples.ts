import type { TrainingExample } from '../../src/content/types';

/** A small training set in the shape the content loader produces, so the classifier tests need no real content. */
const PHRASES: Record<string, { nl: string[]; en: string[] }> = {
  password_forgotten: {
    nl: ['wachtwoord vergeten', 'ik weet mijn wachtwoord niet meer', 'hoe reset ik mijn wachtwoord', 'nieuw wachtwoord instellen'],
    en: ['forgot my password', 'how do I reset my password', 'I lost my password', 'set a new password'],
  },
  no_email: {
    nl: ['ik krijg geen e-mail', 'de activatiemail komt niet aan', 'geen mail ontvangen na registratie', 'waar blijft de bevestigingsmail'],
    en: ['I did not receive the email', 'the activation mail never arrived', 'no email after signing up', 'where is the confirmation email'],
  },
  two_factor: {
    nl: ['hoe stel ik tweestapsverificatie in', 'welke tweede factor moet ik gebruiken', 'werkt sms nog als tweede stap', 'authenticator app instellen'],
    en: ['how do I set up two-factor authentication', 'which second factor can I use', 'is sms still accepted for 2fa', 'set up the authenticator app'],
  },
  which_role: {
    nl: ['welke rol moet ik kiezen', 'operator of authority kiezen', 'wat kies ik bij type organisatie', 'rol selecteren als importeur'],
    en: ['which role should I pick', 'operator or authority', 'what organisation type do I choose', 'role for an importer'],
  },
  'cmd:menu': {
    nl: ['menu', 'hoofdmenu', 'terug naar het menu', 'laat de opties zien'],
    en: ['menu', 'main menu', 'back to the menu', 'show the options'],
  },
  out_of_scope: {
    nl: ['wat voor weer wordt het', 'vertel een mop', 'hoeveel invoerrechten betaal ik', 'hoe vul ik vak 18 van de coi in', 'wie wint de wedstrijd'],
    en: ['what is the weather like', 'tell me a joke', 'how much import duty do I pay', 'how do I fill in box 18 of the coi', 'who wins the match'],
  },
};

export const FIXTURE_EXAMPLES: TrainingExample[] = Object.entries(PHRASES).flatMap(([intent, byLang]) => [
  ...byLang.nl.map((text) => ({ intent, lang: 'nl' as const, text })),
  ...byLang.en.map((text) => ({ intent, lang: 'en' as const, text })),
]);
