// SPEC 2.23: POST /api/v1/properties/:pid/bookings/:id/confirmation/resend (owner, `bookings` scope).
// A guest who lost the confirmation gets it again: a new message on the mail queue, never a refold
// of the first one, whose Message-ID the queue would take as already sent.
import { Hono } from 'hono';
import { statusAt } from '../../shared/status-at.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { conflict, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { bookingView, ownerBookingView, propertyView } from '../views.ts';

export function resendConfirmation(deps: AppDeps) {
  return new Hono<AppEnv>().post('/:id/confirmation/resend', async (c) => {
    const property = c.get('property');
    const found = await deps.store.getBooking(c.req.param('id'));
    if (!found || found.propertyId !== property.id) throw notFound('Booking');
    const booking = statusAt(found, deps.clock().toISOString());
    if (booking.status !== 'confirmed') throw conflict('not_confirmed', 'Only a confirmed booking has a confirmation to send again');
    await deps.mailer?.confirmationResent(bookingView(booking), propertyView(property), newId('rs'));
    return c.json({ booking: ownerBookingView(booking) }, 202);
  });
}
