import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { expect } from '../support/chai';

const TEMPLATES = path.join(PROJECT_ROOT, 'deploymentTemplates');
const CONFIG_SOURCE = path.join(PROJECT_ROOT, 'src', 'config.ts');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface ArmResource {
  type: string;
  name: string;
  properties?: Record<string, Json>;
}
interface ArmTemplate {
  $schema: string;
  parameters?: Record<string, { type: string; defaultValue?: Json }>;
  variables?: Record<string, Json>;
  resources: ArmResource[];
}

const jsonFiles = fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'));
const load = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8'));
const isTemplate = (doc: unknown): doc is ArmTemplate => /deploymentTemplate\.json/.test(String((doc as ArmTemplate).$schema));

/** Every string anywhere in a JSON document (ARM expressions are strings in square brackets). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function referenced(template: ArmTemplate, fn: 'parameters' | 'variables'): Set<string> {
  const pattern = new RegExp(`\\b${fn}\\(\\s*'([^']+)'\\s*\\)`, 'g');
  return new Set(strings(template).flatMap((s) => [...s.matchAll(pattern)].map((m) => m[1])));
}

/** The environment variables src/config.ts reads, taken from its source so the two cannot drift apart. */
function configEnvNames(): Set<string> {
  const source = fs.readFileSync(CONFIG_SOURCE, 'utf8');
  const calls = /\b(?:text|integer|oneOf|httpUrl)(?:<[^>]*>)?\(\s*env\s*,\s*'([A-Za-z_][A-Za-z0-9_]*)'/g;
  const direct = /\benv(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*'([A-Za-z_][A-Za-z0-9_]*)'\s*\])/g;
  return new Set([...[...source.matchAll(calls)].map((m) => m[1]), ...[...source.matchAll(direct)].map((m) => m[1] ?? m[2])]);
}

function resourcesOf(template: ArmTemplate, type: string): ArmResource[] {
  return template.resources.filter((r) => r.type === type);
}

describe('deployment templates', () => {
  const templates = jsonFiles.map((file) => ({ file, doc: load(file) })).filter((t): t is { file: string; doc: ArmTemplate } => isTemplate(t.doc));
  const main = load('azuredeploy.json') as ArmTemplate;

  it('parse as JSON, and there is a template and an example parameters file', () => {
    expect(jsonFiles).to.include.members(['azuredeploy.json', 'azuredeploy.parameters.example.json']);
    expect(templates.map((t) => t.file)).to.include('azuredeploy.json');
  });

  it('declare every parameter and variable they reference, and reference every one they declare', () => {
    for (const { file, doc } of templates) {
      for (const fn of ['parameters', 'variables'] as const) {
        const declared = new Set(Object.keys(doc[fn] ?? {}));
        const used = referenced(doc, fn);
        expect([...used].filter((n) => !declared.has(n)), `${file}: ${fn} referenced but not declared`).to.deep.equal([]);
        expect([...declared].filter((n) => !used.has(n)), `${file}: ${fn} declared but never used`).to.deep.equal([]);
      }
    }
  });

  it('have an example parameters file that sets only declared parameters and every required one, with no secrets', () => {
    const example = load('azuredeploy.parameters.example.json') as { parameters: Record<string, { value: Json }> };
    const declared = main.parameters ?? {};
    expect(Object.keys(example.parameters).filter((n) => !(n in declared)), 'unknown parameters').to.deep.equal([]);
    const required = Object.keys(declared).filter((n) => declared[n].defaultValue === undefined);
    expect(required.filter((n) => !(n in example.parameters) && n !== 'microsoftAppPassword'), 'required parameters missing').to.deep.equal([]);
    const secure = Object.keys(declared).filter((n) => declared[n].type === 'securestring');
    expect(secure.filter((n) => n in example.parameters), 'secrets in the example file').to.deep.equal([]);
  });

  // The names are fixed in DESIGN.md; a setting the app does not read, or a variable the app reads but Azure never sets, is a bug.
  it('give the web app exactly the app settings that src/config.ts reads', () => {
    const [site] = resourcesOf(main, 'Microsoft.Web/sites');
    const siteConfig = site.properties?.siteConfig as { appSettings: { name: string; value: string }[]; linuxFxVersion: string };
    const names = siteConfig.appSettings.map((s) => s.name);
    expect(new Set(names).size, 'duplicate app settings').to.equal(names.length);
    expect([...names].sort()).to.deep.equal([...configEnvNames()].sort());
    expect(configEnvNames()).to.include.members(['STORAGE', 'BLOB_CONNECTION_STRING', 'MicrosoftAppId', 'RETENTION_DAYS']);
    const setting = (name: string) => siteConfig.appSettings.find((s) => s.name === name)?.value;
    expect(setting('STORAGE')).to.equal('blob');
    expect(setting('BLOB_CONNECTION_STRING')).to.match(/listKeys\(/);
    expect(siteConfig.linuxFxVersion).to.equal('NODE|20-lts');
  });

  it('create a storage account with the blob container, an Azure Bot and its Teams channel', () => {
    expect(resourcesOf(main, 'Microsoft.Storage/storageAccounts')).to.have.length(1);
    expect(resourcesOf(main, 'Microsoft.Storage/storageAccounts/blobServices/containers')).to.have.length(1);
    const [bot] = resourcesOf(main, 'Microsoft.BotService/botServices');
    expect(String(bot.properties?.endpoint)).to.match(/\/api\/messages/);
    const channels = resourcesOf(main, 'Microsoft.BotService/botServices/channels').map((c) => c.properties as { channelName: string; properties: { isEnabled: boolean } });
    expect(channels.find((c) => c.channelName === 'MsTeamsChannel')?.properties.isEnabled).to.equal(true);
  });

  it('come with a readme that deploys this template with az', () => {
    const readme = fs.readFileSync(path.join(TEMPLATES, 'README.md'), 'utf8');
    const steps = ['az group create', 'az deployment group create', 'az webapp deploy'].map((c) => readme.indexOf(c));
    expect(steps.every((i) => i >= 0), 'each step is there').to.equal(true);
    expect([...steps].sort((a, b) => a - b), 'in this order').to.deep.equal(steps);
    expect(readme).to.include('--template-file deploymentTemplates/azuredeploy.json');
  });
});
