// SPEC 2.21: a rate (plan) across room types, each with its own default price, and a rate derived from another.
import * as v from 'valibot';
import { IdSchema, MoneySchema } from './common.ts';

/** One room type a plan covers; `nightlyPrice` is left out on a derived rate, whose prices follow its parent. */
export const RateRoomTypeSchema = v.object({ roomTypeId: IdSchema, nightlyPrice: v.optional(MoneySchema) });

/** Names the second entry for a room type already listed, so the owner sees which one to fix. */
const distinctRoomTypes = v.rawCheck<{ roomTypeId: string }[]>(({ dataset, addIssue }) => {
  if (!dataset.typed) return;
  const seen = new Set<string>();
  dataset.value.forEach((entry, index) => {
    if (seen.has(entry.roomTypeId)) {
      addIssue({
        message: 'This room type is already listed',
        path: [
          { type: 'array', origin: 'value', input: dataset.value, key: index, value: entry },
          { type: 'object', origin: 'value', input: entry, key: 'roomTypeId', value: entry.roomTypeId },
        ],
      });
    }
    seen.add(entry.roomTypeId);
  });
});

export const RateRoomTypesSchema = v.pipe(v.array(RateRoomTypeSchema), v.minLength(1, 'Name at least one room type'), v.maxLength(100), distinctRoomTypes);
export type RateRoomTypeInput = v.InferOutput<typeof RateRoomTypeSchema>;

/** SPEC 2.21: e.g. `{percent: -10}` for 10% below the parent, or `{amount: 5000}` above it, per night. */
export const PriceAdjustSchema = v.union(
  [
    v.strictObject({
      percent: v.pipe(
        v.number('Expected a percent'),
        v.description('Percent added to the parent’s price each night, -100 to 100 (e.g. -10 for 10% less)'),
        v.minValue(-100, 'percent is at least -100'),
        v.maxValue(100, 'percent is at most 100'),
        v.check((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, 'percent has at most 2 decimals'),
      ),
    }),
    v.strictObject({
      amount: v.pipe(
        v.number('Expected an amount in minor units'),
        v.description('Minor units added to the parent’s price each night; may be negative'),
        v.safeInteger('Amounts are integers in the minor unit (cents, won)'),
      ),
    }),
  ],
  'Expected {percent} or {amount}',
);
export type PriceAdjust = v.InferOutput<typeof PriceAdjustSchema>;

export const DerivedFromSchema = v.pipe(
  v.object({
    rateId: v.pipe(IdSchema, v.description('The parent rate: same property, not itself derived')),
    adjust: v.pipe(PriceAdjustSchema, v.description('{percent} or {amount}; the result is rounded half-up and never below 0')),
  }),
  v.description('The rate follows a parent’s price every night (its overrides and weekday patterns), adjusted; it has no prices of its own'),
);
export type DerivedFrom = v.InferOutput<typeof DerivedFromSchema>;

/** A room type of a plan as answered: a derived rate shows its parent's default adjusted. */
export const RatePlanRoomTypeSchema = v.object({ roomTypeId: v.string(), nightlyPrice: v.number() });
export type RatePlanRoomType = v.InferOutput<typeof RatePlanRoomTypeSchema>;
