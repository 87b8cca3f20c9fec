// Issue 9: owner keys with scopes, and the audit trail of card reveals.
import { type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import { KEY_SCOPES, type KeyScope } from '../../shared/schemas/owner-key.ts';
import { newId } from '../ids.ts';
import { writeTransaction } from './booking-store.ts';
import type { Database, PropertiesTable, PropertyKeysTable } from './schema.ts';
import type { KeyStore, NewOwnerKey, OwnerKeyRecord, PropertyRecord } from './store.ts';

type Db = Kysely<Database> | Transaction<Database>;

const keyColumns = ['id', 'property_id', 'name', 'scopes', 'created_at', 'last_used_at', 'revoked_at'] as const;

function toKey(row: Omit<Selectable<PropertyKeysTable>, 'key_hash'>): OwnerKeyRecord {
  return {
    id: row.id,
    propertyId: row.property_id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as KeyScope[],
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

const hasEveryScope = (key: OwnerKeyRecord) => KEY_SCOPES.every((scope) => key.scopes.includes(scope));

export async function insertOwnerKey(db: Db, key: NewOwnerKey): Promise<void> {
  await db
    .insertInto('property_keys')
    .values({
      id: key.id,
      property_id: key.propertyId,
      name: key.name,
      scopes: JSON.stringify(key.scopes),
      key_hash: key.keyHash,
      created_at: key.createdAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
}

/** Takes the row's lock on PostgreSQL; on SQLite BEGIN IMMEDIATE already serialises writers. */
async function lockRow(tx: Db, dialect: 'sqlite' | 'postgres', table: 'properties' | 'property_keys', id: string) {
  if (dialect === 'postgres') await sql`select 1 from ${sql.table(table)} where id = ${id} for update`.execute(tx);
}

export function keyStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', toProperty: (row: Selectable<PropertiesTable>) => PropertyRecord): KeyStore {
  return {
    async ownerKeyByHash(keyHash) {
      const row = await db
        .selectFrom('property_keys as k')
        .innerJoin('properties as p', 'p.id', 'k.property_id')
        .selectAll('p')
        .select(['k.id as key_id', 'k.name as key_name', 'k.scopes as key_scopes', 'k.created_at as key_created_at', 'k.last_used_at as key_last_used_at', 'k.revoked_at as key_revoked_at'])
        .where('k.key_hash', '=', keyHash)
        .executeTakeFirst();
      if (!row) return undefined;
      const key = toKey({
        id: row.key_id,
        property_id: row.id,
        name: row.key_name,
        scopes: row.key_scopes,
        created_at: row.key_created_at,
        last_used_at: row.key_last_used_at,
        revoked_at: row.key_revoked_at,
      });
      return { key, property: toProperty(row) };
    },

    createOwnerKey: (key) => insertOwnerKey(db, key),

    async listOwnerKeys(propertyId) {
      const rows = await db.selectFrom('property_keys').select(keyColumns).where('property_id', '=', propertyId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toKey);
    },

    revokeOwnerKey: (propertyId, id, now) =>
      writeTransaction(db, dialect, async (tx) => {
        // Two owners revoking the last two full keys at once must not both succeed.
        await lockRow(tx, dialect, 'properties', propertyId);
        const keys = (await tx.selectFrom('property_keys').select(keyColumns).where('property_id', '=', propertyId).execute()).map(toKey);
        const key = keys.find((k) => k.id === id);
        if (!key) return 'not_found';
        if (key.revokedAt) return 'already_revoked';
        if (hasEveryScope(key) && !keys.some((k) => k.id !== id && !k.revokedAt && hasEveryScope(k))) return 'last_full_key';
        await tx.updateTable('property_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
        return 'revoked';
      }),

    async rotateOwnerKey(propertyId, id, keyHash) {
      const result = await db
        .updateTable('property_keys')
        .set({ key_hash: keyHash })
        .where('property_id', '=', propertyId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async touchOwnerKey(id, now) {
      await db.updateTable('property_keys').set({ last_used_at: now }).where('id', '=', id).execute();
    },

    recordCardReveal: (reveal, limit) =>
      writeTransaction(db, dialect, async (tx) => {
        await lockRow(tx, dialect, 'property_keys', reveal.keyId);
        const recent = await tx
          .selectFrom('card_reveals')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('key_id', '=', reveal.keyId)
          .where('revealed_at', '>', limit.since)
          .executeTakeFirstOrThrow();
        if (Number(recent.n) >= limit.max) return false;
        await tx
          .insertInto('card_reveals')
          .values({
            id: newId('rev'),
            booking_id: reveal.bookingId,
            property_id: reveal.propertyId,
            key_id: reveal.keyId,
            key_name: reveal.keyName,
            key_fingerprint: reveal.keyFingerprint,
            reason: reveal.reason,
            ip: reveal.ip,
            user_agent: reveal.userAgent,
            revealed_at: reveal.at,
          })
          .execute();
        return true;
      }),

    async cardReveals(bookingId) {
      const rows = await db.selectFrom('card_reveals').selectAll().where('booking_id', '=', bookingId).orderBy('revealed_at').orderBy('id').execute();
      return rows.map((r) => ({ keyId: r.key_id, keyName: r.key_name, keyFingerprint: r.key_fingerprint, reason: r.reason, ip: r.ip, userAgent: r.user_agent, at: r.revealed_at }));
    },
  };
}
