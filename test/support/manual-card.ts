// A manual-mode hotel and a guest's card through the real API, for the card data tests (issue 9).
import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

export const CARD = { number: '4111111111111111', expMonth: 7, expYear: 2031, holderName: 'Putri Rahayu' };
export const REVEAL = { reason: 'No-show: charging the deposit' };

export interface ManualHotel {
  id: string;
  key: string;
  rateId: string;
}

export async function manualHotel(t: TestApp): Promise<ManualHotel> {
  const p = await t.createProperty({ paymentMode: 'manual', acceptedCardBrands: ['visa'] });
  const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Garden room', maxGuests: 2, units: 5 } })).json();
  const rate = await (
    await t.request('POST', `/api/v1/properties/${p.id}/rates`, { key: p.key, body: { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 15_000, deposit: { type: 'first_night' } } })
  ).json();
  return { id: p.id, key: p.key, rateId: rate.rate.id };
}

/** A booking held for the guest: its id and client token. */
export async function heldBooking(t: TestApp, hotel: ManualHotel, stay = { checkIn: '2026-12-01', checkOut: '2026-12-03' }) {
  const res = await t.request('POST', `/api/v1/public/properties/${hotel.id}/bookings`, {
    body: { ...stay, rooms: [{ rateId: hotel.rateId, adults: 2 }], guest: { firstName: 'Putri', lastName: 'Rahayu', email: 'putri@example.com' } },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const body = await res.json();
  return { id: body.booking.id as string, clientToken: body.clientToken as string };
}

/** A booking confirmed by the guest's card; returns its id. */
export async function bookingWithCard(t: TestApp, hotel: ManualHotel, stay?: { checkIn: string; checkOut: string }): Promise<string> {
  const { id, clientToken } = await heldBooking(t, hotel, stay);
  const res = await t.request('POST', `/api/v1/public/bookings/${id}/card`, { key: clientToken, body: CARD });
  expect(res.status, await res.clone().text()).toBe(200);
  return id;
}

export const ownerCall = (t: TestApp, hotel: ManualHotel, path: string, body?: unknown) => t.request('POST', `/api/v1/properties/${hotel.id}/bookings/${path}`, { key: hotel.key, body });
