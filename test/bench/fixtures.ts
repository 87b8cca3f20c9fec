// The properties the bench loads, created through the real HTTP API as an owner would.
import { addDays, todayIn } from '../../shared/dates.ts';

export const TIMEZONE = 'Asia/Seoul';
export const GUEST = { firstName: 'Bench', lastName: 'Mark', email: 'bench@example.com' };

export async function api(base: string, method: string, path: string, options: { key?: string; body?: unknown } = {}): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Today in the bench properties' time zone, by the real clock the server also uses. */
export const today = () => todayIn(TIMEZONE, new Date());

async function createProperty(base: string, adminToken: string, name: string) {
  const created = await api(base, 'POST', '/api/v1/properties', {
    key: adminToken,
    body: { name, currency: 'USD', timezone: TIMEZONE, paymentMode: 'manual' },
  });
  return { id: created.property.id as string, key: created.secretKey as string };
}

export interface AvailabilityFixture {
  propertyId: string;
  /** The 3-night stay three weeks ahead, for 2 adults. */
  path: string;
  /** A different question on every call: 365 check-in days × 1–3 adults × 1–14 nights, cycled in order. */
  distinctPaths: () => string;
  roomTypes: number;
  rates: number;
}

/**
 * 10 room types × 3 rates (the three deposit messages that format money or percentages), weekend
 * prices set for the next 17 weeks, and a few bookings already held, so every query returns rows.
 */
export async function availabilityHotel(base: string, adminToken: string): Promise<AvailabilityFixture> {
  const p = await createProperty(base, adminToken, 'Bench Availability Hotel');
  const owner = { key: p.key };
  // SPEC 2.13: every rate's all-in total is priced with the taxes and fees a real property has.
  await api(base, 'PATCH', `/api/v1/properties/${p.id}`, {
    ...owner,
    body: {
      taxes: [
        { name: 'VAT', type: 'percent', percent: 10 },
        { name: 'City tax', type: 'per_person_night', amount: 200, childrenExempt: true },
      ],
      fees: [{ name: 'Cleaning', amount: 2_500, per: 'stay' }],
    },
  });
  const start = today();
  const weekends = Array.from({ length: 17 }, (_, week) => {
    const from = addDays(start, week * 7 + 4);
    return { from, to: addDays(from, 1) };
  });
  let rateCount = 0;
  const firstRates: string[] = [];
  for (let i = 0; i < 10; i++) {
    const rt = await api(base, 'POST', `/api/v1/properties/${p.id}/room-types`, {
      ...owner,
      body: { name: `Room type ${i + 1}`, description: 'Queen bed, 22 m².', maxGuests: 3, units: 8 },
    });
    const deposits = [{ type: 'none' }, { type: 'percentage', percent: 30 }, { type: 'fixed', amount: 5_000 }];
    for (const [j, deposit] of deposits.entries()) {
      const nightlyPrice = 10_000 + i * 1_000 + j * 500;
      const rate = await api(base, 'POST', `/api/v1/properties/${p.id}/rates`, {
        ...owner,
        body: { roomTypeId: rt.roomType.id, name: `Rate ${j + 1}`, description: 'Breakfast included.', nightlyPrice, deposit },
      });
      await api(base, 'PUT', `/api/v1/properties/${p.id}/rates/${rate.rate.id}/prices`, {
        ...owner,
        body: { prices: weekends.map((w) => ({ ...w, amount: nightlyPrice + 3_000 })) },
      });
      if (j === 0) firstRates.push(rate.rate.id);
      rateCount++;
    }
  }
  const checkIn = addDays(start, 21);
  const checkOut = addDays(checkIn, 3);
  // Some rooms already held on the stay's nights, so occupancy is read from real inventory rows.
  for (const [i, rateId] of firstRates.entries()) {
    for (let n = 0; n < 1 + (i % 3); n++) {
      await api(base, 'POST', `/api/v1/public/properties/${p.id}/bookings`, {
        body: { checkIn: addDays(checkIn, n), checkOut: addDays(checkIn, n + 2), rooms: [{ rateId, adults: 2 }], guest: GUEST },
      });
    }
  }
  let call = 0;
  // 365 check-ins × 1–3 adults × 1–14 nights: 15,330 questions, so at the rates measured none comes
  // round again within the second an answer is kept (server/routes/public.ts).
  const distinctPaths = () => {
    const i = call++;
    const from = addDays(start, 1 + (i % 365));
    const adults = 1 + (Math.floor(i / 365) % 3);
    const nights = 1 + (Math.floor(i / 1_095) % 14);
    return `/api/v1/public/properties/${p.id}/availability?checkIn=${from}&checkOut=${addDays(from, nights)}&adults=${adults}`;
  };
  return {
    propertyId: p.id,
    path: `/api/v1/public/properties/${p.id}/availability?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`,
    distinctPaths,
    roomTypes: 10,
    rates: rateCount,
  };
}

export interface HoldsFixture {
  propertyId: string;
  roomTypeId: string;
  rateId: string;
  units: number;
  nights: string[];
}

/**
 * One room type of 34 units and 30 one-night stays: 1,020 units in all (the nearest whole
 * number of units per night to 1,000 over 30 nights). A guest asks for one random night, so 100
 * connections keep ~3 requests in flight per inventory row: real contention, and the hotel
 * sells out mid-run, after which every attempt must be told 409.
 */
export async function holdsHotel(base: string, adminToken: string): Promise<HoldsFixture> {
  const p = await createProperty(base, adminToken, 'Bench Holds Hotel');
  const units = 34;
  const rt = await api(base, 'POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Double', maxGuests: 2, units } });
  const rate = await api(base, 'POST', `/api/v1/properties/${p.id}/rates`, {
    key: p.key,
    body: { roomTypeId: rt.roomType.id, name: 'Flexible', nightlyPrice: 12_000, deposit: { type: 'percentage', percent: 20 } },
  });
  const first = addDays(today(), 30);
  return {
    propertyId: p.id,
    roomTypeId: rt.roomType.id,
    rateId: rate.rate.id,
    units,
    nights: Array.from({ length: 30 }, (_, i) => addDays(first, i)),
  };
}
