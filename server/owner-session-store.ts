// SPEC 2.23: the owner console's sessions. A row per signed-in browser, found by the SHA-256 of
// its cookie (the cookie itself is never stored), tied to the key it was opened with by that key's
// hash: rotating or revoking the key ends its sessions without touching this table.
import type { Kysely } from 'kysely';
import type { Database } from './store/schema.ts';

export interface OwnerSessionsTable {
  id_hash: string;
  property_id: string;
  key_hash: string;
  csrf_token: string;
  expires_at: string;
  created_at: string;
}

export interface OwnerSession {
  propertyId: string;
  keyHash: string;
  csrfToken: string;
  expiresAt: string;
}

export interface OwnerSessionStore {
  /** Opens a session and forgets the ones that ran out before `now`. */
  create(idHash: string, session: OwnerSession, now: string): Promise<void>;
  /** The session, unless it ran out at or before `now` or was ended. */
  find(idHash: string, now: string): Promise<OwnerSession | undefined>;
  end(idHash: string): Promise<void>;
}

// The table is this file's alone, so its type stays here rather than in the shared schema.
export function ownerSessionStore(db: Kysely<Database>): OwnerSessionStore {
  const sessions = db.withTables<{ owner_sessions: OwnerSessionsTable }>();
  return {
    async create(idHash, s, now) {
      await sessions.deleteFrom('owner_sessions').where('expires_at', '<=', now).execute();
      await sessions
        .insertInto('owner_sessions')
        .values({ id_hash: idHash, property_id: s.propertyId, key_hash: s.keyHash, csrf_token: s.csrfToken, expires_at: s.expiresAt, created_at: now })
        .execute();
    },
    async find(idHash, now) {
      const row = await sessions.selectFrom('owner_sessions').selectAll().where('id_hash', '=', idHash).where('expires_at', '>', now).executeTakeFirst();
      return row && { propertyId: row.property_id, keyHash: row.key_hash, csrfToken: row.csrf_token, expiresAt: row.expires_at };
    },
    async end(idHash) {
      await sessions.deleteFrom('owner_sessions').where('id_hash', '=', idHash).execute();
    },
  };
}
