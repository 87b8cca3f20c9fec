// SPEC 2.23 (issue 14): what the owner's desk asks of the API — finding a booking the way a guest
// names it, statuses as of now, inclusive ranges, keeping the card, recording balance payments, and
// telling a site that is not allowed to embed the widget why.
import { describe, expect, test } from 'vitest';
import { addDays } from '../shared/dates.ts';
import { backends, expect400, expectError, json, useTestApp, type Json } from './support/api.ts';
import { bookingWithCard, heldBooking, manualHotel, ownerCall } from './support/manual-card.ts';
import type { TestApp } from './support/test-app.ts';

const SITE = 'https://harbour.example';

describe.each(backends)('the owner desk on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);
  const list = async (t: TestApp, hotel: { id: string; key: string }, query: string) =>
    (await json(await t.request('GET', `/api/v1/properties/${hotel.id}/bookings?${query}`, { key: hotel.key }))).bookings as Json[];
  const read = async (t: TestApp, hotel: { id: string; key: string }, id: string) => json(await t.request('GET', `/api/v1/properties/${hotel.id}/bookings/${id}`, { key: hotel.key }));

  test('a guest on the phone is found by their reference, any case, with or without DB-', async () => {
    const hotel = await manualHotel(app());
    const id = await bookingWithCard(app(), hotel);
    await bookingWithCard(app(), hotel);
    const { booking } = await read(app(), hotel, id);
    const code = (booking.reference as string).slice(3);
    for (const q of [booking.reference, booking.reference.toLowerCase(), code, code.toLowerCase()]) {
      expect((await list(app(), hotel, `q=${encodeURIComponent(q)}`)).map((b) => b.id)).toEqual([id]);
    }
  });

  test('a booking is found by part of the guest’s name, their full name or their e-mail, any case', async () => {
    const hotel = await manualHotel(app());
    const id = await bookingWithCard(app(), hotel);
    for (const q of ['putri', 'RAHAYU', 'Putri Rahayu', 'ahay', 'PUTRI@example.com']) {
      expect((await list(app(), hotel, `q=${encodeURIComponent(q)}`)).map((b) => b.id)).toEqual([id]);
    }
    expect(await list(app(), hotel, 'q=nobody')).toEqual([]);
    expect(await list(app(), hotel, 'q=100%25')).toEqual([]);
  });

  test('a hold past its expiry is expired in the owner’s list and view and the guest’s view before housekeeping runs', async () => {
    const hotel = await manualHotel(app());
    const { id, clientToken } = await heldBooking(app(), hotel);
    expect((await list(app(), hotel, 'status=pending')).map((b) => b.id)).toEqual([id]);
    app().setNow(new Date(app().now().getTime() + 16 * 60_000));
    expect(await list(app(), hotel, 'status=pending')).toEqual([]);
    expect((await list(app(), hotel, 'status=expired')).map((b) => b.id)).toEqual([id]);
    expect((await list(app(), hotel, '')).map((b) => b.status)).toEqual(['expired']);
    expect((await read(app(), hotel, id)).booking.status).toBe('expired');
    expect((await json(await app().request('GET', `/api/v1/public/bookings/${id}`, { key: clientToken }))).booking.status).toBe('expired');
  });

  test('ranges are inclusive: the calendar shows its last day and the list takes a stay starting on `to`', async () => {
    const hotel = await manualHotel(app());
    const id = await bookingWithCard(app(), hotel, { checkIn: '2026-12-10', checkOut: '2026-12-12' });
    const { days } = await json(await app().request('GET', `/api/v1/public/properties/${hotel.id}/calendar?from=2026-12-01&to=2026-12-03`));
    expect(days.map((d: Json) => d.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    const oneDay = await json(await app().request('GET', `/api/v1/public/properties/${hotel.id}/calendar?from=2026-12-05&to=2026-12-05`));
    expect(oneDay.days.map((d: Json) => d.date)).toEqual(['2026-12-05']);
    expect((await list(app(), hotel, 'from=2026-12-01&to=2026-12-10')).map((b) => b.id)).toEqual([id]);
    expect(await list(app(), hotel, 'from=2026-12-01&to=2026-12-09')).toEqual([]);
  });

  test('with cardRetention until_checkout the card stays after the deposit is charged, and goes after checkout', async () => {
    const hotel = await manualHotel(app());
    const patched = await app().request('PATCH', `/api/v1/properties/${hotel.id}`, { key: hotel.key, body: { cardRetention: 'until_checkout' } });
    expect((await json(patched)).property.cardRetention).toBe('until_checkout');
    const id = await bookingWithCard(app(), hotel);
    expect((await ownerCall(app(), hotel, `${id}/deposit-charged`)).status).toBe(200);
    expect((await read(app(), hotel, id)).booking.cardStored).toBe(true);
    expect((await ownerCall(app(), hotel, `${id}/card/reveal`, { reason: 'Charging the balance' })).status).toBe(200);
    await app().store.housekeeping(app().now().toISOString(), addDays('2026-12-03', 1), '2026-12-04');
    expect((await read(app(), hotel, id)).booking.cardStored).toBe(false);
  });

  test('by default the card is erased when the deposit is marked charged', async () => {
    const hotel = await manualHotel(app());
    const id = await bookingWithCard(app(), hotel);
    expect((await ownerCall(app(), hotel, `${id}/deposit-charged`)).status).toBe(200);
    expect((await read(app(), hotel, id)).booking.cardStored).toBe(false);
  });

  test('recorded balance payments raise amountPaid, lower balanceDue and end with the balance paid', async () => {
    const hotel = await manualHotel(app());
    const id = await bookingWithCard(app(), hotel);
    await ownerCall(app(), hotel, `${id}/deposit-charged`);
    const first = await ownerCall(app(), hotel, `${id}/payments`, { amount: 10_000, method: 'cash', note: 'At check-in' });
    expect(first.status).toBe(201);
    const firstBody = await json(first);
    expect(firstBody.booking).toMatchObject({ amountPaid: 25_000, balanceDue: 5_000, balanceStatus: 'at_property' });
    expect(firstBody.payment).toMatchObject({ amount: 10_000, method: 'cash', note: 'At check-in' });
    await expectError(await ownerCall(app(), hotel, `${id}/payments`, { amount: 5_001, method: 'card' }), 409, 'over_balance');
    const last = await json(await ownerCall(app(), hotel, `${id}/payments`, { amount: 5_000, method: 'bank_transfer' }));
    expect(last.booking).toMatchObject({ amountPaid: 30_000, balanceDue: 0, balanceStatus: 'paid' });
    const view = await read(app(), hotel, id);
    expect(view.payments.map((p: Json) => [p.amount, p.method])).toEqual([
      [10_000, 'cash'],
      [5_000, 'bank_transfer'],
    ]);
  });

  test('a bad payment is 400 naming its field and changes nothing; a hold takes no payment', async () => {
    const hotel = await manualHotel(app());
    const id = await bookingWithCard(app(), hotel);
    await expect400(await ownerCall(app(), hotel, `${id}/payments`, { amount: 0, method: 'cash' }), 'amount');
    await expect400(await ownerCall(app(), hotel, `${id}/payments`, { amount: 12.5, method: 'cash' }), 'amount');
    await expect400(await ownerCall(app(), hotel, `${id}/payments`, { amount: 100, method: 'cheque' }), 'method');
    expect((await read(app(), hotel, id)).booking).toMatchObject({ amountPaid: 0, balanceDue: 15_000 });
    const held = await heldBooking(app(), hotel);
    await expectError(await ownerCall(app(), hotel, `${held.id}/payments`, { amount: 100, method: 'cash' }), 409, 'not_confirmed');
  });

  test('a listed site reads the property with embedAllowed; any other site learns only that it is not allowed', async () => {
    const owner = await app().createProperty({ allowedOrigins: [SITE] });
    const url = `/api/v1/public/properties/${owner.id}`;
    const listed = await app().request('GET', url, { headers: { origin: SITE } });
    expect(listed.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(await json(listed)).toMatchObject({ id: owner.id, embedAllowed: true });
    const other = await app().request('GET', url, { headers: { origin: 'https://elsewhere.example' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBe('https://elsewhere.example');
    expect(await json(other)).toEqual({ embedAllowed: false });
    expect(await json(await app().request('GET', url))).toMatchObject({ id: owner.id, embedAllowed: true });
    const rates = await app().request('GET', `${url}/availability`, { headers: { origin: 'https://elsewhere.example' } });
    expect(rates.headers.get('access-control-allow-origin')).toBeNull();
  });
});
