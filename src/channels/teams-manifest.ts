import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';
import { PROJECT_ROOT } from '../paths';

export const APP_PACKAGE_DIR = path.join(PROJECT_ROOT, 'appPackage');
/** Files that go into the Teams app package, as they sit in appPackage/ (manifest.json is filled in first). */
export const PACKAGE_FILES = ['manifest.json', 'en-us.json', 'color.png', 'outline.png'] as const;

/** The values the manifest template needs; `{{NAME}}` in manifest.json is replaced with values[NAME]. */
export interface TeamsManifestValues {
  /** MicrosoftAppId: the bot's Azure app id, the manifest's bots[0].botId. */
  MicrosoftAppId: string;
  /** TEAMS_APP_ID: the Teams app's own id (default: MicrosoftAppId, one id for both). */
  TEAMS_APP_ID: string;
  /** TEAMS_APP_VERSION: the app version Teams compares on update (default: package.json's version). */
  APP_VERSION: string;
  /** PUBLIC_BASE_URL: the https address this bot is served at; the manifest's website (the web chat page). */
  PUBLIC_BASE_URL: string;
  /** The host of PUBLIC_BASE_URL, the app's valid domain. */
  PUBLIC_HOST: string;
  /** TEAMS_DEVELOPER_NAME: the organisation publishing the app, at most 32 characters (default: "TRACES NT-assistent"). */
  TEAMS_DEVELOPER_NAME: string;
  /** TEAMS_PRIVACY_URL: privacy statement (default: the web page's privacy line, PUBLIC_BASE_URL/#privacy). */
  TEAMS_PRIVACY_URL: string;
  /** TEAMS_TERMS_URL: terms of use (default: the same privacy line, until the organisation has its own terms). */
  TEAMS_TERMS_URL: string;
}

type Env = Record<string, string | undefined>;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

function value(env: Env, name: string): string {
  return (env[name] ?? '').trim();
}

function guid(env: Env, name: string, fallback?: string): string {
  const raw = value(env, name) || fallback || '';
  if (!GUID.test(raw)) throw new ConfigError(name, `expected the app's GUID (like 00000000-0000-0000-0000-000000000000), got "${raw}".`);
  return raw;
}

function httpsUrl(env: Env, name: string, fallback?: string): string {
  const raw = value(env, name) || fallback || '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `expected an https URL, got "${raw}".`);
  }
  if (url.protocol !== 'https:') throw new ConfigError(name, `Teams accepts https URLs only, got "${raw}".`);
  return raw;
}

function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Reads and checks the manifest values from the environment; throws ConfigError naming the first bad variable. */
export function manifestValues(env: Env): TeamsManifestValues {
  const appId = guid(env, 'MicrosoftAppId');
  const base = httpsUrl(env, 'PUBLIC_BASE_URL').replace(/\/+$/, '');
  const version = value(env, 'TEAMS_APP_VERSION') || packageVersion();
  if (!SEMVER.test(version)) throw new ConfigError('TEAMS_APP_VERSION', `expected a version like 1.0.0, got "${version}".`);
  const developer = value(env, 'TEAMS_DEVELOPER_NAME') || 'TRACES NT-assistent';
  if (developer.length > 32) throw new ConfigError('TEAMS_DEVELOPER_NAME', 'Teams allows at most 32 characters.');
  return {
    MicrosoftAppId: appId,
    TEAMS_APP_ID: guid(env, 'TEAMS_APP_ID', appId),
    APP_VERSION: version,
    PUBLIC_BASE_URL: base,
    PUBLIC_HOST: new URL(base).host,
    TEAMS_DEVELOPER_NAME: developer,
    TEAMS_PRIVACY_URL: httpsUrl(env, 'TEAMS_PRIVACY_URL', `${base}/#privacy`),
    TEAMS_TERMS_URL: httpsUrl(env, 'TEAMS_TERMS_URL', `${base}/#privacy`),
  };
}

/** Fills the `{{NAME}}` slots of the manifest template; a slot without a value is an error, not a silent blank. */
export function fillManifest(template: string, values: TeamsManifestValues): string {
  const filled = template.replace(/\{\{([A-Za-z_]+)\}\}/g, (whole, name: string) => {
    const v = (values as unknown as Record<string, string | undefined>)[name];
    if (v === undefined) throw new Error(`manifest.json has a slot {{${name}}} that nothing fills.`);
    // Values are placed inside JSON strings.
    return JSON.stringify(v).slice(1, -1);
  });
  JSON.parse(filled);
  return filled;
}
