// SPEC 2.18: owner webhooks. An endpoint subscribes to some or all of the events below; its signing
// secret (`whsec_…`) is answered once, when it is created.
import * as v from 'valibot';
import { BookingSchema } from './stay.ts';

export const WEBHOOK_EVENTS = [
  'booking.held',
  'booking.confirmed',
  'booking.cancelled',
  'booking.expired',
  'payment.succeeded',
  'payment.refunded',
  'balance.charged',
  'balance.failed',
] as const;

export const WebhookEventTypeSchema = v.picklist(WEBHOOK_EVENTS, `Expected one of ${WEBHOOK_EVENTS.join(', ')}`);
export type WebhookEventType = v.InferOutput<typeof WebhookEventTypeSchema>;

export const WebhookCreateSchema = v.object({
  // The scheme and address rules of SPEC 2.18 need DNS, so the server checks them after this.
  url: v.pipe(v.string(), v.trim(), v.maxLength(2000, 'At most 2000 characters'), v.url('Expected a URL')),
  /** Absent: every event, including ones added later. */
  events: v.optional(
    v.pipe(
      v.array(WebhookEventTypeSchema),
      v.minLength(1, 'Name at least one event, or leave events out for all of them'),
      v.transform((events) => WEBHOOK_EVENTS.filter((e) => events.includes(e))),
    ),
  ),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500))),
});
export type WebhookCreate = v.InferOutput<typeof WebhookCreateSchema>;

export const WebhookSchema = v.object({
  id: v.string(),
  url: v.string(),
  /** Null: every event. */
  events: v.nullable(v.array(WebhookEventTypeSchema)),
  description: v.nullable(v.string()),
  /** `disabled` after failing every delivery for 3 days; create a new endpoint to start again. */
  status: v.picklist(['active', 'disabled']),
  createdAt: v.string(),
  /** When the current run of failed deliveries began; null while deliveries succeed. */
  failingSince: v.nullable(v.string()),
  disabledAt: v.nullable(v.string()),
});
export type WebhookView = v.InferOutput<typeof WebhookSchema>;

export const WebhookCreatedSchema = v.object({ webhook: WebhookSchema, secret: v.string() });

export const WebhookDeliverySchema = v.object({
  id: v.string(),
  /** The event's `webhook-id`: the same on every attempt, so receivers can drop duplicates. */
  webhookId: v.string(),
  eventType: WebhookEventTypeSchema,
  bookingId: v.string(),
  /** 1 for the first try of this event. */
  attempt: v.number(),
  /** The receiver's HTTP status; null when no answer came (refused, timeout, forbidden address). */
  statusCode: v.nullable(v.number()),
  error: v.nullable(v.string()),
  durationMs: v.number(),
  attemptedAt: v.string(),
});
export type WebhookDelivery = v.InferOutput<typeof WebhookDeliverySchema>;

export const WebhookDeliveriesQuerySchema = v.object({
  limit: v.optional(v.pipe(v.string(), v.toNumber(), v.integer('Expected a whole number'), v.minValue(1), v.maxValue(100)), '50'),
  /** The `nextCursor` of the previous page. */
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

export const WebhookDeliveriesSchema = v.object({ deliveries: v.array(WebhookDeliverySchema), nextCursor: v.nullable(v.string()) });

/** The JSON body of every delivery. */
export const WebhookEventSchema = v.object({ type: WebhookEventTypeSchema, timestamp: v.string(), data: v.object({ booking: BookingSchema }) });
