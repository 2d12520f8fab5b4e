import { expect } from '../support/chai';
import { addDays, atTime, dayOf, instantOf, offsetMinutesAt, wallTimeOf, weekdayOf } from '../../src/dates/amsterdam-time';
import { formatDay, formatMoment } from '../../src/dates/format-moment';

describe('dates: Amsterdam wall-clock time', () => {
  it('reads instants in Amsterdam time, winter (+1) and summer (+2), whatever the machine time zone', () => {
    expect(wallTimeOf(new Date('2025-11-28T13:10:00Z'))).to.include({ year: 2025, month: 11, day: 28, hour: 14, minute: 10 });
    expect(wallTimeOf(new Date('2025-07-01T12:10:00Z'))).to.include({ hour: 14, minute: 10 });
    expect(offsetMinutesAt(new Date('2025-01-15T12:00:00Z'))).to.equal(60);
    expect(offsetMinutesAt(new Date('2025-07-15T12:00:00Z'))).to.equal(120);
  });

  it('turns a wall-clock reading back into the instant, also on the days the clocks change', () => {
    expect(instantOf({ year: 2025, month: 11, day: 28, hour: 14, minute: 10, second: 0 }).toISOString()).to.equal('2025-11-28T13:10:00.000Z');
    // 30 March 2025: 02:00 → 03:00; 26 October 2025: 03:00 → 02:00.
    expect(instantOf({ year: 2025, month: 3, day: 30, hour: 12, minute: 0, second: 0 }).toISOString()).to.equal('2025-03-30T10:00:00.000Z');
    expect(instantOf({ year: 2025, month: 10, day: 26, hour: 12, minute: 0, second: 0 }).toISOString()).to.equal('2025-10-26T11:00:00.000Z');
  });

  it('puts late-evening UTC instants on the next Amsterdam day', () => {
    expect(dayOf(new Date('2025-11-28T23:30:00Z'))).to.equal('2025-11-29');
    expect(dayOf(new Date('2025-11-28T22:59:00Z'))).to.equal('2025-11-28');
  });

  it('does calendar arithmetic on days without a time zone', () => {
    expect(addDays('2025-12-31', 1)).to.equal('2026-01-01');
    expect(addDays('2024-03-01', -1)).to.equal('2024-02-29');
    expect(weekdayOf('2025-11-28')).to.equal(5);
    expect(atTime('2025-12-02', 10).toISOString()).to.equal('2025-12-02T09:00:00.000Z');
  });

  it('formats days and times per language, with the day only when it is not today', () => {
    expect(formatDay('2025-12-02', 'nl')).to.equal('dinsdag 2 december');
    expect(formatDay('2025-12-02', 'en')).to.equal('Tuesday 2 December');
    const now = new Date('2025-11-28T12:00:00Z');
    expect(formatMoment(new Date('2025-11-28T14:40:00Z'), now, 'nl')).to.equal('15:40');
    expect(formatMoment(new Date('2025-11-27T14:40:00Z'), now, 'en')).to.equal('Thursday 27 November 15:40');
  });
});
