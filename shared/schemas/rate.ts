import * as v from 'valibot';
import { CountSchema, DateTimeSchema, IdSchema, IsoDateSchema, MAX_NIGHTS, MoneySchema, PositiveMoneySchema } from './common.ts';
import { ChildPriceSchema, ChildPricesSchema } from './occupancy.ts';
import { LocalizedDescriptionSchema, LocalizedNameSchema, LocalizedTextAnswerSchema } from './localized-text.ts';
import { DerivedFromSchema, RatePlanRoomTypeSchema, RateRoomTypesSchema } from './rate-plan.ts';

// SPEC 2.4: exactly one deposit policy per rate.
export const DepositPolicySchema = v.variant(
  'type',
  [
    v.object({ type: v.literal('none') }),
    v.object({ type: v.literal('full') }),
    v.object({ type: v.literal('first_night') }),
    v.object({ type: v.literal('fixed'), amount: PositiveMoneySchema }),
    v.object({
      type: v.literal('percentage'),
      percent: v.pipe(
        v.number(),
        v.gtValue(0, 'percent must be more than 0'),
        v.maxValue(100, 'percent must be at most 100'),
        v.check((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, 'percent has at most 2 decimals'),
      ),
    }),
  ],
  'Expected a deposit type: none, full, first_night, fixed or percentage',
);
export type DepositPolicy = v.InferOutput<typeof DepositPolicySchema>;
export type DepositType = DepositPolicy['type'];

const nights = CountSchema(1, MAX_NIGHTS);

// SPEC 2.16: cancelled at least `daysBefore` whole days before check-in, the guest gets `refundPercent`% back.
export const CancellationTierSchema = v.object({
  daysBefore: v.pipe(v.number(), v.safeInteger('daysBefore is a whole number of days'), v.minValue(0, 'daysBefore cannot be negative'), v.maxValue(730, 'daysBefore is at most 730')),
  refundPercent: v.pipe(v.number(), v.safeInteger('refundPercent is a whole percent'), v.minValue(0, 'refundPercent is at least 0'), v.maxValue(100, 'refundPercent is at most 100')),
});
export type CancellationTier = v.InferOutput<typeof CancellationTierSchema>;

/** Names the second tier with a daysBefore already used, so the owner sees which one to fix. */
const distinctDays = v.rawCheck<CancellationTier[]>(({ dataset, addIssue }) => {
  if (!dataset.typed) return;
  const seen = new Set<number>();
  dataset.value.forEach((tier, index) => {
    if (seen.has(tier.daysBefore)) {
      addIssue({
        message: `Another tier already starts ${tier.daysBefore} days before arrival`,
        path: [
          { type: 'array', origin: 'value', input: dataset.value, key: index, value: tier },
          { type: 'object', origin: 'value', input: tier, key: 'daysBefore', value: tier.daysBefore },
        ],
      });
    }
    seen.add(tier.daysBefore);
  });
});

/** Tiers are kept largest daysBefore first: the order a guest reads them in. */
export const CancellationPolicySchema = v.object({
  tiers: v.pipe(
    v.array(CancellationTierSchema),
    v.maxLength(20),
    distinctDays,
    v.transform((tiers) => [...tiers].sort((a, b) => b.daysBefore - a.daysBefore)),
  ),
});
export type CancellationPolicy = v.InferOutput<typeof CancellationPolicySchema>;

/** True when some tier gives money back: what `refundable` means since SPEC 2.16. */
export const refundsSomething = (policy: CancellationPolicy) => policy.tiers.some((t) => t.refundPercent > 0);

// `refundable` is derived from the policy; sent together they must agree.
const REFUNDABLE_MESSAGE = 'refundable must agree with cancellationPolicy (refundable: false is the policy {tiers: []})';
const refundableAgrees = (r: { refundable?: boolean | undefined; cancellationPolicy?: CancellationPolicy | undefined }) =>
  r.refundable === undefined || r.cancellationPolicy === undefined || r.refundable === refundsSomething(r.cancellationPolicy);

const fields = {
  /** SPEC 2.21: `roomTypeId` + `nightlyPrice` is a plan of one room type; `roomTypes` lists several (server/rate-plans.ts checks which was sent). */
  roomTypeId: v.optional(IdSchema),
  name: LocalizedNameSchema,
  description: v.optional(LocalizedDescriptionSchema),
  nightlyPrice: v.optional(MoneySchema),
  roomTypes: v.optional(v.pipe(RateRoomTypesSchema, v.description('The room types the rate (plan) covers, each with its own default price per night; instead of roomTypeId + nightlyPrice'))),
  derivedFrom: v.optional(DerivedFromSchema),
  deposit: DepositPolicySchema,
  minNights: v.optional(nights),
  maxNights: v.optional(nights),
  bookableFrom: v.optional(DateTimeSchema),
  bookableUntil: v.optional(DateTimeSchema),
  maxRoomsPerNight: v.optional(CountSchema(0, 10_000)),
  maxRoomsTotal: v.optional(CountSchema(0, 1_000_000)),
  arrivalDates: v.optional(v.pipe(v.array(IsoDateSchema), v.maxLength(1000))),
  refundable: v.optional(v.boolean()),
  cancellationPolicy: v.optional(CancellationPolicySchema),
  /** SPEC 2.15: the guest may pay the whole total now instead of the deposit (stripe mode). */
  payInFullOption: v.optional(v.boolean()),
  /** SPEC 2.12: per night, per adult beyond the room type's baseOccupancy. */
  extraAdultPrice: v.optional(MoneySchema),
  /** SPEC 2.12: per night, per child beyond the base, by age band; `[]` prices children as adults. */
  childPrices: v.optional(ChildPricesSchema),
};

type Window = { minNights?: number | null; maxNights?: number | null; bookableFrom?: string | null; bookableUntil?: string | null };
const nightsOrdered = (r: Window) => r.minNights == null || r.maxNights == null || r.minNights <= r.maxNights;
const windowOrdered = (r: Window) => r.bookableFrom == null || r.bookableUntil == null || Date.parse(r.bookableFrom) < Date.parse(r.bookableUntil);
const NIGHTS_MESSAGE = 'maxNights must be at least minNights';
const WINDOW_MESSAGE = 'bookableUntil must be after bookableFrom';

export const RateCreateSchema = v.pipe(
  v.object(fields),
  // The docs' example: a built one would leave out the room type, which the server requires (SPEC 2.21 rules in server/rate-plans.ts).
  v.examples([{ roomTypeId: 'rt_garden', name: 'Flexible', nightlyPrice: 80_000, deposit: { type: 'percentage' as const, percent: 30 } }]),
  v.forward(v.partialCheck([['minNights'], ['maxNights']], nightsOrdered, NIGHTS_MESSAGE), ['maxNights']),
  v.forward(v.partialCheck([['bookableFrom'], ['bookableUntil']], windowOrdered, WINDOW_MESSAGE), ['bookableUntil']),
  v.forward(v.partialCheck([['refundable'], ['cancellationPolicy']], refundableAgrees, REFUNDABLE_MESSAGE), ['refundable']),
);
export type RateCreate = v.InferOutput<typeof RateCreateSchema>;

// A patch may clear an optional limit by sending null.
export const RatePatchSchema = v.pipe(
  v.partial(
    v.object({
      ...fields,
      description: v.nullable(LocalizedDescriptionSchema),
      minNights: v.nullable(nights),
      maxNights: v.nullable(nights),
      bookableFrom: v.nullable(DateTimeSchema),
      bookableUntil: v.nullable(DateTimeSchema),
      maxRoomsPerNight: v.nullable(CountSchema(0, 10_000)),
      maxRoomsTotal: v.nullable(CountSchema(0, 1_000_000)),
      arrivalDates: v.nullable(v.pipe(v.array(IsoDateSchema), v.maxLength(1000))),
      refundable: v.boolean(),
    }),
  ),
  v.forward(v.partialCheck([['minNights'], ['maxNights']], nightsOrdered, NIGHTS_MESSAGE), ['maxNights']),
  v.forward(v.partialCheck([['bookableFrom'], ['bookableUntil']], windowOrdered, WINDOW_MESSAGE), ['bookableUntil']),
  v.forward(v.partialCheck([['refundable'], ['cancellationPolicy']], refundableAgrees, REFUNDABLE_MESSAGE), ['refundable']),
);
export type RatePatch = v.InferOutput<typeof RatePatchSchema>;

export const RateSchema = v.object({
  id: v.string(),
  propertyId: v.string(),
  roomTypeId: v.string(),
  name: LocalizedTextAnswerSchema,
  description: v.nullable(LocalizedTextAnswerSchema),
  nightlyPrice: v.number(),
  deposit: DepositPolicySchema,
  minNights: v.nullable(v.number()),
  maxNights: v.nullable(v.number()),
  bookableFrom: v.nullable(v.string()),
  bookableUntil: v.nullable(v.string()),
  maxRoomsPerNight: v.nullable(v.number()),
  maxRoomsTotal: v.nullable(v.number()),
  arrivalDates: v.nullable(v.array(v.string())),
  refundable: v.boolean(),
  cancellationPolicy: CancellationPolicySchema,
  payInFullOption: v.boolean(),
  extraAdultPrice: v.number(),
  childPrices: v.array(ChildPriceSchema),
  /** SPEC 2.21: every room type the plan covers; `roomTypeId` and `nightlyPrice` are its first. */
  roomTypes: v.optional(v.pipe(v.array(RatePlanRoomTypeSchema), v.description('The room types the rate (plan) covers, each with its default price per night'))),
  derivedFrom: v.optional(v.nullable(DerivedFromSchema)),
});
export type Rate = v.InferOutput<typeof RateSchema>;

/** A refundable rate without tiers of its own: everything back when cancelled up to the day of arrival. */
export const FULL_REFUND_UNTIL_ARRIVAL: CancellationPolicy = { tiers: [{ daysBefore: 0, refundPercent: 100 }] };

/** What a rate's optional fields mean when the owner leaves them out: no limits, refundable until arrival. */
export const RATE_WITHOUT_LIMITS = {
  description: null,
  minNights: null,
  maxNights: null,
  bookableFrom: null,
  bookableUntil: null,
  maxRoomsPerNight: null,
  maxRoomsTotal: null,
  arrivalDates: null,
  refundable: true,
  cancellationPolicy: FULL_REFUND_UNTIL_ARRIVAL,
  payInFullOption: false,
  extraAdultPrice: 0,
  childPrices: [],
} as const satisfies Partial<Rate>;

export const RateWithWarningsSchema = v.object({ rate: RateSchema, warnings: v.array(v.string()) });
