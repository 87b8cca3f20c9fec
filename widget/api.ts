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
    const params = Object.entries({ ...q, adults: String(q.adults), children: String(q.children) }).filter((entry): entry is [string, string] => entry[1] !== undefined);
    return this.#call(this.#path('/availability', Object.fromEntries(params)), { signal });
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

  #path(suffix: string, query?: Record<string, string>): string {
    const search = query ? `?${new URLSearchParams(query)}` : '';
    return `/api/v1/public/properties/${encodeURIComponent(this.propertyId)}${suffix}${search}`;
  }

  async #call<T>(path: string, init: RequestInit): Promise<T> {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json');
    if (init.body) headers.set('Content-Type', 'application/json');
    let response: Response;
    try {
      // Looked up on every call (not captured) so tests and host pages can wrap fetch.
      response = await fetch(`${this.#base}${path}`, { ...init, headers, credentials: 'omit' });
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

/** A v4 UUID that works on plain-http host pages too, where crypto.randomUUID is missing. */
export function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
