// Realistic bookings for the mail tests: a USD stay (cents) and a KRW stay (no minor digits).
// Deposit messages come from the shared rules, so a fixture reads the way a real booking would.
import * as v from 'valibot';
import { depositMessage } from '../../shared/deposit.ts';
import type { Locale } from '../../shared/locale.ts';
import { type Property, PropertySchema } from '../../shared/schemas/property.ts';
import { PROFILE_DEFAULTS } from '../../shared/schemas/profile.ts';
import { type Booking, BookingSchema } from '../../shared/schemas/stay.ts';

/** Harbour View Inn, USD, stripe, English. */
export function usdProperty(overrides: Partial<Property> = {}): Property {
  return v.parse(PropertySchema, {
    ...PROFILE_DEFAULTS,
    id: 'prop_harbour',
    name: 'Harbour View Inn',
    currency: 'USD',
    timezone: 'America/New_York',
    country: 'US',
    locale: 'en',
    paymentMode: 'stripe',
    acceptedCardBrands: ['visa', 'mastercard', 'amex'],
    allowedOrigins: ['https://harbourview.example'],
    email: 'frontdesk@harbourview.example',
    description: null,
    pageIndexed: true,
    maxRoomsPerBooking: 4,
    bookingHorizonMonths: 18,
    balanceCollection: null,
    cardRetention: 'until_deposit_charged',
    taxes: [],
    fees: [],
    priceDisplay: 'total',
    createdAt: '2026-01-05T09:00:00Z',
    ...overrides,
  });
}

/**
 * Two rooms on two rates, 13–16 March 2026 (3 nights), stripe:
 * - Deluxe King, Flexible (30%): nights 189.50 + 189.50 + 219.00 = 598.00; breakfast
 *   12.50 × 3 nights × 3 guests = 112.50; airport pickup 45.00 → room total 755.50;
 *   deposit 30% of 598.00 = 179.40.
 * - Garden Twin, Advance Saver (fixed 50.00): 3 × 129.99 = 389.97; deposit 50.00.
 * Total 1,145.47; deposit due 229.40; balance 916.07.
 */
export function usdBooking(locale: Locale = 'en', overrides: Partial<Booking> = {}): Booking {
  return v.parse(BookingSchema, {
    id: 'bk_01J8ZQ4X7M',
    reference: 'HV-7K3F9Q',
    propertyId: 'prop_harbour',
    status: 'confirmed',
    checkIn: '2026-03-13',
    checkOut: '2026-03-16',
    nights: 3,
    currency: 'USD',
    locale,
    guest: { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com', phone: '+1 617 555 0134' },
    rooms: [
      {
        rateId: 'rate_flex',
        rateName: 'Flexible',
        roomTypeId: 'rt_king',
        roomTypeName: 'Deluxe King',
        adults: 2,
        children: 1,
        nightly: [
          { date: '2026-03-13', amount: 18950 },
          { date: '2026-03-14', amount: 18950 },
          { date: '2026-03-15', amount: 21900 },
        ],
        roomTotal: 59800,
        extras: [
          { extraId: 'ex_breakfast', name: 'Breakfast', per: 'guest_night', quantity: 1, unitPrice: 1250, total: 11250 },
          { extraId: 'ex_pickup', name: 'Airport pickup', per: 'stay', quantity: 1, unitPrice: 4500, total: 4500 },
        ],
        extrasTotal: 15750,
        total: 75550,
      },
      {
        rateId: 'rate_saver',
        rateName: 'Advance Saver',
        roomTypeId: 'rt_twin',
        roomTypeName: 'Garden Twin',
        adults: 1,
        children: 0,
        nightly: [
          { date: '2026-03-13', amount: 12999 },
          { date: '2026-03-14', amount: 12999 },
          { date: '2026-03-15', amount: 12999 },
        ],
        roomTotal: 38997,
        extras: [],
        extrasTotal: 0,
        total: 38997,
      },
    ],
    deposits: [
      {
        rateId: 'rate_flex',
        rateName: 'Flexible',
        type: 'percentage',
        amount: 17940,
        message: depositMessage({ type: 'percentage', percent: 30 }, 17940, 'USD', locale),
      },
      {
        rateId: 'rate_saver',
        rateName: 'Advance Saver',
        type: 'fixed',
        amount: 5000,
        message: depositMessage({ type: 'fixed', amount: 5000 }, 5000, 'USD', locale),
      },
    ],
    total: 114547,
    depositDue: 22940,
    balanceDue: 91607,
    paymentMode: 'stripe',
    amountPaid: 22940,
    amountRefunded: 0,
    refundOwed: 0,
    balanceStatus: null,
    card: null,
    expiresAt: '2026-02-01T10:15:00Z',
    createdAt: '2026-02-01T10:00:00Z',
    ...overrides,
  });
}

/** 한옥 스테이 서촌, KRW, manual card charging, Korean. */
export function krwProperty(overrides: Partial<Property> = {}): Property {
  return v.parse(PropertySchema, {
    ...PROFILE_DEFAULTS,
    id: 'prop_seochon',
    name: '한옥 스테이 서촌',
    currency: 'KRW',
    timezone: 'Asia/Seoul',
    country: 'KR',
    locale: 'ko',
    paymentMode: 'manual',
    acceptedCardBrands: ['visa', 'mastercard'],
    allowedOrigins: [],
    email: 'stay@seochon.example',
    description: null,
    pageIndexed: true,
    maxRoomsPerBooking: 4,
    bookingHorizonMonths: 18,
    balanceCollection: null,
    cardRetention: 'until_deposit_charged',
    taxes: [],
    fees: [],
    priceDisplay: 'total',
    createdAt: '2026-01-10T00:00:00Z',
    ...overrides,
  });
}

/**
 * One room, 30 April – 2 May 2026 (2 nights), manual mode, first-night deposit:
 * nights ₩120,000 + ₩150,000 = ₩270,000; breakfast ₩15,000 × 2 nights × 2 guests = ₩60,000;
 * total ₩330,000; deposit ₩120,000; balance ₩210,000.
 */
export function krwBooking(locale: Locale = 'ko', overrides: Partial<Booking> = {}): Booking {
  return v.parse(BookingSchema, {
    id: 'bk_01J9KR2B5T',
    reference: 'SC-4M8P2D',
    propertyId: 'prop_seochon',
    status: 'confirmed',
    checkIn: '2026-04-30',
    checkOut: '2026-05-02',
    nights: 2,
    currency: 'KRW',
    locale,
    guest: { firstName: '지민', lastName: '김', email: 'jimin.kim@example.kr' },
    rooms: [
      {
        rateId: 'rate_std',
        rateName: '기본 요금',
        roomTypeId: 'rt_ondol',
        roomTypeName: '온돌 스탠다드',
        adults: 2,
        children: 0,
        nightly: [
          { date: '2026-04-30', amount: 120000 },
          { date: '2026-05-01', amount: 150000 },
        ],
        roomTotal: 270000,
        extras: [{ extraId: 'ex_bf', name: '조식', per: 'guest_night', quantity: 1, unitPrice: 15000, total: 60000 }],
        extrasTotal: 60000,
        total: 330000,
      },
    ],
    deposits: [
      {
        rateId: 'rate_std',
        rateName: '기본 요금',
        type: 'first_night',
        amount: 120000,
        message: depositMessage({ type: 'first_night' }, 120000, 'KRW', locale),
      },
    ],
    total: 330000,
    depositDue: 120000,
    balanceDue: 210000,
    paymentMode: 'manual',
    amountPaid: 0,
    amountRefunded: 0,
    refundOwed: 0,
    balanceStatus: null,
    card: { brand: 'visa', last4: '4242', expMonth: 8, expYear: 2029 },
    expiresAt: '2026-04-01T03:15:00Z',
    createdAt: '2026-04-01T03:00:00Z',
    ...overrides,
  });
}

/** The USD stay booked on a "Book now, pay later" rate: nothing is due at booking. */
export function usdPayLaterBooking(locale: Locale = 'en', paymentMode: Booking['paymentMode'] = 'stripe'): Booking {
  const booking = usdBooking(locale);
  return usdBooking(locale, {
    paymentMode,
    deposits: booking.deposits.map((d) => ({
      ...d,
      type: 'none',
      amount: 0,
      message: depositMessage({ type: 'none' }, 0, 'USD', locale),
    })),
    depositDue: 0,
    balanceDue: booking.total,
    amountPaid: 0,
  });
}
