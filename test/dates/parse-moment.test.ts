import { expect } from '../support/chai';
import { parseMoment } from '../../src/dates/parse-moment';
import type { Lang } from '../../src/content/types';

/** Friday 28 November 2025, 13:00 in Amsterdam: every case is read against this clock, never today's. */
const NOW = new Date('2025-11-28T12:00:00Z');

interface Case {
  text: string;
  lang: Lang;
  /** Expected instant (ISO, UTC) and whether a time was given. */
  at: string;
  hasTime: boolean;
  why?: string;
}

const CASES: Case[] = [
  { text: 'Ik kreeg de mail om 12:10', lang: 'nl', at: '2025-11-28T11:10:00.000Z', hasTime: true },
  { text: 'ik kreeg om 12.50 de mail', lang: 'nl', at: '2025-11-28T11:50:00.000Z', hasTime: true },
  { text: 'een uur geleden', lang: 'nl', at: '2025-11-28T11:00:00.000Z', hasTime: true },
  { text: 'een half uur geleden', lang: 'nl', at: '2025-11-28T11:30:00.000Z', hasTime: true },
  { text: 'gisteren om 9 uur', lang: 'nl', at: '2025-11-27T08:00:00.000Z', hasTime: true },
  { text: 'half 12', lang: 'nl', at: '2025-11-28T10:30:00.000Z', hasTime: true, why: 'Dutch "half 12" is 11:30' },
  { text: 'Ik kreeg de mail om 14:10', lang: 'nl', at: '2025-11-27T13:10:00.000Z', hasTime: true, why: 'a time later than now happened yesterday' },
  { text: 'Ik heb vrijdag de aanvraag gedaan', lang: 'nl', at: '2025-11-28T11:00:00.000Z', hasTime: false, why: 'today is Friday' },
  { text: 'afgelopen maandag', lang: 'nl', at: '2025-11-24T11:00:00.000Z', hasTime: false, why: 'chrono reads Monday forward; users mean the last one' },
  { text: 'eergisteren', lang: 'nl', at: '2025-11-26T11:00:00.000Z', hasTime: false },
  { text: 'op 24-11 aangevraagd', lang: 'nl', at: '2025-11-24T11:00:00.000Z', hasTime: false },
  { text: 'op 30 november', lang: 'nl', at: '2024-11-30T11:00:00.000Z', hasTime: false, why: 'a day later this year means last year' },
  { text: 'I got the e-mail an hour ago', lang: 'en', at: '2025-11-28T11:00:00.000Z', hasTime: true },
  { text: 'I requested access on 28 November', lang: 'en', at: '2025-11-28T11:00:00.000Z', hasTime: false },
  { text: 'I requested it on Monday', lang: 'en', at: '2025-11-24T11:00:00.000Z', hasTime: false },
  { text: 'at 9', lang: 'en', at: '2025-11-28T08:00:00.000Z', hasTime: true, why: '21:00 is still ahead, so 09:00' },
  { text: 'I got the mail at 14:10', lang: 'en', at: '2025-11-27T13:10:00.000Z', hasTime: true },
  { text: 'ik kreeg hem an hour ago', lang: 'nl', at: '2025-11-28T11:00:00.000Z', hasTime: true, why: 'mixed messages fall back to the other language' },
];

describe('dates: parseMoment (recognizers-text for English, chrono-node nl for Dutch, Amsterdam time)', function () {
  // recognizers-text builds its English models on first use (about a second).
  this.timeout(30_000);
  before(() => parseMoment('warm up at 10:00', 'en', NOW));

  for (const c of CASES) {
    it(`${c.lang}: "${c.text}"${c.why ? ` (${c.why})` : ''}`, () => {
      const moment = parseMoment(c.text, c.lang, NOW);
      expect(moment, 'a moment').to.not.equal(undefined);
      expect(moment!.date.toISOString()).to.equal(c.at);
      expect(moment!.hasTime).to.equal(c.hasTime);
    });
  }

  it('finds nothing in messages without a date or time', () => {
    for (const text of ['de link werkt niet', 'geen idee', 'hello', '', '   ']) expect(parseMoment(text, 'nl', NOW), text).to.equal(undefined);
  });

  it('reads a summer time in summer time (+2), not with the winter offset', () => {
    const summer = new Date('2025-07-01T12:00:00Z');
    expect(parseMoment('om 11:20', 'nl', summer)!.date.toISOString()).to.equal('2025-07-01T09:20:00.000Z');
    expect(parseMoment('at 11:20', 'en', summer)!.date.toISOString()).to.equal('2025-07-01T09:20:00.000Z');
  });

  it('uses the injected clock: the same words mean another day against another now', () => {
    expect(parseMoment('gisteren', 'nl', new Date('2024-03-01T10:00:00Z'))!.date.toISOString()).to.equal('2024-02-29T11:00:00.000Z');
  });
});
