// SPEC 2.23: the owner console's session. Signing in with a property key opens a server-side
// session (server/owner-session-store.ts) named by a random cookie; the owner API then takes that
// cookie in place of `Authorization: Bearer`, with the key's scopes, and every write made with it
// must carry the session's CSRF token in `X-CSRF-Token`.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps } from './app-env.ts';
import { ApiError } from './errors.ts';
import { sha256 } from './ids.ts';
import type { OwnerSession } from './owner-session-store.ts';

export const SESSION_HOURS = 12;
/** Sent as `__Host-owner_session`: the prefix makes the browser insist on Secure, Path=/ and no Domain. */
const COOKIE = 'owner_session';
export const CSRF_HEADER = 'X-CSRF-Token';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Opens a session for the key with hash `keyHash` and sets its cookie; answers the CSRF token the console sends with writes. */
export async function openSession(deps: AppDeps, c: Context, propertyId: string, keyHash: string): Promise<OwnerSession> {
  const id = randomBytes(32).toString('base64url');
  const now = deps.clock();
  const session: OwnerSession = {
    propertyId,
    keyHash,
    csrfToken: randomBytes(24).toString('base64url'),
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
  };
  await deps.store.ownerSessions.create(sha256(id), session, now.toISOString());
  // Chromium and Firefox treat http://localhost and 127.0.0.1 as secure, so Secure works in development too.
  setCookie(c, COOKIE, id, { prefix: 'host', httpOnly: true, secure: true, sameSite: 'Strict', path: '/', maxAge: SESSION_HOURS * 3600 });
  return session;
}

/** The session the request's cookie names, if it is still open; undefined without a cookie. */
export async function currentSession(deps: AppDeps, c: Context): Promise<OwnerSession | undefined> {
  const id = getCookie(c, COOKIE, 'host');
  if (!id) return undefined;
  return deps.store.ownerSessions.find(sha256(id), deps.clock().toISOString());
}

export async function closeSession(deps: AppDeps, c: Context): Promise<void> {
  const id = getCookie(c, COOKIE, 'host');
  if (id) await deps.store.ownerSessions.end(sha256(id));
  deleteCookie(c, COOKIE, { prefix: 'host', secure: true, path: '/' });
}

/** A cookie is sent by the browser whoever made the page; the token proves the console made the write. */
export function requireCsrf(c: Context, session: OwnerSession): void {
  if (READS.has(c.req.method)) return;
  const given = Buffer.from(c.req.header(CSRF_HEADER) ?? '');
  const expected = Buffer.from(session.csrfToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(403, 'csrf', `Writes made with the console's session need its token in ${CSRF_HEADER}`);
  }
}

/** For the owner API: the hash of the key the session was opened with, after the CSRF check; undefined without a live session. */
export async function sessionKeyHash(deps: AppDeps, c: Context): Promise<string | undefined> {
  const session = await currentSession(deps, c);
  if (!session) return undefined;
  requireCsrf(c, session);
  return session.keyHash;
}
