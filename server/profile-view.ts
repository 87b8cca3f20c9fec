// SPEC 2.11: the property as a guest reads it (texts in their language, else the property's, else any)
// and the profile fields of a new property.
import { optionalTextIn, textIn } from '../shared/localized-text.ts';
import type { Locale } from '../shared/locale.ts';
import { PROFILE_FIELDS, type PropertyProfile, type PublicProfile } from '../shared/schemas/profile.ts';
import type { Extra } from '../shared/schemas/extra.ts';
import type { Property } from '../shared/schemas/property.ts';

/** A property with every text in one language: what e-mails and the hosted page show. */
export type GuestProperty = Omit<Property, 'name' | 'description' | 'address' | 'notices' | 'directions'> & {
  name: string;
  description: string | null;
  address: string | null;
  notices: string | null;
  directions: string | null;
};

export function guestProperty(property: Property, locale: Locale): GuestProperty {
  const text = (value: Property['address']) => optionalTextIn(value, locale, property.locale);
  return {
    ...property,
    name: textIn(property.name, locale, property.locale),
    description: text(property.description),
    address: text(property.address),
    notices: text(property.notices),
    directions: text(property.directions),
  };
}

/** GET /public/properties/:pid's profile fields. */
export function publicProfile(property: Property, locale: Locale): PublicProfile {
  const guest = guestProperty(property, locale);
  const { description, address, phone, website, notices, directions, amenities, starRating, images } = guest;
  return { description, address, phone, website, notices, directions, amenities, starRating, images };
}

/** The profile fields of a validated create body. */
export function profileOf(body: PropertyProfile): PropertyProfile {
  return Object.fromEntries(PROFILE_FIELDS.map((field) => [field, body[field]])) as PropertyProfile;
}

/** An extra as a guest reads it. */
export function guestExtra(extra: Extra, locale: Locale, fallback: Locale) {
  return { ...extra, name: textIn(extra.name, locale, fallback), description: optionalTextIn(extra.description, locale, fallback) };
}
