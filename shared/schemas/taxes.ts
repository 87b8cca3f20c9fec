// SPEC 2.13: a property's taxes and mandatory fees, and how its rate cards show prices.
import * as v from 'valibot';
import { CountSchema, MAX_NIGHTS, MoneySchema, PositiveMoneySchema } from './common.ts';
import { PercentSchema } from './promotion.ts';

export const MAX_TAXES = 20;
export const MAX_FEES = 20;

const ChargeNameSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'Required'), v.maxLength(80, 'A name is at most 80 characters'));

// Strict objects: a field that does not belong to the tax's type (a percent on a per-stay tax,
// `inclusive` on a city tax) is refused with its path rather than silently ignored.
const notForThisType = 'This field does not apply to this type of tax';

export const TaxSchema = v.variant(
  'type',
  [
    v.strictObject(
      {
        name: ChargeNameSchema,
        type: v.literal('percent'),
        percent: PercentSchema,
        /** The prices already contain the tax: it is shown, never added. */
        inclusive: v.optional(v.boolean()),
        appliesTo: v.optional(v.picklist(['room', 'room_and_extras'], 'Expected room or room_and_extras')),
      },
      notForThisType,
    ),
    v.strictObject(
      {
        name: ChargeNameSchema,
        type: v.literal('per_person_night'),
        amount: MoneySchema,
        childrenExempt: v.optional(v.boolean()),
        /** Nights taxed at most, e.g. a city tax charged for the first 7 nights. */
        maxNights: v.optional(CountSchema(1, MAX_NIGHTS)),
      },
      notForThisType,
    ),
    v.strictObject({ name: ChargeNameSchema, type: v.literal('per_room_night'), amount: MoneySchema }, notForThisType),
    v.strictObject({ name: ChargeNameSchema, type: v.literal('per_stay'), amount: MoneySchema }, notForThisType),
  ],
  'Expected a tax type: percent, per_person_night, per_room_night or per_stay',
);
export type Tax = v.InferOutput<typeof TaxSchema>;

export const FEE_BASES = ['stay', 'night', 'guest', 'guest_night'] as const;

export const FeeSchema = v.strictObject(
  {
    name: ChargeNameSchema,
    amount: PositiveMoneySchema,
    per: v.picklist(FEE_BASES, 'Expected stay, night, guest or guest_night'),
  },
  'A fee has name, amount and per',
);
export type Fee = v.InferOutput<typeof FeeSchema>;

export const TaxesSchema = v.pipe(v.array(TaxSchema), v.maxLength(MAX_TAXES, `At most ${MAX_TAXES} taxes`));
export const FeesSchema = v.pipe(v.array(FeeSchema), v.maxLength(MAX_FEES, `At most ${MAX_FEES} fees`));

/** SPEC 2.13: `total` shows rate cards at the all-in price (US FTC 16 CFR 464, EU price indication); `base` shows the room price with "+ taxes and fees". */
export const PriceDisplaySchema = v.picklist(['total', 'base'], 'Expected total or base');
export type PriceDisplay = v.InferOutput<typeof PriceDisplaySchema>;

/** The property's fields for taxes and fees, as created (with defaults) and as patched. */
export const taxFields = {
  taxes: v.optional(TaxesSchema, []),
  fees: v.optional(FeesSchema, []),
  priceDisplay: v.optional(PriceDisplaySchema, 'total'),
};
export const taxPatchFields = { taxes: TaxesSchema, fees: FeesSchema, priceDisplay: PriceDisplaySchema };
