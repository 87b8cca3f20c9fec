// SPEC 2.8, 2.9 and the owner's booking routes: list, read, cancel, refund, reveal, deposit charged, purge.
import { Writable } from 'node:stream';
import pino from 'pino';
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runHousekeeping } from '../server/housekeeping.ts';
import type { OutgoingMail } from '../server/mail/transport.ts';
import type { TestApp } from './support/test-app.ts';
import { createCardVault } from '../server/vault/card-vault.ts';
import { startStripeApp } from './stripe-app.ts';
import type { StripeStandIn } from './stripe-stand-in/server.ts';

const CARD = '5555555555554444';
const guest = { firstName: 'Dewi', lastName: 'Lestari', email: 'dewi@example.com' };
const stay = { checkIn: '2026-12-01', checkOut: '2026-12-03' };

describe('the owner manages bookings', () => {
  let t: TestApp;
  let stripe: StripeStandIn;
  let logs: string;
  let sent: OutgoingMail[];
  let close: () => Promise<void>;

  beforeEach(async () => {
    logs = '';
    sent = [];
    const logger = pino({ level: 'trace' }, new Writable({ write: (chunk, _e, done) => ((logs += chunk), done()) }));
    ({ t, stripe, close } = await startStripeApp({ app: { logger, mailTransport: { send: async (m) => void sent.push(m) } } }));
  });
  afterEach(() => close());

  async function hotel(paymentMode: 'manual' | 'stripe', rate: object = {}) {
    const p = await t.createProperty({ paymentMode, acceptedCardBrands: ['visa', 'mastercard'], email: 'owner@inn.example' });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Twin', maxGuests: 2, units: 1 } })).json();
    const r = await (
      await t.request('POST', `/api/v1/properties/${p.id}/rates`, {
        key: p.key,
        body: { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 20_000, deposit: { type: 'full' }, ...rate },
      })
    ).json();
    return { ...p, rateId: r.rate.id as string };
  }

  async function book(h: { id: string; rateId: string }) {
    const res = await t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body: { ...stay, rooms: [{ rateId: h.rateId, adults: 2 }], guest } });
    expect(res.status).toBe(201);
    return res.json();
  }

  async function confirmedManual(h: { id: string; rateId: string }) {
    const b = await book(h);
    const res = await t.request('POST', `/api/v1/public/bookings/${b.booking.id}/card`, {
      key: b.clientToken,
      body: { number: CARD, expMonth: 1, expYear: 2031, holderName: 'Dewi Lestari' },
    });
    expect(res.status).toBe(200);
    return b.booking.id as string;
  }

  async function paidStripe(h: { id: string; rateId: string }) {
    const b = await book(h);
    await stripe.succeed((await t.store.getBooking(b.booking.id))!.intentId!);
    return b.booking.id as string;
  }

  const owner = (h: { id: string; key: string }, method: string, path: string, body?: unknown) => t.request(method, `/api/v1/properties/${h.id}/bookings${path}`, { key: h.key, body });

  const unitsLeft = async (h: { id: string }) =>
    (await (await t.request('GET', `/api/v1/public/properties/${h.id}/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}`)).json()).roomTypes[0].rates[0].unitsLeft;

  test('the owner lists bookings by status and dates, and reads one', async () => {
    const h = await hotel('manual');
    const id = await confirmedManual(h);
    const list = await (await owner(h, 'GET', '?status=confirmed&from=2026-12-02&to=2026-12-31')).json();
    expect(list.bookings.map((b: { id: string }) => b.id)).toEqual([id]);
    expect((await (await owner(h, 'GET', '?status=pending')).json()).bookings).toEqual([]);
    expect((await (await owner(h, 'GET', '?from=2026-12-03')).json()).bookings).toEqual([]);
    const one = await (await owner(h, 'GET', `/${id}`)).json();
    expect(one.booking).toMatchObject({ id, status: 'confirmed', cardStored: true, card: { brand: 'mastercard', last4: '4444' } });
    expect(JSON.stringify(one)).not.toContain(CARD);
    expect((await owner(h, 'GET', '?status=bogus')).status).toBe(400);
  });

  test('every owner booking route refuses no key (401) and another property’s key (404)', async () => {
    const h = await hotel('manual');
    const other = await t.createProperty();
    const id = await confirmedManual(h);
    const routes: [string, string, unknown?][] = [
      ['GET', ''],
      ['GET', `/${id}`],
      ['POST', `/${id}/cancel`, { scope: 'booking' }],
      ['POST', `/${id}/card/reveal`, { reason: 'No-show: charging the deposit' }],
      ['POST', `/${id}/deposit-charged`],
    ];
    for (const [method, path, body] of routes) {
      expect((await t.request(method, `/api/v1/properties/${h.id}/bookings${path}`, { body })).status, `${method} ${path}`).toBe(401);
      expect((await t.request(method, `/api/v1/properties/${h.id}/bookings${path}`, { key: other.key, body })).status, `${method} ${path}`).toBe(404);
      if (path) expect((await owner(other, method, path, body)).status, `${method} ${path} via own path`).toBe(404);
    }
    expect((await t.store.getBooking(id))!.status).toBe('confirmed');
    expect(await t.store.cardReveals(id)).toEqual([]);
  });

  test('cancelling a booking releases its room, mails the guest, and cannot be done twice', async () => {
    const h = await hotel('manual');
    const id = await confirmedManual(h);
    expect(await unitsLeft(h)).toBe(0);
    const res = await owner(h, 'POST', `/${id}/cancel`, { scope: 'booking' });
    expect(res.status).toBe(200);
    expect((await res.json()).booking.status).toBe('cancelled');
    expect(await unitsLeft(h)).toBe(1);
    const again = await owner(h, 'POST', `/${id}/cancel`, { scope: 'booking' });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_cancelled');
    expect((await owner(h, 'POST', `/${id}/deposit-charged`)).status).toBe(409);
    await t.deliverMail();
    const subjects = sent.map((m) => `${m.to} ${m.subject}`);
    expect(subjects.some((s) => s.startsWith('dewi@example.com') && /confirm/i.test(s))).toBe(true);
    expect(subjects.some((s) => s.startsWith('dewi@example.com') && /cancel/i.test(s))).toBe(true);
  });

  test('cancelling a paid Stripe booking refunds the deposit once', async () => {
    const h = await hotel('stripe');
    const id = await paidStripe(h);
    const res = await owner(h, 'POST', `/${id}/cancel`, { scope: 'booking' });
    expect(await res.json()).toMatchObject({ refunded: 40_000, booking: { status: 'cancelled', amountRefunded: 40_000 } });
    expect(stripe.list('refund')).toHaveLength(1);
  });

  test('a cancellation while Stripe fails stands, and its refund is retried until Stripe takes it', async () => {
    const h = await hotel('stripe');
    const id = await paidStripe(h);
    stripe.failNext(3, 'error');
    const res = await owner(h, 'POST', `/${id}/cancel`, { scope: 'booking' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ refunded: 0, refundPending: 40_000, refundPendingBy: 'stripe', booking: { status: 'cancelled', amountRefunded: 0 } });
    stripe.clearFaults();
    t.setNow(new Date(t.now().getTime() + 60_000));
    await t.runJobs();
    expect(await t.store.getBooking(id)).toMatchObject({ status: 'cancelled', amountRefunded: 40_000 });
    expect(stripe.list('refund')).toHaveLength(1);
    expect((await owner(h, 'POST', `/${id}/cancel`, { scope: 'payment' })).status).toBe(409);
  });

  test('an owner who refunds by hand before the retry is not refunded twice', async () => {
    const h = await hotel('stripe');
    const id = await paidStripe(h);
    stripe.failNext(3, 'error');
    expect(await (await owner(h, 'POST', `/${id}/cancel`, { scope: 'booking' })).json()).toMatchObject({ refundPending: 40_000 });
    stripe.clearFaults();
    const again = await owner(h, 'POST', `/${id}/cancel`, { scope: 'booking' });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/scope "payment"/);
    expect(await (await owner(h, 'POST', `/${id}/cancel`, { scope: 'payment' })).json()).toMatchObject({ refunded: 40_000, booking: { amountRefunded: 40_000 } });
    t.setNow(new Date(t.now().getTime() + 60_000));
    await t.runJobs();
    expect(stripe.list('refund')).toHaveLength(1);
    expect((await t.store.getBooking(id))!.amountRefunded).toBe(40_000);
  });

  test('refunding only the payment keeps the booking, also after the stay', async () => {
    const h = await hotel('stripe');
    const id = await paidStripe(h);
    t.setNow('2026-12-10T00:00:00Z');
    await runHousekeeping(t.store, t.now(), 7);
    expect((await t.store.getBooking(id))!.status).toBe('completed');
    const res = await owner(h, 'POST', `/${id}/cancel`, { scope: 'payment' });
    expect(await res.json()).toMatchObject({ refunded: 40_000, booking: { status: 'completed', amountRefunded: 40_000 } });
    const twice = await owner(h, 'POST', `/${id}/cancel`, { scope: 'payment' });
    expect(twice.status).toBe(409);
    expect(stripe.list('refund')).toHaveLength(1);
  });

  test('refund:false cancels without refunding, and a non-refundable rate refunds only when asked', async () => {
    const flexible = await hotel('stripe');
    const a = await paidStripe(flexible);
    expect(await (await owner(flexible, 'POST', `/${a}/cancel`, { scope: 'booking', refund: false })).json()).toMatchObject({ refunded: 0 });
    const strict = await hotel('stripe', { refundable: false });
    const b = await paidStripe(strict);
    expect(await (await owner(strict, 'POST', `/${b}/cancel`, { scope: 'booking' })).json()).toMatchObject({ refunded: 0 });
    const c = await paidStripe(strict);
    expect(await (await owner(strict, 'POST', `/${c}/cancel`, { scope: 'booking', refund: true })).json()).toMatchObject({ refunded: 40_000 });
    expect(stripe.list('refund')).toHaveLength(1);
  });

  test('revealing a card is recorded with who, when and from where, and never logged', async () => {
    const h = await hotel('manual');
    const id = await confirmedManual(h);
    const res = await owner(h, 'POST', `/${id}/card/reveal`, { reason: 'No-show: charging the deposit' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await res.json()).card).toEqual({ number: CARD, expMonth: 1, expYear: 2031, holderName: 'Dewi Lestari' });
    const [audit] = await t.store.cardReveals(id);
    expect(audit).toMatchObject({ ip: expect.any(String), at: t.now().toISOString(), reason: 'No-show: charging the deposit' });
    // The key is named by the first 16 hex digits of its hash, never by any part of the secret.
    expect(audit!.keyFingerprint).toBe(createHash('sha256').update(h.key).digest('hex').slice(0, 16));
    expect(logs).not.toContain(CARD);
    expect(logs).not.toContain(CARD.slice(0, 12));
  });

  test('without the vault key the stored card cannot be read', async () => {
    const h = await hotel('manual');
    const id = await confirmedManual(h);
    const sealed = { blob: (await t.store.getBooking(id))!.cardBlob!, key: (await t.store.cardKey(id))! };
    expect(JSON.stringify(sealed)).not.toContain(CARD);
    expect(() => createCardVault([randomBytes(32)]).open(sealed, id)).toThrow();
  });

  test('marking the deposit charged records it and erases the card', async () => {
    const h = await hotel('manual');
    const id = await confirmedManual(h);
    const res = await owner(h, 'POST', `/${id}/deposit-charged`);
    expect((await res.json()).booking).toMatchObject({ amountPaid: 40_000, cardStored: false });
    expect((await t.store.getBooking(id))!.cardBlob).toBeNull();
    expect((await owner(h, 'POST', `/${id}/card/reveal`, { reason: 'No-show: charging the deposit' })).status).toBe(409);
    expect((await owner(h, 'POST', `/${id}/deposit-charged`)).status).toBe(409);
  });

  test('a stored card is erased seven days after checkout, not before', async () => {
    const h = await hotel('manual');
    const id = await confirmedManual(h);
    t.setNow('2026-12-09T12:00:00Z');
    await runHousekeeping(t.store, t.now(), 7);
    expect((await t.store.getBooking(id))!.cardBlob).not.toBeNull();
    t.setNow('2026-12-11T12:00:00Z');
    await runHousekeeping(t.store, t.now(), 7);
    expect((await t.store.getBooking(id))!.cardBlob).toBeNull();
    expect((await t.store.getBooking(id))!.status).toBe('completed');
  });
});
