// The demo property `npm start` creates: every deposit policy of SPEC 2.4 on one small hotel.
import { RATE_WITHOUT_LIMITS } from '../shared/schemas/rate.ts';
import { KEY_SCOPES } from '../shared/schemas/owner-key.ts';
import { DEFAULT_BOOKING_HORIZON_MONTHS, DEFAULT_MAX_ROOMS_PER_BOOKING } from '../shared/schemas/property.ts';
import { PROFILE_DEFAULTS } from '../shared/schemas/profile.ts';
import { newOwnerKey } from './auth.ts';
import type { Store } from './store/store.ts';

export const DEMO_PROPERTY_ID = 'demo';

export async function seedDemo(store: Store, now: Date, allowedOrigins: string[]): Promise<{ propertyId: string; secretKey: string }> {
  const createdAt = now.toISOString();
  const { record: firstKey, secretKey } = newOwnerKey(DEMO_PROPERTY_ID, { name: 'First key', scopes: KEY_SCOPES, createdAt });
  await store.createProperty(
    {
      id: DEMO_PROPERTY_ID,
      name: { en: 'Hotel Haneul', ko: '호텔 하늘' },
      currency: 'USD',
      timezone: 'Asia/Seoul',
      country: 'KR',
      locale: 'en',
      paymentMode: 'manual',
      acceptedCardBrands: ['visa', 'mastercard', 'amex'],
      allowedOrigins,
      email: 'frontdesk@haneul.example',
      description: { en: 'A twelve-room boutique hotel under Namsan.', ko: '남산 아래 객실 열두 개의 부티크 호텔입니다.' },
      pageIndexed: true,
      maxRoomsPerBooking: DEFAULT_MAX_ROOMS_PER_BOOKING,
      bookingHorizonMonths: DEFAULT_BOOKING_HORIZON_MONTHS,
      balanceCollection: null,
      cardRetention: 'until_deposit_charged',
      // SPEC 2.13: a city tax and a cleaning fee, so the demo's rate cards show all-in prices.
      taxes: [{ name: 'City tax', type: 'per_person_night', amount: 200, childrenExempt: true }],
      fees: [{ name: 'Cleaning fee', amount: 2_500, per: 'stay' }],
      priceDisplay: 'total',
      closures: { weekdays: [], publicHolidays: false, dates: [], openHolidays: [] },
      // SPEC 2.11: what the confirmation e-mail and the hosted page tell guests.
      ...PROFILE_DEFAULTS,
      address: { en: '12 Sopa-ro, Jung-gu, Seoul', ko: '서울 중구 소파로 12' },
      phone: '+82 2 123 4567',
      checkInTime: '15:00',
      checkOutTime: '11:00',
      directions: { en: 'Myeongdong station (line 4), exit 3, then 8 minutes uphill on foot.', ko: '4호선 명동역 3번 출구에서 언덕길로 걸어서 8분입니다.' },
      createdAt,
    },
    firstKey,
  );
  const roomType = (id: string, name: string, description: string, maxGuests: number, units: number, baseOccupancy?: number) =>
    store.createRoomType({ id, propertyId: DEMO_PROPERTY_ID, name, description, maxGuests, units, images: [], baseOccupancy });
  await roomType('rt_demo_double', 'Garden Double', 'Queen bed, garden view, rain shower. 22 m².', 2, 6);
  await roomType('rt_demo_suite', 'Namsan Suite', 'King bed, separate lounge and a view of the tower. 40 m².', 4, 3);
  await roomType('rt_demo_family', 'Family Loft', 'Two bedrooms under the roof, sleeps five. 48 m².', 5, 2, 2);

  const base = { ...RATE_WITHOUT_LIMITS, propertyId: DEMO_PROPERTY_ID };
  await store.createRate({
    ...base,
    id: 'rate_demo_flex',
    roomTypeId: 'rt_demo_double',
    name: 'Flexible',
    description: 'Pay at the property.',
    nightlyPrice: 14_900,
    deposit: { type: 'none' },
    cancellationPolicy: { tiers: [{ daysBefore: 1, refundPercent: 100 }] },
  });
  await store.createRate({
    ...base,
    id: 'rate_demo_saver',
    roomTypeId: 'rt_demo_double',
    name: 'Advance saver',
    description: 'Best price, paid in full today.',
    nightlyPrice: 12_900,
    deposit: { type: 'full' },
    refundable: false,
    cancellationPolicy: { tiers: [] },
  });
  await store.createRate({
    ...base,
    id: 'rate_demo_suite',
    roomTypeId: 'rt_demo_suite',
    name: 'Suite stay',
    description: 'Breakfast for two included.',
    nightlyPrice: 26_900,
    deposit: { type: 'first_night' },
  });
  await store.createRate({
    ...base,
    id: 'rate_demo_suite_deal',
    roomTypeId: 'rt_demo_suite',
    name: 'Suite, two nights or more',
    description: 'Late checkout at 2 pm.',
    nightlyPrice: 23_900,
    deposit: { type: 'percentage', percent: 30 },
    minNights: 2,
  });
  await store.createRate({
    ...base,
    id: 'rate_demo_family',
    roomTypeId: 'rt_demo_family',
    name: 'Family',
    description: 'Kids under 12 eat free.',
    nightlyPrice: 31_900,
    deposit: { type: 'fixed', amount: 5_000 },
    // SPEC 2.12: the price is for two; infants stay free, children up to 12 pay about a quarter.
    extraAdultPrice: 12_000,
    childPrices: [
      { maxAge: 2, amount: 0 },
      { maxAge: 12, amount: 8_000 },
    ],
  });

  const extra = (id: string, name: string, price: number, per: 'stay' | 'night' | 'guest' | 'guest_night') =>
    store.createExtra({ id, propertyId: DEMO_PROPERTY_ID, name, description: null, price, per });
  await extra('ex_demo_breakfast', 'Breakfast', 1_800, 'guest_night');
  await extra('ex_demo_parking', 'Parking', 1_500, 'night');
  await extra('ex_demo_transfer', 'Airport transfer', 6_500, 'stay');
  // Issue 10: a code the demo's guests can try on every rate.
  await store.createPromotion(
    {
      id: 'promo_demo_welcome',
      propertyId: DEMO_PROPERTY_ID,
      code: 'WELCOME10',
      name: 'Welcome, 10% off',
      discount: { type: 'percent', percent: 10 },
      rateIds: null,
      stayFrom: null,
      stayUntil: null,
      bookFrom: null,
      bookUntil: null,
      minNights: null,
      maxUses: null,
      active: true,
    },
    now.toISOString(),
  );
  return { propertyId: DEMO_PROPERTY_ID, secretKey };
}
