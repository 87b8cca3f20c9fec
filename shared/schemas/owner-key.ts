// Owner keys (issue 9): named keys with scopes, and the audit trail of card reveals.
import * as v from 'valibot';
import { DateTimeSchema, NameSchema } from './common.ts';

/**
 * `rates`: the catalogue (property settings, room types, rates, prices, extras, closures, calendars, iCal);
 * `bookings`: list, read, cancel, mark the deposit charged; `cards:reveal`: reveal a stored card and read who did.
 */
export const KEY_SCOPES = ['rates', 'bookings', 'cards:reveal'] as const;

export const KeyScopeSchema = v.picklist(KEY_SCOPES, `Expected one of ${KEY_SCOPES.join(', ')}`);
export type KeyScope = v.InferOutput<typeof KeyScopeSchema>;

export const KeyCreateSchema = v.object({
  name: NameSchema,
  scopes: v.pipe(
    v.array(KeyScopeSchema),
    v.minLength(1, 'A key needs at least one scope'),
    v.transform((scopes) => KEY_SCOPES.filter((scope) => scopes.includes(scope))),
  ),
});
export type KeyCreate = v.InferOutput<typeof KeyCreateSchema>;

export const OwnerKeySchema = v.object({
  id: v.string(),
  name: v.string(),
  scopes: v.array(KeyScopeSchema),
  createdAt: DateTimeSchema,
  lastUsedAt: v.nullable(DateTimeSchema),
  revokedAt: v.nullable(DateTimeSchema),
});
export type OwnerKey = v.InferOutput<typeof OwnerKeySchema>;

/** The secret is in this answer only: the server keeps its hash. */
export const KeyIssuedSchema = v.object({ key: OwnerKeySchema, secretKey: v.string() });

export const CardRevealRequestSchema = v.object({
  reason: v.pipe(v.string('Say why the card is needed'), v.trim(), v.minLength(1, 'Say why the card is needed'), v.maxLength(500, 'At most 500 characters')),
});

export const CardRevealAuditSchema = v.object({
  reveals: v.array(
    v.object({
      keyId: v.nullable(v.string()),
      keyName: v.nullable(v.string()),
      reason: v.nullable(v.string()),
      ip: v.string(),
      userAgent: v.nullable(v.string()),
      at: DateTimeSchema,
    }),
  ),
});
