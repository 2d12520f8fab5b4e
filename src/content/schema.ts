import {
  COMMAND_IDS,
  LANGS,
  type ChoiceDef,
  type CommandId,
  type ContentNode,
  type Lang,
  type LinkDef,
  type Localized,
  type NodeKind,
  type OwnerDef,
  type StepPosition,
} from './types';

/** A content file breaks the schema; the message names the file, the node and the field so an editor can fix it. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(
    readonly file: string,
    readonly nodeId: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Content error in ${file}, ${nodeId ? `topic "${nodeId}", ` : ''}field "${field}": ${problem}`);
  }
}

/** Limits that channels impose (WhatsApp button title ≤ 20 characters); content must fit every channel. */
export const MAX_LABEL = 20;
export const MAX_SAY = 800;

const NODE_KINDS: readonly NodeKind[] = ['topic', 'step', 'smalltalk', 'system'];
const NODE_FIELDS = ['id', 'kind', 'title', 'say', 'choices', 'owner', 'step', 'examples', 'source'];

type Obj = Record<string, unknown>;

/** Validates one parsed value at a time, carrying where it came from for the error message. */
class Reader {
  constructor(
    readonly file: string,
    readonly nodeId: string,
  ) {}

  fail(field: string, problem: string): never {
    throw new ContentError(this.file, this.nodeId, field, problem);
  }

  object(value: unknown, field: string, allowed?: string[]): Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(field, 'expected a mapping');
    const obj = value as Obj;
    if (allowed) {
      const unknown = Object.keys(obj).find((k) => !allowed.includes(k));
      if (unknown !== undefined) this.fail(field ? `${field}.${unknown}` : unknown, `unknown field (allowed: ${allowed.join(', ')})`);
    }
    return obj;
  }

  string(value: unknown, field: string, maxLength = Infinity): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'expected a non-empty text');
    const trimmed = value.trim();
    if (trimmed.length > maxLength) this.fail(field, `is ${trimmed.length} characters; the limit is ${maxLength}`);
    return trimmed;
  }

  localized(value: unknown, field: string, maxLength = Infinity): Localized {
    const obj = this.object(value, field, [...LANGS]);
    const out = {} as Localized;
    for (const lang of LANGS) out[lang] = this.string(obj[lang], `${field}.${lang}`, maxLength);
    return out;
  }

  strings(value: unknown, field: string): string[] {
    if (!Array.isArray(value)) this.fail(field, 'expected a list');
    return value.map((v, i) => this.string(typeof v === 'number' ? String(v) : v, `${field}[${i}]`));
  }

  perLanguageList(value: unknown, field: string): Record<Lang, string[]> {
    const obj = this.object(value, field, [...LANGS]);
    const out = {} as Record<Lang, string[]>;
    for (const lang of LANGS) out[lang] = this.strings(obj[lang] ?? [], `${field}.${lang}`);
    return out;
  }
}

function readChoice(r: Reader, value: unknown, field: string): ChoiceDef {
  const obj = r.object(value, field, ['label', 'goto', 'answer']);
  const choice: ChoiceDef = { label: r.localized(obj.label, `${field}.label`, MAX_LABEL), goto: r.string(obj.goto, `${field}.goto`) };
  if (obj.answer !== undefined) {
    if (obj.answer !== 'yes' && obj.answer !== 'no' && obj.answer !== true && obj.answer !== false) {
      r.fail(`${field}.answer`, 'expected yes or no');
    }
    // YAML 1.1 readers may turn a bare yes/no into a boolean.
    choice.answer = obj.answer === 'yes' || obj.answer === true ? 'yes' : 'no';
  }
  return choice;
}

function readStep(r: Reader, value: unknown): StepPosition {
  const obj = r.object(value, 'step', ['phase', 'order']);
  if (obj.phase !== 1 && obj.phase !== 2) r.fail('step.phase', 'expected 1 or 2');
  if (typeof obj.order !== 'number' || !Number.isInteger(obj.order) || obj.order < 1) r.fail('step.order', 'expected a whole number ≥ 1');
  return { phase: obj.phase, order: obj.order };
}

/** Turns one parsed node file into a ContentNode, or throws ContentError. */
export function readNode(file: string, value: unknown): ContentNode {
  const head = new Reader(file, '');
  const obj = head.object(value, '', NODE_FIELDS);
  const id = head.string(obj.id, 'id');
  if (!/^[a-z][a-z0-9_]*$/.test(id)) head.fail('id', `"${id}" must be snake_case`);
  const r = new Reader(file, id);
  const kind = r.string(obj.kind, 'kind') as NodeKind;
  if (!NODE_KINDS.includes(kind)) r.fail('kind', `expected one of ${NODE_KINDS.join(', ')}`);
  const choicesRaw: unknown = obj.choices ?? [];
  if (!Array.isArray(choicesRaw)) r.fail('choices', 'expected a list');
  const choiceList = choicesRaw as unknown[];
  const node: ContentNode = {
    id,
    kind,
    title: r.localized(obj.title, 'title', MAX_LABEL),
    say: r.localized(obj.say, 'say', MAX_SAY),
    choices: choiceList.map((c, i) => readChoice(r, c, `choices[${i}]`)),
    examples: obj.examples === undefined ? { nl: [], en: [] } : r.perLanguageList(obj.examples, 'examples'),
    source: obj.source === undefined ? [] : r.strings(obj.source, 'source'),
    file,
  };
  if (obj.owner !== undefined) node.owner = r.string(obj.owner, 'owner');
  if (obj.step !== undefined) node.step = readStep(r, obj.step);
  for (const lang of LANGS) {
    const labels = node.choices.map((c) => c.label[lang].toLowerCase());
    const dup = labels.find((l, i) => labels.indexOf(l) !== i);
    if (dup !== undefined) r.fail('choices', `label "${dup}" appears twice (${lang})`);
  }
  return node;
}

export function readLinks(file: string, value: unknown): Map<string, LinkDef> {
  const r = new Reader(file, '');
  const obj = r.object(value, '');
  const links = new Map<string, LinkDef>();
  for (const [id, raw] of Object.entries(obj)) {
    const lr = new Reader(file, id);
    const def = lr.object(raw, '', ['url', 'label']);
    const url = lr.string(def.url, 'url');
    if (!URL.canParse(url)) lr.fail('url', `"${url}" is not a URL`);
    if (new URL(url).protocol !== 'https:') lr.fail('url', 'must be https');
    links.set(id, { id, url, label: lr.localized(def.label, 'label', 40) });
  }
  return links;
}

export function readOwners(file: string, value: unknown): Map<string, OwnerDef> {
  const obj = new Reader(file, '').object(value, '');
  const owners = new Map<string, OwnerDef>();
  for (const [id, raw] of Object.entries(obj)) {
    const r = new Reader(file, id);
    const def = r.object(raw, '', ['name', 'when', 'how', 'summaryLang']);
    const summaryLang = r.string(def.summaryLang, 'summaryLang') as Lang;
    if (!LANGS.includes(summaryLang)) r.fail('summaryLang', `expected one of ${LANGS.join(', ')}`);
    owners.set(id, { id, name: r.localized(def.name, 'name'), when: r.localized(def.when, 'when'), how: r.localized(def.how, 'how'), summaryLang });
  }
  return owners;
}

export function readCommands(file: string, value: unknown): Map<CommandId, Record<Lang, string[]>> {
  const r = new Reader(file, '');
  const obj = r.object(value, '', [...COMMAND_IDS]);
  const commands = new Map<CommandId, Record<Lang, string[]>>();
  for (const id of COMMAND_IDS) {
    if (obj[id] === undefined) r.fail(id, 'missing command');
    commands.set(id, new Reader(file, id).perLanguageList(obj[id], 'phrases'));
  }
  return commands;
}

export function readPhraseLists(file: string, value: unknown): Record<Lang, string[]> {
  return new Reader(file, '').perLanguageList(value, '');
}

export function readUi(file: string, value: unknown): Map<string, Localized> {
  const obj = new Reader(file, '').object(value, '');
  const ui = new Map<string, Localized>();
  for (const [key, raw] of Object.entries(obj)) ui.set(key, new Reader(file, key).localized(raw, 'text'));
  return ui;
}
