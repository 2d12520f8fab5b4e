import type { LogFields, Logger } from '../logger';
import { redact } from './redact';

/** Wraps a logger so that no text field can carry personal data into the logs, whoever logs it. */
export function redactingLogger(inner: Logger): Logger {
  const clean = (fields?: LogFields): LogFields | undefined => {
    if (!fields) return fields;
    const out: LogFields = {};
    for (const [key, value] of Object.entries(fields)) out[key] = typeof value === 'string' ? redact(value) : value;
    return out;
  };
  return {
    debug: (event, fields) => inner.debug(event, clean(fields)),
    info: (event, fields) => inner.info(event, clean(fields)),
    warn: (event, fields) => inner.warn(event, clean(fields)),
    error: (event, fields) => inner.error(event, clean(fields)),
  };
}
