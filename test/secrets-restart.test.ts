// Issue 9 on the real server: generated secrets live in a private data folder, the admin token is
// printed only when it is made, and guests' tokens do not depend on the admin token.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { type ServerProcess, startServer } from './server-process.ts';

const root = mkdtempSync(join(tmpdir(), 'directbook-secrets-'));
const dataDir = join(root, 'data');
const modeOf = (path: string) => statSync(path).mode & 0o777;
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function call(base: string, method: string, path: string, key: string | undefined, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('secrets of the embedded default across restarts', () => {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(root, { recursive: true, force: true });
  });

  test('the admin token is printed once, and replacing it keeps guests in their bookings', { timeout: 60_000 }, async () => {
    const first = await startServer({ DATA_DIR: dataDir });
    servers.push(first);
    const adminToken = /admin token:\s+(\S+)/.exec(first.output())?.[1];
    expect(adminToken).toBeDefined();
    expect(modeOf(dataDir)).toBe(0o700);
    for (const file of ['admin-token', 'client-token-secret', 'directbook.sqlite']) expect(modeOf(join(dataDir, file)), file).toBe(0o600);

    const created = await call(first.url, 'POST', '/api/v1/properties', adminToken, { name: 'Restart Inn', currency: 'EUR', timezone: 'Europe/Berlin', paymentMode: 'manual' });
    const pid = created.body.property.id as string;
    const key = created.body.secretKey as string;
    const rt = await call(first.url, 'POST', `/api/v1/properties/${pid}/room-types`, key, { name: 'Twin', maxGuests: 2, units: 2 });
    const rate = await call(first.url, 'POST', `/api/v1/properties/${pid}/rates`, key, { roomTypeId: rt.body.roomType.id, name: 'Flex', nightlyPrice: 8_000, deposit: { type: 'none' } });
    const booking = await call(first.url, 'POST', `/api/v1/public/properties/${pid}/bookings`, undefined, {
      checkIn: daysFromNow(30),
      checkOut: daysFromNow(32),
      rooms: [{ rateId: rate.body.rate.id, adults: 2 }],
      guest: { firstName: 'Ana', lastName: 'Silva', email: 'ana@example.com' },
    });
    expect(booking.status, JSON.stringify(booking.body)).toBe(201);
    await first.stop();

    // The operator replaces the generated admin token (it leaked, say) and restarts.
    const newAdminToken = 'n'.repeat(40);
    writeFileSync(join(dataDir, 'admin-token'), `${newAdminToken}\n`);
    const second = await startServer({ DATA_DIR: dataDir });
    servers.push(second);
    expect(second.output()).not.toMatch(/admin token:/);
    expect(second.output()).not.toContain(newAdminToken);
    const guest = await call(second.url, 'GET', `/api/v1/public/bookings/${booking.body.booking.id}`, booking.body.clientToken);
    expect(guest.status).toBe(200);
    expect((await call(second.url, 'POST', '/api/v1/properties', adminToken, { name: 'x', currency: 'EUR', timezone: 'Europe/Berlin', paymentMode: 'manual' })).status).toBe(401);
  });
});
