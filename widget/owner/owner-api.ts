// The console's calls (SPEC 2.23): the owner API every owner's own tools call, with the session
// cookie instead of a Bearer key, and the session's CSRF token on every write.
import type * as v from 'valibot';
import type { ErrorBody } from '../../shared/schemas/common.ts';
import type { EffectivePricesSchema, PriceEntry } from '../../shared/schemas/prices.ts';
import type { Extra, ExtraCreate } from '../../shared/schemas/extra.ts';
import type { Closures, Property } from '../../shared/schemas/property.ts';
import type { Rate } from '../../shared/schemas/rate.ts';
import type { RecordedPayment, RecordPayment } from '../../shared/schemas/recorded-payment.ts';
import type { RoomType } from '../../shared/schemas/room-type.ts';
import type { Booking, BookingStatus, RefundChoice } from '../../shared/schemas/stay.ts';
import { ApiError } from '../api.ts';

export type NightPrices = v.InferOutput<typeof EffectivePricesSchema>['prices'];

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
    return this.#write<{ booking: Booking; refunded: number }>(`${this.#base}/bookings/${encodeURIComponent(id)}/cancel`, 'POST', { scope: 'booking', refund });
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

  /** Each night's price from `from` to `to`, both included. */
  prices(rateId: string, from: string, to: string, signal?: AbortSignal) {
    return this.#read<{ prices: NightPrices }>(`/rates/${encodeURIComponent(rateId)}/prices?from=${from}&to=${to}`, signal).then((r) => r.prices);
  }

  setPrices(rateId: string, prices: PriceEntry[]) {
    return this.#write<unknown>(`${this.#base}/rates/${encodeURIComponent(rateId)}/prices`, 'PUT', { prices });
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
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const error = (body as Partial<ErrorBody> | null)?.error;
  throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? response.statusText, error?.details);
}
