// SPEC 2.8 manual mode: the card is checked, stored encrypted, never echoed, and confirms the booking.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ensureBuilt } from './support/build.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const CARD = '4242424242424242';
const guest = { firstName: 'Sari', lastName: 'Wijaya', email: 'sari@example.com' };

describe('a guest leaves a card for the property to charge', () => {
  let t: TestApp;
  let dir: string;
  // The card frame's page carries the built script.
  beforeAll(() => ensureBuilt(), 120_000);
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'directbook-card-'));
    t = await createTestApp({ sqlitePath: join(dir, 'db.sqlite') });
  });
  afterEach(() => t.close());

  async function pendingBooking() {
    const p = await t.createProperty({ allowedOrigins: ['https://hotel.example'] });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Double', maxGuests: 2, units: 2 } })).json();
    const rate = await (
      await t.request('POST', `/api/v1/properties/${p.id}/rates`, { key: p.key, body: { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 12_000, deposit: { type: 'first_night' } } })
    ).json();
    const res = await t.request('POST', `/api/v1/public/properties/${p.id}/bookings`, {
      body: { checkIn: '2026-12-01', checkOut: '2026-12-03', rooms: [{ rateId: rate.rate.id, adults: 2 }], guest },
      headers: { origin: 'https://hotel.example' },
    });
    expect(res.status).toBe(201);
    return { property: p, ...(await res.json()) };
  }

  const submit = (id: string, token: string, body: object) => t.request('POST', `/api/v1/public/bookings/${id}/card`, { key: token, body });

  test('a valid card confirms the booking and only brand, last 4 and expiry come back', async () => {
    const { booking, clientToken, payment } = await pendingBooking();
    expect(payment.provider).toBe('manual');
    expect(payment.cardFrameUrl).toContain('/card-frame?property=');
    const res = await submit(booking.id, clientToken, { number: CARD, expMonth: 12, expYear: 2030, holderName: 'Sari Wijaya' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(CARD);
    expect(JSON.parse(text).booking).toMatchObject({ status: 'confirmed', card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 } });
  });

  test('a request carrying a CVC is refused and changes nothing', async () => {
    const { booking, clientToken } = await pendingBooking();
    const res = await submit(booking.id, clientToken, { number: CARD, expMonth: 12, expYear: 2030, holderName: 'Sari Wijaya', cvc: '123' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].path).toBe('cvc');
    expect((await t.store.getBooking(booking.id))?.status).toBe('pending');
  });

  test('a number failing the Luhn check, an expired card or a brand the property does not take is refused', async () => {
    const { booking, clientToken } = await pendingBooking();
    for (const card of [
      { number: '4242424242424241', expMonth: 12, expYear: 2030 },
      { number: CARD, expMonth: 10, expYear: 2026 },
      { number: '6011111111111117', expMonth: 12, expYear: 2030 },
    ]) {
      const res = await submit(booking.id, clientToken, { ...card, holderName: 'Sari Wijaya' });
      expect(res.status).toBe(400);
    }
    expect((await t.store.getBooking(booking.id))?.card).toBeNull();
  });

  test('without the clientToken no card is taken', async () => {
    const { booking } = await pendingBooking();
    expect((await submit(booking.id, 'guess', { number: CARD, expMonth: 12, expYear: 2030, holderName: 'X' })).status).toBe(404);
  });

  test('the database file holds no card number in clear', async () => {
    const { booking, clientToken } = await pendingBooking();
    await submit(booking.id, clientToken, { number: CARD, expMonth: 12, expYear: 2030, holderName: 'Sari Wijaya' });
    await t.close();
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file));
      expect(bytes.includes(Buffer.from(CARD)), file).toBe(false);
      expect(bytes.includes(Buffer.from(Buffer.from(CARD).toString('base64'))), file).toBe(false);
    }
    t = await createTestApp();
  });

  test('the card frame is served only to origins the property allowed', async () => {
    const { property } = await pendingBooking();
    const ok = await t.request('GET', `/card-frame?property=${property.id}&parent=https://hotel.example&locale=ko`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect(await ok.text()).not.toMatch(/name="cvc"/);
    expect((await t.request('GET', `/card-frame?property=${property.id}&parent=https://evil.example`)).status).toBe(400);
  });
});

describe('a real server process keeps card numbers out of its data folder and its logs', () => {
  test('after manual bookings no file under DATA_DIR and no line of output holds the number', async () => {
    const { startServer } = await import('./server-process.ts');
    const dataDir = mkdtempSync(join(tmpdir(), 'directbook-scan-'));
    const server = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'trace' });
    try {
      const availability = await (await fetch(`${server.url}/api/v1/public/properties/demo/availability?checkIn=2027-01-05&checkOut=2027-01-07`)).json();
      const rateId = availability.roomTypes[0].rates[0].id;
      for (let i = 0; i < 2; i++) {
        const created = await (
          await fetch(`${server.url}/api/v1/public/properties/demo/bookings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ checkIn: '2027-01-05', checkOut: '2027-01-07', rooms: [{ rateId, adults: 2 }], guest }),
          })
        ).json();
        const card = await fetch(`${server.url}/api/v1/public/bookings/${created.booking.id}/card`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${created.clientToken}` },
          body: JSON.stringify({ number: CARD, expMonth: 12, expYear: 2030, holderName: 'Sari Wijaya' }),
        });
        expect(card.status).toBe(200);
      }
    } finally {
      await server.stop();
    }
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    })(dataDir);
    expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    for (const file of files) expect(readFileSync(file).includes(Buffer.from(CARD)), file).toBe(false);
    expect(server.output()).not.toContain(CARD);
    expect(server.output().length).toBeGreaterThan(0);
  }, 60_000);
});
