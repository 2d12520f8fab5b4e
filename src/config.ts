import path from 'node:path';

/** Where state lives: lowdb files on local disk (default), memory (tests), or Azure Blob Storage (scale-out). */
export type StorageKind = 'lowdb' | 'memory' | 'blob';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface WhatsAppConfig {
  verifyToken: string;
  appSecret: string;
  accessToken: string;
  phoneNumberId: string;
  /** Graph API base URL; tests point it at a local fake. */
  apiBaseUrl: string;
}

export interface AppConfig {
  /** PORT: HTTP port (default 3978). */
  port: number;
  /** DATA_DIR: folder for local state (default ./data). */
  dataDir: string;
  /** STORAGE: lowdb | memory | blob (default lowdb). */
  storage: StorageKind;
  /** MicrosoftAppType: MultiTenant | SingleTenant | UserAssignedMSI (default MultiTenant). */
  microsoftAppType: string;
  /** MicrosoftAppId: empty = local mode without auth (Bot Framework Emulator, local web chat). */
  microsoftAppId: string;
  /** MicrosoftAppPassword: the bot's client secret. */
  microsoftAppPassword: string;
  /** MicrosoftAppTenantId: tenant for SingleTenant bots. */
  microsoftAppTenantId: string;
  /** BLOB_CONNECTION_STRING: Azure Storage connection string, required when STORAGE=blob. */
  blobConnectionString: string;
  /** BLOB_CONTAINER: container for bot state (default bot-state). */
  blobContainer: string;
  /** DIRECT_LINE_SECRET: when set, the web page gets tokens from Azure Direct Line instead of the local one. */
  directLineSecret: string;
  /** DIRECT_LINE_BASE_URL: Direct Line service base (default https://directline.botframework.com); tests use a fake. */
  directLineBaseUrl: string;
  /** WHATSAPP_*: all four secrets set = the WhatsApp webhook is on; none set = off. */
  whatsapp?: WhatsAppConfig;
  /** RETENTION_DAYS: user data untouched this long is purged (default 90). */
  retentionDays: number;
  /** LOG_LEVEL: debug | info | warn | error | silent (default info). */
  logLevel: LogLevel;
}

/** A configuration variable has a value the assistant cannot use; the message says which and what to do. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string, fallback = ''): string {
  const value = env[name];
  return value === undefined ? fallback : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name);
  if (raw === '') return fallback;
  const match = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!match) throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}".`);
  return match;
}

function httpUrl(env: Env, name: string, fallback: string): string {
  const raw = text(env, name, fallback);
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocol');
  } catch {
    throw new ConfigError(name, `expected an http(s) URL, got "${raw}".`);
  }
  return raw.replace(/\/+$/, '');
}

function whatsApp(env: Env): WhatsAppConfig | undefined {
  const names = ['WHATSAPP_VERIFY_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID'];
  const set = names.filter((n) => text(env, n) !== '');
  if (set.length === 0) return undefined;
  const missing = names.filter((n) => !set.includes(n));
  if (missing.length > 0) {
    throw new ConfigError(missing[0], `WhatsApp needs all of ${names.join(', ')}; set the missing ones or unset all.`);
  }
  return {
    verifyToken: text(env, 'WHATSAPP_VERIFY_TOKEN'),
    appSecret: text(env, 'WHATSAPP_APP_SECRET'),
    accessToken: text(env, 'WHATSAPP_ACCESS_TOKEN'),
    phoneNumberId: text(env, 'WHATSAPP_PHONE_NUMBER_ID'),
    apiBaseUrl: httpUrl(env, 'WHATSAPP_API_BASE_URL', 'https://graph.facebook.com/v21.0'),
  };
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const storage = oneOf<StorageKind>(env, 'STORAGE', ['lowdb', 'memory', 'blob'], 'lowdb');
  const blobConnectionString = text(env, 'BLOB_CONNECTION_STRING');
  if (storage === 'blob' && blobConnectionString === '') {
    throw new ConfigError('BLOB_CONNECTION_STRING', 'required when STORAGE=blob.');
  }
  const blobContainer = text(env, 'BLOB_CONTAINER', 'bot-state');
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(blobContainer)) {
    throw new ConfigError('BLOB_CONTAINER', `"${blobContainer}" is not a valid container name (3–63 lowercase letters, digits, dashes).`);
  }
  const microsoftAppId = text(env, 'MicrosoftAppId');
  const microsoftAppPassword = text(env, 'MicrosoftAppPassword');
  const microsoftAppType = oneOf(env, 'MicrosoftAppType', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], 'MultiTenant');
  if (microsoftAppId !== '' && microsoftAppType !== 'UserAssignedMSI' && microsoftAppPassword === '') {
    throw new ConfigError('MicrosoftAppPassword', 'required when MicrosoftAppId is set.');
  }
  return {
    port: integer(env, 'PORT', 3978, 0, 65535),
    dataDir: path.resolve(text(env, 'DATA_DIR', 'data') || 'data'),
    storage,
    microsoftAppType,
    microsoftAppId,
    microsoftAppPassword,
    microsoftAppTenantId: text(env, 'MicrosoftAppTenantId'),
    blobConnectionString,
    blobContainer,
    directLineSecret: text(env, 'DIRECT_LINE_SECRET'),
    directLineBaseUrl: httpUrl(env, 'DIRECT_LINE_BASE_URL', 'https://directline.botframework.com'),
    whatsapp: whatsApp(env),
    retentionDays: integer(env, 'RETENTION_DAYS', 90, 1, 3650),
    logLevel: oneOf<LogLevel>(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'], 'info'),
  };
}
