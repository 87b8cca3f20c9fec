// SPEC 2.11: what a guest needs to trust the property, its operating status and whether it is listed.
import * as v from 'valibot';
import { LocalizedDescriptionSchema, LocalizedTextAnswerSchema } from './localized-text.ts';
import { ImagesSchema } from './room-type.ts';

export const PROPERTY_STATUSES = ['open', 'paused'] as const;
const PropertyStatusSchema = v.picklist(PROPERTY_STATUSES, 'Expected open or paused');

const TimeSchema = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a 24-hour time written HH:MM, such as 15:00'), v.metadata({ examples: ['15:00'] }));
const PhoneSchema = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^\+?[0-9][0-9 ().-]{3,38}[0-9]$/, 'Expected a phone number such as +82 33 123 4567'),
  v.metadata({ examples: ['+82 33 123 4567'] }),
);
const WebsiteSchema = v.pipe(v.string(), v.url('Expected a URL'), v.startsWith('https://', 'must be an https:// URL'), v.maxLength(500));
const AmenitySchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'Required'), v.maxLength(60));
const StarRatingSchema = v.pipe(v.number(), v.safeInteger('Expected a whole number of stars'), v.minValue(1), v.maxValue(5));

const MEANING = {
  address: 'Street address as guests find it; a text or {en, ko, id}',
  phone: 'Where guests call the property, with the country code',
  website: 'The property’s own site (https)',
  notices: 'House rules and notices guests read before booking; a text or {en, ko, id}',
  amenities: 'Short amenity names, at most 40 (e.g. "Free parking")',
  checkInTime: 'Check-in from, HH:MM on a 24-hour clock, property time',
  checkOutTime: 'Check-out until, HH:MM on a 24-hour clock, property time',
  directions: 'How to get there, sent in the confirmation e-mail; a text or {en, ko, id}',
  starRating: 'Official star rating, 1 to 5, or null',
  images: 'Photos of the property (https), at most 20',
  status: 'open, or paused: the page and rates stay visible, but quotes and bookings answer 409 property_paused',
  visible: 'false hides the property: its public routes and hosted page answer 404 as for an unknown one',
} as const;

/** What an owner may send; null clears a field. */
export const profilePatchFields = {
  address: v.pipe(v.nullable(LocalizedDescriptionSchema), v.description(MEANING.address)),
  phone: v.pipe(v.nullable(PhoneSchema), v.description(MEANING.phone)),
  website: v.pipe(v.nullable(WebsiteSchema), v.description(MEANING.website)),
  notices: v.pipe(v.nullable(LocalizedDescriptionSchema), v.description(MEANING.notices)),
  amenities: v.pipe(v.array(AmenitySchema), v.maxLength(40), v.description(MEANING.amenities)),
  checkInTime: v.pipe(v.nullable(TimeSchema), v.description(MEANING.checkInTime)),
  checkOutTime: v.pipe(v.nullable(TimeSchema), v.description(MEANING.checkOutTime)),
  directions: v.pipe(v.nullable(LocalizedDescriptionSchema), v.description(MEANING.directions)),
  starRating: v.pipe(v.nullable(StarRatingSchema), v.description(MEANING.starRating)),
  images: v.pipe(ImagesSchema, v.description(MEANING.images)),
  status: v.pipe(PropertyStatusSchema, v.description(MEANING.status)),
  visible: v.pipe(v.boolean(), v.description(MEANING.visible)),
};

export const PROFILE_DEFAULTS: PropertyProfile = {
  address: null,
  phone: null,
  website: null,
  notices: null,
  amenities: [],
  checkInTime: null,
  checkOutTime: null,
  directions: null,
  starRating: null,
  images: [],
  status: 'open',
  visible: true,
};

/** The same fields at creation, each optional with its default. */
export const profileCreateFields = Object.fromEntries(Object.entries(profilePatchFields).map(([key, schema]) => [key, v.optional(schema, PROFILE_DEFAULTS[key as ProfileField])])) as {
  [K in ProfileField]: v.OptionalSchema<(typeof profilePatchFields)[K], PropertyProfile[K]>;
};

const LocalizedAnswer = v.nullable(LocalizedTextAnswerSchema);

/** How the owner reads the profile back: texts as stored. */
export const profileAnswerFields = {
  address: v.pipe(LocalizedAnswer, v.description(MEANING.address)),
  phone: v.pipe(v.nullable(v.string()), v.description(MEANING.phone)),
  website: v.pipe(v.nullable(v.string()), v.description(MEANING.website)),
  notices: v.pipe(LocalizedAnswer, v.description(MEANING.notices)),
  amenities: v.pipe(v.array(v.string()), v.description(MEANING.amenities)),
  checkInTime: v.pipe(v.nullable(v.string()), v.description(MEANING.checkInTime)),
  checkOutTime: v.pipe(v.nullable(v.string()), v.description(MEANING.checkOutTime)),
  directions: v.pipe(LocalizedAnswer, v.description(MEANING.directions)),
  starRating: v.pipe(v.nullable(v.number()), v.description(MEANING.starRating)),
  images: v.pipe(v.array(v.string()), v.description(MEANING.images)),
  status: v.pipe(PropertyStatusSchema, v.description(MEANING.status)),
  visible: v.pipe(v.boolean(), v.description(MEANING.visible)),
};
export const PropertyProfileSchema = v.object(profileAnswerFields);
export type PropertyProfile = v.InferOutput<typeof PropertyProfileSchema>;
export type ProfileField = keyof PropertyProfile;
export const PROFILE_FIELDS = Object.keys(profileAnswerFields) as ProfileField[];

const guestText = (meaning: string) => v.pipe(v.nullable(v.string()), v.description(`${meaning.replace(/; a text or \{en, ko, id\}$/, '')}, in the guest’s language`));

/** SPEC 2.11: what the widget shows before the rates (kept small: it rides on every first availability answer). */
export const publicStatusFields = {
  status: profileAnswerFields.status,
  checkInTime: profileAnswerFields.checkInTime,
  checkOutTime: profileAnswerFields.checkOutTime,
};

/** SPEC 2.11: the rest of the guest-facing profile, in GET /public/properties/:pid. */
export const publicProfileFields = {
  description: guestText('About the property'),
  address: guestText(MEANING.address),
  phone: profileAnswerFields.phone,
  website: profileAnswerFields.website,
  notices: guestText(MEANING.notices),
  directions: guestText(MEANING.directions),
  amenities: profileAnswerFields.amenities,
  starRating: profileAnswerFields.starRating,
  images: profileAnswerFields.images,
};
export const PublicProfileSchema = v.object(publicProfileFields);
export type PublicProfile = v.InferOutput<typeof PublicProfileSchema>;
