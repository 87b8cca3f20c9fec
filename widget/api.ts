// The widget's only door to the server: the public API of SPEC 3, one method per route.
import type { Availability, Booking, BookingCreated, BookingRequest, Calendar, Quote, QuoteRequest } from '../shared/schemas/stay.ts';
import type { ErrorBody } from '../shared/schemas/common.ts';

/** A failed call. `status` 0 with code `network` means the server was not reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** True when the server was not reached at all (offline, DNS, CORS), as opposed to an answer. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'network';
}

export interface AvailabilityQuery {
  /** Without dates the server picks the first bookable night (SPEC 4). */
  checkIn?: string;
  checkOut?: string;
  adults: number;
  children: number;
  /** Comma-separated, one age per child, where the property asks for them (SPEC 2.12). */
  childAges?: string;
  promoCode?: string;
  /** Without one the server answers in the guest's language, else the property's. */
  locale?: string;
  /** The first request of a widget asks for the property with the rates. */
  include?: 'property';
}

/** GET requests sent ahead by `prefetchAvailability`, by URL, each answered to one call. */
const prefetched = new Map<string, Promise<Response>>();

export class Api {
  /** The API's origin, which the card iframe's messages must come from. */
  readonly origin: string;
  readonly #base: string;

  constructor(
    base: string,
    private readonly propertyId: string,
  ) {
    this.#base = base.replace(/\/+$/, '');
    this.origin = new URL(this.#base, location.href).origin;
  }

  calendar(from: string, to: string, signal?: AbortSignal): Promise<Calendar> {
    return this.#call(this.#path('/calendar', { from, to }), { signal });
  }

  availability(q: AvailabilityQuery, signal?: AbortSignal): Promise<Availability> {
    return this.#call(this.#availabilityPath(q), { signal });
  }

  /**
   * Sends the availability request for `q` now, before anyone waits for it; the first
   * `availability(q)` asking the same takes its answer instead of asking again (first-request.ts).
   */
  prefetchAvailability(q: AvailabilityQuery): void {
    const url = `${this.#base}${this.#availabilityPath(q)}`;
    // Two widgets asking the same: the second asks for itself, as it would have.
    if (prefetched.has(url)) return;
    const response = this.#fetch(url, {});
    // Never taken when the element changed its mind before asking: no unhandled rejection then.
    response.catch(() => undefined);
    prefetched.set(url, response);
  }

  quote(body: QuoteRequest, signal?: AbortSignal): Promise<Quote> {
    return this.#call(this.#path('/quotes'), { method: 'POST', body: JSON.stringify(body), signal });
  }

  /** SPEC 2.7: the same Idempotency-Key and body return the same booking, so a retry is safe. */
  createBooking(body: BookingRequest, idempotencyKey: string, signal?: AbortSignal): Promise<BookingCreated> {
    return this.#call(this.#path('/bookings'), {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Idempotency-Key': idempotencyKey },
      signal,
    });
  }

  confirm(bookingId: string, clientToken: string): Promise<{ booking: Booking }> {
    return this.#call(`/api/v1/public/bookings/${encodeURIComponent(bookingId)}/confirm`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${clientToken}` },
    });
  }

  booking(bookingId: string, clientToken: string, signal?: AbortSignal): Promise<{ booking: Booking }> {
    return this.#call(`/api/v1/public/bookings/${encodeURIComponent(bookingId)}`, {
      headers: { Authorization: `Bearer ${clientToken}` },
      signal,
    });
  }

  #availabilityPath(q: AvailabilityQuery): string {
    const params = Object.entries({ ...q, adults: String(q.adults), children: String(q.children) }).filter((entry): entry is [string, string] => entry[1] !== undefined);
    return this.#path('/availability', Object.fromEntries(params));
  }

  #path(suffix: string, query?: Record<string, string>): string {
    const search = query ? `?${new URLSearchParams(query)}` : '';
    return `/api/v1/public/properties/${encodeURIComponent(this.propertyId)}${suffix}${search}`;
  }

  #fetch(url: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    if (init.body) headers.set('Content-Type', 'application/json');
    // Looked up on every call (not captured) so tests and host pages can wrap fetch.
    return fetch(url, { ...init, headers, credentials: 'omit' });
  }

  async #call<T>(path: string, init: RequestInit): Promise<T> {
    const url = `${this.#base}${path}`;
    const early = init.method ? undefined : prefetched.get(url);
    prefetched.delete(url);
    let response: Response;
    try {
      response = await (early ?? this.#fetch(url, init));
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new ApiError(0, 'network', 'Network error');
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return body as T;
    const error = (body as Partial<ErrorBody> | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? response.statusText, error?.details);
  }
}
