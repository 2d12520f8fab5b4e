import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONTENT_DIR } from '../paths';
import { ContentError, readCommands, readLinks, readNode, readOwners, readPhraseLists, readUi } from './schema';
import { LANGS, type Content, type ContentNode, type TrainingExample } from './types';

const NODE_FOLDERS = ['topics', 'walkthrough'];
const LINK_TOKEN = /\{link:([a-z0-9_]+)\}/g;
const PLACEHOLDER = /\{([a-z_]+(?::[a-z0-9_]+)?)\}/g;

function parseFile(file: string, root: string): unknown {
  const rel = path.relative(root, file);
  try {
    return parse(fs.readFileSync(file, 'utf8'), { uniqueKeys: true });
  } catch (err) {
    throw new ContentError(rel, '', '(file)', `not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(dir, f));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();
}

/** Cross-file checks: targets, owners and links exist; both languages use the same placeholders. */
function checkReferences(content: Content): void {
  for (const node of content.nodes.values()) {
    node.choices.forEach((choice, i) => {
      if (!content.nodes.has(choice.goto)) {
        throw new ContentError(node.file, node.id, `choices[${i}].goto`, `"${choice.goto}" is not a topic or walkthrough node`);
      }
    });
    if (node.owner !== undefined && !content.owners.has(node.owner)) {
      throw new ContentError(node.file, node.id, 'owner', `"${node.owner}" is not in owners.yaml`);
    }
    const nl = placeholders(node.say.nl).join(',');
    if (nl !== placeholders(node.say.en).join(',')) {
      throw new ContentError(node.file, node.id, 'say', `nl and en use different placeholders (${nl} vs ${placeholders(node.say.en).join(',')})`);
    }
    for (const lang of LANGS) {
      for (const m of node.say[lang].matchAll(LINK_TOKEN)) {
        if (!content.links.has(m[1])) throw new ContentError(node.file, node.id, `say.${lang}`, `link "${m[1]}" is not in links.yaml`);
      }
    }
  }
  for (const owner of content.owners.values()) {
    for (const lang of LANGS) {
      for (const m of owner.how[lang].matchAll(LINK_TOKEN)) {
        if (!content.links.has(m[1])) throw new ContentError('owners.yaml', owner.id, `how.${lang}`, `link "${m[1]}" is not in links.yaml`);
      }
    }
  }
}

/** Reads and validates all content; throws ContentError naming file, topic and field on the first problem. */
export function loadContent(dir: string = CONTENT_DIR): Content {
  const nodes = new Map<string, ContentNode>();
  for (const folder of NODE_FOLDERS) {
    for (const file of yamlFiles(path.join(dir, folder))) {
      const rel = path.relative(dir, file);
      const node = readNode(rel, parseFile(file, dir));
      const expected = node.id.replace(/_/g, '-') + '.yaml';
      if (path.basename(file) !== expected) throw new ContentError(rel, node.id, 'id', `file should be named ${expected}`);
      if (nodes.has(node.id)) throw new ContentError(rel, node.id, 'id', `also defined in ${nodes.get(node.id)?.file}`);
      nodes.set(node.id, node);
    }
  }
  const optional = (name: string): unknown => (fs.existsSync(path.join(dir, name)) ? parseFile(path.join(dir, name), dir) : undefined);
  const content: Content = {
    nodes,
    links: readLinks('links.yaml', optional('links.yaml') ?? {}),
    owners: readOwners('owners.yaml', optional('owners.yaml') ?? {}),
    commands: readCommands('commands.yaml', optional('commands.yaml')),
    outOfScope: readPhraseLists('out-of-scope.yaml', optional('out-of-scope.yaml') ?? { nl: [], en: [] }),
    ui: readUi('ui.yaml', optional('ui.yaml') ?? {}),
  };
  checkReferences(content);
  return content;
}

/** Training phrases for the recogniser: topics by node id, commands as `cmd:<id>`, declines as `out_of_scope`. */
export function trainingExamples(content: Content): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const node of content.nodes.values()) {
    for (const lang of LANGS) {
      // A title is a good phrase only for nodes people ask for directly (those with examples).
      if (node.examples[lang].length > 0) out.push({ intent: node.id, lang, text: node.title[lang] });
      for (const text of node.examples[lang]) out.push({ intent: node.id, lang, text });
    }
  }
  for (const [id, phrases] of content.commands) {
    for (const lang of LANGS) for (const text of phrases[lang]) out.push({ intent: `cmd:${id}`, lang, text });
  }
  for (const lang of LANGS) for (const text of content.outOfScope[lang]) out.push({ intent: 'out_of_scope', lang, text });
  return out;
}
