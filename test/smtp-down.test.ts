// SPEC 2.10 / issue 5: with the mail server down, bookings still confirm; the mail waits and goes once it is back.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { OutgoingMail } from '../server/mail/transport.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe('when the mail server is down', () => {
  let t: TestApp;
  let up = false;
  const delivered: OutgoingMail[] = [];

  beforeEach(async () => {
    up = false;
    delivered.length = 0;
    t = await createTestApp({
      mailTransport: {
        send: async (mail) => {
          if (!up) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' });
          delivered.push(mail);
        },
      },
    });
  });
  afterEach(() => t.close());

  test('the guest’s booking is confirmed anyway, and the confirmation arrives once the server is back', async () => {
    const p = await t.createProperty();
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Double', maxGuests: 2, units: 1 } })).json();
    const rate = await (
      await t.request('POST', `/api/v1/properties/${p.id}/rates`, { key: p.key, body: { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 10_000, deposit: { type: 'none' } } })
    ).json();
    const created = await (
      await t.request('POST', `/api/v1/public/properties/${p.id}/bookings`, {
        body: { checkIn: '2026-12-01', checkOut: '2026-12-02', rooms: [{ rateId: rate.rate.id, adults: 2 }], guest: { firstName: 'Ana', lastName: 'Lee', email: 'ana@example.com' } },
      })
    ).json();
    const card = await t.request('POST', `/api/v1/public/bookings/${created.booking.id}/card`, {
      key: created.clientToken,
      body: { number: '4242424242424242', expMonth: 12, expYear: 2030, holderName: 'Ana Lee' },
    });
    expect(card.status).toBe(200);
    expect((await card.json()).booking.status).toBe('confirmed');

    await t.deliverMail();
    expect(delivered).toEqual([]);

    up = true;
    // The first retry waits a minute.
    t.setNow(new Date(t.now().getTime() + 61_000));
    await t.deliverMail();
    await t.deliverMail();
    const toGuest = delivered.filter((m) => m.to.includes('ana@example.com'));
    expect(toGuest).toHaveLength(1);
    expect(toGuest[0]!.text).toContain(created.booking.reference);
  });
});
