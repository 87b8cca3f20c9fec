// SPEC 2.23: signing in to the owner console with a property key, reading the session back after
// a reload, and signing out. Under /owner/api, same origin as the console only (no CORS).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import type { AppDeps } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import { propertyIdOfKey, sha256 } from '../ids.ts';
import { closeSession, currentSession, openSession, requireCsrf } from '../owner-session.ts';
import { noStore } from '../security-headers.ts';
import { jsonBody, requireJson } from '../validate.ts';

const SignInSchema = v.object({ key: v.pipe(v.string(), v.trim(), v.minLength(1, 'Paste the property key'), v.maxLength(200)) });

const signedOut = () => new ApiError(401, 'unauthorized', 'Sign in with a property key');

export function ownerSession(deps: AppDeps) {
  return new Hono()
    .use(noStore)
    .post(
      '/',
      bodyLimit({
        maxSize: 4096,
        onError: () => {
          throw new ApiError(413, 'payload_too_large', 'A sign-in is a key and no more');
        },
      }),
      requireJson,
      jsonBody(SignInSchema),
      async (c) => {
        const { key: secret } = c.req.valid('json');
        const keyHash = sha256(secret);
        const found = propertyIdOfKey(secret) ? await deps.store.ownerKeyByHash(keyHash) : undefined;
        if (!found || found.key.revokedAt) throw new ApiError(401, 'unauthorized', 'This key is not valid: check it was copied whole, or ask for a new one');
        const session = await openSession(deps, c, found.property.id, keyHash);
        return c.json({ propertyId: session.propertyId, csrfToken: session.csrfToken }, 201);
      },
    )
    .get('/', async (c) => {
      const session = await currentSession(deps, c);
      if (!session) throw signedOut();
      return c.json({ propertyId: session.propertyId, csrfToken: session.csrfToken });
    })
    .delete('/', async (c) => {
      const session = await currentSession(deps, c);
      if (!session) throw signedOut();
      requireCsrf(c, session);
      await closeSession(deps, c);
      return c.body(null, 204);
    });
}
