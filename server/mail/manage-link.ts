// SPEC 2.16: the guest's manage page, as the e-mails link to it. The clientToken rides in the
// fragment, which browsers send to no server and no referrer, so it never lands in a log.
import { clientTokenFor } from '../ids.ts';

/** `{origin}/manage/{bookingId}#{clientToken}`. */
export function manageLink(origin: string, tokenSecret: string, bookingId: string): string {
  const url = new URL(`/manage/${encodeURIComponent(bookingId)}`, origin);
  url.hash = clientTokenFor(tokenSecret, bookingId);
  return url.toString();
}

/** SPEC 2.23: `{origin}/owner/bookings/{bookingId}`, the booking in the owner's console (behind its sign-in). */
export function consoleLink(origin: string, bookingId: string): string {
  return new URL(`/owner/bookings/${encodeURIComponent(bookingId)}`, origin).toString();
}
