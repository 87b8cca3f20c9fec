// SPEC 2.20: the settlement report through the API, paid through the Stripe stand-in (whose balance
// transactions carry Stripe's fee), on SQLite and on PostgreSQL.
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PaymentsError, type Payments } from '../server/payments/payments.ts';
import type { TestApp } from './support/test-app.ts';
import { startStripeApp } from './stripe-app.ts';
import type { BalanceTransaction, PaymentIntent, StripeStandIn } from './stripe-stand-in/server.ts';
import { backends } from './support/api.ts';

const GUEST = { firstName: 'Yuna', lastName: 'Park', email: 'yuna@example.com' };

interface Hotel {
  id: string;
  key: string;
  rateId: string;
}

describe.each(backends)('the settlement report on %s', (_backend, databaseUrl) => {
  let t: TestApp;
  let stripe: StripeStandIn;
  let payments: Payments;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ t, stripe, payments, close } = await startStripeApp({ app: { databaseUrl } }));
  });
  afterEach(() => close());

  async function hotel(property: { paymentMode: 'stripe' | 'manual'; currency: string }, nightlyPrice: number, deposit: object): Promise<Hotel> {
    const p = await t.createProperty({ ...property, timezone: 'Asia/Seoul', acceptedCardBrands: ['visa'] });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Suite', maxGuests: 2, units: 10 } })).json();
    const rate = await (await t.request('POST', `/api/v1/properties/${p.id}/rates`, { key: p.key, body: { roomTypeId: rt.roomType.id, name: 'Suite', nightlyPrice, deposit } })).json();
    return { id: p.id, key: p.key, rateId: rate.rate.id };
  }

  async function book(h: Hotel, checkIn: string, checkOut: string, guest: object = GUEST): Promise<{ id: string; reference: string; clientToken: string }> {
    const res = await t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body: { checkIn, checkOut, rooms: [{ rateId: h.rateId, adults: 2 }], guest } });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await res.json();
    return { id: body.booking.id, reference: body.booking.reference, clientToken: body.clientToken };
  }

  async function paidBooking(h: Hotel, checkIn: string, checkOut: string, guest?: object) {
    const booking = await book(h, checkIn, checkOut, guest);
    await stripe.succeed((await t.store.getBooking(booking.id))!.intentId!);
    expect((await t.store.getBooking(booking.id))!.status).toBe('confirmed');
    return booking;
  }

  const report = (h: Hotel, query: Record<string, string>, key = h.key) => t.request('GET', `/api/v1/properties/${h.id}/reports/settlement?${new URLSearchParams(query)}`, { key });

  async function jsonReport(h: Hotel, query: Record<string, string>) {
    const res = await report(h, query);
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json();
  }

  async function csvReport(h: Hotel, query: Record<string, string>) {
    const res = await report(h, { ...query, format: 'csv' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    return { bytes, records: parse(bytes, { bom: true }) };
  }

  /** A USD hotel at $250 a night with a 30% deposit: $150.00 on a two-night stay, on which Stripe keeps $4.65. */
  const usdHotel = () => hotel({ paymentMode: 'stripe', currency: 'USD' }, 25_000, { type: 'percentage', percent: 30 });

  /**
   * A: in by check-in and by payment. B: both, cancelled with $50 back. C: paid in November, arrives
   * after the check-in period. D: arrives in it, paid at 01:00 on 1 December in Seoul (30 November in UTC).
   */
  async function november(h: Hotel) {
    const a = await paidBooking(h, '2026-12-05', '2026-12-07');
    const b = await paidBooking(h, '2026-12-10', '2026-12-12', { firstName: '=SUM(1+1)', lastName: 'Lee, "Jr."', email: 'lee@example.com' });
    const cancelled = await t.request('POST', `/api/v1/properties/${h.id}/bookings/${b.id}/cancel`, { key: h.key, body: { scope: 'booking', refund: { amount: 5_000 } } });
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    const c = await paidBooking(h, '2026-12-20', '2026-12-22');
    await book(h, '2026-12-06', '2026-12-08'); // never paid: lapses, and is no part of any settlement
    t.setNow('2026-11-30T15:55:00Z');
    const d = await book(h, '2026-12-08', '2026-12-10');
    t.setNow('2026-11-30T16:00:00Z');
    await stripe.succeed((await t.store.getBooking(d.id))!.intentId!);
    return { a, b, c, d };
  }

  test('each Stripe booking shows its deposit, refunds, the fee from its balance transaction and the net, and the totals add up', async () => {
    const h = await usdHotel();
    const { a, b, d } = await november(h);
    expect(stripe.list<BalanceTransaction>('balance_transaction').map((txn) => txn.fee)).toEqual([465, 465, 465, 465]);

    const body = await jsonReport(h, { from: '2026-12-01', to: '2026-12-15' });
    expect(body).toMatchObject({ from: '2026-12-01', to: '2026-12-15', by: 'checkIn', currency: 'USD' });
    expect(body.rows).toEqual([
      {
        bookingId: a.id,
        reference: a.reference,
        checkIn: '2026-12-05',
        checkOut: '2026-12-07',
        guestName: 'Yuna Park',
        status: 'confirmed',
        paymentMode: 'stripe',
        paidOn: '2026-11-24',
        currency: 'USD',
        total: 50_000,
        deposit: 15_000,
        balance: 0,
        collected: 15_000,
        refunded: 0,
        fee: 465,
        net: 14_535,
      },
      expect.objectContaining({ reference: d.reference, paidOn: '2026-12-01', collected: 15_000, fee: 465, net: 14_535 }),
      expect.objectContaining({ reference: b.reference, guestName: '=SUM(1+1) Lee, "Jr."', status: 'cancelled', collected: 15_000, refunded: 5_000, fee: 465, net: 9_535 }),
    ]);
    expect(body.totals).toEqual({ total: 150_000, deposit: 45_000, balance: 0, collected: 45_000, refunded: 5_000, fee: 1_395, net: 38_605 });
    for (const key of Object.keys(body.totals)) {
      expect(body.totals[key]).toBe(body.rows.reduce((sum: number, row: Record<string, number>) => sum + row[key]!, 0));
    }
  });

  test('by payment date takes the bookings paid in the period, on the property’s calendar, whenever they arrive', async () => {
    const h = await usdHotel();
    const { a, b, c, d } = await november(h);
    const byCheckIn = await jsonReport(h, { from: '2026-12-01', to: '2026-12-15', by: 'checkIn' });
    const byPayment = await jsonReport(h, { from: '2026-11-20', to: '2026-11-30', by: 'payment' });
    expect(byCheckIn.rows.map((row: { reference: string }) => row.reference)).toEqual([a.reference, d.reference, b.reference]);
    expect(byPayment.rows.map((row: { reference: string }) => row.reference)).toEqual([a.reference, b.reference, c.reference]);
    expect(byPayment.by).toBe('payment');
    const december = await jsonReport(h, { from: '2026-12-01', to: '2026-12-01', by: 'payment' });
    expect(december.rows.map((row: { reference: string }) => row.reference)).toEqual([d.reference]);
  });

  test('the CSV opens in a spreadsheet as is: BOM, header, dollars with cents, a totals row, and no formula from a guest’s name', async () => {
    const h = await usdHotel();
    const { a, b } = await november(h);
    const { bytes, records } = await csvReport(h, { from: '2026-12-01', to: '2026-12-15' });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rest] = records;
    expect(header).toEqual([
      'Reference',
      'Check-in',
      'Check-out',
      'Guest',
      'Status',
      'Payment mode',
      'Paid on',
      'Currency',
      'Total',
      'Deposit',
      'Balance',
      'Collected',
      'Refunded',
      'Stripe fee',
      'Net',
    ]);
    const rows = rest.slice(0, -1);
    const totals = rest.at(-1)!;
    expect(rows[0]).toEqual([
      a.reference,
      '2026-12-05',
      '2026-12-07',
      'Yuna Park',
      'confirmed',
      'stripe',
      '2026-11-24',
      'USD',
      '500.00',
      '150.00',
      '0.00',
      '150.00',
      '0.00',
      '4.65',
      '145.35',
    ]);
    expect(rows[2]!.slice(0, 5)).toEqual([b.reference, '2026-12-10', '2026-12-12', `'=SUM(1+1) Lee, "Jr."`, 'cancelled']);
    expect(rows[2]!.slice(-4)).toEqual(['150.00', '50.00', '4.65', '95.35']);
    expect(totals).toEqual(['Total', '', '', '', '', '', '', 'USD', '1500.00', '450.00', '0.00', '450.00', '50.00', '13.95', '386.05']);
    for (let column = 8; column < header!.length; column++) {
      const cents = rows.reduce((sum, row) => sum + Math.round(Number(row[column]) * 100), 0);
      expect(cents / 100).toBe(Number(totals[column]));
    }
  });

  test('a fee Stripe could not tell when the payment arrived is read from the balance transaction when the report is made, and kept', async () => {
    const h = await usdHotel();
    const fee = vi.spyOn(payments, 'chargeFee').mockRejectedValueOnce(new PaymentsError('unavailable', 'Stripe is unreachable', true));
    const a = await paidBooking(h, '2026-12-05', '2026-12-07');
    expect(fee).toHaveBeenCalledTimes(1);

    const first = await jsonReport(h, { from: '2026-12-01', to: '2026-12-31' });
    expect(first.rows).toEqual([expect.objectContaining({ reference: a.reference, fee: 465, net: 14_535 })]);
    expect(fee).toHaveBeenCalledTimes(2);
    const intentId = (await t.store.getBooking(a.id))!.intentId!;
    expect(stripe.requests({ method: 'GET', path: `/v1/payment_intents/${intentId}` }).at(-1)!.params).toMatchObject({ expand: ['latest_charge.balance_transaction'] });

    await jsonReport(h, { from: '2026-12-01', to: '2026-12-31' });
    expect(fee).toHaveBeenCalledTimes(2);
  });

  test('a balance the guest paid later through Stripe is collected beside the deposit, with its own fee', async () => {
    const h = await usdHotel();
    const a = await paidBooking(h, '2026-12-05', '2026-12-07');
    t.setNow('2026-12-01T02:00:00Z');
    const asked = await t.request('POST', `/api/v1/public/bookings/${a.id}/balance`, { key: a.clientToken });
    expect(asked.status, await asked.clone().text()).toBe(200);
    const balanceIntent = stripe.list<PaymentIntent>('payment_intent').find((intent) => intent.metadata['purpose'] === 'balance')!;
    await stripe.succeed(balanceIntent.id);
    expect((await t.store.getBooking(a.id))!.amountPaid).toBe(50_000);

    const body = await jsonReport(h, { from: '2026-12-01', to: '2026-12-31' });
    // Stripe keeps 2.9% + 30¢ of each charge: $4.65 of the deposit, $10.45 of the $350 balance.
    expect(body.rows).toEqual([expect.objectContaining({ paidOn: '2026-11-24', deposit: 15_000, balance: 35_000, collected: 50_000, fee: 1_510, net: 48_490 })]);
    expect(body.totals).toMatchObject({ deposit: 15_000, balance: 35_000, collected: 50_000, fee: 1_510 });
  });

  test('a Stripe booking in won: fee 2.9% with no fixed part, and whole won in the CSV', async () => {
    const h = await hotel({ paymentMode: 'stripe', currency: 'KRW' }, 150_000, { type: 'percentage', percent: 30 });
    const a = await paidBooking(h, '2026-12-05', '2026-12-07');
    const body = await jsonReport(h, { from: '2026-12-01', to: '2026-12-31' });
    expect(body.rows).toEqual([expect.objectContaining({ reference: a.reference, currency: 'KRW', total: 300_000, collected: 90_000, fee: 2_610, net: 87_390 })]);
    const { records } = await csvReport(h, { from: '2026-12-01', to: '2026-12-31' });
    expect(records[1]!.slice(7)).toEqual(['KRW', '300000', '90000', '0', '90000', '0', '2610', '87390']);
    expect(records.at(-1)!.slice(7)).toEqual(['KRW', '300000', '90000', '0', '90000', '0', '2610', '87390']);
  });

  test('a manual booking pays no Stripe fee; one whose deposit is not charged yet shows nothing collected and no payment day', async () => {
    const h = await hotel({ paymentMode: 'manual', currency: 'KRW' }, 150_000, { type: 'first_night' });
    const card = { number: '4111111111111111', expMonth: 7, expYear: 2031, holderName: 'Yuna Park' };
    const charged = await book(h, '2026-12-05', '2026-12-07');
    const waiting = await book(h, '2026-12-09', '2026-12-10');
    for (const b of [charged, waiting]) expect((await t.request('POST', `/api/v1/public/bookings/${b.id}/card`, { key: b.clientToken, body: card })).status).toBe(200);
    t.setNow('2026-11-25T01:00:00Z');
    expect((await t.request('POST', `/api/v1/properties/${h.id}/bookings/${charged.id}/deposit-charged`, { key: h.key })).status).toBe(200);

    const byCheckIn = await jsonReport(h, { from: '2026-12-01', to: '2026-12-31' });
    expect(byCheckIn.rows).toEqual([
      expect.objectContaining({ reference: charged.reference, paymentMode: 'manual', paidOn: '2026-11-25', collected: 150_000, fee: 0, net: 150_000 }),
      expect.objectContaining({ reference: waiting.reference, status: 'confirmed', paidOn: null, collected: 0, fee: 0, net: 0 }),
    ]);
    const byPayment = await jsonReport(h, { from: '2026-11-01', to: '2026-11-30', by: 'payment' });
    expect(byPayment.rows.map((row: { reference: string }) => row.reference)).toEqual([charged.reference]);
    const { records } = await csvReport(h, { from: '2026-11-01', to: '2026-11-30', by: 'payment' });
    expect(records.at(-1)).toEqual(['Total', '', '', '', '', '', '', 'KRW', '300000', '150000', '0', '150000', '0', '0', '150000']);
  });

  test('a balance the owner records by hand is collected as balance, beside the deposit, with no fee', async () => {
    const h = await hotel({ paymentMode: 'manual', currency: 'KRW' }, 150_000, { type: 'first_night' });
    const b = await book(h, '2026-12-05', '2026-12-07');
    const card = { number: '4111111111111111', expMonth: 7, expYear: 2031, holderName: 'Yuna Park' };
    expect((await t.request('POST', `/api/v1/public/bookings/${b.id}/card`, { key: b.clientToken, body: card })).status).toBe(200);
    t.setNow('2026-11-25T01:00:00Z');
    expect((await t.request('POST', `/api/v1/properties/${h.id}/bookings/${b.id}/deposit-charged`, { key: h.key })).status).toBe(200);
    t.setNow('2026-12-06T03:00:00Z');
    const recorded = await t.request('POST', `/api/v1/properties/${h.id}/bookings/${b.id}/payments`, { key: h.key, body: { amount: 150_000, method: 'cash' } });
    expect(recorded.status).toBe(201);

    const [row] = (await jsonReport(h, { from: '2026-12-01', to: '2026-12-31' })).rows;
    expect(row).toMatchObject({ reference: b.reference, paidOn: '2026-11-25', deposit: 150_000, balance: 150_000, collected: 300_000, fee: 0, net: 300_000 });
  });

  test('a period must be real dates, in order, and at most 366 days; the error names the field', async () => {
    const h = await usdHotel();
    const refused = async (query: Record<string, string>) => {
      const res = await report(h, query);
      expect(res.status).toBe(400);
      return ((await res.json()).error.details as { path: string }[]).map((d) => d.path);
    };
    expect(await refused({ from: '2026-12-10', to: '2026-12-01' })).toEqual(['to']);
    expect(await refused({ from: '2026-01-01', to: '2027-01-02' })).toEqual(['to']);
    expect(await refused({ from: '2026-02-30', to: '2026-03-01' })).toEqual(['from']);
    expect(await refused({ to: '2026-03-01' })).toEqual(['from']);
    expect(await refused({ from: '2026-01-01', to: '2026-01-31', by: 'stay' })).toEqual(['by']);
    expect(await refused({ from: '2026-01-01', to: '2026-01-31', format: 'xlsx' })).toEqual(['format']);
    expect((await report(h, { from: '2026-01-01', to: '2027-01-01' })).status).toBe(200);
  });

  test('the report needs a key with the bookings scope', async () => {
    const h = await usdHotel();
    const keyWith = async (scopes: string[]) =>
      (await (await t.request('POST', `/api/v1/properties/${h.id}/keys`, { key: h.key, body: { name: scopes.join('+'), scopes } })).json()).secretKey as string;
    const period = { from: '2026-12-01', to: '2026-12-31' };
    const catalogue = await report(h, period, await keyWith(['rates']));
    expect(catalogue.status).toBe(403);
    expect((await catalogue.json()).error.message).toContain('bookings');
    expect((await report(h, period, await keyWith(['bookings']))).status).toBe(200);
  });
});

test('the API reference documents the report, its query and both formats', async () => {
  const { openApiDocument } = await import('../server/routes/docs.ts');
  const operation = openApiDocument().paths['/api/v1/properties/{pid}/reports/settlement']!['get'] as {
    parameters: { name: string; in: string }[];
    description: string;
    responses: Record<string, { content?: Record<string, unknown> }>;
  };
  expect(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(['from', 'to', 'by', 'format']);
  expect(Object.keys(operation.responses['200']!.content!)).toEqual(['application/json', 'text/csv']);
  expect(operation.description).toContain('bookings');
});
