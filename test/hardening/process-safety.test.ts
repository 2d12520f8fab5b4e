import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { expect } from '../support/chai';

describe('hardening: installProcessSafety', () => {
  // In a child process: mocha installs its own rejection handler, and Node's default would end the process.
  it('logs an unhandled rejection (name only) and keeps the process alive', () => {
    const module = path.join(PROJECT_ROOT, 'dist', 'src', 'hardening', 'process-safety.js');
    const logger = path.join(PROJECT_ROOT, 'dist', 'src', 'logger.js');
    const script = `
      const { installProcessSafety } = require(${JSON.stringify(module)});
      const { createLogger } = require(${JSON.stringify(logger)});
      installProcessSafety(createLogger('info'));
      Promise.reject(new TypeError('secret detail of user 31612345678'));
      setTimeout(() => process.stdout.write('still alive\\n'), 50);
    `;
    const output = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const lines = output.trim().split('\n');
    expect(JSON.parse(lines[0])).to.include({ level: 'error', event: 'unhandled_rejection', error: 'TypeError' });
    expect(output).not.to.include('31612345678');
    expect(lines[1]).to.equal('still alive');
  });
});
