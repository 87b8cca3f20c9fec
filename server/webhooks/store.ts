// SPEC 2.18: owners' webhook endpoints, the delivery log, and `announce`, which turns one booking
// change into one `webhook` job per subscribed endpoint.
import { createHash } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { WebhookDelivery, WebhookEventType } from '../../shared/schemas/webhook.ts';
import { toBooking, writeTransaction } from '../store/booking-store.ts';
import { insertJob } from '../store/job-queue-store.ts';
import type { Database, WebhookEndpointsTable } from '../store/schema.ts';
import { ownerBookingView } from '../views.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const WEBHOOK_JOB = 'webhook';

export interface WebhookEndpointRecord {
  id: string;
  propertyId: string;
  url: string;
  /** Null: every event. */
  events: WebhookEventType[] | null;
  description: string | null;
  secret: string;
  status: 'active' | 'disabled';
  createdAt: string;
  failingSince: string | null;
  disabledAt: string | null;
}

export type NewWebhookEndpoint = Pick<WebhookEndpointRecord, 'id' | 'propertyId' | 'url' | 'events' | 'description' | 'secret' | 'createdAt'>;

/** One event for one endpoint: what the `webhook` job carries, the body already serialised so every attempt signs the same bytes. */
export interface WebhookJobPayload {
  endpointId: string;
  eventId: string;
  type: WebhookEventType;
  bookingId: string;
  body: string;
}

export interface BookingEvent {
  type: WebhookEventType;
  bookingId: string;
  /** Tells apart events of one type that may happen more than once to a booking (a refund's id, an intent's id, an attempt). */
  occurrence?: string;
}

/** Where a page of the delivery log starts: after this attempt, newest first. */
export interface DeliveryCursor {
  attemptedAt: string;
  id: string;
}

export interface WebhookStore {
  createEndpoint(endpoint: NewWebhookEndpoint): Promise<void>;
  listEndpoints(propertyId: string): Promise<WebhookEndpointRecord[]>;
  getEndpoint(propertyId: string, id: string): Promise<WebhookEndpointRecord | undefined>;
  endpointById(id: string): Promise<WebhookEndpointRecord | undefined>;
  /** Removes the endpoint and its log; its queued deliveries find it gone and send nothing. False when unknown. */
  deleteEndpoint(propertyId: string, id: string): Promise<boolean>;
  recordDelivery(delivery: WebhookDelivery & { endpointId: string }): Promise<void>;
  deliveries(endpointId: string, page: { limit: number; after?: DeliveryCursor }): Promise<WebhookDelivery[]>;
  /** Deletes the attempts logged before `attemptedBefore`, of every endpoint; returns how many. */
  pruneDeliveries(attemptedBefore: Date): Promise<number>;
  /** A 2xx: the endpoint is no longer failing. */
  deliverySucceeded(endpointId: string): Promise<void>;
  /** Returns since when the endpoint has been failing, this failure included. */
  deliveryFailed(endpointId: string, now: string): Promise<string | undefined>;
  /** True for the one call that disabled it, so the owner is told once. */
  disableEndpoint(endpointId: string, now: string): Promise<boolean>;
  /** `announce` for a change already committed (a use case's own event, such as a balance charge). */
  announce(event: BookingEvent, now: string): Promise<number>;
}

/**
 * The same event always gets the same id, so announcing it again (a retried use case) enqueues
 * nothing new: the job key repeats. Receivers dedupe on it as the Standard Webhooks `webhook-id`.
 */
export function eventIdFor(event: BookingEvent): string {
  const digest = createHash('sha256')
    .update(`${event.type}|${event.bookingId}|${event.occurrence ?? ''}`)
    .digest('base64url');
  return `msg_${digest.slice(0, 27)}`;
}

/**
 * Enqueues the event for every active endpoint of the booking's property that takes it. Call it
 * with the transaction of the change, so the delivery exists exactly when the change committed,
 * and in the order the booking's row lock put the changes in. Returns how many were enqueued.
 */
export async function announce(tx: Db, event: BookingEvent, now: string): Promise<number> {
  const endpoints = await tx
    .selectFrom('webhook_endpoints')
    .select(['id', 'events'])
    .where('property_id', '=', (eb) => eb.selectFrom('bookings').select('property_id').where('id', '=', event.bookingId))
    .where('status', '=', 'active')
    .execute();
  const subscribed = endpoints.filter((e) => e.events === null || (JSON.parse(e.events) as string[]).includes(event.type));
  if (subscribed.length === 0) return 0;
  const row = await tx.selectFrom('bookings').selectAll().where('id', '=', event.bookingId).executeTakeFirstOrThrow();
  const eventId = eventIdFor(event);
  const body = JSON.stringify({ type: event.type, timestamp: now, data: { booking: ownerBookingView(toBooking(row)) } });
  for (const endpoint of subscribed) {
    const payload: WebhookJobPayload = { endpointId: endpoint.id, eventId, type: event.type, bookingId: event.bookingId, body };
    // SPEC 2.18: in order per booking; one booking's failing deliveries never hold back another's.
    await insertJob(tx, { kind: WEBHOOK_JOB, key: `webhook:${endpoint.id}:${eventId}`, payload, orderingKey: `webhook:${endpoint.id}:${event.bookingId}` }, new Date(now));
  }
  return subscribed.length;
}

function toEndpoint(row: Selectable<WebhookEndpointsTable>): WebhookEndpointRecord {
  return {
    id: row.id,
    propertyId: row.property_id,
    url: row.url,
    events: row.events === null ? null : (JSON.parse(row.events) as WebhookEventType[]),
    description: row.description,
    secret: row.secret,
    status: row.status as WebhookEndpointRecord['status'],
    createdAt: row.created_at,
    failingSince: row.failing_since,
    disabledAt: row.disabled_at,
  };
}

export function webhookStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): WebhookStore {
  return {
    async createEndpoint(e) {
      await db
        .insertInto('webhook_endpoints')
        .values({
          id: e.id,
          property_id: e.propertyId,
          url: e.url,
          events: e.events === null ? null : JSON.stringify(e.events),
          description: e.description,
          secret: e.secret,
          status: 'active',
          created_at: e.createdAt,
          failing_since: null,
          disabled_at: null,
        })
        .execute();
    },

    async listEndpoints(propertyId) {
      const rows = await db.selectFrom('webhook_endpoints').selectAll().where('property_id', '=', propertyId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toEndpoint);
    },

    async getEndpoint(propertyId, id) {
      const row = await db.selectFrom('webhook_endpoints').selectAll().where('property_id', '=', propertyId).where('id', '=', id).executeTakeFirst();
      return row && toEndpoint(row);
    },

    async endpointById(id) {
      const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toEndpoint(row);
    },

    async deleteEndpoint(propertyId, id) {
      return writeTransaction(db, dialect, async (tx) => {
        const result = await tx.deleteFrom('webhook_endpoints').where('property_id', '=', propertyId).where('id', '=', id).executeTakeFirst();
        if (Number(result.numDeletedRows) !== 1) return false;
        await tx.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
        return true;
      });
    },

    async recordDelivery(d) {
      await db
        .insertInto('webhook_deliveries')
        .values({
          id: d.id,
          endpoint_id: d.endpointId,
          event_id: d.webhookId,
          event_type: d.eventType,
          booking_id: d.bookingId,
          attempt: d.attempt,
          status_code: d.statusCode,
          error: d.error,
          duration_ms: d.durationMs,
          attempted_at: d.attemptedAt,
        })
        .execute();
    },

    async deliveries(endpointId, { limit, after }) {
      let query = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId);
      if (after) query = query.where((eb) => eb.or([eb('attempted_at', '<', after.attemptedAt), eb.and([eb('attempted_at', '=', after.attemptedAt), eb('id', '<', after.id)])]));
      const rows = await query.orderBy('attempted_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        webhookId: r.event_id,
        eventType: r.event_type as WebhookEventType,
        bookingId: r.booking_id,
        attempt: r.attempt,
        statusCode: r.status_code,
        error: r.error,
        durationMs: r.duration_ms,
        attemptedAt: r.attempted_at,
      }));
    },

    async pruneDeliveries(attemptedBefore) {
      const result = await db.deleteFrom('webhook_deliveries').where('attempted_at', '<', attemptedBefore.toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async deliverySucceeded(endpointId) {
      await db.updateTable('webhook_endpoints').set({ failing_since: null }).where('id', '=', endpointId).where('failing_since', 'is not', null).execute();
    },

    async deliveryFailed(endpointId, now) {
      await db.updateTable('webhook_endpoints').set({ failing_since: now }).where('id', '=', endpointId).where('failing_since', 'is', null).execute();
      const row = await db.selectFrom('webhook_endpoints').select('failing_since').where('id', '=', endpointId).executeTakeFirst();
      return row?.failing_since ?? undefined;
    },

    async disableEndpoint(endpointId, now) {
      const result = await db.updateTable('webhook_endpoints').set({ status: 'disabled', disabled_at: now }).where('id', '=', endpointId).where('status', '=', 'active').executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async announce(event, now) {
      return writeTransaction(db, dialect, (tx) => announce(tx, event, now));
    },
  };
}
