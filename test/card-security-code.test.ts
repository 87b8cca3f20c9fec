// PCI DSS 3.3.1, issue 9: a card security code is refused wherever it hides in a body, not only at
// its top level, and the answer names where it was.
import { describe, expect, test } from 'vitest';
import { backends, expectError, useTestApp } from './support/api.ts';
import { CARD, heldBooking, manualHotel } from './support/manual-card.ts';

describe.each(backends)('card security codes at any depth on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  test.each([
    [{ ...CARD, billing: { name: 'Putri', cvv: '123' } }, 'billing.cvv'],
    [{ ...CARD, extras: [{ note: 'x' }, { Security_Code: '123' }] }, 'extras.1.Security_Code'],
    [{ ...CARD, cvc: '123' }, 'cvc'],
  ])('the card endpoint refuses %j with a 400 naming %s, and the booking keeps waiting', async (body, path) => {
    const t = app();
    const { id, clientToken } = await heldBooking(t, await manualHotel(t));
    const res = await t.request('POST', `/api/v1/public/bookings/${id}/card`, { key: clientToken, body });
    expect(await expectError(res, 400, 'invalid_card')).toEqual([path]);
    expect((await t.store.getBooking(id))!).toMatchObject({ status: 'pending', cardBlob: null });
  });

  test.each([
    [{ guest: { cvc: '123' } }, 'guest.cvc'],
    [{ rooms: [{ cvv2: '123' }] }, 'rooms.0.cvv2'],
    [{ payment: { card: { CSC: '123' } } }, 'payment.card.CSC'],
  ])('creating a booking whose body carries %j is refused with a 400 naming %s, and holds nothing', async (extra, path) => {
    const t = app();
    const hotel = await manualHotel(t);
    const guest = { firstName: 'Putri', lastName: 'Rahayu', email: 'putri@example.com' };
    const base = { checkIn: '2026-12-01', checkOut: '2026-12-03', rooms: [{ rateId: hotel.rateId, adults: 2 }], guest };
    const body = {
      ...base,
      ...extra,
      ...('guest' in extra ? { guest: { ...guest, ...extra.guest } } : {}),
      ...('rooms' in extra ? { rooms: [{ ...base.rooms[0], ...extra.rooms[0] }] } : {}),
    };
    const res = await t.request('POST', `/api/v1/public/properties/${hotel.id}/bookings`, { body });
    expect(await expectError(res, 400, 'invalid_input')).toEqual([path]);
    expect(await t.store.listBookings(hotel.id, {})).toEqual([]);
  });
});
