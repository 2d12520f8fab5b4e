/** The shape of the assistant's content once loaded and validated (see schema.ts). */

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A sentence in every language the assistant speaks. */
export type Localized = Record<Lang, string>;

/** What a node is for: a recognisable answer, a walkthrough question, small talk, or a system reply. */
export type NodeKind = 'topic' | 'step' | 'smalltalk' | 'system';

export interface ChoiceDef {
  /** Button label, at most 20 characters (WhatsApp's button limit) in every language. */
  label: Localized;
  /** A node id to go to. */
  goto: string;
  /** Marks the choice a plain "yes" or "no" answer selects. */
  answer?: 'yes' | 'no';
}

/** Where a node sits in the walkthrough, for the progress indicator. */
export interface StepPosition {
  phase: 1 | 2;
  order: number;
}

export interface ContentNode {
  id: string;
  kind: NodeKind;
  title: Localized;
  say: Localized;
  choices: ChoiceDef[];
  owner?: string;
  examples: Record<Lang, string[]>;
  source: string[];
  step?: StepPosition;
  /** The file the node was read from, for error messages. */
  file: string;
}

export interface LinkDef {
  id: string;
  url: string;
  label: Localized;
}

export interface OwnerDef {
  id: string;
  name: Localized;
  when: Localized;
  how: Localized;
  /** Language of the case summary the owner reads. */
  summaryLang: Lang;
}

/** Global commands (menu, help, start over, ...): ids are fixed in code, phrases are content. */
export const COMMAND_IDS = [
  'menu',
  'help',
  'restart',
  'resume',
  'stop',
  'lang_en',
  'lang_nl',
  'forget_me',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export interface Content {
  nodes: Map<string, ContentNode>;
  links: Map<string, LinkDef>;
  owners: Map<string, OwnerDef>;
  commands: Map<CommandId, Record<Lang, string[]>>;
  /** Phrases that are not about TRACES NT, so the recogniser learns what to decline. */
  outOfScope: Record<Lang, string[]>;
  /** User-interface sentences, key → language → text with {placeholders}. */
  ui: Map<string, Localized>;
}

/** One training phrase for the intent recogniser. */
export interface TrainingExample {
  intent: string;
  lang: Lang;
  text: string;
}
