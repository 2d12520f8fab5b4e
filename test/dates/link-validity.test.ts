import { expect } from '../support/chai';
import { linkValidity, LINK_VALID_MINUTES, mailExpectedBy } from '../../src/dates/link-validity';

const NOW = new Date('2025-11-28T12:00:00Z');
const minutesAgo = (m: number): Date => new Date(NOW.getTime() - m * 60_000);

describe('dates: link validity (90 minutes) and mail delay (20 minutes)', () => {
  it('says how long a link received 50 minutes ago is still valid', () => {
    const v = linkValidity({ date: minutesAgo(50), hasTime: true }, NOW);
    expect(v.state).to.equal('valid');
    if (v.state !== 'valid') return;
    expect(v.minutesLeft).to.equal(40);
    expect(v.validUntil.toISOString()).to.equal('2025-11-28T12:40:00.000Z');
  });

  it('calls a link expired exactly at 90 minutes, and after', () => {
    expect(linkValidity({ date: minutesAgo(LINK_VALID_MINUTES), hasTime: true }, NOW).state).to.equal('expired');
    expect(linkValidity({ date: minutesAgo(LINK_VALID_MINUTES - 1), hasTime: true }, NOW).state).to.equal('valid');
    expect(linkValidity({ date: minutesAgo(300), hasTime: true }, NOW).state).to.equal('expired');
  });

  it('treats a time a little ahead of our clock as just received', () => {
    const v = linkValidity({ date: new Date(NOW.getTime() + 3 * 60_000), hasTime: true }, NOW);
    expect(v.state).to.equal('valid');
    if (v.state === 'valid') expect(v.minutesLeft).to.equal(LINK_VALID_MINUTES);
  });

  it('with only a day: expired when the day is long enough ago, else it needs the time', () => {
    expect(linkValidity({ date: new Date('2025-11-26T11:00:00Z'), hasTime: false }, NOW)).to.deep.equal({ state: 'expired_day', receivedOn: '2025-11-26' });
    expect(linkValidity({ date: new Date('2025-11-28T11:00:00Z'), hasTime: false }, NOW).state).to.equal('needs_time');
    // Yesterday at 23:59 plus 90 minutes ends at 01:29 today: at 00:30 it may still be valid.
    expect(linkValidity({ date: new Date('2025-11-27T11:00:00Z'), hasTime: false }, new Date('2025-11-27T23:30:00Z')).state).to.equal('needs_time');
  });

  it('says until when a requested mail can still arrive, and when it is late', () => {
    expect(mailExpectedBy({ date: minutesAgo(5), hasTime: true }, NOW)).to.deep.include({ late: false, expectedBy: new Date('2025-11-28T12:15:00Z') });
    expect(mailExpectedBy({ date: minutesAgo(25), hasTime: true }, NOW)!.late).to.equal(true);
    expect(mailExpectedBy({ date: minutesAgo(25), hasTime: false }, NOW)).to.equal(undefined);
  });
});
