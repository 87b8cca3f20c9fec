// The manage page's calls (SPEC 2.16, 3): the guest's booking routes with its clientToken, and the
// property's public profile for its name. Same origin as the page, so no CORS is involved.
import type * as v from 'valibot';
import type { ErrorBody } from '../../shared/schemas/common.ts';
import type { BalancePayment, Booking, GuestBookingViewSchema, GuestCancelled, PublicProperty } from '../../shared/schemas/stay.ts';
import { ApiError } from '../api.ts';

export type GuestBookingView = v.InferOutput<typeof GuestBookingViewSchema>;

export class ManageApi {
  readonly #path: string;
  readonly #auth: HeadersInit;

  constructor(
    readonly bookingId: string,
    token: string,
  ) {
    this.#path = `${location.origin}/api/v1/public/bookings/${encodeURIComponent(bookingId)}`;
    this.#auth = { Authorization: `Bearer ${token}` };
  }

  booking(signal?: AbortSignal): Promise<GuestBookingView> {
    return callApi(this.#path, { headers: this.#auth, signal });
  }

  property(propertyId: string, signal?: AbortSignal): Promise<PublicProperty> {
    return callApi(`${location.origin}/api/v1/public/properties/${encodeURIComponent(propertyId)}`, { signal });
  }

  /** `expectedRefund` is what the page showed: if a policy boundary passed meanwhile, the server cancels nothing (409 `refund_changed`). */
  cancel(expectedRefund: number): Promise<GuestCancelled> {
    return callApi(`${this.#path}/cancel`, { method: 'POST', headers: this.#auth, body: JSON.stringify({ expectedRefund }) });
  }

  balance(): Promise<BalancePayment> {
    return callApi(`${this.#path}/balance`, { method: 'POST', headers: this.#auth });
  }

  /** The server re-reads the balance intent from Stripe and counts it (SPEC 2.17). */
  confirm(): Promise<{ booking: Booking }> {
    return callApi(`${this.#path}/confirm`, { method: 'POST', headers: this.#auth });
  }
}

/**
 * One JSON call, its error body made an `ApiError` as the widget's Api does. Not shared with it:
 * widget.js sits at its size budget, and a shared helper costs it bytes (test/widget-size.test.ts).
 */
async function callApi<T>(url: string, init: RequestInit): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (init.body) headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers, credentials: 'omit' });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'The booking service could not be reached');
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const error = (body as Partial<ErrorBody> | null)?.error;
  throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? response.statusText, error?.details);
}
