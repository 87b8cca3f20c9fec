import * as v from 'valibot';
import { CountSchema, NameSchema, TextSchema } from './common.ts';

// Issue 9: photos are shown on hotels' https pages; http would be mixed content, and javascript:
// or data: is not a photo of a room.
const ImagesSchema = v.pipe(v.array(v.pipe(v.string(), v.url(), v.startsWith('https://', 'must be an https:// URL'))), v.maxLength(20));

const fields = {
  name: NameSchema,
  description: v.optional(TextSchema),
  maxGuests: CountSchema(1, 50),
  units: CountSchema(0, 10_000),
  images: v.optional(ImagesSchema, []),
};

export const RoomTypeCreateSchema = v.object(fields);
export type RoomTypeCreate = v.InferOutput<typeof RoomTypeCreateSchema>;
export const RoomTypePatchSchema = v.partial(v.object({ ...fields, images: ImagesSchema }));
export type RoomTypePatch = v.InferOutput<typeof RoomTypePatchSchema>;

export const RoomTypeSchema = v.object({
  id: v.string(),
  propertyId: v.string(),
  name: v.string(),
  description: v.nullable(v.string()),
  maxGuests: v.number(),
  units: v.number(),
  images: v.array(v.string()),
});
export type RoomType = v.InferOutput<typeof RoomTypeSchema>;
