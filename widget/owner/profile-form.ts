// SPEC 2.11: the property's profile as the profile screen's boxes hold it, and back as a PATCH that
// carries only what the owner changed, so a save never rewrites a text the owner did not touch.
import { LOCALES, type Locale } from '../../shared/locale.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import type { Property, PropertyPatch } from '../../shared/schemas/property.ts';

/** The texts written per language: one box for each of en, ko and id. */
export const TEXT_FIELDS = ['name', 'description', 'address', 'notices', 'directions'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type TextBoxes = Record<Locale, string>;

/** Every box of the form as typed. */
export interface ProfileDraft {
  texts: Record<TextField, TextBoxes>;
  phone: string;
  website: string;
  checkInTime: string;
  checkOutTime: string;
  /** '' for none, else '1' to '5'. */
  starRating: string;
  /** One per line. */
  amenities: string;
  /** One address per line. */
  images: string;
  status: Property['status'];
  visible: boolean;
}

/** A text for everyone goes in the box of the property's language, the one guests fall back to. */
function boxesOf(text: LocalizedText | null, propertyLocale: Locale): TextBoxes {
  const boxes: TextBoxes = { en: '', ko: '', id: '' };
  if (typeof text === 'string') boxes[propertyLocale] = text;
  else if (text) for (const locale of LOCALES) boxes[locale] = text[locale] ?? '';
  return boxes;
}

/** The filled boxes as {en, ko, id}; null when all are empty. */
function textOf(boxes: TextBoxes): LocalizedText | null {
  const filled = LOCALES.filter((locale) => boxes[locale].trim()).map((locale) => [locale, boxes[locale].trim()]);
  return filled.length ? (Object.fromEntries(filled) as Partial<TextBoxes>) : null;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const orNull = (text: string) => text.trim() || null;

export function draftOf(property: Property): ProfileDraft {
  const texts = Object.fromEntries(TEXT_FIELDS.map((field) => [field, boxesOf(property[field], property.locale)])) as Record<TextField, TextBoxes>;
  return {
    texts,
    phone: property.phone ?? '',
    website: property.website ?? '',
    checkInTime: property.checkInTime ?? '',
    checkOutTime: property.checkOutTime ?? '',
    starRating: property.starRating?.toString() ?? '',
    amenities: property.amenities.join('\n'),
    images: property.images.join('\n'),
    status: property.status,
    visible: property.visible,
  };
}

/**
 * The whole profile as a PATCH. An emptied name goes as '' for the server to refuse under the field;
 * the description cannot be cleared through the API (it is not nullable), so an emptied one is left out.
 */
function patchOf(draft: ProfileDraft): PropertyPatch {
  const text = (field: TextField) => textOf(draft.texts[field]);
  return {
    name: text('name') ?? '',
    description: text('description') ?? undefined,
    address: text('address'),
    notices: text('notices'),
    directions: text('directions'),
    phone: orNull(draft.phone),
    website: orNull(draft.website),
    checkInTime: orNull(draft.checkInTime),
    checkOutTime: orNull(draft.checkOutTime),
    starRating: draft.starRating ? Number(draft.starRating) : null,
    amenities: lines(draft.amenities),
    images: lines(draft.images),
    status: draft.status,
    visible: draft.visible,
  };
}

/** The fields `draft` changes from `saved`; empty when nothing changed. */
export function changesOf(saved: ProfileDraft, draft: ProfileDraft): PropertyPatch {
  const before = patchOf(saved) as Record<string, unknown>;
  const after = patchOf(draft) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(before[key])));
}

/** Whether the owner emptied a description the property has: the API keeps it, so the form says so. */
export function clearsDescription(saved: ProfileDraft, draft: ProfileDraft): boolean {
  return textOf(saved.texts.description) !== null && textOf(draft.texts.description) === null;
}
