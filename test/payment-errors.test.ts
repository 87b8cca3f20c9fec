// Issue 9: what Stripe says when it refuses (amounts, the state of the property's account, pieces of
// its key) is for the operator's log, never for the guest.
import { Writable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { createLogger } from '../server/logger.ts';
import { startStripeApp } from './stripe-app.ts';

const guest = { firstName: 'Yuna', lastName: 'Park', email: 'yuna@example.com' };

function capturedLog() {
  const lines: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  return { logger, text: () => lines.join('') };
}

describe("Stripe's own error text", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function attempt(options: { secretKey?: string; nightlyPrice: number }) {
    const log = capturedLog();
    const started = await startStripeApp({ app: { logger: log.logger }, payments: options.secretKey ? { secretKey: options.secretKey } : {} });
    close = started.close;
    const { t } = started;
    const p = await t.createProperty({ paymentMode: 'stripe' });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Bunk', maxGuests: 1, units: 1 } })).json();
    const rate = await (
      await t.request('POST', `/api/v1/properties/${p.id}/rates`, {
        key: p.key,
        body: { roomTypeId: rt.roomType.id, name: 'Bunk', nightlyPrice: options.nightlyPrice, deposit: { type: 'percentage', percent: 10 } },
      })
    ).json();
    const res = await t.request('POST', `/api/v1/public/properties/${p.id}/bookings`, {
      body: { checkIn: '2026-12-05', checkOut: '2026-12-06', rooms: [{ rateId: rate.rate.id, adults: 1 }], guest },
    });
    return { status: res.status, text: await res.text(), log: log.text() };
  }

  test('a deposit under Stripe’s minimum charge: the guest hears the payment was refused, the log says why', async () => {
    const refused = await attempt({ nightlyPrice: 100 });
    expect(refused.status).toBe(502);
    expect(JSON.parse(refused.text).error).toEqual({ code: 'payment_refused', message: 'The payment provider refused this payment; please contact the property' });
    expect(refused.text).not.toMatch(/Amount must be at least|\$0\.50/);
    expect(refused.log).toContain('Amount must be at least $0.50 usd');
  });

  test('a revoked key: no piece of it reaches the guest, and the operator can see which key was refused', async () => {
    const refused = await attempt({ secretKey: 'sk_live_REVOKEDdirectbook0000WXYZ', nightlyPrice: 25_000 });
    expect(refused.status).toBe(502);
    expect(JSON.parse(refused.text).error.code).toBe('payment_refused');
    expect(refused.text).not.toMatch(/sk_live|WXYZ|API Key/);
    expect(refused.log).toContain('Invalid API Key provided: sk_live_');
    expect(refused.log).toContain('WXYZ');
  });
});
