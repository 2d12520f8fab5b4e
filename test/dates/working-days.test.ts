import { expect } from '../support/chai';
import { activationOutlook, ACTIVATION_WORKING_DAYS } from '../../src/dates/activation';
import { addWorkingDays, DutchWorkingDays } from '../../src/dates/working-days';

const calendar = new DutchWorkingDays();

describe('dates: expected activation, two working days skipping weekends and Dutch public holidays', () => {
  it('counts two working days as the guide says', () => {
    expect(ACTIVATION_WORKING_DAYS).to.equal(2);
    expect(addWorkingDays('2025-11-24', 2, calendar)).to.equal('2025-11-26'); // Monday → Wednesday
  });

  it('skips the weekend: a request on Friday or Saturday is expected on Tuesday', () => {
    expect(addWorkingDays('2025-11-28', 2, calendar)).to.equal('2025-12-02');
    expect(addWorkingDays('2025-11-29', 2, calendar)).to.equal('2025-12-02');
  });

  it('skips Christmas and Boxing Day', () => {
    expect(addWorkingDays('2025-12-24', 2, calendar)).to.equal('2025-12-30');
  });

  it('skips Easter Monday, King’s Day and Ascension Day', () => {
    expect(addWorkingDays('2026-04-02', 2, calendar)).to.equal('2026-04-07'); // Good Friday counts, Easter Monday not
    expect(addWorkingDays('2026-04-24', 2, calendar)).to.equal('2026-04-29'); // King's Day Monday 27 April 2026
    expect(addWorkingDays('2025-05-28', 2, calendar)).to.equal('2025-06-02'); // Ascension Thursday 29 May 2025
  });

  it('uses public holidays only: Good Friday and Liberation Day are working days', () => {
    expect(calendar.isWorkingDay('2025-04-18')).to.equal(true);
    expect(calendar.isWorkingDay('2025-05-05')).to.equal(true);
    expect(calendar.isWorkingDay('2025-12-25')).to.equal(false);
    expect([...calendar.publicHolidays(2026)]).to.include.members(['2026-01-01', '2026-04-06', '2026-04-27', '2026-05-14', '2026-05-25', '2026-12-25', '2026-12-26']);
  });

  it('says whether the expected day is ahead, today or passed, against the injected clock', () => {
    const requested = '2025-11-28';
    expect(activationOutlook(requested, new Date('2025-12-01T09:00:00Z'), calendar)).to.deep.equal({ requestedOn: requested, expectedBy: '2025-12-02', state: 'before' });
    expect(activationOutlook(requested, new Date('2025-12-02T09:00:00Z'), calendar).state).to.equal('today');
    expect(activationOutlook(requested, new Date('2025-12-03T09:00:00Z'), calendar).state).to.equal('passed');
  });
});
