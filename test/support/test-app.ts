import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '../../src/config';
import { createApp, type App, type AppOptions } from '../../src/index';
import { createMemoryLogger } from '../../src/logger';

/** A temp DATA_DIR removed by the caller, so tests never touch ./data. */
export function tempDataDir(prefix = 'traces-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Config for an in-process app on a free port; `env` overrides variables as the environment would. */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  return loadConfig({ PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'silent', ...env });
}

export interface RunningApp {
  app: App;
  url: string;
  logLines: string[];
}

/** Starts the whole app in-process on a free port; call app.close() after. */
export async function startTestApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<RunningApp> {
  const logger = createMemoryLogger('debug');
  const app = await createApp(testConfig(env), { logger, ...options });
  const url = await app.listen();
  return { app, url, logLines: logger.lines };
}
