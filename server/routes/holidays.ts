import { Hono } from 'hono';
import * as v from 'valibot';
import { addDays, shiftMonths, todayIn } from '../../shared/dates.ts';
import { HolidaysQuerySchema } from '../../shared/schemas/holidays.ts';
import { ClosuresSchema } from '../../shared/schemas/property.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { publicHolidays } from '../closures.ts';
import { query } from '../validate.ts';

/**
 * GET /api/v1/properties/:pid/holidays?year= (owner), SPEC 2.22: the country's public holidays of
 * that year, or of the coming 12 months from today in the property's time zone, named in the
 * property's language where the holiday library has it, each saying whether it is kept open.
 */
export function holidays(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', query(HolidaysQuerySchema), (c) => {
    const property = c.get('property');
    if (!property.country) return c.json({ holidays: [] });
    const { year } = c.req.valid('query');
    const today = todayIn(property.timezone, deps.clock());
    const from = year === undefined ? today : `${year}-01-01`;
    const until = year === undefined ? addDays(shiftMonths(today, 12), -1) : `${year}-12-31`;
    // Closures stored before openHolidays existed read as none kept open.
    const open = new Set(v.parse(ClosuresSchema, property.closures).openHolidays);
    const years = [Number(from.slice(0, 4)), Number(until.slice(0, 4))];
    const list = [...new Set(years)]
      .flatMap((y) => publicHolidays(property.country!, y, property.locale))
      .filter((h) => h.date >= from && h.date <= until)
      .map((h) => ({ ...h, open: open.has(h.date) }));
    return c.json({ holidays: list });
  });
}
