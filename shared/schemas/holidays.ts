// SPEC 2.22: the public holidays an owner sees, and which of them the property keeps open.
import * as v from 'valibot';

export const HolidaysQuerySchema = v.object({
  year: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{4}$/, 'Expected a year such as 2027'),
      v.transform(Number),
      v.minValue(2000, 'Expected a year from 2000'),
      v.maxValue(2100, 'Expected a year up to 2100'),
    ),
  ),
});

export const HolidaysSchema = v.object({
  holidays: v.array(v.object({ date: v.string(), name: v.string(), open: v.boolean() })),
});
