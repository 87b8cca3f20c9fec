// Data shaped by the shared schemas for the console's component tests, and a stub of the owner API.
import type { Property } from '../../shared/schemas/property.ts';
import type { Rate } from '../../shared/schemas/rate.ts';
import type { RoomType } from '../../shared/schemas/room-type.ts';
import type { Booking } from '../../shared/schemas/stay.ts';
import { OwnerApi } from './owner-api.ts';
import { OwnerI18n } from './owner-i18n.ts';

export const session = { propertyId: 'prop_1', csrfToken: 'csrf-token-123' };
export const api = new OwnerApi(session);
export const i18n = new OwnerI18n('en', 'USD');
export const BASE = `/api/v1/properties/${session.propertyId}`;

export const property = { id: 'prop_1', name: 'Harbour House', currency: 'USD', timezone: 'UTC' } as Property;

export const roomType: RoomType = { id: 'rt_1', propertyId: 'prop_1', name: 'Sea view double', description: null, maxGuests: 2, units: 3, images: [] };

export const rate = {
  id: 'rate_1',
  propertyId: 'prop_1',
  roomTypeId: 'rt_1',
  name: 'Flexible',
  description: null,
  nightlyPrice: 12_000,
  deposit: { type: 'none' },
  minNights: null,
  maxNights: null,
  bookableFrom: null,
  bookableUntil: null,
  maxRoomsPerNight: null,
  maxRoomsTotal: null,
  arrivalDates: null,
  refundable: true,
  cancellationPolicy: {
    tiers: [
      { daysBefore: 7, refundPercent: 100 },
      { daysBefore: 2, refundPercent: 50 },
    ],
  },
} as Rate;

export function ownerBooking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'bk_1',
    reference: 'DB-GJPCYH1R',
    propertyId: 'prop_1',
    status: 'confirmed',
    checkIn: '2026-12-10',
    checkOut: '2026-12-12',
    nights: 2,
    currency: 'USD',
    locale: 'en',
    guest: { firstName: 'Mina', lastName: 'Park', email: 'mina@example.com' },
    rooms: [
      {
        rateId: 'rate_1',
        rateName: 'Flexible',
        roomTypeId: 'rt_1',
        roomTypeName: 'Sea view double',
        adults: 2,
        children: 0,
        nightly: [
          { date: '2026-12-10', amount: 12_000 },
          { date: '2026-12-11', amount: 12_000 },
        ],
        roomTotal: 24_000,
        extras: [],
        extrasTotal: 0,
        total: 24_000,
      },
    ],
    deposits: [],
    lines: [{ kind: 'room', name: 'Sea view double · Flexible', amount: 24_000 }],
    total: 24_000,
    depositDue: 7_200,
    balanceDue: 16_800,
    paymentMode: 'manual',
    amountPaid: 7_200,
    amountRefunded: 0,
    refundOwed: 0,
    balanceStatus: 'at_property',
    card: null,
    expiresAt: '2026-11-24T03:15:00Z',
    createdAt: '2026-11-24T03:00:00Z',
    ...overrides,
  };
}

/** Today in UTC, as the screens read it with timezone "UTC". */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
