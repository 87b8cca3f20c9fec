// SPEC 2.13: a property's taxes, fees and price display through the owner and public APIs: quote
// lines, availability's all-in price, deposits, stored booking lines and the confirmation e-mail.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OutgoingMail } from '../server/mail/transport.ts';
import { backends, createExtra, createRate, createRoomType, expect400, json, type Json, type Owner } from './support/api.ts';
import { CARD } from './support/manual-card.ts';
import type { TestApp } from './support/test-app.ts';
import { startStripeApp } from './stripe-app.ts';
import type { StripeStandIn } from './stripe-stand-in/server.ts';

const stay = { checkIn: '2026-12-05', checkOut: '2026-12-08' };
const guest = { firstName: 'Mina', lastName: 'Cho', email: 'mina@example.com' };

// Every fee basis and tax type on one property. For 3 nights at 10,000 with 2 adults and 1 child:
// fees 3,000 + 3 × 1,000 + 3 × 500 + 3 × 3 × 100 = 8,400; the city tax 200 × 2 adults × 2 nights (cap) = 800;
// the levy 3 × 300 = 900; the stay tax 700; VAT 10% and service 5% of the room (and extras), GST inside.
const fees = [
  { name: 'Cleaning', amount: 3_000, per: 'stay' },
  { name: 'Resort fee', amount: 1_000, per: 'night' },
  { name: 'Linen', amount: 500, per: 'guest' },
  { name: 'Towels', amount: 100, per: 'guest_night' },
];
const taxes = [
  { name: 'City tax', type: 'per_person_night', amount: 200, childrenExempt: true, maxNights: 2 },
  { name: 'Levy', type: 'per_room_night', amount: 300 },
  { name: 'Stay tax', type: 'per_stay', amount: 700 },
  { name: 'VAT', type: 'percent', percent: 10 },
  { name: 'Service', type: 'percent', percent: 5, appliesTo: 'room_and_extras' },
  { name: 'GST', type: 'percent', percent: 5, inclusive: true },
];

describe.each(backends)('taxes and fees on %s', (_name, databaseUrl) => {
  let t: TestApp;
  let stripe: StripeStandIn;
  let close: () => Promise<void>;
  const sent: OutgoingMail[] = [];
  beforeAll(async () => {
    ({ t, stripe, close } = await startStripeApp({ app: { databaseUrl, mailTransport: { send: async (m) => void sent.push(m) } } }));
  });
  afterAll(async () => close?.());

  const propertyPath = (owner: Owner) => `/api/v1/properties/${owner.id}`;
  const patch = (owner: Owner, body: Json) => t.request('PATCH', propertyPath(owner), { key: owner.key, body });
  const readProperty = async (owner: Owner) => (await json(await t.request('GET', propertyPath(owner), { key: owner.key }))).property as Json;
  const quote = (owner: Owner, body: Json) => t.request('POST', `/api/v1/public/properties/${owner.id}/quotes`, { body: { ...stay, ...body } });
  const book = (owner: Owner, body: Json) => t.request('POST', `/api/v1/public/properties/${owner.id}/bookings`, { body: { ...stay, guest, ...body } });

  async function hotel(property: Json = {}, deposit: Json = { type: 'percentage', percent: 30 }) {
    const owner: Owner = await t.createProperty({ taxes, fees, ...property });
    const roomType = await createRoomType(t, owner, { maxGuests: 4 });
    const rate = await createRate(t, owner, roomType.id, { nightlyPrice: 10_000, deposit });
    return { owner, roomTypeId: roomType.id as string, rateId: rate.id as string };
  }

  test('an owner sets taxes, fees and the price display, and reads them back; a new property has none and shows totals', async () => {
    const owner: Owner = await t.createProperty();
    expect(await readProperty(owner)).toMatchObject({ taxes: [], fees: [], priceDisplay: 'total' });
    const res = await patch(owner, { taxes, fees, priceDisplay: 'base' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await readProperty(owner)).toMatchObject({ taxes, fees, priceDisplay: 'base' });
  });

  test('bad taxes and fees are refused with the field named, and nothing changes', async () => {
    const owner: Owner = await t.createProperty({ taxes, fees });
    const tax = (body: Json) => patch(owner, { name: 'Renamed', taxes: [taxes[0], body] });
    await expect400(await tax({ name: 'VAT', type: 'percent', percent: 0 }), 'taxes.1.percent');
    await expect400(await tax({ name: 'VAT', type: 'percent', percent: 100.5 }), 'taxes.1.percent');
    await expect400(await tax({ name: 'VAT', type: 'percent', percent: 7.125 }), 'taxes.1.percent');
    await expect400(await tax({ name: 'VAT', type: 'percent', amount: 100 }), 'taxes.1.percent');
    await expect400(await tax({ name: 'Stay tax', type: 'per_stay', amount: 100, percent: 5 }), 'taxes.1.percent');
    await expect400(await tax({ name: 'City tax', type: 'per_person_night', amount: 200, inclusive: true }), 'taxes.1.inclusive');
    await expect400(await tax({ name: 'Levy', type: 'per_room_night', amount: 10.5 }), 'taxes.1.amount');
    await expect400(await tax({ name: 'Levy', type: 'per_room_night', amount: -1 }), 'taxes.1.amount');
    await expect400(await tax({ name: '', type: 'per_stay', amount: 100 }), 'taxes.1.name');
    await expect400(await tax({ name: 'x'.repeat(81), type: 'per_stay', amount: 100 }), 'taxes.1.name');
    await expect400(await tax({ name: 'Tip', type: 'per_guest', amount: 100 }), 'taxes.1.type');
    await expect400(await patch(owner, { taxes: Array.from({ length: 21 }, () => taxes[1]) }), 'taxes');
    await expect400(await patch(owner, { fees: [{ name: 'Cleaning', amount: 0, per: 'stay' }] }), 'fees.0.amount');
    await expect400(await patch(owner, { fees: [{ name: 'Cleaning', amount: 2_000, per: 'week' }] }), 'fees.0.per');
    await expect400(await patch(owner, { fees: Array.from({ length: 21 }, () => fees[0]) }), 'fees');
    await expect400(await patch(owner, { priceDisplay: 'all-in' }), 'priceDisplay');
    expect(await readProperty(owner)).toMatchObject({ name: 'Test Inn', taxes, fees, priceDisplay: 'total' });
  });

  test('a quote has a line per fee and per tax, taxes on the room price after the discount, the inclusive one adding nothing', async () => {
    const { owner, rateId } = await hotel();
    const breakfast = await createExtra(t, owner, { price: 1_500, per: 'guest_night' });
    const promo = await t.request('POST', `${propertyPath(owner)}/promotions`, { key: owner.key, body: { code: 'TEN', name: 'Ten', discount: { type: 'percent', percent: 10 } } });
    expect(promo.status).toBe(201);
    const res = await quote(owner, { promoCode: 'TEN', rooms: [{ rateId, adults: 2, children: 1, extras: [{ extraId: breakfast.id, quantity: 1 }] }] });
    const q = await json(res);
    expect(res.status, JSON.stringify(q)).toBe(200);
    // Room 30,000 − 3,000; breakfast 3 × 3 × 1,500 = 13,500.
    expect(q.lines).toEqual([
      { kind: 'room', name: 'Double room · Standard', amount: 30_000 },
      { kind: 'extra', name: 'Breakfast', amount: 13_500 },
      { kind: 'discount', name: 'Ten (TEN)', amount: -3_000 },
      { kind: 'fee', name: 'Cleaning', amount: 3_000 },
      { kind: 'fee', name: 'Resort fee', amount: 3_000 },
      { kind: 'fee', name: 'Linen', amount: 1_500 },
      { kind: 'fee', name: 'Towels', amount: 900 },
      { kind: 'tax', name: 'City tax', amount: 800 },
      { kind: 'tax', name: 'Levy', amount: 900 },
      { kind: 'tax', name: 'Stay tax', amount: 700 },
      { kind: 'tax', name: 'VAT', amount: 2_700 },
      { kind: 'tax', name: 'Service', amount: 2_025 },
      { kind: 'tax', name: 'GST', amount: 1_286, included: true },
    ]);
    expect(q.total).toBe(27_000 + 13_500 + 8_400 + 7_125);
    expect(q.rooms[0]).toMatchObject({ fees: 8_400, taxes: 7_125, total: q.total });
    // 30% of the room after the discount: no extras, fees or taxes.
    expect(q).toMatchObject({ depositDue: 8_100, balanceDue: q.total - 8_100 });
  });

  test('two rooms sum each fee and tax into one line; children count for fees, not for an exempting city tax', async () => {
    const { owner, rateId } = await hotel({ taxes: [taxes[0]], fees: [fees[2]] });
    const q = await json(
      await quote(owner, {
        rooms: [
          { rateId, adults: 1, children: 2 },
          { rateId, adults: 2, children: 0 },
        ],
      }),
    );
    expect(q.lines.slice(2)).toEqual([
      { kind: 'fee', name: 'Linen', amount: 500 * 3 + 500 * 2 },
      { kind: 'tax', name: 'City tax', amount: 200 * 1 * 2 + 200 * 2 * 2 },
    ]);
  });

  test('availability shows each rate at its all-in price for the party, before and after a promotion, and the property how to show it', async () => {
    const { owner } = await hotel({ priceDisplay: 'base' });
    await t.request('POST', `${propertyPath(owner)}/promotions`, { key: owner.key, body: { code: 'TEN', name: 'Ten', discount: { type: 'percent', percent: 10 } } });
    const path = `/api/v1/public/properties/${owner.id}/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}&adults=2&children=1`;
    const plain = await json(await t.request('GET', `${path}&include=property`));
    expect(plain.property.priceDisplay).toBe('base');
    // Fees 8,400; taxes 800 + 900 + 700 + 3,000 + 1,500 (no extras here).
    expect(plain.roomTypes[0].rates[0]).toMatchObject({ roomTotal: 30_000, total: 30_000 + 8_400 + 6_900 });
    expect(plain.roomTypes[0].rates[0].totalBefore).toBeUndefined();
    const promoted = (await json(await t.request('GET', `${path}&promoCode=TEN`))).roomTypes[0].rates[0];
    expect(promoted).toMatchObject({ roomTotal: 27_000, roomTotalBefore: 30_000, total: 27_000 + 8_400 + 2_400 + 2_700 + 1_350, totalBefore: 45_300 });
  });

  test.each([
    [{ type: 'full' }, 25_000],
    [{ type: 'fixed', amount: 24_000 }, 24_000],
    [{ type: 'fixed', amount: 90_000 }, 25_000],
    [{ type: 'percentage', percent: 50 }, 10_000],
    [{ type: 'first_night' }, 10_000],
    [{ type: 'none' }, 0],
  ])('a %j deposit with a cleaning fee and 10%% VAT is %i of the 25,000 total', async (deposit, due) => {
    // Two nights at 10,000 + cleaning 3,000 + VAT 2,000.
    const { owner, rateId } = await hotel({ taxes: [taxes[3]], fees: [fees[0]] }, deposit);
    const q = await json(await quote(owner, { checkOut: '2026-12-07', rooms: [{ rateId, adults: 2 }] }));
    expect(q).toMatchObject({ total: 25_000, depositDue: due, balanceDue: 25_000 - due });
    const offer = (await json(await t.request('GET', `/api/v1/public/properties/${owner.id}/availability?checkIn=2026-12-05&checkOut=2026-12-07`))).roomTypes[0].rates[0];
    expect(offer).toMatchObject({ total: 25_000, deposit: { amount: due } });
  });

  test('paying in full charges the whole total with its fees and taxes', async () => {
    const owner: Owner = await t.createProperty({ paymentMode: 'stripe', taxes: [taxes[3]], fees: [fees[0]] });
    const roomType = await createRoomType(t, owner);
    const rate = await createRate(t, owner, roomType.id, { deposit: { type: 'percentage', percent: 30 }, payInFullOption: true });
    const res = await book(owner, { checkOut: '2026-12-07', rooms: [{ rateId: rate.id, adults: 2 }], payNow: 'full' });
    const { booking } = await json(res);
    expect(res.status).toBe(201);
    expect(booking).toMatchObject({ total: 25_000, depositDue: 25_000, balanceDue: 0 });
    const intent = await stripe.succeed((await t.store.getBooking(booking.id))!.intentId!);
    expect((intent as { amount: number }).amount).toBe(25_000);
  });

  test('a booking keeps the lines it was made with after the owner changes the taxes, and its e-mail lists them', async () => {
    const { owner, rateId } = await hotel({ taxes: [taxes[0], taxes[5]], fees: [fees[0]] });
    const res = await book(owner, { rooms: [{ rateId, adults: 2 }], guest: { ...guest, email: 'lines@example.com' } });
    const created = await json(res);
    expect(res.status, JSON.stringify(created)).toBe(201);
    const expected = [
      { kind: 'room', name: 'Double room · Standard', amount: 30_000 },
      { kind: 'fee', name: 'Cleaning', amount: 3_000 },
      { kind: 'tax', name: 'City tax', amount: 800 },
      { kind: 'tax', name: 'GST', amount: 1_429, included: true },
    ];
    expect(created.booking).toMatchObject({ lines: expected, total: 33_800 });

    expect((await patch(owner, { taxes: [{ name: 'City tax', type: 'per_person_night', amount: 900 }], fees: [] })).status).toBe(200);
    const read = await json(await t.request('GET', `${propertyPath(owner)}/bookings/${created.booking.id}`, { key: owner.key }));
    expect(read.booking).toMatchObject({ lines: expected, total: 33_800, depositDue: 9_000 });
    expect((await json(await quote(owner, { rooms: [{ rateId, adults: 2 }] }))).total).toBe(30_000 + 5_400);

    const card = await t.request('POST', `/api/v1/public/bookings/${created.booking.id}/card`, { key: created.clientToken, body: CARD });
    expect(card.status, await card.clone().text()).toBe(200);
    await t.deliverMail();
    const confirmation = sent.find((m) => m.to === 'lines@example.com' && /confirm/i.test(m.subject));
    expect(confirmation?.text).toContain('Taxes and fees\n  Cleaning: $30.00\n  City tax: $8.00\n  GST (incl.): $14.29');
    expect(confirmation?.text).toContain('Total: $338.00');
  });
});
