// SPEC 2.7, 2.8: every transition of a booking is one guarded statement under a lock on its row,
// so the calls that race in real life (a guest's confirm and Stripe's webhook after a slow
// 3-D Secure step, an owner cancelling while the guest pays, two instances) always end in one
// of two honest states: confirmed and paid, or not confirmed and refunded; and the inventory
// counters always equal the nights of the live bookings.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nightsOf } from '../shared/dates.ts';
import { backends } from './support/api.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { startStripeApp } from './stripe-app.ts';
import type { PaymentIntent, Refund } from './stripe-stand-in/objects.ts';
import type { StripeStandIn } from './stripe-stand-in/server.ts';

const ROUNDS = 8;
const stay = { checkIn: '2026-12-05', checkOut: '2026-12-08' };
const guest = { firstName: 'Mina', lastName: 'Cho', email: 'mina@example.com' };
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2031, holderName: 'Mina Cho' };

describe.each(backends)('racing transitions on %s', (_name, databaseUrl) => {
  let t: TestApp;
  let second: TestApp;
  let stripe: StripeStandIn;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // A file, not memory, so a second instance can open the same SQLite database.
    const sqlitePath = databaseUrl ? undefined : join(mkdtempSync(join(tmpdir(), 'directbook-races-')), 'db.sqlite');
    let payments;
    ({ t, stripe, payments, close } = await startStripeApp({ app: { databaseUrl, sqlitePath } }));
    // Stripe's slowness is what lets the two calls of a race reach the database together.
    stripe.setLatency(40);
    second = await createTestApp({ sameDatabaseAs: t, payments });
  });
  afterAll(async () => {
    await second?.close();
    await close?.();
  });

  async function hotel(paymentMode: 'stripe' | 'manual', units: number) {
    const p = await t.createProperty({ paymentMode });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Ondol room', maxGuests: 2, units } })).json();
    const rate = await (
      await t.request('POST', `/api/v1/properties/${p.id}/rates`, {
        key: p.key,
        body: { roomTypeId: rt.roomType.id, name: 'Flexible', nightlyPrice: 30_000, deposit: { type: 'percentage', percent: 50 } },
      })
    ).json();
    return { id: p.id, key: p.key, roomTypeId: rt.roomType.id as string, rateId: rate.rate.id as string };
  }

  async function book(h: { id: string; rateId: string }) {
    const res = await t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body: { ...stay, rooms: [{ rateId: h.rateId, adults: 2 }], guest } });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await res.json();
    return { id: body.booking.id as string, token: body.clientToken as string };
  }

  /** The guest pays; Stripe's webhook is held back so the test decides when it arrives. */
  async function pay(bookingId: string) {
    stripe.setWebhookEndpoint(null);
    const intentId = (await t.store.getBooking(bookingId))!.intentId!;
    await stripe.succeed(intentId);
    const event = stripe.events('payment_intent.succeeded').find((e) => (e.data.object as { id: string }).id === intentId)!;
    return { intentId, eventId: event.id };
  }

  const expireHolds = () => {
    const later = new Date(t.now().getTime() + 16 * 60_000);
    t.setNow(later);
    second.setNow(later);
  };

  const confirm = (app: TestApp, b: { id: string; token: string }) => app.request('POST', `/api/v1/public/bookings/${b.id}/confirm`, { key: b.token });
  const webhook = (app: TestApp, eventId: string) => stripe.redeliver(eventId, { url: 'http://directbook.test/api/v1/stripe/webhook', fetch: app.app.fetch });
  const ownerCancel = (h: { id: string; key: string }, bookingId: string) =>
    t.request('POST', `/api/v1/properties/${h.id}/bookings/${bookingId}/cancel`, { key: h.key, body: { scope: 'booking' } });

  /** Confirmed and paid, or not confirmed and refunded in full; never anything in between. */
  async function expectPaidOrRefunded(bookingId: string, intentId: string) {
    const booking = (await t.store.getBooking(bookingId))!;
    const paid = stripe.get<PaymentIntent>(intentId)!;
    expect(paid.status).toBe('succeeded');
    const refunded = stripe
      .list<Refund>('refund')
      .filter((r) => r.payment_intent === intentId)
      .reduce((sum, r) => sum + r.amount, 0);
    if (booking.status === 'confirmed') {
      expect({ refunded, amountPaid: booking.amountPaid, amountRefunded: booking.amountRefunded }).toEqual({ refunded: 0, amountPaid: paid.amount, amountRefunded: 0 });
    } else {
      expect({ refunded, amountRefunded: booking.amountRefunded }).toEqual({ refunded: paid.amount, amountRefunded: paid.amount });
    }
    return booking;
  }

  /** The per-night counters that holds check equal what the committed live bookings take. */
  async function expectCountersTrue(roomTypeId: string) {
    const counted = await t.store.roomTypeSold([roomTypeId], stay.checkIn, stay.checkOut);
    for (const date of nightsOf(stay.checkIn, stay.checkOut)) {
      const counter = counted.find((n) => n.date === date)?.sold ?? 0;
      expect({ date, counter }).toEqual({ date, counter: await t.store.soldFromBookings(roomTypeId, date, t.now().toISOString()) });
    }
  }

  test('a guest confirming while Stripe delivers the webhook, after the hold expired, is confirmed once or refunded, never both', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      t.setNow('2026-11-24T03:00:00Z');
      const h = await hotel('stripe', 1 + (round % 2));
      const b = await book(h);
      const { intentId, eventId } = await pay(b.id);
      expireHolds();
      await Promise.all([confirm(t, b), webhook(t, eventId), confirm(t, b), webhook(t, eventId)]);
      const booking = await expectPaidOrRefunded(b.id, intentId);
      // The rooms were free: the late payment keeps them.
      expect(booking.status).toBe('confirmed');
      await expectCountersTrue(h.roomTypeId);
    }
  });

  test('an owner cancelling while the guest confirms leaves a cancelled booking whose payment is refunded', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      t.setNow('2026-11-24T03:00:00Z');
      const h = await hotel('stripe', 1);
      const b = await book(h);
      const { intentId, eventId } = await pay(b.id);
      if (round % 2) expireHolds();
      const [cancel] = await Promise.all([ownerCancel(h, b.id), confirm(t, b), webhook(t, eventId)]);
      expect(cancel.status, await cancel.text()).toBe(200);
      const booking = await expectPaidOrRefunded(b.id, intentId);
      expect(booking.status).toBe('cancelled');
      await expectCountersTrue(h.roomTypeId);
      // The room is free again, for exactly one more guest.
      const next = await t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body: { ...stay, rooms: [{ rateId: h.rateId, adults: 2 }], guest } });
      expect(next.status).toBe(201);
    }
  });

  test('a hold given back while the guest confirms ends confirmed with its rooms, or refunded without them', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      t.setNow('2026-11-24T03:00:00Z');
      const h = await hotel('stripe', 1);
      const b = await book(h);
      const { intentId, eventId } = await pay(b.id);
      await Promise.all([t.store.releaseHold(b.id, t.now().toISOString()), confirm(t, b), webhook(t, eventId)]);
      await expectPaidOrRefunded(b.id, intentId);
      await expectCountersTrue(h.roomTypeId);
    }
  });

  test('two card submissions after the hold expired take the rooms once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      t.setNow('2026-11-24T03:00:00Z');
      const h = await hotel('manual', 2);
      const b = await book(h);
      expireHolds();
      const answers = await Promise.all([0, 1, 2].map(() => t.request('POST', `/api/v1/public/bookings/${b.id}/card`, { key: b.token, body: CARD })));
      expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
      expect((await t.store.getBooking(b.id))!.status).toBe('confirmed');
      await expectCountersTrue(h.roomTypeId);
      // One unit is left: a second guest gets it, a third is told it is sold out.
      expect((await t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body: { ...stay, rooms: [{ rateId: h.rateId, adults: 2 }], guest } })).status).toBe(201);
      expect((await t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body: { ...stay, rooms: [{ rateId: h.rateId, adults: 2 }], guest } })).status).toBe(409);
    }
  });

  test('two instances settling the same late payment confirm it once, or refund it once when its room was resold', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      t.setNow('2026-11-24T03:00:00Z');
      second.setNow('2026-11-24T03:00:00Z');
      const h = await hotel('stripe', 1);
      const b = await book(h);
      const { intentId, eventId } = await pay(b.id);
      expireHolds();
      const resold = round % 2 === 1;
      if (resold) await book(h);
      await Promise.all([confirm(t, b), webhook(second, eventId), confirm(second, b), webhook(t, eventId)]);
      const booking = await expectPaidOrRefunded(b.id, intentId);
      expect(booking.status).toBe(resold ? 'expired' : 'confirmed');
      await expectCountersTrue(h.roomTypeId);
    }
  });
});
