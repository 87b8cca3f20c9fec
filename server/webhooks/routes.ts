// SPEC 2.18: /api/v1/properties/:pid/webhooks (owner, `bookings` scope: an endpoint receives the
// owner's view of every booking, which that scope already reads). The signing secret is answered
// once, at creation; the URL rule is checked then, and again at every delivery.
import { Hono } from 'hono';
import { WebhookCreateSchema, WebhookDeliveriesQuerySchema, type WebhookView } from '../../shared/schemas/webhook.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { conflict, invalidField, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { checkOutgoingUrl, OutgoingError } from '../outgoing/guarded-fetch.ts';
import { jsonBody, query } from '../validate.ts';
import { newWebhookSecret } from './signature.ts';
import type { DeliveryCursor, WebhookEndpointRecord } from './store.ts';

// Endpoints are few (one per system the owner connects); a bound keeps every booking change's fan-out small.
export const MAX_WEBHOOKS_PER_PROPERTY = 20;

const endpointView = ({ propertyId: _p, secret: _s, ...endpoint }: WebhookEndpointRecord): WebhookView => endpoint;

const encodeCursor = (c: DeliveryCursor) => Buffer.from(`${c.attemptedAt}|${c.id}`).toString('base64url');

function decodeCursor(cursor: string): DeliveryCursor {
  const [attemptedAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!attemptedAt || !id || rest.length > 0) throw invalidField('cursor', 'Expected the nextCursor of a previous page');
  return { attemptedAt, id };
}

export function webhooks(deps: AppDeps) {
  const { store } = deps;
  const find = async (propertyId: string, id: string) => (await store.webhooks.getEndpoint(propertyId, id)) ?? Promise.reject(notFound('Webhook'));

  return new Hono<AppEnv>()
    .post('/', jsonBody(WebhookCreateSchema), async (c) => {
      const propertyId = c.get('property').id;
      const { url, events, description } = c.req.valid('json');
      try {
        await checkOutgoingUrl(url, { allowPrivate: deps.config.allowPrivateUrls ?? false });
      } catch (error) {
        if (error instanceof OutgoingError) throw invalidField('url', error.message);
        throw error;
      }
      if ((await store.webhooks.listEndpoints(propertyId)).length >= MAX_WEBHOOKS_PER_PROPERTY) {
        throw conflict('limit_reached', `A property can have at most ${MAX_WEBHOOKS_PER_PROPERTY} webhook endpoints; delete some first`);
      }
      const secret = newWebhookSecret();
      const id = newId('wh');
      await store.webhooks.createEndpoint({ id, propertyId, url, events: events ?? null, description: description ?? null, secret, createdAt: deps.clock().toISOString() });
      return c.json({ webhook: endpointView(await find(propertyId, id)), secret }, 201);
    })
    .get('/', async (c) => c.json({ webhooks: (await store.webhooks.listEndpoints(c.get('property').id)).map(endpointView) }))
    .delete('/:id', async (c) => {
      if (!(await store.webhooks.deleteEndpoint(c.get('property').id, c.req.param('id')))) throw notFound('Webhook');
      return c.body(null, 204);
    })
    .get('/:id/deliveries', query(WebhookDeliveriesQuerySchema), async (c) => {
      const endpoint = await find(c.get('property').id, c.req.param('id'));
      const { limit, cursor } = c.req.valid('query');
      const deliveries = await store.webhooks.deliveries(endpoint.id, { limit, ...(cursor ? { after: decodeCursor(cursor) } : {}) });
      const last = deliveries.at(-1);
      return c.json({ deliveries, nextCursor: deliveries.length === limit && last ? encodeCursor(last) : null });
    });
}
