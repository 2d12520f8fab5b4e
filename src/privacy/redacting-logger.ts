import type { LogFields, Logger } from '../logger';
import { redact } from './redact';

/** Machine-made UUIDs (correlation ids) carry no personal data, and their digit runs look like IBANs to redact(). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Wraps a logger so that no text field can carry personal data into the logs, whoever logs it. */
export function redactingLogger(inner: Logger): Logger {
  const clean = (fields?: LogFields): LogFields | undefined => {
    if (!fields) return fields;
    const out: LogFields = {};
    for (const [key, value] of Object.entries(fields)) out[key] = typeof value === 'string' && !UUID.test(value) ? redact(value) : value;
    return out;
  };
  return {
    debug: (event, fields) => inner.debug(event, clean(fields)),
    info: (event, fields) => inner.info(event, clean(fields)),
    warn: (event, fields) => inner.warn(event, clean(fields)),
    error: (event, fields) => inner.error(event, clean(fields)),
  };
}
