import * as v from 'valibot';
import { CountSchema } from './common.ts';
import { occupancyFitMessage, roomTypeOccupancyFields } from './occupancy.ts';
import { LocalizedDescriptionSchema, LocalizedNameSchema, LocalizedTextAnswerSchema } from './localized-text.ts';

// Issue 9: photos are shown on hotels' https pages; http would be mixed content, and javascript:
// or data: is not a photo of a room.
export const ImagesSchema = v.pipe(v.array(v.pipe(v.string(), v.url(), v.startsWith('https://', 'must be an https:// URL'))), v.maxLength(20));

const fields = {
  name: LocalizedNameSchema,
  description: v.optional(LocalizedDescriptionSchema),
  maxGuests: CountSchema(1, 50),
  units: CountSchema(0, 10_000),
  images: v.optional(ImagesSchema, []),
  baseOccupancy: v.optional(roomTypeOccupancyFields.baseOccupancy),
  maxAdults: v.optional(roomTypeOccupancyFields.maxAdults),
  maxChildren: v.optional(roomTypeOccupancyFields.maxChildren),
};

// SPEC 2.12: each occupancy field fits in maxGuests; a patch sending one side is checked against the stored room type.
const fits = (maxGuests: number | undefined, value: number | undefined) => maxGuests === undefined || value === undefined || value <= maxGuests;

export const RoomTypeCreateSchema = v.pipe(
  v.object(fields),
  v.forward(
    v.partialCheck([['maxGuests'], ['baseOccupancy']], (r) => fits(r.maxGuests, r.baseOccupancy), occupancyFitMessage('baseOccupancy')),
    ['baseOccupancy'],
  ),
  v.forward(
    v.partialCheck([['maxGuests'], ['maxAdults']], (r) => fits(r.maxGuests, r.maxAdults), occupancyFitMessage('maxAdults')),
    ['maxAdults'],
  ),
  v.forward(
    v.partialCheck([['maxGuests'], ['maxChildren']], (r) => fits(r.maxGuests, r.maxChildren), occupancyFitMessage('maxChildren')),
    ['maxChildren'],
  ),
);
export type RoomTypeCreate = v.InferOutput<typeof RoomTypeCreateSchema>;
export const RoomTypePatchSchema = v.pipe(
  v.partial(v.object({ ...fields, images: ImagesSchema })),
  v.forward(
    v.partialCheck([['maxGuests'], ['baseOccupancy']], (r) => fits(r.maxGuests, r.baseOccupancy), occupancyFitMessage('baseOccupancy')),
    ['baseOccupancy'],
  ),
  v.forward(
    v.partialCheck([['maxGuests'], ['maxAdults']], (r) => fits(r.maxGuests, r.maxAdults), occupancyFitMessage('maxAdults')),
    ['maxAdults'],
  ),
  v.forward(
    v.partialCheck([['maxGuests'], ['maxChildren']], (r) => fits(r.maxGuests, r.maxChildren), occupancyFitMessage('maxChildren')),
    ['maxChildren'],
  ),
);
export type RoomTypePatch = v.InferOutput<typeof RoomTypePatchSchema>;

export const RoomTypeSchema = v.object({
  id: v.string(),
  propertyId: v.string(),
  name: LocalizedTextAnswerSchema,
  description: v.nullable(LocalizedTextAnswerSchema),
  maxGuests: v.number(),
  units: v.number(),
  images: v.array(v.string()),
  /** SPEC 2.12: guests a rate's nightly price includes, and the most adults and children; each defaults to maxGuests. */
  baseOccupancy: v.optional(v.number()),
  maxAdults: v.optional(v.number()),
  maxChildren: v.optional(v.number()),
});
export type RoomType = v.InferOutput<typeof RoomTypeSchema>;
