import * as v from 'valibot';
import { MoneySchema, NameSchema, TextSchema } from './common.ts';

export const EXTRA_PER = ['stay', 'night', 'guest', 'guest_night'] as const;

const fields = {
  name: NameSchema,
  description: v.optional(TextSchema),
  price: MoneySchema,
  per: v.picklist(EXTRA_PER, 'Expected stay, night, guest or guest_night'),
};

export const ExtraCreateSchema = v.object(fields);
export type ExtraCreate = v.InferOutput<typeof ExtraCreateSchema>;
export const ExtraPatchSchema = v.partial(v.object(fields));
export type ExtraPatch = v.InferOutput<typeof ExtraPatchSchema>;

export const ExtraSchema = v.object({
  id: v.string(),
  propertyId: v.string(),
  name: v.string(),
  description: v.nullable(v.string()),
  price: v.number(),
  per: v.picklist(EXTRA_PER),
});
export type Extra = v.InferOutput<typeof ExtraSchema>;
