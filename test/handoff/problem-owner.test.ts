import { expect } from '../support/chai';
import { loadContent } from '../../src/content/loader';
import { areaOfOwner, checkOwners, ownerFor, OWNERS, problemFromTrail } from '../../src/handoff/problem-owner';

describe('handoff: the owner of the problem (facts.md §2–§4)', () => {
  const content = loadContent();

  it('sends EU Login problems to EU Login support and company data to Skal', () => {
    expect(ownerFor('eu_login')).to.equal(OWNERS.euLogin);
    expect(ownerFor('company')).to.equal(OWNERS.skal);
  });

  it('sends pending access to the TRACES admin only when the company is already valid, else to the authority', () => {
    expect(ownerFor('access', true)).to.equal(OWNERS.tracesAdmin);
    expect(ownerFor('access', false)).to.equal(OWNERS.authority);
    expect(ownerFor('access', undefined)).to.equal(OWNERS.authority);
  });

  it('reads the problem from the most recent node with an owner', () => {
    expect(problemFromTrail(content, ['register_start', 'no_email', 'what_is_traces'], false)).to.deep.equal({ area: 'eu_login', topic: 'no_email' });
    expect(problemFromTrail(content, ['no_email', 'company_not_found'], false)).to.deep.equal({ area: 'company', topic: 'company_not_found' });
    expect(problemFromTrail(content, ['activation_late'], false).area).to.equal('access');
  });

  it('falls back to "access" once access was requested, and to nothing (ask) otherwise', () => {
    expect(problemFromTrail(content, ['what_is_traces'], true)).to.deep.equal({ area: 'access' });
    expect(problemFromTrail(content, [], false)).to.deep.equal({});
  });

  it('maps every owner in owners.yaml to an area, and the content has every owner the handoff needs', () => {
    for (const id of content.owners.keys()) expect(areaOfOwner(id), id).to.not.equal(undefined);
    expect(() => checkOwners(content)).to.not.throw();
    const without = { ...content, owners: new Map([...content.owners].filter(([id]) => id !== OWNERS.skal)) };
    expect(() => checkOwners(without)).to.throw(/skal/);
  });
});
