import * as v from 'valibot';
import { CountSchema, MoneySchema } from './common.ts';
import { LocalizedDescriptionSchema, LocalizedNameSchema, LocalizedTextAnswerSchema } from './localized-text.ts';

export const EXTRA_PER = ['stay', 'night', 'guest', 'guest_night'] as const;

const fields = {
  name: LocalizedNameSchema,
  description: v.optional(LocalizedDescriptionSchema),
  price: MoneySchema,
  per: v.picklist(EXTRA_PER, 'Expected stay, night, guest or guest_night'),
  /** How many a guest may choose (shared/extra-quantity.ts gives the default by `per`). */
  maxQuantity: v.optional(CountSchema(1, 20)),
};

export const ExtraCreateSchema = v.object(fields);
export type ExtraCreate = v.InferOutput<typeof ExtraCreateSchema>;
export const ExtraPatchSchema = v.partial(v.object(fields));
export type ExtraPatch = v.InferOutput<typeof ExtraPatchSchema>;

export const ExtraSchema = v.object({
  id: v.string(),
  propertyId: v.string(),
  name: LocalizedTextAnswerSchema,
  description: v.nullable(LocalizedTextAnswerSchema),
  price: v.number(),
  per: v.picklist(EXTRA_PER),
  maxQuantity: v.optional(v.number()),
});
export type Extra = v.InferOutput<typeof ExtraSchema>;
