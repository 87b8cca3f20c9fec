// SPEC 2.21: per-date prices, weekday patterns and open-ended prices of a rate, and their read-back.
import * as v from 'valibot';
import { daysBetween } from '../dates.ts';
import { IdSchema, IsoDateSchema, MoneySchema } from './common.ts';

/** Three years of nights, a leap day included: the most one range, one update or one read covers. */
export const MAX_PRICE_RANGE_DAYS = 1096;

/** What one rate may keep of entries that are not single dates (weekday patterns, open-ended prices). */
export const MAX_PRICE_PATTERNS = 200;

const WeekdaySchema = v.pipe(
  v.number(),
  v.safeInteger('Expected a weekday 0–6 (0 = Sunday)'),
  v.minValue(0, 'Expected a weekday 0–6 (0 = Sunday)'),
  v.maxValue(6, 'Expected a weekday 0–6 (0 = Sunday)'),
);

/** Weekdays (0 = Sunday), each at most once, sorted; shared with restrictions (SPEC 2.22). */
export const WeekdaysSchema = v.pipe(
  v.array(WeekdaySchema),
  v.minLength(1, 'Name at least one weekday, or leave weekdays out'),
  v.check((days) => new Set(days).size === days.length, 'Each weekday at most once'),
  v.transform((days) => [...days].sort((a, b) => a - b)),
);

/** SPEC 2.21: which room type of a rate (plan) the price is for; required when the rate covers several. */
const PriceRoomTypeSchema = v.pipe(IdSchema, v.description('The room type the price is for; required when the rate (plan) covers several'));

type Range = { from: string; to?: string | undefined };
const ordered = (r: Range) => r.to === undefined || r.from <= r.to;
const withinBound = (r: Range) => r.to === undefined || daysBetween(r.from, r.to) < MAX_PRICE_RANGE_DAYS;
const BOUND_MESSAGE = 'A price range covers at most three years';

/** `to` inclusive; without it the price holds for every night from `from` on; `weekdays` (0 = Sunday) restricts it to those nights. */
export const PriceEntrySchema = v.pipe(
  v.object({ from: IsoDateSchema, to: v.optional(IsoDateSchema), weekdays: v.optional(WeekdaysSchema), amount: MoneySchema, roomTypeId: v.optional(PriceRoomTypeSchema) }),
  v.forward(v.partialCheck([['from'], ['to']], ordered, 'to must not be before from'), ['to']),
  v.forward(v.partialCheck([['from'], ['to']], withinBound, BOUND_MESSAGE), ['to']),
);
export type PriceEntry = v.InferOutput<typeof PriceEntrySchema>;

export const PriceOverridesSchema = v.object({
  prices: v.pipe(
    v.array(PriceEntrySchema),
    v.maxLength(500),
    // Issue 13: one update writes at most three years of single dates, however its ranges are cut;
    // patterns and open-ended prices are kept as one entry each, whatever they cover.
    v.check((prices) => {
      const dated = prices.filter((p) => p.to !== undefined && p.weekdays === undefined);
      if (dated.length === 0) return true;
      const from = dated.reduce((min, p) => (p.from < min ? p.from : min), dated[0]!.from);
      const to = dated.reduce((max, p) => (p.to! > max ? p.to! : max), dated[0]!.to!);
      return daysBetween(from, to) < MAX_PRICE_RANGE_DAYS;
    }, 'One price update covers at most three years, from its first date to its last'),
  ),
});
export type PriceOverrides = v.InferOutput<typeof PriceOverridesSchema>;

/**
 * A stored entry that single-date rows cannot hold: a weekday pattern, or (weekdays null) an
 * open-ended price from a date on. `seq` grows with every entry written: later ones win.
 */
export const PricePatternSchema = v.object({
  seq: v.number(),
  from: v.string(),
  to: v.nullable(v.string()),
  weekdays: v.nullable(v.array(v.number())),
  amount: v.number(),
});
export type PricePattern = v.InferOutput<typeof PricePatternSchema>;

export const PricesUpdatedSchema = v.object({ rateId: v.string(), datesUpdated: v.number(), patterns: v.number() });

export const PricesQuerySchema = v.pipe(
  v.object({ from: IsoDateSchema, to: IsoDateSchema, roomTypeId: v.optional(PriceRoomTypeSchema) }),
  v.forward(v.partialCheck([['from'], ['to']], ordered, 'to must not be before from'), ['to']),
  v.forward(v.partialCheck([['from'], ['to']], withinBound, 'At most three years at a time'), ['to']),
);

export const PRICE_SOURCES = ['default', 'weekday', 'date'] as const;

/** Every night's effective price and where it comes from. */
export const EffectivePricesSchema = v.object({
  prices: v.array(v.object({ date: v.string(), amount: v.number(), source: v.picklist(PRICE_SOURCES) })),
});
export type NightPrice = v.InferOutput<typeof EffectivePricesSchema>['prices'][number];
