import type { Parser } from 'chrono-node';
import { addDays, dayOf } from './amsterdam-time';

const HOUR_WORDS: Record<string, number> = {
  een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12,
};

function hourOf(word: string): number | undefined {
  const n = /^\d{1,2}$/.test(word) ? Number(word) : HOUR_WORDS[word.toLowerCase()];
  return n !== undefined && n >= 0 && n <= 24 ? n % 24 : undefined;
}

/** "eergisteren": chrono's Dutch locale knows "gisteren" but not the day before. */
const dayBeforeYesterday: Parser = {
  pattern: () => /\beergisteren\b/i,
  extract: (context) => {
    const [year, month, day] = addDays(dayOf(context.reference.instant), -2).split('-').map(Number);
    return { year, month, day };
  },
};

/** "half 12" is 11:30 in Dutch; "kwart over 2" / "kwart voor 3" too. */
const halfAndQuarter: Parser = {
  pattern: () => /\b(half|kwart over|kwart voor)\s+(\d{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\b/i,
  extract: (context, match) => {
    const hour = hourOf(match[2]);
    if (hour === undefined) return null;
    const kind = match[1].toLowerCase();
    if (kind === 'half') return context.createParsingComponents({ hour: (hour + 23) % 24, minute: 30 });
    if (kind === 'kwart over') return context.createParsingComponents({ hour, minute: 15 });
    return context.createParsingComponents({ hour: (hour + 23) % 24, minute: 45 });
  },
};

/** "24-11" or "24-11-2025": day-month with dashes, common in Dutch and not read by chrono's Dutch locale. */
const dayMonthDashes: Parser = {
  pattern: () => /\b([0-3]?\d)-([01]?\d)(?:-(\d{4}))?\b/,
  extract: (_context, match) => {
    const day = Number(match[1]);
    const month = Number(match[2]);
    if (day < 1 || day > 31 || month < 1 || month > 12) return null;
    return match[3] ? { day, month, year: Number(match[3]) } : { day, month };
  },
};

/** Dutch expressions chrono's `nl` locale misses, added as extra parsers. */
export const DUTCH_EXTRA_PARSERS: Parser[] = [dayBeforeYesterday, halfAndQuarter, dayMonthDashes];
