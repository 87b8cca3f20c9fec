// SPEC 2.12: the fields of room types and rates that price who sleeps in a room.
import * as v from 'valibot';
import { CountSchema, MoneySchema } from './common.ts';

// SPEC 2.12: children are 0–17.
export const MAX_CHILD_AGE = 17;

export const ChildAgeSchema = v.pipe(
  v.number('Expected an age in whole years'),
  v.safeInteger('Expected an age in whole years'),
  v.minValue(0, 'A child is 0 or older'),
  v.maxValue(MAX_CHILD_AGE, `A child is at most ${MAX_CHILD_AGE}`),
);

export const ChildAgesSchema = v.pipe(v.array(ChildAgeSchema), v.maxLength(50));

/** A band of children's ages up to `maxAge` and what each such child pays per night beyond the base. */
export const ChildPriceSchema = v.object({ maxAge: ChildAgeSchema, amount: MoneySchema });
export type ChildPrice = v.InferOutput<typeof ChildPriceSchema>;

/** Names the first band whose maxAge is not above the one before, so the owner sees which one to fix. */
const increasingAges = v.rawCheck<ChildPrice[]>(({ dataset, addIssue }) => {
  if (!dataset.typed) return;
  const bands = dataset.value;
  const index = bands.findIndex((band, i) => i > 0 && band.maxAge <= bands[i - 1]!.maxAge);
  if (index < 0) return;
  const band = bands[index]!;
  addIssue({
    message: 'Bands are sorted by strictly increasing maxAge',
    path: [
      { type: 'array', origin: 'value', input: bands, key: index, value: band },
      { type: 'object', origin: 'value', input: band, key: 'maxAge', value: band.maxAge },
    ],
  });
});

// SPEC 2.12: the first band whose maxAge is at least the child's age applies, so bands must not overlap.
export const ChildPricesSchema = v.pipe(v.array(ChildPriceSchema), v.maxLength(MAX_CHILD_AGE + 1), increasingAges);

/** A room type's occupancy fields as the owner sends them; each is checked against maxGuests where both are known. */
export const roomTypeOccupancyFields = {
  baseOccupancy: CountSchema(1, 50),
  maxAdults: CountSchema(1, 50),
  maxChildren: CountSchema(0, 50),
};

export type OccupancyField = keyof typeof roomTypeOccupancyFields;
export const OCCUPANCY_FIELDS = Object.keys(roomTypeOccupancyFields) as OccupancyField[];
export const occupancyFitMessage = (field: OccupancyField) => `${field} must be at most maxGuests`;
