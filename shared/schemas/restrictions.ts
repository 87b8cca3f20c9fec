// SPEC 2.22: a rate's restrictions by date (minimum and maximum stay, closed to arrival or departure) and their read-back.
import * as v from 'valibot';
import { daysBetween } from '../dates.ts';
import { CountSchema, IsoDateSchema, MAX_NIGHTS } from './common.ts';
import { MAX_PRICE_RANGE_DAYS, WeekdaysSchema } from './prices.ts';

/** What one rate may keep, and what one update may send. */
export const MAX_RESTRICTIONS = 200;

const RULES = ['minNights', 'maxNights', 'closedToArrival', 'closedToDeparture'] as const;

type Entry = { from: string; to?: string | undefined; minNights?: number | undefined; maxNights?: number | undefined };
const ordered = (r: Entry) => r.to === undefined || r.from <= r.to;
const withinBound = (r: Entry) => r.to === undefined || daysBetween(r.from, r.to) < MAX_PRICE_RANGE_DAYS;
const nightsOrdered = (r: Entry) => r.minNights === undefined || r.maxNights === undefined || r.minNights <= r.maxNights;

/**
 * `to` inclusive; without it the entry holds for every date from `from` on; `weekdays` (0 = Sunday)
 * limits it to those dates. minNights/maxNights apply to stays arriving on a covered night (and
 * replace the rate's own there); closedToArrival refuses arrivals on it, closedToDeparture checkouts.
 */
export const RestrictionEntrySchema = v.pipe(
  v.object({
    from: IsoDateSchema,
    to: v.optional(IsoDateSchema),
    weekdays: v.optional(WeekdaysSchema),
    minNights: v.optional(CountSchema(1, MAX_NIGHTS)),
    maxNights: v.optional(CountSchema(1, MAX_NIGHTS)),
    closedToArrival: v.optional(v.boolean()),
    closedToDeparture: v.optional(v.boolean()),
  }),
  v.forward(v.partialCheck([['from'], ['to']], ordered, 'to must not be before from'), ['to']),
  v.forward(v.partialCheck([['from'], ['to']], withinBound, 'A restriction covers at most three years; leave to out for no end'), ['to']),
  v.forward(v.partialCheck([['minNights'], ['maxNights']], nightsOrdered, 'maxNights must be at least minNights'), ['maxNights']),
  v.check((r) => RULES.some((rule) => r[rule] !== undefined), 'Set at least one of minNights, maxNights, closedToArrival, closedToDeparture'),
);
export type RestrictionEntry = v.InferOutput<typeof RestrictionEntrySchema>;

export const RestrictionsUpdateSchema = v.pipe(
  v.object({
    restrictions: v.pipe(v.array(RestrictionEntrySchema), v.maxLength(MAX_RESTRICTIONS, `At most ${MAX_RESTRICTIONS} restrictions at a time`)),
  }),
  v.metadata({
    examples: [
      {
        restrictions: [
          { from: '2027-07-15', to: '2027-08-31', minNights: 2 },
          { from: '2027-01-01', weekdays: [6], closedToArrival: true },
        ],
      },
    ],
  }),
);

/**
 * A stored entry: each rule it does not set is null and leaves the nights to earlier entries.
 * `seq` grows with every entry written to the rate: on a night two entries cover, the later one's rules win.
 */
export const RestrictionPatternSchema = v.object({
  seq: v.number(),
  from: v.string(),
  to: v.nullable(v.string()),
  weekdays: v.nullable(v.array(v.number())),
  minNights: v.nullable(v.number()),
  maxNights: v.nullable(v.number()),
  closedToArrival: v.nullable(v.boolean()),
  closedToDeparture: v.nullable(v.boolean()),
});
export type RestrictionPattern = v.InferOutput<typeof RestrictionPatternSchema>;

export const RestrictionsUpdatedSchema = v.object({ rateId: v.string(), restrictions: v.number() });

export const RestrictionsQuerySchema = v.pipe(
  v.object({ from: IsoDateSchema, to: IsoDateSchema }),
  v.forward(v.partialCheck([['from'], ['to']], ordered, 'to must not be before from'), ['to']),
  v.forward(v.partialCheck([['from'], ['to']], withinBound, 'At most three years at a time'), ['to']),
);

/** Every date's effective restriction: the rate's own min/max stay where no entry sets one (null: none). */
export const EffectiveRestrictionsSchema = v.object({
  restrictions: v.array(
    v.object({
      date: v.string(),
      minNights: v.nullable(v.number()),
      maxNights: v.nullable(v.number()),
      closedToArrival: v.boolean(),
      closedToDeparture: v.boolean(),
    }),
  ),
});
export type NightRestriction = v.InferOutput<typeof EffectiveRestrictionsSchema>['restrictions'][number];
