// Issue 13: JSON of 1 KiB and more reaches a phone compressed, in the encoding it asked for.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { acceptedEncoding } from '../ready-answer.ts';
import { backends, createRate, createRoomType, type Json, useTestApp } from '../../test/support/api.ts';

describe('which encoding a client takes', () => {
  test('brotli first, then gzip; q=0 refuses one; nothing named, nothing sent compressed', () => {
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(acceptedEncoding('gzip, br;q=0')).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip;q=0')).toBeUndefined();
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding('identity')).toBeUndefined();
    expect(acceptedEncoding(undefined)).toBeUndefined();
  });
});

describe.each(backends)('compressed answers on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  async function property() {
    const owner = await app().createProperty();
    for (const n of [1, 2, 3]) {
      const roomType = await createRoomType(app(), owner, { name: `Room ${n} with a longer name`, units: 4 });
      for (const m of [1, 2, 3]) await createRate(app(), owner, roomType.id, { name: `Rate ${m}`, deposit: { type: 'percentage', percent: 30 } });
    }
    return owner;
  }

  const availability = (pid: string, acceptEncoding?: string) =>
    app().request('GET', `/api/v1/public/properties/${pid}/availability?checkIn=2026-12-10&checkOut=2026-12-13&adults=2`, {
      headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
    });

  test('availability comes as brotli or gzip when asked, and decodes to the same answer as plain JSON', async () => {
    const owner = await property();
    const plain = await availability(owner.id);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const json = await plain.text();
    expect(json.length).toBeGreaterThan(1024);
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const res = await availability(owner.id, `${encoding}`);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBeLessThan(json.length / 4);
      expect(JSON.parse(decode(bytes).toString('utf8'))).toEqual(JSON.parse(json) as Json);
    }
  });

  test('a quote is gzipped when large, and a small error is sent as it is', async () => {
    const owner = await property();
    const rates = ((await (await app().request('GET', `/api/v1/properties/${owner.id}/rates`, { key: owner.key })).json()) as Json).rates as Json[];
    const quote = await app().request('POST', `/api/v1/public/properties/${owner.id}/quotes`, {
      headers: { 'accept-encoding': 'gzip' },
      body: { checkIn: '2026-12-10', checkOut: '2026-12-13', rooms: rates.slice(0, 4).map((r) => ({ rateId: r.id, adults: 2 })) },
    });
    expect(quote.status).toBe(200);
    expect(quote.headers.get('content-encoding')).toBe('gzip');
    expect((JSON.parse(gunzipSync(Buffer.from(await quote.arrayBuffer())).toString('utf8')) as Json).rooms).toHaveLength(4);
    const missing = await app().request('GET', '/api/v1/public/properties/prop_nope', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBeNull();
  });
});
