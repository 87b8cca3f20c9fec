// In-process cost of pricing a stay (shared/pricing.ts quoteStay): no HTTP, no database.
import { addDays } from '../../shared/dates.ts';
import { type PricedRate, quoteStay, type StayCatalog } from '../../shared/pricing.ts';
import { type DepositPolicy, RATE_WITHOUT_LIMITS } from '../../shared/schemas/rate.ts';
import type { PropertyCharges } from '../../shared/taxes.ts';

export interface PricingCase {
  nights: number;
  rooms: number;
  nsPerCall: number;
  /** nsPerCall ÷ the 1-night 1-room case. */
  ratio: number;
}

export interface PricingResult {
  cases: PricingCase[];
  /**
   * Least-squares fit ns = fixed + perRoom·rooms + perNight·nights + perRoomNight·rooms·nights: the
   * stay's dates are computed once (per night), each room prices each night (per room-night), and
   * room i is on rate i, whose deposit message is formatted once (per room).
   */
  fixedNs: number;
  perRoomNs: number;
  perNightNs: number;
  perRoomNightNs: number;
  /** Of that fit: 1 means every case lies on the line. */
  rSquared: number;
}

// SPEC 2.13: every tax type and fee basis, so the fit is judged with what a real property charges.
const CHARGES: PropertyCharges = {
  taxes: [
    { name: 'VAT', type: 'percent', percent: 10, appliesTo: 'room_and_extras' },
    { name: 'Included VAT', type: 'percent', percent: 7, inclusive: true },
    { name: 'City tax', type: 'per_person_night', amount: 250, childrenExempt: true, maxNights: 7 },
    { name: 'Levy', type: 'per_room_night', amount: 100 },
    { name: 'Stay tax', type: 'per_stay', amount: 500 },
  ],
  fees: [
    { name: 'Cleaning', amount: 3_000, per: 'stay' },
    { name: 'Resort fee', amount: 1_000, per: 'night' },
    { name: 'Linen', amount: 500, per: 'guest' },
    { name: 'Towels', amount: 100, per: 'guest_night' },
  ],
};

const DEPOSITS: DepositPolicy[] = [{ type: 'none' }, { type: 'percentage', percent: 30 }, { type: 'fixed', amount: 5_000 }, { type: 'first_night' }, { type: 'full' }];

function catalog(): StayCatalog {
  const rates = new Map<string, PricedRate & { roomTypeName: string }>();
  DEPOSITS.forEach((deposit, i) => {
    // Every other night has its own price, as a seasonal calendar would.
    const overrides = new Map(Array.from({ length: 90 }, (_, d) => [addDays('2027-01-01', d * 2), 15_000 + d] as const));
    rates.set(`rate_${i}`, {
      ...RATE_WITHOUT_LIMITS,
      id: `rate_${i}`,
      propertyId: 'prop',
      roomTypeId: `rt_${i}`,
      roomTypeName: `Room ${i}`,
      name: `Rate ${i}`,
      nightlyPrice: 12_000 + i * 1_000,
      deposit,
      overrides,
      // SPEC 2.12: the third adult of every room pays beyond the base of two.
      extraAdultPrice: 2_000,
    });
  });
  const roomTypes = new Map(DEPOSITS.map((_, i) => [`rt_${i}`, { maxGuests: 4, baseOccupancy: 2 }]));
  const extras = new Map([['ex_breakfast', { id: 'ex_breakfast', propertyId: 'prop', name: 'Breakfast', description: null, price: 1_800, per: 'guest_night' as const }]]);
  return { currency: 'USD', rates, extras, roomTypes, charges: CHARGES };
}

/** Calls of `fn` that take ~25 ms together. */
function callsFor(fn: () => unknown): number {
  let calls = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < calls; i++) fn();
    if (performance.now() - t > 25) return calls;
    calls *= 2;
  }
}

/**
 * ns per call of each function: the fastest of seven timed batches of ~25 ms. The minimum, not the
 * median, because on a shared machine other work only ever adds time; the batches go round the
 * cases in turn, so a stretch of other work slows one batch of many cases, not every batch of one.
 */
function timeEach(fns: (() => unknown)[]): number[] {
  const calls = fns.map(callsFor);
  const best = fns.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < 7; round++) {
    fns.forEach((fn, i) => {
      const t = process.hrtime.bigint();
      for (let n = 0; n < calls[i]!; n++) fn();
      best[i] = Math.min(best[i]!, Number(process.hrtime.bigint() - t) / calls[i]!);
    });
  }
  return best;
}

export function pricingBench(): PricingResult {
  const cat = catalog();
  const stays = [1, 7, 30, 60].flatMap((nights) =>
    Array.from({ length: 5 }, (_, r) => ({
      nights,
      rooms: r + 1,
      stay: {
        checkIn: '2027-01-04',
        checkOut: addDays('2027-01-04', nights),
        // Room i on rate i: every deposit policy appears once the stay has five rooms.
        rooms: Array.from({ length: r + 1 }, (_, i) => ({ rateId: `rate_${i}`, adults: 3, extras: [{ extraId: 'ex_breakfast', quantity: 1 }] })),
      },
    })),
  );
  for (const { nights, rooms, stay } of stays) {
    const check = quoteStay(cat, stay, 'en');
    if (check.rooms.length !== rooms || check.nights !== nights || !check.lines.some((l) => l.kind === 'tax')) throw new Error('pricing bench: wrong quote');
  }
  const ns = timeEach(
    stays.map(
      ({ stay }) =>
        () =>
          quoteStay(cat, stay, 'en'),
    ),
  );
  const measured = stays.map(({ nights, rooms }, i) => ({ nights, rooms, nsPerCall: ns[i]! }));
  const base = measured[0]!.nsPerCall;
  const cases = measured.map((m) => ({ ...m, ratio: m.nsPerCall / base }));
  const fit = leastSquares(
    cases.map((c) => [1, c.rooms, c.nights, c.rooms * c.nights]),
    cases.map((c) => c.nsPerCall),
  );
  const [fixedNs, perRoomNs, perNightNs, perRoomNightNs] = fit.coefficients as [number, number, number, number];
  return { cases, fixedNs, perRoomNs, perNightNs, perRoomNightNs, rSquared: fit.rSquared };
}

/** Ordinary least squares through the normal equations (four unknowns: Gaussian elimination is plenty). */
function leastSquares(rows: number[][], ys: number[]): { coefficients: number[]; rSquared: number } {
  const k = rows[0]!.length;
  const a = Array.from({ length: k }, (_, i) => [...Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r[i]! * r[j]!, 0)), rows.reduce((s, r, n) => s + r[i]! * ys[n]!, 0)]);
  for (let col = 0; col < k; col++) {
    const pivot = a[col]![col]!;
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / pivot;
      for (let c = col; c <= k; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  const coefficients = a.map((row, i) => row[k]! / row[i]!);
  const predict = (r: number[]) => r.reduce((s, x, i) => s + x * coefficients[i]!, 0);
  const mean = ys.reduce((s, y) => s + y, 0) / ys.length;
  const ssRes = ys.reduce((s, y, n) => s + (y - predict(rows[n]!)) ** 2, 0);
  const ssTot = ys.reduce((s, y) => s + (y - mean) ** 2, 0);
  return { coefficients, rSquared: 1 - ssRes / ssTot };
}
