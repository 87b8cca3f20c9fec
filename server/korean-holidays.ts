// SPEC 2.22: in Korea 설날 and 추석 are three-day periods (the day before, the day, the day after, by
// the Korean lunar calendar); the holiday library gives one day of each. The periods are completed
// here from the lunar calendar (KASI's, through korean-lunar-calendar), with the substitute rule.
import KoreanLunarCalendar from 'korean-lunar-calendar';
import { addDays, weekdayOf } from '../shared/dates.ts';

export interface Holiday {
  date: string;
  name: string;
}

/** The library's rules for the two periods, by which its entries for them are recognised (and named). */
const PERIODS = [
  { lunarMonth: 1, lunarDay: 1, rule: 'korean 01-0-01' },
  { lunarMonth: 8, lunarDay: 15, rule: 'korean 8-0-14' },
] as const;

const SUBSTITUTE: Record<string, string> = { ko: '대체공휴일', en: 'substitute day', id: 'hari pengganti' };

/** 설날 (lunar 1/1) and 추석 (lunar 8/15) of `year` as their three days, or none where the lunar table ends. */
export function lunarPeriods(year: number): { rule: string; dates: string[] }[] {
  const calendar = new KoreanLunarCalendar();
  return PERIODS.flatMap(({ lunarMonth, lunarDay, rule }) => {
    if (!calendar.setLunarDate(year, lunarMonth, lunarDay, false)) return [];
    const { year: y, month, day } = calendar.getSolarCalendar();
    const date = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return [{ rule, dates: [addDays(date, -1), date, addDays(date, 1)] }];
  });
}

const isWeekend = (date: string) => weekdayOf(date) === 0 || weekdayOf(date) === 6;

/**
 * The library's holidays of `year` (`rule` and `substitute` as it gives them) with the periods'
 * missing days and their substitute days added. 관공서의 공휴일에 관한 규정 §3①: a day of a period
 * on a Sunday or on another holiday gives the first weekday after the period that is no holiday;
 * Saturdays do not count for these two (they do for 어린이날 and the national days, which the
 * library already substitutes).
 */
export function completeKoreanHolidays(year: number, library: readonly (Holiday & { rule?: string; substitute?: boolean })[], locale: string): Holiday[] {
  const byDate = new Map(library.map((h) => [h.date, h.name]));
  const periods = lunarPeriods(year).map((p) => ({ ...p, name: library.find((h) => h.rule?.startsWith(p.rule) && !h.substitute)?.name ?? '' }));
  const inPeriod = new Set(periods.flatMap((p) => p.dates));
  const others = new Set(library.filter((h) => !h.substitute && !PERIODS.some((p) => h.rule?.startsWith(p.rule))).map((h) => h.date));
  const taken = new Set([...others, ...inPeriod]);
  for (const period of periods) {
    for (const date of period.dates) if (!byDate.has(date)) byDate.set(date, period.name);
    let next = period.dates[2]!;
    const owed = period.dates.filter((d) => weekdayOf(d) === 0 || others.has(d)).length;
    for (let i = 0; i < owed; i++) {
      do next = addDays(next, 1);
      while (isWeekend(next) || taken.has(next));
      taken.add(next);
      if (!byDate.has(next)) byDate.set(next, `${period.name} (${SUBSTITUTE[locale] ?? SUBSTITUTE.en})`);
    }
  }
  return [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}
