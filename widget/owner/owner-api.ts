// The console's calls (SPEC 2.23): the owner API every owner's own tools call, with the session
// cookie instead of a Bearer key, and the session's CSRF token on every write.
import type * as v from 'valibot';
import type { ErrorBody } from '../../shared/schemas/common.ts';
import type { EffectivePricesSchema, PriceEntry } from '../../shared/schemas/prices.ts';
import type { Extra, ExtraCreate } from '../../shared/schemas/extra.ts';
import type { HolidaysSchema } from '../../shared/schemas/holidays.ts';
import type { Closures, Property, PropertyPatch } from '../../shared/schemas/property.ts';
import type { Promotion, PromotionCreateSchema, PromotionPatch } from '../../shared/schemas/promotion.ts';
import type { Rate, RateCreate, RatePatch } from '../../shared/schemas/rate.ts';
import type { NightRestriction, RestrictionEntry } from '../../shared/schemas/restrictions.ts';
import type { SettlementQuery } from '../../shared/schemas/settlement.ts';
import type { RecordedPayment, RecordPayment } from '../../shared/schemas/recorded-payment.ts';
import type { RoomType } from '../../shared/schemas/room-type.ts';
import type { Booking, BookingStatus, GuestCancelled, RefundChoice } from '../../shared/schemas/stay.ts';
import type { CalendarCreate, CalendarSyncResult, CalendarView } from '../../shared/schemas/calendar.ts';
import type { WebhookCreate, WebhookCreatedSchema, WebhookDelivery, WebhookView } from '../../shared/schemas/webhook.ts';
import type { CardSubmission } from '../../shared/card.ts';
import { ApiError } from '../api.ts';

export type NightPrices = v.InferOutput<typeof EffectivePricesSchema>['prices'];
export type Holiday = v.InferOutput<typeof HolidaysSchema>['holidays'][number];

export interface Session {
  propertyId: string;
  csrfToken: string;
}

export interface BookingFilter {
  q?: string;
  status?: BookingStatus | '';
  from?: string;
  to?: string;
}

const SESSION = '/owner/api/session';

export class OwnerApi {
  constructor(readonly session: Session) {}

  /** The session this browser already has (after a reload), or undefined when it must sign in. */
  static async resume(signal?: AbortSignal): Promise<OwnerApi | undefined> {
    try {
      return new OwnerApi(await call<Session>(SESSION, { signal }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return undefined;
      throw error;
    }
  }

  static async signIn(key: string): Promise<OwnerApi> {
    return new OwnerApi(await call<Session>(SESSION, { method: 'POST', body: JSON.stringify({ key }) }));
  }

  signOut(): Promise<void> {
    return this.#write(SESSION, 'DELETE');
  }

  get #base() {
    return `/api/v1/properties/${encodeURIComponent(this.session.propertyId)}`;
  }

  #read<T>(path: string, signal?: AbortSignal): Promise<T> {
    return call<T>(`${this.#base}${path}`, { signal });
  }

  #write<T>(url: string, method: string, body?: unknown): Promise<T> {
    return call<T>(url, {
      method,
      headers: { 'X-CSRF-Token': this.session.csrfToken },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  property(signal?: AbortSignal) {
    return this.#read<{ property: Property }>('', signal).then((r) => r.property);
  }

  /** `cancelledPending` is there when the payment mode changed: the holds it cancelled. */
  updateProperty(patch: PropertyPatch) {
    return this.#write<{ property: Property; cancelledPending?: number }>(this.#base, 'PATCH', patch);
  }

  /** What the public route answers this console's origin: the same request a widget on a site makes first. */
  embedAllowedHere(signal?: AbortSignal) {
    return call<{ embedAllowed: boolean }>(`/api/v1/public/properties/${encodeURIComponent(this.session.propertyId)}`, { signal }).then((r) => r.embedAllowed);
  }

  /** Every booking matching the filter; `q` finds a reference, a guest's name or e-mail. */
  bookings(filter: BookingFilter, signal?: AbortSignal) {
    const params = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
    const query = params.size ? `?${params}` : '';
    return this.#read<{ bookings: Booking[] }>(`/bookings${query}`, signal).then((r) => r.bookings);
  }

  booking(id: string, signal?: AbortSignal) {
    return this.#read<{ booking: Booking; payments?: RecordedPayment[] }>(`/bookings/${encodeURIComponent(id)}`, signal);
  }

  cancel(id: string, refund: RefundChoice) {
    // The same refund words as a guest's cancellation, with the owner's view of the booking.
    return this.#write<Omit<GuestCancelled, 'booking'> & { booking: Booking }>(`${this.#base}/bookings/${encodeURIComponent(id)}/cancel`, 'POST', { scope: 'booking', refund });
  }

  depositCharged(id: string) {
    return this.#write<{ booking: Booking }>(`${this.#base}/bookings/${encodeURIComponent(id)}/deposit-charged`, 'POST');
  }

  recordPayment(id: string, payment: RecordPayment) {
    return this.#write<{ booking: Booking; payment: RecordedPayment }>(`${this.#base}/bookings/${encodeURIComponent(id)}/payments`, 'POST', payment);
  }

  roomTypes(signal?: AbortSignal) {
    return this.#read<{ roomTypes: RoomType[] }>('/room-types', signal).then((r) => r.roomTypes);
  }

  rates(signal?: AbortSignal) {
    return this.#read<{ rates: Rate[] }>('/rates', signal).then((r) => r.rates);
  }

  rate(id: string, signal?: AbortSignal) {
    return this.#read<{ rate: Rate }>(`/rates/${encodeURIComponent(id)}`, signal).then((r) => r.rate);
  }

  createRate(rate: RateCreate) {
    return this.#write<{ rate: Rate; warnings: string[] }>(`${this.#base}/rates`, 'POST', rate);
  }

  updateRate(id: string, patch: RatePatch) {
    return this.#write<{ rate: Rate; warnings: string[] }>(`${this.#base}/rates/${encodeURIComponent(id)}`, 'PATCH', patch);
  }

  deleteRate(id: string) {
    return this.#write<unknown>(`${this.#base}/rates/${encodeURIComponent(id)}`, 'DELETE');
  }

  /** Each night's price from `from` to `to`, both included; of `roomTypeId`, which a rate across several room types needs. */
  prices(rateId: string, from: string, to: string, signal?: AbortSignal, roomTypeId?: string) {
    const roomType = roomTypeId === undefined ? '' : `&roomTypeId=${encodeURIComponent(roomTypeId)}`;
    return this.#read<{ prices: NightPrices }>(`/rates/${encodeURIComponent(rateId)}/prices?from=${from}&to=${to}${roomType}`, signal).then((r) => r.prices);
  }

  setPrices(rateId: string, prices: PriceEntry[]) {
    return this.#write<unknown>(`${this.#base}/rates/${encodeURIComponent(rateId)}/prices`, 'PUT', { prices });
  }

  /** Each night's effective restriction from `from` to `to`, both included (SPEC 2.22). */
  restrictions(rateId: string, from: string, to: string, signal?: AbortSignal) {
    return this.#read<{ restrictions: NightRestriction[] }>(`/rates/${encodeURIComponent(rateId)}/restrictions?from=${from}&to=${to}`, signal).then((r) => r.restrictions);
  }

  setRestrictions(rateId: string, restrictions: RestrictionEntry[]) {
    return this.#write<unknown>(`${this.#base}/rates/${encodeURIComponent(rateId)}/restrictions`, 'PUT', { restrictions });
  }

  extras(signal?: AbortSignal) {
    return this.#read<{ extras: Extra[] }>('/extras', signal).then((r) => r.extras);
  }

  addExtra(extra: ExtraCreate) {
    return this.#write<{ extra: Extra }>(`${this.#base}/extras`, 'POST', extra).then((r) => r.extra);
  }

  deleteExtra(id: string) {
    return this.#write<unknown>(`${this.#base}/extras/${encodeURIComponent(id)}`, 'DELETE');
  }

  promotions(signal?: AbortSignal) {
    return this.#read<{ promotions: Promotion[] }>('/promotions', signal).then((r) => r.promotions);
  }

  createPromotion(promotion: v.InferInput<typeof PromotionCreateSchema>) {
    return this.#write<{ promotion: Promotion }>(`${this.#base}/promotions`, 'POST', promotion).then((r) => r.promotion);
  }

  updatePromotion(id: string, patch: PromotionPatch) {
    return this.#write<{ promotion: Promotion }>(`${this.#base}/promotions/${encodeURIComponent(id)}`, 'PATCH', patch).then((r) => r.promotion);
  }

  deletePromotion(id: string) {
    return this.#write<unknown>(`${this.#base}/promotions/${encodeURIComponent(id)}`, 'DELETE');
  }

  /** The coming 12 months' public holidays of the property's country, each saying whether it is kept open. */
  holidays(signal?: AbortSignal) {
    return this.#read<{ holidays: Holiday[] }>('/holidays', signal).then((r) => r.holidays);
  }

  /** The settlement report as the CSV file an accountant opens; read as a blob since the session cookie must go with it. */
  async settlementCsv(period: Omit<SettlementQuery, 'format'>): Promise<Blob> {
    const params = new URLSearchParams({ ...period, format: 'csv' });
    const response = await fetch(`${location.origin}${this.#base}/reports/settlement?${params}`, { credentials: 'same-origin' });
    if (!response.ok) return failed(response);
    return response.blob();
  }

  /** Manual mode: the stored card, audited with the reason; shown to the owner, never kept by the console. */
  revealCard(id: string, reason: string) {
    return this.#write<{ card: CardSubmission }>(`${this.#base}/bookings/${encodeURIComponent(id)}/card/reveal`, 'POST', { reason }).then((r) => r.card);
  }

  resendConfirmation(id: string) {
    return this.#write<{ booking: Booking }>(`${this.#base}/bookings/${encodeURIComponent(id)}/confirmation/resend`, 'POST');
  }

  webhooks(signal?: AbortSignal) {
    return this.#read<{ webhooks: WebhookView[] }>('/webhooks', signal).then((r) => r.webhooks);
  }

  /** The answer carries the signing secret, which the server never shows again. */
  createWebhook(webhook: WebhookCreate) {
    return this.#write<v.InferOutput<typeof WebhookCreatedSchema>>(`${this.#base}/webhooks`, 'POST', webhook);
  }

  deleteWebhook(id: string) {
    return this.#write<unknown>(`${this.#base}/webhooks/${encodeURIComponent(id)}`, 'DELETE');
  }

  /** The endpoint's latest delivery attempts, newest first. */
  webhookDeliveries(id: string, signal?: AbortSignal) {
    return this.#read<{ deliveries: WebhookDelivery[] }>(`/webhooks/${encodeURIComponent(id)}/deliveries?limit=20`, signal).then((r) => r.deliveries);
  }

  /** SPEC 2.19: the room type's export feed, for other channels to import. */
  icalFeed(roomTypeId: string, signal?: AbortSignal) {
    return this.#read<{ url: string }>(`/room-types/${encodeURIComponent(roomTypeId)}/ical`, signal).then((r) => r.url);
  }

  rotateIcalFeed(roomTypeId: string) {
    return this.#write<{ url: string }>(`${this.#base}/room-types/${encodeURIComponent(roomTypeId)}/ical/rotate`, 'POST').then((r) => r.url);
  }

  calendars(roomTypeId: string, signal?: AbortSignal) {
    return this.#read<{ calendars: CalendarView[] }>(`/room-types/${encodeURIComponent(roomTypeId)}/calendars`, signal).then((r) => r.calendars);
  }

  /** Adds the calendar and syncs it once, so the answer says at once whether the feed works. */
  addCalendar(roomTypeId: string, calendar: CalendarCreate) {
    return this.#write<{ calendar: CalendarView }>(`${this.#base}/room-types/${encodeURIComponent(roomTypeId)}/calendars`, 'POST', calendar).then((r) => r.calendar);
  }

  deleteCalendar(roomTypeId: string, id: string) {
    return this.#write<unknown>(`${this.#base}/room-types/${encodeURIComponent(roomTypeId)}/calendars/${encodeURIComponent(id)}`, 'DELETE');
  }

  syncCalendar(roomTypeId: string, id: string) {
    return this.#write<CalendarSyncResult>(`${this.#base}/room-types/${encodeURIComponent(roomTypeId)}/calendars/${encodeURIComponent(id)}/sync`, 'POST');
  }

  closures(signal?: AbortSignal) {
    return this.#read<{ closures: Closures }>('/closures', signal).then((r) => r.closures);
  }

  setClosures(closures: Closures) {
    return this.#write<{ closures: Closures }>(`${this.#base}/closures`, 'PUT', closures);
  }
}

/** One same-origin JSON call; the browser sends the session cookie, and an error body becomes an `ApiError`. */
async function call<T>(url: string, init: RequestInit): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (init.body) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(`${location.origin}${url}`, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'The server could not be reached');
  }
  if (response.status === 204) return undefined as T;
  if (!response.ok) return failed(response);
  return (await response.json()) as T;
}

/** An error answer as an `ApiError` with the server's code, message and field details. */
async function failed(response: Response): Promise<never> {
  const body: unknown = await response.json().catch(() => null);
  const error = (body as Partial<ErrorBody> | null)?.error;
  throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? response.statusText, error?.details);
}
