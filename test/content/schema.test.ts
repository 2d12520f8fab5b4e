import { expect } from '../support/chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContent } from '../../src/content/loader';
import { ContentError } from '../../src/content/schema';
import { CONTENT_DIR } from '../../src/paths';

/** Copies the real content to a temp folder and applies one edit, so each case breaks exactly one thing. */
function brokenCopy(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
  fs.cpSync(CONTENT_DIR, dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
  edit(dir);
  return dir;
}

function expectContentError(dir: string, file: RegExp, field: RegExp): void {
  try {
    loadContent(dir);
  } catch (err) {
    expect(err).to.be.instanceOf(ContentError);
    const e = err as ContentError;
    expect(e.file).to.match(file);
    expect(e.field).to.match(field);
    expect(e.message).to.include(e.file);
    return;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect.fail('loadContent accepted broken content');
}

describe('content schema', () => {
  const noEmail = (dir: string) => path.join(dir, 'topics', 'no-email.yaml');

  it('names file, topic and field when a translation is missing', () => {
    const dir = brokenCopy((d) => fs.writeFileSync(noEmail(d), fs.readFileSync(noEmail(d), 'utf8').replace(/^title:.*$/m, 'title: { nl: "Geen mail" }')));
    expectContentError(dir, /no-email\.yaml/, /title\.en/);
  });

  it('rejects a choice that leads nowhere', () => {
    const dir = brokenCopy((d) => fs.appendFileSync(noEmail(d), ''));
    const file = noEmail(dir);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/goto: ([a-z_]+)/, 'goto: no_such_node'));
    expectContentError(dir, /no-email\.yaml/, /choices\[\d\]\.goto/);
  });

  it('rejects an unknown link id', () => {
    const dir = brokenCopy((d) => fs.writeFileSync(noEmail(d), fs.readFileSync(noEmail(d), 'utf8').replace(/\{link:[a-z_]+\}/, '{link:nowhere}')));
    expectContentError(dir, /no-email\.yaml/, /^say/);
  });

  it('rejects a label longer than a WhatsApp button allows', () => {
    const dir = brokenCopy((d) => fs.writeFileSync(noEmail(d), fs.readFileSync(noEmail(d), 'utf8').replace(/^title:.*$/m, 'title: { nl: "Een veel te lange titel voor een knop", en: "No e-mail" }')));
    expectContentError(dir, /no-email\.yaml/, /title\.nl/);
  });

  it('rejects invalid YAML with the file name', () => {
    const dir = brokenCopy((d) => fs.writeFileSync(noEmail(d), 'id: [unclosed'));
    expectContentError(dir, /no-email\.yaml/, /\(file\)/);
  });

  it('rejects unknown fields so typos in field names are caught', () => {
    const dir = brokenCopy((d) => fs.appendFileSync(noEmail(d), '\nowenr: skal\n'));
    expectContentError(dir, /no-email\.yaml/, /owenr/);
  });
});
