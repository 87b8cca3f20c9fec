import { afterEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../test/support/test-app.ts';
import { DEMO_PROPERTY_ID, seedDemo } from './seed.ts';

describe('the demo property', () => {
  let t: TestApp;
  afterEach(() => t.close());

  test('takes the code WELCOME10, whatever its case, for 10% off the rooms', async () => {
    t = await createTestApp();
    await seedDemo(t.store, t.now(), ['http://localhost:8787']);
    const quote = async (promoCode?: string) => {
      const res = await t.request('POST', `/api/v1/public/properties/${DEMO_PROPERTY_ID}/quotes`, {
        body: { checkIn: '2026-12-01', checkOut: '2026-12-03', rooms: [{ rateId: 'rate_demo_flex', adults: 2 }], ...(promoCode ? { promoCode } : {}) },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return res.json() as Promise<{ total: number; lines: { kind: string; name: string; amount: number }[]; promo?: { applied: boolean } }>;
    };
    const full = await quote();
    const welcomed = await quote('welcome10');
    expect(welcomed.promo?.applied).toBe(true);
    // SPEC 2.14: off the room price only, never the cleaning fee or the city tax.
    const room = full.lines.find((l) => l.kind === 'room')!.amount;
    expect(welcomed.total).toBe(full.total - Math.round(room / 10));
    // SPEC 2.13: $2 per adult per night and $25 for cleaning, on top of two nights at $149.
    expect(full.lines.filter((l) => l.kind !== 'room')).toEqual([
      { kind: 'fee', name: 'Cleaning fee', amount: 2_500 },
      { kind: 'tax', name: 'City tax', amount: 800 },
    ]);
    expect(full.total).toBe(29_800 + 2_500 + 800);
  });
});
