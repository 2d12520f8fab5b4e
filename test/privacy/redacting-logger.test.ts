import { expect } from '../support/chai';
import { createMemoryLogger } from '../../src/logger';
import { redactingLogger } from '../../src/privacy/redacting-logger';

describe('privacy: redactingLogger', () => {
  it('redacts every text field at every level and keeps numbers, booleans and the event name', () => {
    const inner = createMemoryLogger('debug');
    const logger = redactingLogger(inner);
    logger.debug('a', { text: 'mail jan@example.nl' });
    logger.info('b', { text: 'bel 06-12345678', count: 3, ok: true });
    logger.warn('c', { text: 'password: Hunter2024' });
    logger.error('d', { iban: 'NL91ABNA0417164300' });
    const all = inner.lines.join('\n');
    for (const secret of ['jan@example.nl', '12345678', 'Hunter2024', 'NL91ABNA0417164300']) expect(all).to.not.include(secret);
    const second = JSON.parse(inner.lines[1]) as Record<string, unknown>;
    expect(second).to.include({ event: 'b', count: 3, ok: true });
  });

  // A correlation id must survive, or the turn_error line cannot be matched with what the user reports.
  it('keeps UUID correlation ids as they are', () => {
    const inner = createMemoryLogger('debug');
    redactingLogger(inner).error('turn_error', { correlationId: 'ab12cd34-5678-4abc-9def-0123456789ab' });
    expect(JSON.parse(inner.lines[0])).to.include({ correlationId: 'ab12cd34-5678-4abc-9def-0123456789ab' });
  });
});
