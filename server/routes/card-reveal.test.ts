// Issue 9: revealing a stored card takes the cards:reveal scope and a reason, is limited per key, and leaves an audit trail.
import { describe, expect, test } from 'vitest';
import { backends, createRate, createRoomType, expect400, expectError, json, type Owner, useTestApp } from '../../test/support/api.ts';
import { REVEALS_PER_KEY_PER_HOUR } from './bookings-owner.ts';

const CARD = '4242424242424242';
const REASON = 'Guest did not arrive: charging the first night';

describe.each(backends)('revealing a stored card on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  async function cardOnFile() {
    const owner = await app().createProperty();
    const rt = await createRoomType(app(), owner);
    const rate = await createRate(app(), owner, rt.id, { deposit: { type: 'first_night' } });
    const created = await json(
      await app().request('POST', `/api/v1/public/properties/${owner.id}/bookings`, {
        body: { checkIn: '2026-12-01', checkOut: '2026-12-03', rooms: [{ rateId: rate.id, adults: 2 }], guest: { firstName: 'Sari', lastName: 'Wijaya', email: 'sari@example.com' } },
      }),
    );
    const card = await app().request('POST', `/api/v1/public/bookings/${created.booking.id}/card`, {
      key: created.clientToken,
      body: { number: CARD, expMonth: 12, expYear: 2030, holderName: 'Sari Wijaya' },
    });
    expect(card.status).toBe(200);
    return { owner, bookingId: created.booking.id as string };
  }

  async function keyWith(owner: Owner, scopes: string[], name: string) {
    return (await json(await app().request('POST', `/api/v1/properties/${owner.id}/keys`, { key: owner.key, body: { name, scopes } }))) as { key: { id: string }; secretKey: string };
  }

  const reveal = (owner: Owner, bookingId: string, key: string, body: unknown = { reason: REASON }, headers?: Record<string, string>) =>
    app().request('POST', `/api/v1/properties/${owner.id}/bookings/${bookingId}/card/reveal`, { key, body, headers });
  const trail = (owner: Owner, bookingId: string, key: string) => app().request('GET', `/api/v1/properties/${owner.id}/bookings/${bookingId}/card/reveals`, { key });

  test('a reveal must say why: missing, blank or longer than 500 characters is refused and reveals nothing', async () => {
    const { owner, bookingId } = await cardOnFile();
    await expect400(await reveal(owner, bookingId, owner.key, null), '');
    await expect400(await reveal(owner, bookingId, owner.key, {}), 'reason');
    await expect400(await reveal(owner, bookingId, owner.key, { reason: '   ' }), 'reason');
    await expect400(await reveal(owner, bookingId, owner.key, { reason: 'x'.repeat(501) }), 'reason');
    expect(await app().store.cardReveals(bookingId)).toEqual([]);
    expect((await reveal(owner, bookingId, owner.key, { reason: 'x'.repeat(500) })).status).toBe(200);
  });

  test('the audit trail says which key, why, from where, with what and when, and holds no card data', async () => {
    const { owner, bookingId } = await cardOnFile();
    const accountant = await keyWith(owner, ['cards:reveal'], 'Accountant');
    app().setNow('2026-12-01T20:00:00Z');
    const res = await reveal(owner, bookingId, accountant.secretKey, { reason: REASON }, { 'user-agent': 'Front desk PC' });
    expect(res.status).toBe(200);
    expect((await json(res)).card.number).toBe(CARD);
    const listed = await trail(owner, bookingId, accountant.secretKey);
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(JSON.parse(text)).toEqual({
      reveals: [{ keyId: accountant.key.id, keyName: 'Accountant', reason: REASON, ip: expect.any(String), userAgent: 'Front desk PC', at: '2026-12-01T20:00:00.000Z' }],
    });
    expect(text).not.toContain(CARD.slice(-8));
    expect(text).not.toContain('2030');
  });

  test('a key without cards:reveal can neither reveal nor read the trail, and nothing is recorded', async () => {
    const { owner, bookingId } = await cardOnFile();
    const desk = await keyWith(owner, ['bookings', 'rates'], 'Front desk');
    await expectError(await reveal(owner, bookingId, desk.secretKey), 403, 'insufficient_scope');
    await expectError(await trail(owner, bookingId, desk.secretKey), 403, 'insufficient_scope');
    expect(await app().store.cardReveals(bookingId)).toEqual([]);
    expect((await app().request('GET', `/api/v1/properties/${owner.id}/bookings/${bookingId}`, { key: desk.secretKey })).status).toBe(200);
  });

  test(`a key reveals at most ${REVEALS_PER_KEY_PER_HOUR} cards an hour; another key is counted apart, and an hour later it may again`, async () => {
    const { owner, bookingId } = await cardOnFile();
    app().setNow('2026-12-01T20:00:00Z');
    for (let i = 0; i < REVEALS_PER_KEY_PER_HOUR; i++) expect((await reveal(owner, bookingId, owner.key)).status).toBe(200);
    const refused = await reveal(owner, bookingId, owner.key);
    await expectError(refused, 429, 'rate_limited');
    const second = await keyWith(owner, ['cards:reveal'], 'Night manager');
    expect((await reveal(owner, bookingId, second.secretKey)).status).toBe(200);
    app().setNow('2026-12-01T21:00:01Z');
    expect((await reveal(owner, bookingId, owner.key)).status).toBe(200);
    expect(await app().store.cardReveals(bookingId)).toHaveLength(REVEALS_PER_KEY_PER_HOUR + 2);
  });

  test('a burst of reveals with one key never gets past the limit', async () => {
    const { owner, bookingId } = await cardOnFile();
    const statuses = await Promise.all(Array.from({ length: REVEALS_PER_KEY_PER_HOUR + 5 }, () => reveal(owner, bookingId, owner.key).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(REVEALS_PER_KEY_PER_HOUR);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });

  test('the trail of another property’s booking is not found', async () => {
    const { bookingId } = await cardOnFile();
    const other = await app().createProperty();
    await expectError(await trail(other, bookingId, other.key), 404);
  });
});
