// SPEC 2.11 storage (migration 025): a text given per language keeps its map in JSON (`texts` on room types,
// rates and extras, `profile` on properties) while the plain column keeps one readable text, so rows written
// before 025 and code that reads the column directly still see a name.
import type { Kysely } from 'kysely';
import { type LocalizedText, textIn } from '../shared/localized-text.ts';
import { PROFILE_DEFAULTS, PROFILE_FIELDS, type PropertyProfile } from '../shared/schemas/profile.ts';
import type { Database } from './store/schema.ts';

type Dialect = 'sqlite' | 'postgres';

type TextKey = 'name' | 'description';
type Texts = { name?: LocalizedText | undefined; description?: LocalizedText | null | undefined };
type StoredTexts = Partial<Record<TextKey, Exclude<LocalizedText, string>>>;

const parse = <T>(stored: string | null | undefined): T | undefined => (stored ? (JSON.parse(stored) as T) : undefined);

/** A record's texts as the owner gave them: the map where one was stored, else the plain column. */
export function readTexts<T extends { name: string; description: string | null }>(record: T, stored: string | null | undefined) {
  const texts = parse<StoredTexts>(stored) ?? {};
  return { ...record, name: texts.name ?? record.name, description: texts.description ?? record.description };
}

/** The plain columns and the `texts` JSON for the texts a write changes; `stored` is the row's current `texts`. */
export function writeTexts(changes: Texts, stored?: string | null) {
  const texts: StoredTexts = { ...parse<StoredTexts>(stored) };
  const row: { name?: string; description?: string | null; texts?: string | null } = {};
  if (changes.name !== undefined) {
    row.name = textIn(changes.name, 'en');
    if (typeof changes.name === 'string') delete texts.name;
    else texts.name = changes.name;
  }
  if (changes.description !== undefined) {
    row.description = changes.description === null ? null : textIn(changes.description, 'en');
    if (changes.description === null || typeof changes.description === 'string') delete texts.description;
    else texts.description = changes.description;
  }
  if (changes.name !== undefined || changes.description !== undefined) row.texts = Object.keys(texts).length ? JSON.stringify(texts) : null;
  return row;
}

/** The text columns of a new row. */
export function newTexts(record: { name: LocalizedText; description: LocalizedText | null }) {
  return { name: textIn(record.name, 'en'), description: record.description === null ? null : textIn(record.description, 'en'), texts: writeTexts(record).texts ?? null };
}

/** The current `texts` of a row, locked inside the write's transaction so a concurrent write to the other text is kept. */
export async function currentTexts(tx: Kysely<Database>, dialect: Dialect, table: 'room_types' | 'rates' | 'extras', id: string): Promise<string | null> {
  const query = tx.selectFrom(table).select('texts').where('id', '=', id);
  const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  return row?.texts ?? null;
}

type StoredProfile = Partial<PropertyProfile> & { texts?: StoredTexts };

/** The property's profile fields and texts from its `profile` column (null before 025: every default). */
export function readProfile<T extends { name: string; description: string | null }>(record: T, stored: string | null) {
  const { texts, ...profile } = parse<StoredProfile>(stored) ?? {};
  return { ...readTexts(record, texts ? JSON.stringify(texts) : null), ...PROFILE_DEFAULTS, ...profile };
}

/** The plain columns and the `profile` JSON for a property write; `stored` is its current `profile`. */
export function writeProfile(
  changes: { [K in keyof PropertyProfile]?: PropertyProfile[K] | undefined } & Texts,
  stored: string | null,
): { name?: string; description?: string | null; profile?: string } {
  const { texts, ...profile } = parse<StoredProfile>(stored) ?? {};
  const { texts: textColumn, ...columns } = writeTexts(changes, texts ? JSON.stringify(texts) : null);
  const fields = PROFILE_FIELDS.filter((field) => changes[field] !== undefined);
  if (fields.length === 0 && textColumn === undefined) return columns;
  const nextTexts = textColumn === undefined ? texts : parse<StoredTexts>(textColumn);
  const next: StoredProfile = { ...profile, ...Object.fromEntries(fields.map((field) => [field, changes[field]])), ...(nextTexts ? { texts: nextTexts } : {}) };
  return { ...columns, profile: JSON.stringify(next) };
}

/** The profile and text columns of a new property. */
export function newProfile(record: PropertyProfile & { name: LocalizedText; description: LocalizedText | null }) {
  const { texts: _texts, ...columns } = newTexts(record);
  return { ...columns, profile: writeProfile(record, null).profile ?? null };
}

/** The current `profile` of a property, locked inside the write's transaction. */
export async function currentProfile(tx: Kysely<Database>, dialect: Dialect, id: string): Promise<string | null> {
  const query = tx.selectFrom('properties').select('profile').where('id', '=', id);
  const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  return row?.profile ?? null;
}

/** The text columns a write to a room type, rate or extra changes (none when it leaves both texts alone). */
export async function changedTexts(tx: Kysely<Database>, dialect: Dialect, table: 'room_types' | 'rates' | 'extras', id: string, changes: Texts) {
  if (changes.name === undefined && changes.description === undefined) return {};
  return writeTexts(changes, await currentTexts(tx, dialect, table, id));
}

/** The profile and text columns a property write changes (none when it leaves them alone). */
export async function changedProfile(tx: Kysely<Database>, dialect: Dialect, id: string, changes: Parameters<typeof writeProfile>[0]) {
  if (changes.name === undefined && changes.description === undefined && PROFILE_FIELDS.every((field) => changes[field] === undefined)) return {};
  return writeProfile(changes, await currentProfile(tx, dialect, id));
}
