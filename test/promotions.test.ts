// SPEC 2.14: promotion codes through the owner and public APIs, and their uses taken with the hold.
import { describe, expect, test } from 'vitest';
import { backends, createRate, createRoomType, expect400, expectError, json, type Json, type Owner, useTestApp } from './support/api.ts';

const stay = { checkIn: '2026-12-05', checkOut: '2026-12-08' };
const guest = (n = 0) => ({ firstName: 'Mina', lastName: 'Cho', email: `mina${n}@example.com` });

describe.each(backends)('promotions on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  async function hotel(units = 3, rate: Json = {}) {
    const t = app();
    const owner: Owner = await t.createProperty();
    const roomType = await createRoomType(t, owner, { units });
    const flexible = await createRate(t, owner, roomType.id, { nightlyPrice: 10_000, deposit: { type: 'percentage', percent: 30 }, ...rate });
    const saver = await createRate(t, owner, roomType.id, { name: 'Saver', nightlyPrice: 8_000, deposit: { type: 'first_night' } });
    return { owner, flexible: flexible.id as string, saver: saver.id as string };
  }

  const promos = (owner: Owner) => `/api/v1/properties/${owner.id}/promotions`;
  async function createPromo(owner: Owner, body: Json) {
    const res = await app().request('POST', promos(owner), { key: owner.key, body: { name: 'Welcome', discount: { type: 'percent', percent: 10 }, ...body } });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await json(res)).promotion as Json;
  }
  const quote = (owner: Owner, body: Json) => app().request('POST', `/api/v1/public/properties/${owner.id}/quotes`, { body: { ...stay, ...body } });
  const book = (owner: Owner, body: Json, n = 0) => app().request('POST', `/api/v1/public/properties/${owner.id}/bookings`, { body: { ...stay, guest: guest(n), ...body } });
  const uses = async (owner: Owner, id: string) => ((await json(await app().request('GET', `${promos(owner)}/${id}`, { key: owner.key }))).promotion as Json).uses as number;

  test('an owner creates, reads, lists, changes and deletes a promotion', async () => {
    const { owner, flexible } = await hotel();
    const created = await createPromo(owner, { code: 'WELCOME10', rateIds: [flexible], maxUses: 3 });
    expect(created).toMatchObject({ code: 'WELCOME10', discount: { type: 'percent', percent: 10 }, rateIds: [flexible], maxUses: 3, uses: 0, active: true, stayFrom: null });
    const patched = await app().request('PATCH', `${promos(owner)}/${created.id}`, { key: owner.key, body: { discount: { type: 'amount', amount: 5_000 }, maxUses: null } });
    expect(await json(patched)).toMatchObject({ promotion: { discount: { type: 'amount', amount: 5_000 }, maxUses: null, code: 'WELCOME10' } });
    expect((await json(await app().request('GET', promos(owner), { key: owner.key }))).promotions).toHaveLength(1);
    expect((await app().request('DELETE', `${promos(owner)}/${created.id}`, { key: owner.key })).status).toBe(204);
    expect((await app().request('GET', `${promos(owner)}/${created.id}`, { key: owner.key })).status).toBe(404);
  });

  test('bad promotions are refused with the field named, and nothing is created', async () => {
    const { owner } = await hotel();
    const post = (body: Json) => app().request('POST', promos(owner), { key: owner.key, body: { code: 'X1', name: 'X', discount: { type: 'percent', percent: 10 }, ...body } });
    await expect400(await post({ discount: { type: 'amount', amount: -100 } }), 'discount.amount');
    await expect400(await post({ discount: { type: 'amount', amount: 10.5 } }), 'discount.amount');
    await expect400(await post({ discount: { type: 'percent', percent: 0 } }), 'discount.percent');
    await expect400(await post({ discount: { type: 'percent', percent: 100.5 } }), 'discount.percent');
    await expect400(await post({ code: 'A'.repeat(65) }), 'code');
    await expect400(await post({ stayFrom: '2026-02-30' }), 'stayFrom');
    await expect400(await post({ stayFrom: '2026-12-10', stayUntil: '2026-12-01' }), 'stayUntil');
    await expect400(await post({ bookFrom: '2026-12-10', bookUntil: '2026-12-01' }), 'bookUntil');
    expect((await json(await app().request('GET', promos(owner), { key: owner.key }))).promotions).toHaveLength(0);
    await createPromo(owner, { code: 'Summer' });
    expect(await expectError(await post({ code: 'SUMMER' }), 400, 'duplicate_code')).toEqual(['code']);
    const other = await createPromo(owner, { code: 'Autumn' });
    const clash = await app().request('PATCH', `${promos(owner)}/${other.id}`, { key: owner.key, body: { code: 'summer' } });
    expect(await expectError(clash, 400, 'duplicate_code')).toEqual(['code']);
    const upsideDown = await app().request('PATCH', `${promos(owner)}/${other.id}`, { key: owner.key, body: { stayFrom: '2026-12-10', stayUntil: '2026-12-01' } });
    await expect400(upsideDown, 'stayUntil');
    expect((await json(await app().request('GET', `${promos(owner)}/${other.id}`, { key: owner.key }))).promotion).toMatchObject({ code: 'Autumn', stayFrom: null });
  });

  test('a quote with a code takes the discount once off the eligible room prices, as a negative line, and the deposit after it', async () => {
    const { owner, flexible, saver } = await hotel();
    await createPromo(owner, { code: 'WELCOME10', rateIds: [flexible] });
    const res = await quote(owner, {
      promoCode: 'welcome10',
      rooms: [
        { rateId: flexible, adults: 2 },
        { rateId: saver, adults: 2 },
      ],
    });
    const q = await json(res);
    expect(res.status, JSON.stringify(q)).toBe(200);
    expect(q.promo).toEqual({ code: 'welcome10', applied: true });
    expect(q.lines).toEqual([
      { kind: 'room', name: 'Double room · Standard', amount: 30_000 },
      { kind: 'room', name: 'Double room · Saver', amount: 24_000 },
      { kind: 'discount', name: 'Welcome (WELCOME10)', amount: -3_000 },
    ]);
    expect(q.total).toBe(51_000);
    // 30% of the flexible room after its 3,000 discount; the saver's first night is untouched.
    expect(q.deposits.map((d: Json) => d.amount)).toEqual([8_100, 8_000]);
  });

  test.each<[string, Json]>([
    ['unknown', { code: 'OTHER' }],
    ['not_yet', { bookFrom: '2026-11-25' }],
    ['expired', { bookUntil: '2026-11-23' }],
    ['stay_dates', { stayUntil: '2026-12-06' }],
    ['min_nights', { minNights: 4 }],
    ['not_for_rate', { rateIds: ['rate_elsewhere'] }],
    ['unknown', { active: false }],
  ])('a code that does not apply says why (%s), prices at full and cannot book', async (reason, fields) => {
    const { owner, flexible } = await hotel();
    await createPromo(owner, { code: 'CODE', ...fields });
    const q = await json(await quote(owner, { promoCode: 'CODE', rooms: [{ rateId: flexible, adults: 2 }] }));
    expect(q.promo).toEqual({ code: 'CODE', applied: false, reason });
    expect(q.total).toBe(30_000);
    const res = await book(owner, { promoCode: 'CODE', rooms: [{ rateId: flexible, adults: 2 }] });
    expect(await expectError(res, 409, 'promo_not_applicable')).toEqual(['promoCode']);
  });

  test('availability shows the price after the code beside the price before, on the rates it covers', async () => {
    const { owner, flexible, saver } = await hotel();
    await createPromo(owner, { code: 'TENOFF', discount: { type: 'amount', amount: 1_000 }, rateIds: [flexible] });
    const res = await app().request('GET', `/api/v1/public/properties/${owner.id}/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}&promoCode=TENOFF`);
    const body = await json(res);
    expect(body.promo).toEqual({ code: 'TENOFF', applied: true });
    const rates = new Map<string, Json>(body.roomTypes[0].rates.map((r: Json) => [r.id, r]));
    expect(rates.get(flexible)).toMatchObject({ roomTotal: 29_000, roomTotalBefore: 30_000, deposit: { amount: 8_700 } });
    expect(rates.get(saver)!.roomTotal).toBe(24_000);
    expect(rates.get(saver)!.roomTotalBefore).toBeUndefined();
  });

  test('a booking with a code records its lines and code, and cancelling it gives the use back', async () => {
    const { owner, flexible } = await hotel();
    const promo = await createPromo(owner, { code: 'ONCE', maxUses: 1 });
    const res = await book(owner, { promoCode: 'once', rooms: [{ rateId: flexible, adults: 2 }] });
    const { booking } = await json(res);
    expect(res.status).toBe(201);
    expect(booking).toMatchObject({ promoCode: 'once', total: 27_000, depositDue: 8_100 });
    expect(booking.lines.at(-1)).toEqual({ kind: 'discount', name: 'Welcome (ONCE)', amount: -3_000 });
    expect(await uses(owner, promo.id)).toBe(1);
    const owned = await json(await app().request('GET', `/api/v1/properties/${owner.id}/bookings/${booking.id}`, { key: owner.key }));
    expect(owned.booking.lines).toEqual(booking.lines);
    const cancel = await app().request('POST', `/api/v1/properties/${owner.id}/bookings/${booking.id}/cancel`, { key: owner.key, body: { scope: 'booking' } });
    expect(cancel.status, await cancel.clone().text()).toBe(200);
    expect(await uses(owner, promo.id)).toBe(0);
  });

  test('a burst of 50 bookings on a code with maxUses 5 gives exactly 5 discounted bookings, and expiry gives the uses back', async () => {
    const t = app();
    const { owner, flexible } = await hotel(60);
    const promo = await createPromo(owner, { code: 'FIVE', maxUses: 5 });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, n) => book(owner, { promoCode: 'FIVE', rooms: [{ rateId: flexible, adults: 2 }] }, n)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(45);
    for (const r of answers.filter((a) => a.status === 409)) expect((await json(r)).error.code).toBe('promo_not_applicable');
    for (const r of answers.filter((a) => a.status === 201)) expect((await json(r)).booking.total).toBe(27_000);
    expect(await uses(owner, promo.id)).toBe(5);
    t.setNow(new Date(t.now().getTime() + 16 * 60_000));
    await t.store.releaseExpiredHolds(t.now().toISOString());
    expect(await uses(owner, promo.id)).toBe(0);
    expect((await book(owner, { promoCode: 'FIVE', rooms: [{ rateId: flexible, adults: 2 }] }, 99)).status).toBe(201);
  });
});
