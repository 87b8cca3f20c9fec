// SPEC 2.16: cancellation policies per rate, the refund computed at the instant of cancelling on
// the property's calendar, the owner's refund choice, and the guest's own cancellation; on every backend.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { OutgoingMail } from '../server/mail/transport.ts';
import { addDays } from '../shared/dates.ts';
import { backends, expect400, expectError } from './support/api.ts';
import type { TestApp } from './support/test-app.ts';
import { startStripeApp } from './stripe-app.ts';
import type { StripeStandIn } from './stripe-stand-in/server.ts';

const guest = { firstName: 'Min', lastName: 'Kim', email: 'min@example.com' };
// Korean pensions' usual tiers: everything back a week ahead, half from three days before.
const pension = {
  tiers: [
    { daysBefore: 3, refundPercent: 50 },
    { daysBefore: 7, refundPercent: 100 },
  ],
};
const CARD = '5555555555554444';

type Hotel = { id: string; key: string; rateId: string; roomTypeId: string };

describe.each(backends)('cancellation policies on %s', (_name, databaseUrl) => {
  let t: TestApp;
  let stripe: StripeStandIn;
  let sent: OutgoingMail[];
  let close: () => Promise<void>;

  beforeEach(async () => {
    sent = [];
    ({ t, stripe, close } = await startStripeApp({ app: { databaseUrl, mailTransport: { send: async (m) => void sent.push(m) } } }));
  });
  afterEach(() => close());

  async function hotel(paymentMode: 'stripe' | 'manual', timezone: string, rate: object = { cancellationPolicy: pension }): Promise<Hotel> {
    const p = await t.createProperty({ paymentMode, timezone, acceptedCardBrands: ['visa', 'mastercard'], email: 'owner@pension.example' });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Ondol', maxGuests: 2, units: 1 } })).json();
    const res = await t.request('POST', `/api/v1/properties/${p.id}/rates`, {
      key: p.key,
      body: { roomTypeId: rt.roomType.id, name: 'Pension', nightlyPrice: 20_000, deposit: { type: 'full' }, ...rate },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return { ...p, rateId: (await res.json()).rate.id, roomTypeId: rt.roomType.id };
  }

  const rates = (h: { id: string; key: string }, method: string, path: string, body?: unknown) => t.request(method, `/api/v1/properties/${h.id}/rates${path}`, { key: h.key, body });
  const owner = (h: Hotel, id: string, body: unknown) => t.request('POST', `/api/v1/properties/${h.id}/bookings/${id}/cancel`, { key: h.key, body });
  const guestRead = async (id: string, token: string) => (await t.request('GET', `/api/v1/public/bookings/${id}`, { key: token })).json();
  const guestCancel = (id: string, token?: string, body?: unknown) => t.request('POST', `/api/v1/public/bookings/${id}/cancel`, { ...(token ? { key: token } : {}), body });
  /** The guest cancels, and the instance dies, or its database connection drops, just as the cancel commits. */
  async function cancelThenLoseTheConnection(id: string, token: string) {
    const cancelBooking = t.store.cancelBooking.bind(t.store);
    const dies = vi.spyOn(t.store, 'cancelBooking').mockImplementationOnce(async (...args) => {
      await cancelBooking(...args);
      throw new Error('connection lost after the commit');
    });
    try {
      return await guestCancel(id, token);
    } finally {
      dies.mockRestore();
    }
  }

  async function book(h: Hotel, checkIn: string, checkOut: string) {
    const res = await t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body: { checkIn, checkOut, rooms: [{ rateId: h.rateId, adults: 2 }], guest } });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await res.json();
    return { id: body.booking.id as string, token: body.clientToken as string };
  }

  async function paid(h: Hotel, checkIn: string, checkOut: string) {
    const b = await book(h, checkIn, checkOut);
    await stripe.succeed((await t.store.getBooking(b.id))!.intentId!);
    expect((await t.store.getBooking(b.id))!.amountPaid).toBe(20_000);
    return b;
  }

  describe('the owner sets a policy per rate', () => {
    test('a policy is kept largest daysBefore first, and refundable follows it', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const rate = (await (await rates(h, 'GET', `/${h.rateId}`)).json()).rate;
      expect(rate).toMatchObject({
        refundable: true,
        cancellationPolicy: {
          tiers: [
            { daysBefore: 7, refundPercent: 100 },
            { daysBefore: 3, refundPercent: 50 },
          ],
        },
      });

      const strict = await (await rates(h, 'PATCH', `/${h.rateId}`, { refundable: false })).json();
      expect(strict.rate).toMatchObject({ refundable: false, cancellationPolicy: { tiers: [] } });
      const flexible = await (await rates(h, 'PATCH', `/${h.rateId}`, { refundable: true })).json();
      expect(flexible.rate).toMatchObject({ refundable: true, cancellationPolicy: { tiers: [{ daysBefore: 0, refundPercent: 100 }] } });
      const zero = await (await rates(h, 'PATCH', `/${h.rateId}`, { cancellationPolicy: { tiers: [{ daysBefore: 5, refundPercent: 0 }] } })).json();
      expect(zero.rate.refundable).toBe(false);
    });

    test('a rate made without a policy refunds everything until the day of arrival, as refundable rates did', async () => {
      const h = await hotel('stripe', 'Asia/Seoul', {});
      expect((await (await rates(h, 'GET', `/${h.rateId}`)).json()).rate).toMatchObject({ refundable: true, cancellationPolicy: { tiers: [{ daysBefore: 0, refundPercent: 100 }] } });
      const strict = await hotel('stripe', 'Asia/Seoul', { refundable: false });
      expect((await (await rates(strict, 'GET', `/${strict.rateId}`)).json()).rate.cancellationPolicy).toEqual({ tiers: [] });
    });

    test.each([
      [{ tiers: [{ daysBefore: -1, refundPercent: 50 }] }, 'cancellationPolicy.tiers.0.daysBefore'],
      [{ tiers: [{ daysBefore: 1.5, refundPercent: 50 }] }, 'cancellationPolicy.tiers.0.daysBefore'],
      [{ tiers: [{ daysBefore: 3, refundPercent: 101 }] }, 'cancellationPolicy.tiers.0.refundPercent'],
      [{ tiers: [{ daysBefore: 3, refundPercent: -5 }] }, 'cancellationPolicy.tiers.0.refundPercent'],
      [
        {
          tiers: [
            { daysBefore: 3, refundPercent: 50 },
            { daysBefore: 3, refundPercent: 100 },
          ],
        },
        'cancellationPolicy.tiers.1.daysBefore',
      ],
      [{ tiers: 'free' }, 'cancellationPolicy.tiers'],
    ])('a bad policy %j is refused naming %s, and nothing changes', async (policy, path) => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const before = (await (await rates(h, 'GET', `/${h.rateId}`)).json()).rate;
      await expect400(await rates(h, 'PATCH', `/${h.rateId}`, { cancellationPolicy: policy, nightlyPrice: 1 }), path);
      await expect400(await rates(h, 'POST', '', { roomTypeId: h.roomTypeId, name: 'Bad', nightlyPrice: 1, deposit: { type: 'none' }, cancellationPolicy: policy }), path);
      expect((await (await rates(h, 'GET', `/${h.rateId}`)).json()).rate).toEqual(before);
      expect((await (await rates(h, 'GET', '')).json()).rates).toHaveLength(1);
    });

    test('refundable: false beside a policy that refunds is refused, naming refundable', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      await expect400(await rates(h, 'PATCH', `/${h.rateId}`, { refundable: false, cancellationPolicy: pension }), 'refundable');
    });
  });

  describe('the guest reads the policy in words', () => {
    test.each([
      ['en', 'Free cancellation until Wed 16 Dec; 50% refund if cancelled 3–6 days before arrival'],
      ['ko', '12월 16일 (수)까지 무료 취소; 도착 3~6일 전 취소 시 50% 환불'],
      ['id', 'Pembatalan gratis hingga Rab, 16 Des; Pengembalian dana 50% jika dibatalkan 3–6 hari sebelum kedatangan'],
    ])('availability and quotes carry the tiers and the server’s words in %s', async (locale, words) => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const offer = (await (await t.request('GET', `/api/v1/public/properties/${h.id}/availability?checkIn=2026-12-23&checkOut=2026-12-24&locale=${locale}`)).json()).roomTypes[0].rates[0];
      expect(offer.cancellation).toEqual({
        tiers: [
          { daysBefore: 7, refundPercent: 100 },
          { daysBefore: 3, refundPercent: 50 },
        ],
        summary: words,
      });
      const quote = await (
        await t.request('POST', `/api/v1/public/properties/${h.id}/quotes`, { body: { checkIn: '2026-12-23', checkOut: '2026-12-24', rooms: [{ rateId: h.rateId, adults: 2 }], locale } })
      ).json();
      expect(quote.deposits[0].cancellation.summary).toBe(words);
    });

    test('a stay too close for the free cancellation is not offered one', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const offer = (await (await t.request('GET', `/api/v1/public/properties/${h.id}/availability?checkIn=2026-11-28&checkOut=2026-11-29`)).json()).roomTypes[0].rates[0];
      expect(offer.cancellation.summary).toBe('50% refund if cancelled 3–6 days before arrival');
      const strict = await hotel('stripe', 'Asia/Seoul', { refundable: false });
      const none = (await (await t.request('GET', `/api/v1/public/properties/${strict.id}/availability?checkIn=2026-12-23&checkOut=2026-12-24`)).json()).roomTypes[0].rates[0];
      expect(none.cancellation).toEqual({ tiers: [], summary: 'Non-refundable' });
    });

    test('the confirmation e-mail states the policy', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      await paid(h, '2026-12-23', '2026-12-24');
      await t.deliverMail();
      const confirmation = sent.find((m) => m.to === guest.email && /confirm/i.test(m.subject))!;
      expect(confirmation.text).toContain('Cancellation policy\n- Free cancellation until Wed 16 Dec; 50% refund if cancelled 3–6 days before arrival');
    });
  });

  // Each tier's first and last instant, on the property's own calendar.
  describe.each([
    [
      'America/New_York, across the end of daylight saving time',
      'America/New_York',
      '2026-10-20T15:00:00Z',
      '2026-11-05',
      [
        ['2026-10-30T03:59:59Z', 20_000], // 23:59:59 on 29 Oct (EDT): 7 days
        ['2026-10-30T04:00:00Z', 10_000], // midnight of 30 Oct (EDT): 6 days
        ['2026-11-02T04:30:00Z', 10_000], // 23:30 on 1 Nov (EST): 4 days, though 2 Nov in EDT
        ['2026-11-03T04:59:59Z', 10_000], // 23:59:59 on 2 Nov (EST): 3 days
        ['2026-11-03T05:00:00Z', 0], // midnight of 3 Nov (EST): 2 days
      ],
    ],
    [
      'Asia/Seoul',
      'Asia/Seoul',
      '2026-11-24T03:00:00Z',
      '2026-12-10',
      [
        ['2026-12-03T14:59:59Z', 20_000], // 23:59:59 on 3 Dec: 7 days
        ['2026-12-03T15:00:00Z', 10_000], // midnight of 4 Dec: 6 days
        ['2026-12-07T14:59:59Z', 10_000], // 23:59:59 on 7 Dec: 3 days
        ['2026-12-07T15:00:00Z', 0], // midnight of 8 Dec: 2 days
      ],
    ],
  ] as const)('tier boundaries in %s', (_label, timezone, bookedAt, checkIn, boundaries) => {
    test('the manage page’s refund if cancelled now follows the property’s calendar to the second', async () => {
      t.setNow(bookedAt);
      const h = await hotel('stripe', timezone);
      const b = await paid(h, checkIn, addDays(checkIn, 1));
      for (const [instant, refund] of boundaries) {
        t.setNow(instant);
        const read = await guestRead(b.id, b.token);
        expect(read.cancellation, instant).toMatchObject({ refundIfCancelledNow: refund, cancellable: true });
      }
    });

    test.each(boundaries.map(([instant, refund]) => [instant, refund]))('the guest cancelling at %s gets %i back through Stripe', async (instant, refund) => {
      t.setNow(bookedAt);
      const h = await hotel('stripe', timezone);
      const b = await paid(h, checkIn, addDays(checkIn, 1));
      t.setNow(instant);
      const res = await guestCancel(b.id, b.token);
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await res.json()).toMatchObject({ refunded: refund, booking: { status: 'cancelled', amountRefunded: refund } });
      const refunds = stripe.requests({ method: 'POST', path: '/v1/refunds' });
      expect(refunds.map((r) => [r.params.amount, r.idempotencyKey])).toEqual(refund > 0 ? [[String(refund), `refund:${b.id}:booking`]] : []);
    });
  });

  describe('the guest cancels', () => {
    test('in stripe mode: the policy’s refund through Stripe once, the owner and the guest told, and never twice', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const b = await paid(h, '2026-12-10', '2026-12-11');
      t.setNow('2026-12-05T03:00:00Z');
      expect((await guestRead(b.id, b.token)).cancellation).toEqual({ summary: '50% refund if cancelled 3–6 days before arrival', refundIfCancelledNow: 10_000, cancellable: true });
      const res = await guestCancel(b.id, b.token);
      expect(await res.json()).toMatchObject({ refunded: 10_000, booking: { status: 'cancelled', amountPaid: 20_000, amountRefunded: 10_000, refundOwed: 0 } });
      expect(stripe.list('refund')[0]).toMatchObject({ amount: 10_000 });
      expect(stripe.list('refund')).toHaveLength(1);
      expect(stripe.requests({ method: 'POST', path: '/v1/refunds' })[0]!.idempotencyKey).toBe(`refund:${b.id}:booking`);

      await expectError(await guestCancel(b.id, b.token), 409, 'already_cancelled');
      expect((await guestRead(b.id, b.token)).cancellation).toMatchObject({ refundIfCancelledNow: 0, cancellable: false });
      // A stale confirm for the cancelled booking gives nothing more back: the policy decided the refund.
      expect((await t.request('POST', `/api/v1/public/bookings/${b.id}/confirm`, { key: b.token })).status).toBe(409);
      expect(stripe.list('refund')).toHaveLength(1);
      expect((await t.store.getBooking(b.id))!.amountRefunded).toBe(10_000);

      await t.deliverMail();
      const owners = sent.filter((m) => m.to === 'owner@pension.example' && /cancel/i.test(m.subject));
      expect(owners).toHaveLength(1);
      expect(owners[0]!.text).toContain('Refunded to the guest: $100.00');
      expect(sent.some((m) => m.to === guest.email && /cancel/i.test(m.subject) && m.text.includes('$100.00'))).toBe(true);
    });

    test('in stripe mode while Stripe fails: cancelled at once, the owner told, and the refund made once Stripe answers again', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const b = await paid(h, '2026-12-10', '2026-12-11');
      t.setNow('2026-12-05T03:00:00Z');
      stripe.failNext(10, 'error');
      const res = await guestCancel(b.id, b.token);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ refunded: 0, refundPending: 10_000, refundPendingBy: 'stripe', booking: { status: 'cancelled', amountRefunded: 0 } });
      expect(stripe.list('refund')).toHaveLength(0);
      await t.deliverMail();
      const toOwner = sent.find((m) => m.to === 'owner@pension.example' && /cancel/i.test(m.subject))!;
      expect(toOwner.text).toContain('Refund on its way (Stripe was unreachable; we retry it automatically): $100.00');
      expect(sent.some((m) => m.to === guest.email && /cancel/i.test(m.subject) && m.text.includes('Refunded: $100.00'))).toBe(true);

      // Still failing a minute later: tried again, nothing refunded, nothing lost.
      t.setNow('2026-12-05T03:01:00Z');
      expect(await t.runJobs()).toMatchObject({ retrying: 1 });
      stripe.clearFaults();
      t.setNow('2026-12-05T03:10:00Z');
      await t.runJobs();
      expect(stripe.list('refund')).toEqual([expect.objectContaining({ amount: 10_000 })]);
      expect(stripe.requests({ method: 'POST', path: '/v1/refunds' }).at(-1)!.idempotencyKey).toBe(`refund:${b.id}:booking`);
      expect(await t.store.getBooking(b.id)).toMatchObject({ status: 'cancelled', amountRefunded: 10_000 });
      t.setNow('2026-12-08T03:10:00Z');
      await t.runJobs();
      expect(stripe.list('refund')).toHaveLength(1);
    });

    test('a refund Stripe does not take in three days of trying is given up, and the owner told to make it', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const b = await paid(h, '2026-12-10', '2026-12-11');
      t.setNow('2026-12-05T03:00:00Z');
      stripe.failNext(1_000, 'error');
      expect(await (await guestCancel(b.id, b.token)).json()).toMatchObject({ refundPending: 10_000 });
      t.setNow('2026-12-08T02:30:00Z');
      expect(await t.runJobs()).toMatchObject({ retrying: 1, failed: 0 });
      await t.deliverMail();
      expect(sent.filter((m) => /could not be made/.test(m.subject))).toEqual([]);
      t.setNow('2026-12-08T03:00:00Z');
      expect(await t.runJobs()).toMatchObject({ retrying: 0, failed: 1 });
      stripe.clearFaults();
      await t.deliverMail();
      const told = sent.filter((m) => /could not be made/.test(m.subject));
      expect(told.map((m) => m.to)).toEqual(['owner@pension.example']);
      expect(told[0]!.text).toContain('is owed $100.00');
      t.setNow('2026-12-09T03:00:00Z');
      await t.runJobs();
      expect(stripe.list('refund')).toEqual([]);
    });

    test('a refund Stripe refuses outright at the cancellation: cancelled all the same, and the owner told to make it', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const b = await paid(h, '2026-12-10', '2026-12-11');
      // Refunded in Stripe's dashboard, behind directbook's back: Stripe now refuses any further refund.
      const intentId = (await t.store.getBooking(b.id))!.intentId!;
      await t.deps.payments!.refund({ intentId, amount: 20_000, idempotencyKey: 'dashboard', reason: 'requested_by_customer' });
      t.setNow('2026-12-05T03:00:00Z');
      const res = await guestCancel(b.id, b.token);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ refunded: 0, refundPending: 10_000, refundPendingBy: 'property', booking: { status: 'cancelled' } });
      await t.deliverMail();
      expect(sent.find((m) => m.to === guest.email && /cancel/i.test(m.subject))!.text).toContain('The property will refund $100.00 to you.');
      const toOwner = sent.find((m) => m.to === 'owner@pension.example' && /cancel/i.test(m.subject))!;
      expect(toOwner.text).toContain('To refund to the guest (by you: Stripe refused the refund): $100.00');
      expect(toOwner.text).not.toContain('we retry it automatically');
      // Nothing is retried: Stripe's answer will not change.
      t.setNow('2026-12-06T03:00:00Z');
      expect(await t.runJobs()).toMatchObject({ done: 0, retrying: 0, failed: 0 });
    });

    test('a failure right after the cancellation committed loses no refund: its job was stored with it', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const b = await paid(h, '2026-12-10', '2026-12-11');
      t.setNow('2026-12-05T03:00:00Z');
      expect((await cancelThenLoseTheConnection(b.id, b.token)).status).toBe(500);
      expect(await t.store.getBooking(b.id)).toMatchObject({ status: 'cancelled', amountRefunded: 0 });
      expect(stripe.list('refund')).toHaveLength(0);
      t.setNow('2026-12-05T03:01:00Z');
      await t.runJobs();
      expect(stripe.list('refund')).toEqual([expect.objectContaining({ amount: 10_000 })]);
      expect((await t.store.getBooking(b.id))!.amountRefunded).toBe(10_000);
    });

    test('in manual mode too: what the property owes is recorded with the cancellation, whatever fails after it', async () => {
      const h = await hotel('manual', 'Asia/Seoul');
      const b = await book(h, '2026-12-10', '2026-12-11');
      await t.request('POST', `/api/v1/public/bookings/${b.id}/card`, { key: b.token, body: { number: CARD, expMonth: 1, expYear: 2031, holderName: 'Min Kim' } });
      expect((await t.request('POST', `/api/v1/properties/${h.id}/bookings/${b.id}/deposit-charged`, { key: h.key })).status).toBe(200);
      expect((await cancelThenLoseTheConnection(b.id, b.token)).status).toBe(500);
      expect(await t.store.getBooking(b.id)).toMatchObject({ status: 'cancelled', amountPaid: 20_000, refundOwed: 20_000 });
    });

    test('a refund made at the cancellation leaves no job to refund it again', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const b = await paid(h, '2026-12-10', '2026-12-11');
      t.setNow('2026-12-05T03:00:00Z');
      expect(await (await guestCancel(b.id, b.token)).json()).toMatchObject({ refunded: 10_000 });
      t.setNow('2026-12-05T04:00:00Z');
      await t.runJobs();
      expect(stripe.list('refund')).toHaveLength(1);
      expect((await t.store.getBooking(b.id))!.amountRefunded).toBe(10_000);
    });

    test('in manual mode: the refund is recorded on the booking for the owner, who is told by e-mail', async () => {
      const h = await hotel('manual', 'Asia/Seoul');
      const b = await book(h, '2026-12-10', '2026-12-11');
      const card = await t.request('POST', `/api/v1/public/bookings/${b.id}/card`, { key: b.token, body: { number: CARD, expMonth: 1, expYear: 2031, holderName: 'Min Kim' } });
      expect(card.status).toBe(200);
      expect((await t.request('POST', `/api/v1/properties/${h.id}/bookings/${b.id}/deposit-charged`, { key: h.key })).status).toBe(200);
      const res = await guestCancel(b.id, b.token);
      expect(await res.json()).toMatchObject({ refunded: 20_000, booking: { status: 'cancelled', amountPaid: 20_000, amountRefunded: 0, refundOwed: 20_000 } });
      expect(stripe.list('refund')).toHaveLength(0);
      const ownerView = await (await t.request('GET', `/api/v1/properties/${h.id}/bookings/${b.id}`, { key: h.key })).json();
      expect(ownerView.booking.refundOwed).toBe(20_000);
      await t.deliverMail();
      const toOwner = sent.find((m) => m.to === 'owner@pension.example' && /cancel/i.test(m.subject))!;
      expect(toOwner.text).toContain('To refund to the guest (by you): $200.00');
      const toGuest = sent.find((m) => m.to === guest.email && /cancel/i.test(m.subject))!;
      expect(toGuest.text).toContain('The property will refund $200.00 to you.');
    });

    test('a guest who cancelled with nothing back gets nothing by confirming the old payment again', async () => {
      const h = await hotel('stripe', 'Asia/Seoul', { refundable: false });
      const b = await paid(h, '2026-12-10', '2026-12-11');
      expect(await (await guestCancel(b.id, b.token)).json()).toMatchObject({ refunded: 0 });
      await expectError(await t.request('POST', `/api/v1/public/bookings/${b.id}/confirm`, { key: b.token }), 409, 'booking_final');
      expect(stripe.list('refund')).toHaveLength(0);
      expect((await t.store.getBooking(b.id))!).toMatchObject({ amountPaid: 20_000, amountRefunded: 0, paymentRefusedAt: null });
    });

    test('a refund that changed since the page showed it stops the cancel, so the guest decides again', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const b = await paid(h, '2026-12-10', '2026-12-11');
      t.setNow('2026-12-03T14:00:00Z');
      const shown = (await guestRead(b.id, b.token)).cancellation.refundIfCancelledNow;
      expect(shown).toBe(20_000);
      t.setNow('2026-12-03T15:00:00Z');
      await expectError(await guestCancel(b.id, b.token, { expectedRefund: shown }), 409, 'refund_changed');
      await expect400(await guestCancel(b.id, b.token, { expectedRefund: 10_000, reason: 'x' }), 'reason');
      expect((await t.store.getBooking(b.id))!.status).toBe('confirmed');
      expect(await (await guestCancel(b.id, b.token, { expectedRefund: 10_000 })).json()).toMatchObject({ refunded: 10_000 });
    });

    test('a hold not yet paid is released: nothing to refund, the room free again', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const b = await book(h, '2026-12-10', '2026-12-11');
      expect((await guestRead(b.id, b.token)).cancellation).toMatchObject({ refundIfCancelledNow: 0, cancellable: true });
      expect(await (await guestCancel(b.id, b.token)).json()).toMatchObject({ refunded: 0, booking: { status: 'cancelled' } });
      const offer = (await (await t.request('GET', `/api/v1/public/properties/${h.id}/availability?checkIn=2026-12-10&checkOut=2026-12-11`)).json()).roomTypes[0].rates[0];
      expect(offer.unitsLeft).toBe(1);
    });

    test('after the day of arrival the guest can no longer cancel here', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const b = await paid(h, '2026-12-10', '2026-12-11');
      // 01:00 on 11 Dec in Seoul: the day after arrival.
      t.setNow('2026-12-10T16:00:00Z');
      expect((await guestRead(b.id, b.token)).cancellation).toMatchObject({ refundIfCancelledNow: 0, cancellable: false });
      await expectError(await guestCancel(b.id, b.token), 409, 'booking_final');
      expect((await t.store.getBooking(b.id))!.status).toBe('confirmed');
    });

    test('a wrong or missing token is answered 404, like an unknown booking, and nothing changes', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const b = await paid(h, '2026-12-10', '2026-12-11');
      await expectError(await guestCancel(b.id), 404, 'not_found');
      await expectError(await guestCancel(b.id, 'not-the-token'), 404, 'not_found');
      await expectError(await guestCancel('bk_unknown', b.token), 404, 'not_found');
      await expectError(await t.request('GET', `/api/v1/public/bookings/${b.id}`), 404, 'not_found');
      expect((await t.store.getBooking(b.id))!.status).toBe('confirmed');
      expect(stripe.list('refund')).toHaveLength(0);
    });
  });

  describe('the owner chooses the refund', () => {
    test.each([
      [undefined, 10_000],
      ['policy', 10_000],
      ['full', 20_000],
      ['none', 0],
      [{ amount: 12_345 }, 12_345],
      [{ amount: 20_000 }, 20_000],
    ])('refund %j gives back %i', async (refund, expected) => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const b = await paid(h, '2026-12-10', '2026-12-11');
      t.setNow('2026-12-05T03:00:00Z');
      const res = await owner(h, b.id, { scope: 'booking', ...(refund === undefined ? {} : { refund }) });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await res.json()).toMatchObject({ refunded: expected, booking: { status: 'cancelled', amountRefunded: expected } });
      expect(stripe.list('refund')).toHaveLength(expected > 0 ? 1 : 0);
    });

    test('an amount above what was paid, less what was refunded, is refused naming refund.amount, and nothing changes', async () => {
      const h = await hotel('stripe', 'Asia/Seoul');
      const b = await paid(h, '2026-12-10', '2026-12-11');
      await expect400(await owner(h, b.id, { scope: 'booking', refund: { amount: 20_001 } }), 'refund.amount');
      await expect400(await owner(h, b.id, { scope: 'booking', refund: { amount: -1 } }), 'refund.amount');
      await expect400(await owner(h, b.id, { scope: 'booking', refund: 'some' }), 'refund');
      expect((await t.store.getBooking(b.id))!).toMatchObject({ status: 'confirmed', amountRefunded: 0 });
      // The payment alone, in two parts: each part its own refund, the second bounded by what is left.
      expect(await (await owner(h, b.id, { scope: 'payment', refund: { amount: 5_000 } })).json()).toMatchObject({ refunded: 5_000, booking: { status: 'confirmed' } });
      await expect400(await owner(h, b.id, { scope: 'payment', refund: { amount: 15_001 } }), 'refund.amount');
      expect(await (await owner(h, b.id, { scope: 'payment', refund: { amount: 15_000 } })).json()).toMatchObject({ refunded: 15_000, booking: { amountRefunded: 20_000 } });
      expect(stripe.requests({ method: 'POST', path: '/v1/refunds' }).map((r) => r.idempotencyKey)).toEqual([`refund:${b.id}:payment:0`, `refund:${b.id}:payment:5000`]);
    });

    test('the old booleans still work: true refunds everything, false nothing', async () => {
      const h = await hotel('stripe', 'Asia/Seoul', { refundable: false });
      const a = await paid(h, '2026-12-10', '2026-12-11');
      expect(await (await owner(h, a.id, { scope: 'booking', refund: true })).json()).toMatchObject({ refunded: 20_000 });
      const b = await paid(h, '2026-12-12', '2026-12-13');
      expect(await (await owner(h, b.id, { scope: 'booking', refund: false })).json()).toMatchObject({ refunded: 0 });
      const c = await paid(h, '2026-12-14', '2026-12-15');
      expect(await (await owner(h, c.id, { scope: 'booking' })).json()).toMatchObject({ refunded: 0 });
    });
  });
});
