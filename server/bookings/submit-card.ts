// SPEC 2.8 manual mode: the guest's card confirms the booking. It is checked (Luhn, expiry,
// accepted brands, never a CVC), sealed by the vault and stored with the confirmation.
import { validateCardSubmission } from '../../shared/card.ts';
import { ApiError, conflict } from '../errors.ts';
import type { BookingRecord, PropertyRecord } from '../store/store.ts';
import type { BookingDeps } from './ports.ts';
import { scheduleBalanceCollection } from './collect-balance.ts';
import { deliverSoon } from './events.ts';
import { mailConfirmation } from './settle.ts';

export async function submitCard(deps: BookingDeps, property: PropertyRecord, booking: BookingRecord, body: unknown): Promise<BookingRecord> {
  const vault = deps.vault;
  if (booking.paymentMode !== 'manual' || !vault) throw conflict('not_manual', 'This booking does not take a card here');
  const now = deps.clock();
  const check = validateCardSubmission(body, { acceptedBrands: property.acceptedCardBrands, now });
  if (!check.success) throw new ApiError(400, 'invalid_card', check.issues[0]!.message, check.issues);
  if (booking.status !== 'pending') throw conflict('booking_final', 'This booking is no longer waiting for a card');
  const { brand, last4, expMonth, expYear } = check.summary;
  const sealed = vault.seal(check.card, booking.id);
  const result = await deps.store.confirmBooking(booking.id, now.toISOString(), { card: { ...sealed, brand, last4, expMonth, expYear } });
  if (result === 'sold_out') throw conflict('hold_expired', 'The hold expired and the room was taken; please choose again');
  if (result === 'final') throw conflict('booking_final', 'This booking is no longer waiting for a card');
  const confirmed = (await deps.store.getBooking(booking.id))!;
  if (result === 'confirmed') deliverSoon(deps);
  if (result === 'confirmed') await mailConfirmation(deps, confirmed, property);
  await scheduleBalanceCollection(deps, confirmed, property);
  return (await deps.store.getBooking(booking.id))!;
}
