// GET /api/v1/openapi.json and GET /api/v1/docs: the API described from the same valibot schemas it validates with.
import { toJsonSchema } from '@valibot/to-json-schema';
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import * as v from 'valibot';
import { staticPageSecurity } from '../security-headers.ts';
import { CardSubmissionSchema } from '../../shared/card.ts';
import { CalendarCreateSchema, CalendarSchema as ImportedCalendarSchema, CalendarSyncSchema, IcalFeedSchema } from '../../shared/schemas/calendar.ts';
import { BookingListQuerySchema, CancelBookingSchema } from '../../shared/schemas/stay.ts';
import { ErrorBodySchema } from '../../shared/schemas/common.ts';
import { PublicPropertyAnswerSchema } from '../../shared/schemas/embed.ts';
import { RecordedPaymentSchema, RecordPaymentSchema } from '../../shared/schemas/recorded-payment.ts';
import { describeFields, exampleOf, tidySchema } from '../openapi/schema.ts';
import { ExtraCreateSchema, ExtraPatchSchema, ExtraSchema } from '../../shared/schemas/extra.ts';
import { PromotionCreateSchema, PromotionListSchema, PromotionPatchSchema, PromotionViewSchema } from '../../shared/schemas/promotion.ts';
import { SettlementQuerySchema, SettlementReportSchema } from '../../shared/schemas/settlement.ts';
import { WebhookCreatedSchema, WebhookCreateSchema, WebhookDeliveriesQuerySchema, WebhookDeliveriesSchema, WebhookSchema } from '../../shared/schemas/webhook.ts';
import { CardRevealAuditSchema, CardRevealRequestSchema, KeyCreateSchema, KeyIssuedSchema, OwnerKeySchema } from '../../shared/schemas/owner-key.ts';
import { scopesFor } from '../auth.ts';
import { ClosuresSchema, PropertyCreateSchema, PropertyCreatedSchema, PropertyPatchSchema, PropertySchema } from '../../shared/schemas/property.ts';
import { HolidaysQuerySchema, HolidaysSchema } from '../../shared/schemas/holidays.ts';
import { EffectivePricesSchema, PriceOverridesSchema, PricesQuerySchema, PricesUpdatedSchema } from '../../shared/schemas/prices.ts';
import { EffectiveRestrictionsSchema, RestrictionsQuerySchema, RestrictionsUpdateSchema, RestrictionsUpdatedSchema } from '../../shared/schemas/restrictions.ts';
import { RateCreateSchema, RatePatchSchema, RateSchema, RateWithWarningsSchema } from '../../shared/schemas/rate.ts';
import { RoomTypeCreateSchema, RoomTypePatchSchema, RoomTypeSchema } from '../../shared/schemas/room-type.ts';
import {
  AvailabilityQuerySchema,
  AvailabilitySchema,
  BookingCreatedSchema,
  BookingRequestSchema,
  BookingViewSchema,
  CalendarQuerySchema,
  CalendarSchema,
  GuestBookingViewSchema,
  GuestCancelledSchema,
  GuestCancelRequestSchema,
  BalancePaymentSchema,
  BookingSchema,
  QuoteRequestSchema,
  QuoteSchema,
} from '../../shared/schemas/stay.ts';

type Auth = 'admin' | 'owner' | 'public' | 'client';

interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  auth: Auth;
  query?: v.GenericSchema;
  body?: v.GenericSchema;
  response?: v.GenericSchema;
  /** Also answers `text/csv` (with `format=csv`), described here. */
  csv?: string;
  status?: number;
}

const P = '/api/v1/properties/{pid}';
const PUB = '/api/v1/public/properties/{pid}';

export const ROUTES: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/v1/properties',
    summary: 'Create a property; its secret key is returned once',
    auth: 'admin',
    body: PropertyCreateSchema,
    response: PropertyCreatedSchema,
    status: 201,
  },
  { method: 'get', path: P, summary: 'Read the property', auth: 'owner', response: PropertySchema },
  { method: 'patch', path: P, summary: 'Change the property', auth: 'owner', body: PropertyPatchSchema, response: PropertySchema },
  { method: 'post', path: `${P}/room-types`, summary: 'Create a room type', auth: 'owner', body: RoomTypeCreateSchema, response: RoomTypeSchema, status: 201 },
  { method: 'get', path: `${P}/room-types`, summary: 'List room types', auth: 'owner' },
  { method: 'get', path: `${P}/room-types/{id}`, summary: 'Read a room type', auth: 'owner', response: RoomTypeSchema },
  { method: 'patch', path: `${P}/room-types/{id}`, summary: 'Change a room type', auth: 'owner', body: RoomTypePatchSchema, response: RoomTypeSchema },
  { method: 'delete', path: `${P}/room-types/{id}`, summary: 'Archive a room type and its rates', auth: 'owner', status: 204 },
  {
    method: 'post',
    path: `${P}/rates`,
    summary:
      'Create a rate with its deposit policy: for one room type (roomTypeId + nightlyPrice) or a plan of several (roomTypes, each with its price; caps count across them), or derived from a parent (derivedFrom; prices follow the parent, 409 parent_is_derived)',
    auth: 'owner',
    body: RateCreateSchema,
    response: RateWithWarningsSchema,
    status: 201,
  },
  { method: 'get', path: `${P}/rates`, summary: 'List rates', auth: 'owner' },
  { method: 'get', path: `${P}/rates/{id}`, summary: 'Read a rate', auth: 'owner', response: RateSchema },
  {
    method: 'patch',
    path: `${P}/rates/{id}`,
    summary: 'Change a rate; a plan of several room types changes them through roomTypes. 409 derivation_fixed, 409 rate_has_derived_rates when derived rates cover a room type it drops',
    auth: 'owner',
    body: RatePatchSchema,
    response: RateWithWarningsSchema,
  },
  { method: 'delete', path: `${P}/rates/{id}`, summary: 'Archive a rate (409 rate_has_derived_rates while live rates derive from it)', auth: 'owner', status: 204 },
  {
    method: 'put',
    path: `${P}/rates/{id}/prices`,
    summary:
      'Set prices by date range (from..to inclusive; to left out: every night from `from` on), optionally for some weekdays only (0 = Sunday); merged by date with the stored prices. Each entry names its roomTypeId where the rate covers several; 409 derived_rate_has_no_prices on a derived rate',
    auth: 'owner',
    body: PriceOverridesSchema,
    response: PricesUpdatedSchema,
  },
  {
    method: 'get',
    path: `${P}/rates/{id}/prices`,
    summary:
      "Every night's effective price from..to (inclusive, at most three years) and its source: default, weekday or date (a derived rate: its parent's, adjusted); roomTypeId where the rate covers several",
    auth: 'owner',
    query: PricesQuerySchema,
    response: EffectivePricesSchema,
  },
  {
    method: 'put',
    path: `${P}/rates/{id}/restrictions`,
    summary:
      'Set restrictions by date range (from..to inclusive; to left out: every date from `from` on), optionally for some weekdays only (0 = Sunday): minNights/maxNights for stays arriving that night (instead of the rate’s own), closedToArrival, closedToDeparture. Merged by date and rule with the stored ones: the later entry wins on the dates it covers; at most 200 per rate',
    auth: 'owner',
    body: RestrictionsUpdateSchema,
    response: RestrictionsUpdatedSchema,
  },
  {
    method: 'get',
    path: `${P}/rates/{id}/restrictions`,
    summary: "Every date's effective restriction from..to (inclusive, at most three years); minNights/maxNights fall back to the rate's own",
    auth: 'owner',
    query: RestrictionsQuerySchema,
    response: EffectiveRestrictionsSchema,
  },
  { method: 'post', path: `${P}/extras`, summary: 'Create an extra', auth: 'owner', body: ExtraCreateSchema, response: ExtraSchema, status: 201 },
  { method: 'get', path: `${P}/extras`, summary: 'List extras', auth: 'owner' },
  { method: 'get', path: `${P}/extras/{id}`, summary: 'Read an extra', auth: 'owner', response: ExtraSchema },
  { method: 'patch', path: `${P}/extras/{id}`, summary: 'Change an extra', auth: 'owner', body: ExtraPatchSchema, response: ExtraSchema },
  { method: 'delete', path: `${P}/extras/{id}`, summary: 'Archive an extra', auth: 'owner', status: 204 },
  {
    method: 'post',
    path: `${P}/promotions`,
    summary: 'Create a promotion code (unique per property whatever its case; a duplicate is 400 duplicate_code on code)',
    auth: 'owner',
    body: PromotionCreateSchema,
    response: PromotionViewSchema,
    status: 201,
  },
  { method: 'get', path: `${P}/promotions`, summary: 'List promotions with their uses', auth: 'owner', response: PromotionListSchema },
  { method: 'get', path: `${P}/promotions/{id}`, summary: 'Read a promotion', auth: 'owner', response: PromotionViewSchema },
  { method: 'patch', path: `${P}/promotions/{id}`, summary: 'Change a promotion (null clears an optional field)', auth: 'owner', body: PromotionPatchSchema, response: PromotionViewSchema },
  { method: 'delete', path: `${P}/promotions/{id}`, summary: 'Delete a promotion', auth: 'owner', status: 204 },
  { method: 'get', path: `${P}/closures`, summary: 'Read closed days', auth: 'owner', response: ClosuresSchema },
  {
    method: 'put',
    path: `${P}/closures`,
    summary: 'Set weekly closed days, public holidays (openHolidays: the ones kept open) and closed dates',
    auth: 'owner',
    body: ClosuresSchema,
    response: ClosuresSchema,
  },
  {
    method: 'get',
    path: `${P}/holidays`,
    summary: "The country's public holidays of `year`, or of the coming 12 months, and whether each is kept open",
    auth: 'owner',
    query: HolidaysQuerySchema,
    response: HolidaysSchema,
  },
  {
    method: 'get',
    path: `${P}/bookings`,
    summary: 'List bookings: stays with a night from ?from to ?to (inclusive), ?status as of now (a hold past its expiresAt is expired), ?q a reference, name or e-mail',
    auth: 'owner',
    query: BookingListQuerySchema,
    response: v.object({ bookings: v.array(BookingSchema) }),
  },
  {
    method: 'get',
    path: `${P}/bookings/{id}`,
    summary: 'Read a booking, with the balance payments recorded on it',
    auth: 'owner',
    response: v.object({ booking: BookingSchema, payments: v.array(RecordedPaymentSchema) }),
  },
  {
    method: 'post',
    path: `${P}/bookings/{id}/payments`,
    summary:
      'Record a balance payment taken outside directbook (SPEC 2.23): amountPaid rises, balanceDue falls, balanceStatus is paid once nothing is left; announced as payment.succeeded. 409 not_confirmed, 409 over_balance',
    auth: 'owner',
    body: RecordPaymentSchema,
    response: v.object({ booking: BookingSchema, payment: RecordedPaymentSchema }),
    status: 201,
  },
  {
    method: 'post',
    path: `${P}/bookings/{id}/cancel`,
    summary:
      "Cancel the booking (units released) or only its payment (any state, a cancelled booking's too). refund: 'policy' (the booking's default: the rate's cancellation policy at this instant, on the property's calendar), 'full' (the payment's default), 'none' or {amount} (400 naming refund.amount above what was paid less refunded); true/false still mean 'full'/'none'. Manual mode records the refund as refundOwed. → {booking, refunded, refundPending?, refundPendingBy?}. Ending the booking stands whatever Stripe answers, as a guest's cancellation does: refundPending names what Stripe did not take, retried while Stripe is unreachable (refundPendingBy stripe) or left to the owner when Stripe refused it (property). Refunding the payment alone is 503 while Stripe is unreachable, to retry",
    auth: 'owner',
    body: CancelBookingSchema,
  },
  {
    method: 'post',
    path: `${P}/bookings/{id}/card/reveal`,
    summary: 'Manual mode: reveal the stored card, saying why (audited; 10 per key per hour, then 429; 409 card_unreadable when its key is not in CARD_VAULT_KEY)',
    auth: 'owner',
    body: CardRevealRequestSchema,
  },
  { method: 'get', path: `${P}/bookings/{id}/card/reveals`, summary: 'Who revealed the card, when, from where and why (no card data)', auth: 'owner', response: CardRevealAuditSchema },
  { method: 'post', path: `${P}/keys`, summary: 'Create a named key with scopes; its secret is returned once', auth: 'owner', body: KeyCreateSchema, response: KeyIssuedSchema, status: 201 },
  {
    method: 'get',
    path: `${P}/keys`,
    summary: 'List the property’s keys, revoked ones included (never their secrets)',
    auth: 'owner',
    response: v.object({ keys: v.array(OwnerKeySchema) }),
  },
  { method: 'delete', path: `${P}/keys/{kid}`, summary: 'Revoke a key (409 last_full_key for the only live key with every scope)', auth: 'owner', status: 204 },
  { method: 'post', path: `${P}/keys/{kid}/rotate`, summary: 'Give the key a new secret, returned once; the old one stops working', auth: 'owner', response: KeyIssuedSchema },
  {
    method: 'post',
    path: `${P}/bookings/{id}/confirmation/resend`,
    summary: 'Send the guest’s confirmation e-mail again, as a new message (SPEC 2.23). 409 not_confirmed unless the booking is confirmed',
    auth: 'owner',
    response: BookingViewSchema,
    status: 202,
  },
  {
    method: 'post',
    path: `${P}/bookings/{id}/deposit-charged`,
    summary: 'Manual mode: the deposit was charged; the card is erased, or with cardRetention until_checkout kept until CARD_PURGE_DAYS after checkout',
    auth: 'owner',
    response: BookingViewSchema,
  },
  {
    method: 'get',
    path: `${P}/reports/settlement`,
    summary:
      'Settlement report (SPEC 2.20): one row per booking with check-in (by=checkIn, the default) or first payment (by=payment) from ?from to ?to inclusive, in the property’s calendar, at most 366 days; collected (deposit + balance), refunded, Stripe’s fee from the charge’s balance transaction (0 in manual mode) and net = collected − refunded − fee, with totals. format=json (default) answers minor units',
    auth: 'owner',
    query: SettlementQuerySchema,
    response: SettlementReportSchema,
    csv: 'format=csv: UTF-8 with a BOM, a header row, one row per booking, a last row of totals; amounts in major units (USD 2 decimals, KRW none) beside a Currency column; text that would start a spreadsheet formula (= + - @) begins with an apostrophe',
  },
  {
    method: 'get',
    path: PUB,
    summary:
      'What the widget needs to show the property, with embedAllowed: true. Answers every origin: to one not in allowedOrigins only {embedAllowed: false} (the other public routes refuse it)',
    auth: 'public',
    response: PublicPropertyAnswerSchema,
  },
  {
    method: 'get',
    path: `${PUB}/calendar`,
    summary: 'Closed and sold-out nights, and prices from, per day from ?from to ?to inclusive (at most 400 days)',
    auth: 'public',
    query: CalendarQuerySchema,
    response: CalendarSchema,
  },
  {
    method: 'get',
    path: `${PUB}/availability`,
    summary: 'Rates with nightly prices and deposits for one room',
    auth: 'public',
    query: AvailabilityQuerySchema,
    response: AvailabilitySchema,
  },
  {
    method: 'post',
    path: `${PUB}/quotes`,
    summary:
      'Price a multi-room stay with extras. A rate that cannot be sold for the stay is 400 with the availability reason as code (min_nights, max_nights, closed_to_arrival, closed_to_departure, closed, arrival_date, not_bookable_now) and rooms.N.rateId in details; 409 sold_out',
    auth: 'public',
    body: QuoteRequestSchema,
    response: QuoteSchema,
  },
  {
    method: 'post',
    path: `${PUB}/bookings`,
    summary:
      'Hold the rooms and start payment (Idempotency-Key honoured). 400 too_many_rooms past the property’s maxRoomsPerBooking, 400 beyond_horizon past its bookingHorizonMonths, 429 too_many_holds (details name client or guest.email), 429 rate_limited',
    auth: 'public',
    body: BookingRequestSchema,
    response: BookingCreatedSchema,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/v1/public/bookings/{id}',
    summary: "Read one's own booking, and what cancelling it now would mean (SPEC 2.16): the policy in words, refundIfCancelledNow, cancellable. A wrong or missing token is 404",
    auth: 'client',
    response: GuestBookingViewSchema,
  },
  {
    method: 'post',
    path: '/api/v1/public/bookings/{id}/cancel',
    summary:
      "Cancel one's own booking (confirmed, or a live hold, up to the day of arrival; the body is optional): the policy's refund at this instant, through Stripe (idempotency key refund:{id}:booking) or in manual mode recorded as refundOwed, and the owner e-mailed. Whatever Stripe answers, the cancellation stands: refundPending names what it did not take (refundPendingBy: stripe or property), which the server retries while Stripe is unreachable (a minute, doubling to an hour apart, for 3 days; then the owner is e-mailed to make it) and leaves to the owner, told in the cancellation e-mail, when Stripe refused it. 409 already_cancelled, 409 booking_final, 409 refund_changed when expectedRefund no longer holds; a wrong or missing token is 404",
    auth: 'client',
    body: GuestCancelRequestSchema,
    response: GuestCancelledSchema,
  },
  {
    method: 'post',
    path: '/api/v1/public/bookings/{id}/card',
    summary: 'Manual mode: store the card encrypted and confirm (a CVC at any depth is a 400 naming its path)',
    auth: 'client',
    body: CardSubmissionSchema,
    response: BookingViewSchema,
  },
  {
    method: 'post',
    path: '/api/v1/public/bookings/{id}/confirm',
    summary: 'Stripe mode: confirm after the intent succeeded; for a confirmed booking, count a balance payment that succeeded (SPEC 2.17)',
    auth: 'client',
    response: BookingViewSchema,
  },
  {
    method: 'post',
    path: '/api/v1/public/bookings/{id}/balance',
    summary:
      "Stripe mode: a PaymentIntent for what is still owed (total less what was paid), on the deposit's customer, for the manage page's Payment Element; counted by the webhook or /confirm. 409 not_confirmed, 409 no_balance_due, 409 not_stripe",
    auth: 'client',
    response: BalancePaymentSchema,
  },
  { method: 'get', path: '/api/v1/openapi.json', summary: 'This document (OpenAPI 3.0)', auth: 'public' },
  { method: 'get', path: '/api/v1/docs', summary: 'This reference as a web page', auth: 'public' },
  { method: 'post', path: '/api/v1/stripe/webhook', summary: 'Stripe events, verified with the signing secret on the raw body', auth: 'public' },
  { method: 'get', path: `${P}/room-types/{id}/ical`, summary: 'The secret URL of the room type’s availability feed for other channels', auth: 'owner', response: IcalFeedSchema },
  {
    method: 'get',
    path: '/ical/{roomTypeId}/{file}',
    summary: 'The iCalendar feed itself ({file} is <token>.ics): one all-day event per run of nights with no free unit (sold, held, imported or closed), 18 months ahead',
    auth: 'public',
  },
  { method: 'post', path: `${P}/room-types/{id}/ical/rotate`, summary: 'Replace the feed’s secret; the old URL stops working', auth: 'owner', response: IcalFeedSchema },
  {
    method: 'post',
    path: `${P}/room-types/{id}/calendars`,
    summary: 'Import another channel’s calendar (https; synced now and every ICAL_SYNC_MINUTES)',
    auth: 'owner',
    body: CalendarCreateSchema,
    response: v.object({ calendar: ImportedCalendarSchema, sync: v.unknown() }),
    status: 201,
  },
  {
    method: 'get',
    path: `${P}/room-types/{id}/calendars`,
    summary: 'List imported calendars with last sync, error, counts and conflicts',
    auth: 'owner',
    response: v.object({ calendars: v.array(ImportedCalendarSchema) }),
  },
  { method: 'get', path: `${P}/room-types/{id}/calendars/{cid}`, summary: 'Read one imported calendar’s record', auth: 'owner', response: v.object({ calendar: ImportedCalendarSchema }) },
  { method: 'delete', path: `${P}/room-types/{id}/calendars/{cid}`, summary: 'Remove an imported calendar and give back the nights it held', auth: 'owner', status: 204 },
  { method: 'post', path: `${P}/room-types/{id}/calendars/{cid}/sync`, summary: 'Fetch and apply the calendar now', auth: 'owner', response: CalendarSyncSchema },
  {
    method: 'post',
    path: `${P}/webhooks`,
    summary:
      'Register a webhook endpoint (SPEC 2.18) for events (default: all) booking.held, booking.confirmed, booking.cancelled, booking.expired, payment.succeeded, payment.refunded, balance.charged, balance.failed. The URL must be https (loopback only with ALLOW_PRIVATE_URLS; private addresses never, checked again after DNS at every delivery; 400 naming url). Its signing secret whsec_… is returned once. Each delivery is a POST of {type, timestamp, data: {booking}} (the owner’s booking view) signed per Standard Webhooks: webhook-id (the event’s id, the same on every attempt: dedupe on it), webhook-timestamp, webhook-signature v1,<base64 HMAC-SHA256 of "id.timestamp.body">. 2xx within 10 s is delivered; anything else (redirects included) is retried, 1 min doubling to 4 h apart, for 3 days, in order per booking; an endpoint whose deliveries all fail for 3 days is disabled and the owner e-mailed. At most 20 per property (409 limit_reached)',
    auth: 'owner',
    body: WebhookCreateSchema,
    response: WebhookCreatedSchema,
    status: 201,
  },
  {
    method: 'get',
    path: `${P}/webhooks`,
    summary: 'List webhook endpoints with their status (never their secrets)',
    auth: 'owner',
    response: v.object({ webhooks: v.array(WebhookSchema) }),
  },
  { method: 'delete', path: `${P}/webhooks/{id}`, summary: 'Delete a webhook endpoint and its delivery log; deliveries already queued are not sent', auth: 'owner', status: 204 },
  {
    method: 'get',
    path: `${P}/webhooks/{id}/deliveries`,
    summary:
      'The delivery log, newest first: every attempt with its event type, webhook-id, attempt number, status code or error, duration and time. Pages of ?limit (default 50, at most 100); pass nextCursor as ?cursor for the next',
    auth: 'owner',
    query: WebhookDeliveriesQuerySchema,
    response: WebhookDeliveriesSchema,
  },
];

const convert = (schema: v.GenericSchema) => tidySchema(toJsonSchema(schema, { target: 'openapi-3.0', errorMode: 'ignore', typeMode: 'input' }));

const SECURITY: Record<Auth, object[]> = {
  admin: [{ adminToken: [] }],
  owner: [{ propertyKey: [] }],
  client: [{ clientToken: [] }],
  public: [],
};

// SPEC 3: the error answers, and which routes can give each.
const ERRORS: Record<number, { description: string; applies: (route: RouteDoc) => boolean }> = {
  400: { description: 'Invalid input: details name each field’s path', applies: (r) => r.body !== undefined || r.query !== undefined },
  401: { description: 'No key, or a wrong or revoked one', applies: (r) => r.auth === 'admin' || r.auth === 'owner' },
  404: { description: 'Not found (also another property’s resource, or a wrong client token)', applies: (r) => r.path.includes('{') },
  409: { description: 'Conflict: sold out, hold expired, already cancelled, a limit reached, idempotency mismatch', applies: (r) => r.method !== 'get' },
  413: { description: 'Body larger than 64 KiB', applies: (r) => r.method !== 'get' && r.path.startsWith('/api/') },
  429: { description: 'Rate limited (RateLimit and Retry-After headers)', applies: (r) => r.auth !== 'client' || r.path.endsWith('/card') || r.path.endsWith('/confirm') },
};

/** The error answers an operation documents (SPEC 3). */
export function errorStatuses(route: RouteDoc): number[] {
  if (route.path === '/api/v1/stripe/webhook') return [400];
  if (route.path === '/api/v1/openapi.json' || route.path === '/api/v1/docs') return [];
  if (!route.path.startsWith('/api/v1/')) return [404];
  return Object.entries(ERRORS)
    .filter(([, e]) => e.applies(route))
    .map(([status]) => Number(status));
}

export function openApiDocument() {
  const paths: Record<string, Record<string, object>> = {};
  const errorBody = { $ref: '#/components/schemas/Error' };
  for (const route of ROUTES) {
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, description: PATH_PARAMS[m[1]!] ?? 'An id', schema: { type: 'string' } }));
    const query = route.query && (convert(route.query) as { properties?: Record<string, { description?: string }>; required?: string[] });
    const queryParams = Object.entries(query?.properties ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      ...(query?.required?.includes(name) ? { required: true } : {}),
      description: schema.description ?? name,
      schema,
    }));
    const status = String(route.status ?? 200);
    const scopes = route.auth === 'owner' ? scopesFor(route.path.slice(P.length)) : [];
    const body = route.body && convert(route.body);
    (paths[route.path] ??= {})[route.method] = {
      summary: route.summary,
      ...(scopes.length > 0 ? { description: `Needs a key with the scope${scopes.length > 1 ? 's' : ''} ${scopes.join(', ')}.` } : {}),
      security: SECURITY[route.auth],
      parameters: [...params, ...queryParams],
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body, example: exampleOf(body) } } } } : {}),
      responses: {
        [status]: route.response
          ? {
              description: 'OK',
              content: {
                'application/json': { schema: convert(route.response) },
                ...(route.csv ? { 'text/csv': { schema: { type: 'string', description: route.csv } } } : {}),
              },
            }
          : { description: status === '204' ? 'Done; no body' : 'OK' },
        ...(scopes.length > 0 ? { 403: { description: `insufficient_scope: the key lacks ${scopes.join(', ')}`, content: { 'application/json': { schema: errorBody } } } } : {}),
        ...Object.fromEntries(errorStatuses(route).map((code) => [code, { description: ERRORS[code]!.description, content: { 'application/json': { schema: errorBody } } }])),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'directbook API',
      version: '1',
      description:
        'Amounts are integers in the minor unit; dates are ISO local dates in the property time zone. Ranges (from..to) are inclusive everywhere; a stay’s checkOut is the morning after its last night.',
    },
    components: {
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' },
        propertyKey: { type: 'http', scheme: 'bearer', description: 'One of the property’s keys (dbk.<pid>.<secret>); its scopes decide which routes it reaches (403 insufficient_scope)' },
        consoleSession: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-owner_session',
          description:
            'The owner console’s session (POST /owner/api/session with {key} sets it for 12 hours and answers its csrfToken): every propertyKey route also takes it instead of the key, with that key’s scopes. Writes (anything but GET, HEAD, OPTIONS) must also send the session’s token in X-CSRF-Token, or are refused with 403 csrf.',
        },
        clientToken: { type: 'http', scheme: 'bearer', description: 'The clientToken returned with a new booking' },
      },
      schemas: { Error: describeFields(convert(ErrorBodySchema)) },
    },
    paths: describeFields(paths),
  };
}

const PATH_PARAMS: Record<string, string> = {
  pid: 'The property’s id (prop_…)',
  id: 'The resource’s id',
  kid: 'The key’s id',
  cid: 'The imported calendar’s id',
  roomTypeId: 'The room type’s id',
  file: '<token>.ics, the feed’s secret',
};

function referencePage(doc: ReturnType<typeof openApiDocument>, nonce: string | undefined) {
  const rows = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const o = op as { summary: string; requestBody?: { content: Record<string, { schema: unknown }> } };
      const body = o.requestBody?.content['application/json']?.schema;
      return html`<section><h2><span class="m ${method}">${method.toUpperCase()}</span> <code>${path}</code></h2><p>${o.summary}</p>${
        body ? html`<details><summary>Request body</summary><pre>${JSON.stringify(body, null, 2)}</pre></details>` : ''
      }</section>`;
    }),
  );
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>directbook API reference</title><style nonce="${nonce}">${raw(`body{font:15px/1.5 system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;color:#1c2430}
h1{font-size:1.6rem}h2{font-size:1rem;margin:0}section{border-top:1px solid #e4e7ec;padding:.8rem 0}
.m{display:inline-block;min-width:4.2em;font-size:.75rem;padding:.1em .4em;border-radius:4px;color:#fff;text-align:center}
.get{background:#2f7d5b}.post{background:#2d5fa8}.put,.patch{background:#a8742d}.delete{background:#b03a3a}
pre{background:#f6f7f9;padding:.8rem;overflow:auto;font-size:.8rem}`)}</style></head>
<body><h1>directbook API reference</h1><p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>. ${doc.info.description}
Errors are <code>{"error": {"code", "message", "details": [{"path", "message"}]}}</code>.</p>${rows}</body></html>`;
}

export function apiDocs() {
  const doc = openApiDocument();
  return new Hono().get('/openapi.json', (c) => c.json(doc)).get('/docs', staticPageSecurity, (c) => c.html(referencePage(doc, c.get('secureHeadersNonce'))));
}
