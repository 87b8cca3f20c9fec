// Issue 13: the heaviest availability question a property may ask (the most rates allowed, a
// 60-night stay, nothing free, so "next available" searches every shift), in process, and how
// long /health waits meanwhile on the same event loop.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DEFAULT_LIMITS } from '../../server/errors.ts';
import { addDays } from '../../shared/dates.ts';
import { RATE_WITHOUT_LIMITS } from '../../shared/schemas/rate.ts';
import { createTestApp } from '../support/test-app.ts';

export interface WorstCase {
  rates: number;
  /** Median of the worst question, and of a one-night question on a one-rate property. */
  worstMs: number;
  plainMs: number;
  /** The longest the event loop stalled (what /health would wait) while the worst questions ran back to back. */
  healthMaxMs: number;
}

async function median(run: () => Promise<unknown>, times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

export async function worstCaseBench(): Promise<WorstCase> {
  const t = await createTestApp();
  try {
    const big = await t.createProperty();
    const roomTypes = DEFAULT_LIMITS.roomTypes;
    for (let i = 0; i < roomTypes; i++) {
      await t.store.createRoomType({ id: `rt_${i}`, propertyId: big.id, name: `Room ${i}`, description: null, maxGuests: 2, units: 1, images: [] });
    }
    // One night in every 60 is closed, so each 60-night stay meets one somewhere inside it, not at once.
    const closed = Array.from({ length: 12 }, (_, i) => addDays('2026-12-20', i * 60));
    await t.store.updateProperty(big.id, { closures: { weekdays: [], publicHolidays: false, dates: closed, openHolidays: [] } });
    for (let i = 0; i < DEFAULT_LIMITS.rates; i++) {
      await t.store.createRate({
        ...RATE_WITHOUT_LIMITS,
        id: `rate_${i}`,
        propertyId: big.id,
        roomTypeId: `rt_${i % roomTypes}`,
        name: `Rate ${i}`,
        nightlyPrice: 10_000 + i,
        deposit: { type: 'percentage', percent: 30 },
      });
    }
    const small = await t.createProperty();
    await t.store.createRoomType({ id: 'rt_small', propertyId: small.id, name: 'Room', description: null, maxGuests: 2, units: 1, images: [] });
    await t.store.createRate({ ...RATE_WITHOUT_LIMITS, id: 'rate_small', propertyId: small.id, roomTypeId: 'rt_small', name: 'Rate', nightlyPrice: 10_000, deposit: { type: 'none' } });

    // Every question is a different one, so none is answered from the read cache.
    let n = 0;
    const ask = (pid: string, nights: number) => {
      const checkIn = addDays('2027-01-01', n++ % 200);
      return t.request('GET', `/api/v1/public/properties/${pid}/availability?checkIn=${checkIn}&checkOut=${addDays(checkIn, nights)}&adults=2`).then(async (r) => {
        if (r.status !== 200) throw new Error(`worst-case bench: ${r.status} ${await r.text()}`);
        return r.text();
      });
    };
    const worst = () => ask(big.id, 60);
    const plain = () => ask(small.id, 1);
    await worst();
    await plain();
    const worstMs = await median(worst, 9);
    const plainMs = await median(plain, 51);

    // A request that arrives while a question is being answered waits for the event loop: its longest stall is /health's worst wait.
    const stalls = monitorEventLoopDelay({ resolution: 1 });
    stalls.enable();
    for (let i = 0; i < 9; i++) {
      await worst();
      // Let the monitor's timer run between questions, as other requests' would.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    stalls.disable();
    const healthMaxMs = stalls.max / 1e6;
    return { rates: DEFAULT_LIMITS.rates, worstMs, plainMs, healthMaxMs };
  } finally {
    await t.close();
  }
}
