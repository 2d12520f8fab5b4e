import { expect } from '../support/chai';
import fs from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../src/content/loader';
import { MAX_LABEL } from '../../src/content/schema';
import { COMMAND_IDS, LANGS, type Content } from '../../src/content/types';
import { NODES_OFFERED_BY_FEATURES, NODES_SHOWN_BY_FEATURES } from '../../src/dialogs/assistant-features';
import { PROJECT_ROOT } from '../../src/paths';

// The team's shared reference when it sits beside the clone (CI, developers); else the snapshot committed with the tests.
const SHARED_REFERENCE = path.resolve(PROJECT_ROOT, '..', 'shared', 'reference');
const REFERENCE_DIR = fs.existsSync(SHARED_REFERENCE) ? SHARED_REFERENCE : path.join(PROJECT_ROOT, 'test', 'fixtures', 'reference');
const ALLOWED_LINK_HOSTS = ['webgate.ec.europa.eu', 'trusted-digital-identity.europa.eu', 'www.skal.nl', 'skal.nl'];

/** Every topic of DESIGN.md's conversation map; analytics and tests rely on these ids. */
const DESIGN_TOPICS = [
  'register_start', 'existing_ecas', 'create_eu_login', 'account_personal', 'which_email', 'form_fields', 'no_email',
  'link_expired', 'password_forgotten', 'two_factor', 'login_how', 'eid_login', 'which_role', 'other_roles',
  'personal_info_wrong', 'select_country', 'find_company_name', 'company_not_found', 'request_authorization',
  'activation_time', 'activation_late', 'what_is_traces', 'contact_human', 'greeting', 'thanks', 'help', 'menu', 'fallback',
];

function referenceText(): string {
  return fs.readdirSync(REFERENCE_DIR).map((f) => fs.readFileSync(path.join(REFERENCE_DIR, f), 'utf8')).join('\n')
    // facts.md writes some addresses as name[at]domain[dot]eu so crawlers miss them.
    .replace(/\[at\]/g, '@').replace(/\[dot\]/g, '.');
}

function allTexts(content: Content): string[] {
  const texts: string[] = [];
  for (const node of content.nodes.values()) for (const lang of LANGS) texts.push(node.say[lang], node.title[lang]);
  for (const owner of content.owners.values()) for (const lang of LANGS) texts.push(owner.how[lang], owner.when[lang], owner.name[lang]);
  for (const entry of content.ui.values()) for (const lang of LANGS) texts.push(entry[lang]);
  return texts;
}

describe('content', () => {
  const content = loadContent();

  it('has every topic of the conversation map', () => {
    const missing = DESIGN_TOPICS.filter((id) => !content.nodes.has(id));
    expect(missing).to.deep.equal([]);
  });

  it('has every command with phrases in both languages', () => {
    for (const id of COMMAND_IDS) for (const lang of LANGS) expect(content.commands.get(id)?.[lang].length, `${id}/${lang}`).to.be.greaterThan(3);
  });

  it('gives every recognisable topic many training phrases in both languages', () => {
    for (const node of content.nodes.values()) {
      if (node.kind !== 'topic') continue;
      for (const lang of LANGS) expect(node.examples[lang].length, `${node.id}/${lang}`).to.be.at.least(15);
    }
  });

  it('links only to https URLs on allowed domains that the reference files name verbatim', () => {
    const reference = referenceText();
    expect(content.links.size).to.be.greaterThan(2);
    for (const link of content.links.values()) {
      const url = new URL(link.url);
      expect(url.protocol, link.id).to.equal('https:');
      expect(ALLOWED_LINK_HOSTS, link.id).to.include(url.hostname);
      expect(reference.includes(link.url), `${link.id}: ${link.url} not in reference`).to.equal(true);
    }
  });

  it('writes no URL outside the link registry and no e-mail address or phone number the reference lacks', () => {
    const reference = referenceText();
    for (const text of allTexts(content)) {
      expect(text, 'raw URL in text').not.to.match(/https?:\/\//);
      for (const email of text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []) {
        expect(reference.toLowerCase().includes(email.toLowerCase()), `e-mail ${email}`).to.equal(true);
      }
      expect(text, 'phone number').not.to.match(/\+?\d[\d -]{7,}\d/);
    }
  });

  it('keeps labels and titles within the smallest channel limit', () => {
    for (const node of content.nodes.values()) {
      for (const lang of LANGS) {
        expect(node.title[lang].length, `${node.id} title`).to.be.at.most(MAX_LABEL);
        for (const c of node.choices) expect(c.label[lang].length, `${node.id} → ${c.goto}`).to.be.at.most(MAX_LABEL);
      }
    }
  });

  it('gives every node a way onwards or back', () => {
    for (const node of content.nodes.values()) {
      if (node.id === 'fallback') continue;
      expect(node.choices.length, node.id).to.be.greaterThan(0);
    }
  });

  it('makes every node reachable from the welcome or the menu, or by asking for it', () => {
    const reached = new Set<string>();
    // Some nodes are shown or offered by code (feedback, the check-in, worked-out dates), not by a content choice.
    const queue = ['greeting', 'menu', 'help', ...NODES_SHOWN_BY_FEATURES, ...NODES_OFFERED_BY_FEATURES, ...[...content.nodes.values()].filter((n) => n.examples.nl.length > 0).map((n) => n.id)];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (reached.has(id)) continue;
      reached.add(id);
      for (const c of content.nodes.get(id)?.choices ?? []) queue.push(c.goto);
    }
    const unreachable = [...content.nodes.keys()].filter((id) => !reached.has(id) && id !== 'fallback');
    expect(unreachable).to.deep.equal([]);
  });

  it('chains the walkthrough from its first step to "access requested"', () => {
    const steps = [...content.nodes.values()].filter((n) => n.step);
    const last = steps.reduce((a, b) => (b.step!.phase * 100 + b.step!.order > a.step!.phase * 100 + a.step!.order ? b : a));
    expect(last.id).to.equal('activation_time');
    // Breadth-first from the first question must reach the end.
    const seen = new Set<string>(['wt_has_account']);
    const queue = ['wt_has_account'];
    while (queue.length > 0) for (const c of content.nodes.get(queue.shift()!)!.choices) if (!seen.has(c.goto)) { seen.add(c.goto); queue.push(c.goto); }
    expect(seen.has('activation_time')).to.equal(true);
  });

  it('states the newer verified facts where the 2016 guide is outdated', () => {
    const twoFactor = content.nodes.get('two_factor')!;
    expect(twoFactor.say.nl).to.match(/11 juni 2024/);
    expect(twoFactor.say.en).to.match(/11 June 2024/);
    expect(twoFactor.say.nl.toLowerCase()).to.include('sms');
    expect(content.nodes.get('company_not_found')!.say.nl.toLowerCase()).to.match(/week/);
  });
});
