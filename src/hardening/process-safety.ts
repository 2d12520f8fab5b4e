import type { Logger } from '../logger';

let installed: { logger: Logger } | undefined;

/**
 * Makes unhandled promise rejections a logged event instead of a crash (Node's default since v15), so one forgotten
 * `await` deep in a library cannot take every conversation down. Only the error's name is logged: messages of
 * library errors can carry request data. Installed once per process; later calls only switch the logger.
 */
export function installProcessSafety(logger: Logger): void {
  if (installed) {
    installed.logger = logger;
    return;
  }
  const state = { logger };
  installed = state;
  process.on('unhandledRejection', (reason: unknown) => {
    state.logger.error('unhandled_rejection', { error: reason instanceof Error ? reason.name : typeof reason });
  });
}
