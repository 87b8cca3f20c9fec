// SPEC 2.14: a promotion code and what it takes off the room prices of the rates it covers.
import * as v from 'valibot';
import { CountSchema, IdSchema, IsoDateSchema, NameSchema, PositiveMoneySchema } from './common.ts';

export const PercentSchema = v.pipe(
  v.number(),
  v.gtValue(0, 'percent must be more than 0'),
  v.maxValue(100, 'percent must be at most 100'),
  v.check((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, 'percent has at most 2 decimals'),
);

export const DiscountSchema = v.variant(
  'type',
  [v.object({ type: v.literal('percent'), percent: PercentSchema }), v.object({ type: v.literal('amount'), amount: PositiveMoneySchema })],
  'Expected a discount type: percent or amount',
);
export type Discount = v.InferOutput<typeof DiscountSchema>;

export const PromoCodeSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'Required'),
  v.maxLength(64, 'A code is at most 64 characters'),
  v.regex(/^[\p{L}\p{N}_-]+$/u, 'A code is letters, digits, - and _'),
);

const optionalFields = {
  rateIds: v.pipe(v.array(IdSchema), v.maxLength(300)),
  stayFrom: IsoDateSchema,
  stayUntil: IsoDateSchema,
  bookFrom: IsoDateSchema,
  bookUntil: IsoDateSchema,
  minNights: CountSchema(1, 60),
  maxUses: CountSchema(1, 1_000_000_000),
};

type Windows = { stayFrom?: string | null; stayUntil?: string | null; bookFrom?: string | null; bookUntil?: string | null };
const STAY_MESSAGE = 'stayUntil must not be before stayFrom';
const BOOK_MESSAGE = 'bookUntil must not be before bookFrom';

/** The fields of a promotion with every optional one filled: what the store keeps. */
export const PromotionFieldsSchema = v.pipe(
  v.object({
    code: PromoCodeSchema,
    name: NameSchema,
    discount: DiscountSchema,
    rateIds: v.nullish(optionalFields.rateIds, null),
    stayFrom: v.nullish(optionalFields.stayFrom, null),
    stayUntil: v.nullish(optionalFields.stayUntil, null),
    bookFrom: v.nullish(optionalFields.bookFrom, null),
    bookUntil: v.nullish(optionalFields.bookUntil, null),
    minNights: v.nullish(optionalFields.minNights, null),
    maxUses: v.nullish(optionalFields.maxUses, null),
    active: v.optional(v.boolean(), true),
  }),
  v.forward(
    v.partialCheck([['stayFrom'], ['stayUntil']], (p: Windows) => !p.stayFrom || !p.stayUntil || p.stayFrom <= p.stayUntil, STAY_MESSAGE),
    ['stayUntil'],
  ),
  v.forward(
    v.partialCheck([['bookFrom'], ['bookUntil']], (p: Windows) => !p.bookFrom || !p.bookUntil || p.bookFrom <= p.bookUntil, BOOK_MESSAGE),
    ['bookUntil'],
  ),
);
export type PromotionFields = v.InferOutput<typeof PromotionFieldsSchema>;
export const PromotionCreateSchema = PromotionFieldsSchema;

/** A patch may clear an optional field with null; the merged promotion is checked again as a whole. */
export const PromotionPatchSchema = v.partial(
  v.object({
    code: PromoCodeSchema,
    name: NameSchema,
    discount: DiscountSchema,
    rateIds: v.nullable(optionalFields.rateIds),
    stayFrom: v.nullable(optionalFields.stayFrom),
    stayUntil: v.nullable(optionalFields.stayUntil),
    bookFrom: v.nullable(optionalFields.bookFrom),
    bookUntil: v.nullable(optionalFields.bookUntil),
    minNights: v.nullable(optionalFields.minNights),
    maxUses: v.nullable(optionalFields.maxUses),
    active: v.boolean(),
  }),
);
export type PromotionPatch = v.InferOutput<typeof PromotionPatchSchema>;

export const PromotionSchema = v.object({
  id: v.string(),
  propertyId: v.string(),
  code: v.string(),
  name: v.string(),
  discount: DiscountSchema,
  rateIds: v.nullable(v.array(v.string())),
  stayFrom: v.nullable(v.string()),
  stayUntil: v.nullable(v.string()),
  bookFrom: v.nullable(v.string()),
  bookUntil: v.nullable(v.string()),
  minNights: v.nullable(v.number()),
  maxUses: v.nullable(v.number()),
  /** Bookings holding or having used the code now; a hold that expires or a cancellation gives its use back. */
  uses: v.number(),
  active: v.boolean(),
});
export type Promotion = v.InferOutput<typeof PromotionSchema>;

export const PromotionViewSchema = v.object({ promotion: PromotionSchema });
export const PromotionListSchema = v.object({ promotions: v.array(PromotionSchema) });

export const PROMO_REASONS = ['unknown', 'expired', 'not_yet', 'stay_dates', 'min_nights', 'used_up', 'not_for_rate'] as const;
export type PromoReason = (typeof PROMO_REASONS)[number];

/** What availability and quotes answer about the code the guest gave. */
export const PromoAnswerSchema = v.object({ code: v.string(), applied: v.boolean(), reason: v.optional(v.picklist(PROMO_REASONS)) });
export type PromoAnswer = v.InferOutput<typeof PromoAnswerSchema>;

/** SPEC 2.13: one line of what the guest pays; a discount's amount is negative; an `included` tax is inside the prices and adds nothing. */
export const LineSchema = v.object({
  kind: v.picklist(['room', 'extra', 'fee', 'tax', 'discount']),
  name: v.string(),
  amount: v.number(),
  included: v.optional(v.literal(true)),
});
export type Line = v.InferOutput<typeof LineSchema>;
