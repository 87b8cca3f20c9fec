// SPEC 2.15: where the rate allows it, a guest in stripe mode pays the whole total now.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backends, createRate, createRoomType, expect400, json, type Owner } from './support/api.ts';
import type { TestApp } from './support/test-app.ts';
import { startStripeApp } from './stripe-app.ts';
import type { StripeStandIn } from './stripe-stand-in/server.ts';

const stay = { checkIn: '2026-12-05', checkOut: '2026-12-08' };
const guest = { firstName: 'Mina', lastName: 'Cho', email: 'mina@example.com' };

describe.each(backends)('paying in full on %s', (_name, databaseUrl) => {
  let t: TestApp;
  let stripe: StripeStandIn;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, stripe, close } = await startStripeApp({ app: { databaseUrl } }));
  });
  afterAll(async () => close?.());

  async function hotel(paymentMode: 'stripe' | 'manual') {
    const owner: Owner = await t.createProperty({ paymentMode });
    const roomType = await createRoomType(t, owner);
    const deposit = { type: 'percentage', percent: 30 };
    const open = await createRate(t, owner, roomType.id, { nightlyPrice: 10_000, deposit, payInFullOption: true });
    const closed = await createRate(t, owner, roomType.id, { name: 'Deposit only', nightlyPrice: 10_000, deposit });
    return { owner, open: open.id as string, closed: closed.id as string };
  }
  const book = (owner: Owner, rateId: string, payNow?: string) =>
    t.request('POST', `/api/v1/public/properties/${owner.id}/bookings`, { body: { ...stay, guest, rooms: [{ rateId, adults: 2 }], ...(payNow ? { payNow } : {}) } });

  test('a rate shows whether it may be paid in full', async () => {
    const { owner, open, closed } = await hotel('stripe');
    const rates = (await json(await t.request('GET', `/api/v1/properties/${owner.id}/rates`, { key: owner.key }))).rates as { id: string; payInFullOption: boolean }[];
    expect(rates.map((r) => [r.id, r.payInFullOption])).toEqual([
      [open, true],
      [closed, false],
    ]);
  });

  test('paying in full asks Stripe for the whole total, and leaves no balance', async () => {
    const { owner, open } = await hotel('stripe');
    const res = await book(owner, open, 'full');
    const { booking } = await json(res);
    expect(res.status).toBe(201);
    expect(booking).toMatchObject({ total: 30_000, depositDue: 30_000, balanceDue: 0 });
    const intent = await stripe.succeed((await t.store.getBooking(booking.id))!.intentId!);
    expect((intent as { amount: number }).amount).toBe(30_000);
  });

  test('without payNow the deposit is due as before', async () => {
    const { owner, open } = await hotel('stripe');
    expect((await json(await book(owner, open))).booking).toMatchObject({ depositDue: 9_000, balanceDue: 21_000 });
  });

  test('paying in full on a rate that does not offer it, or in manual mode, is refused on payNow', async () => {
    const stripeHotel = await hotel('stripe');
    await expect400(await book(stripeHotel.owner, stripeHotel.closed, 'full'), 'payNow');
    const manualHotel = await hotel('manual');
    await expect400(await book(manualHotel.owner, manualHotel.open, 'full'), 'payNow');
    await expect400(await book(manualHotel.owner, manualHotel.open, 'everything'), 'payNow');
  });
});
