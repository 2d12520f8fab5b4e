import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { expect } from '../support/chai';

describe('npm run chat (terminal chat over /api/messages)', function () {
  this.timeout(60_000);

  // Piped input arrives faster than the bot answers: every line must still be answered, in order.
  it('answers piped lines in order and exits at the end of input', () => {
    const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'cli', 'chat.js')], {
      input: 'hallo\n1\nnee\n',
      env: { ...process.env, STORAGE: 'memory', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(result.status).to.equal(0);
    expect(result.stdout).not.to.include('error');
    const welcome = result.stdout.indexOf('TRACES NT-assistent');
    const firstStep = result.stdout.indexOf('vroeger ECAS');
    const signUp = result.stdout.indexOf('Sign up for TRACES');
    expect(welcome).to.be.greaterThan(-1);
    expect(firstStep).to.be.greaterThan(welcome);
    expect(signUp).to.be.greaterThan(firstStep);
  });
});
