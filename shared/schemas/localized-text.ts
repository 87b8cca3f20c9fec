// SPEC 2.11: a text the owner writes once for everyone, or once per language ({en?, ko?, id?}, at least one).
import * as v from 'valibot';
import { NameSchema, TextSchema } from './common.ts';

type TextSchemaOf = typeof NameSchema | typeof TextSchema;

const byLocale = <T extends TextSchemaOf>(text: T) =>
  v.pipe(
    v.strictObject({
      en: v.optional(v.pipe(text, v.description('The text in English'))),
      ko: v.optional(v.pipe(text, v.description('The text in Korean'))),
      id: v.optional(v.pipe(text, v.description('The text in Indonesian'))),
    }),
    v.check((map) => Object.values(map).some((value) => value !== undefined), 'Give the text in at least one of en, ko, id'),
  );

/** A plain text, or one per language; `text` checks each (length, trimming). */
export const LocalizedTextSchema = <T extends TextSchemaOf>(text: T) =>
  v.pipe(v.union([text, byLocale(text)], 'Expected a text, or an object with en, ko or id texts'), v.description('A plain text, or {en, ko, id} with at least one of them'));

export const LocalizedNameSchema = LocalizedTextSchema(NameSchema);
export const LocalizedDescriptionSchema = LocalizedTextSchema(TextSchema);

/** How owners read a text back: as they stored it. */
export const LocalizedTextAnswerSchema = v.pipe(
  v.union([
    v.string(),
    v.object({
      en: v.optional(v.pipe(v.string(), v.description('The text in English'))),
      ko: v.optional(v.pipe(v.string(), v.description('The text in Korean'))),
      id: v.optional(v.pipe(v.string(), v.description('The text in Indonesian'))),
    }),
  ]),
  v.description('A plain text, or {en, ko, id} as the owner gave it; guests read theirs (SPEC 2.11)'),
);
