// SPEC 2.11: the property profile, texts per language for guests, a paused or hidden property, and the
// e-mails that carry the profile (SPEC 2.10, 2.16, 2.23).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../server/config.ts';
import type { OutgoingMail } from '../server/mail/transport.ts';
import { backends, createRate, createRoomType, expect400, expectError, json, type Json, type Owner, useTestApp } from './support/api.ts';
import { CARD } from './support/manual-card.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const stay = { checkIn: '2026-12-05', checkOut: '2026-12-07' };
const guest = { firstName: 'Minji', lastName: 'Kim', email: 'minji@example.com' };

const profile = {
  name: { en: 'Pension Badasori', ko: '바다소리 펜션' },
  description: { en: 'Five rooms by the sea in Gangneung.' },
  address: { en: '12 Haean-ro, Gangneung', ko: '강릉시 해안로 12' },
  phone: '+82 33 123 4567',
  website: 'https://badasori.example',
  notices: 'Quiet after 22:00.',
  amenities: ['Free parking', 'Sea view'],
  checkInTime: '15:00',
  checkOutTime: '11:00',
  directions: { en: 'Gangneung station, then bus 202 to Anmok beach.', ko: '강릉역에서 202번 버스를 타고 안목해변에서 내리세요.' },
  starRating: 3,
  images: ['https://badasori.example/front.jpg', 'https://badasori.example/room.jpg'],
};

const ownerPath = (owner: Owner) => `/api/v1/properties/${owner.id}`;
const publicPath = (owner: Owner) => `/api/v1/public/properties/${owner.id}`;
const patch = (t: TestApp, owner: Owner, body: Json) => t.request('PATCH', ownerPath(owner), { key: owner.key, body });
const read = async (t: TestApp, owner: Owner) => (await json(await t.request('GET', ownerPath(owner), { key: owner.key }))).property as Json;

describe.each(backends)('the property profile on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  test('an owner sets every profile field and reads it back as given', async () => {
    const owner = await app().createProperty({ locale: 'en' });
    expect(owner.property).toMatchObject({ address: null, phone: null, amenities: [], images: [], starRating: null, status: 'open', visible: true });
    const res = await patch(app(), owner, { ...profile, status: 'paused', visible: false });
    expect(res.status, await res.clone().text()).toBe(200);
    const expected = { ...profile, status: 'paused', visible: false };
    expect((await json(res)).property).toMatchObject(expected);
    expect(await read(app(), owner)).toMatchObject(expected);
    // Changing one text keeps the others as they were.
    await patch(app(), owner, { name: 'Badasori', checkInTime: null });
    expect(await read(app(), owner)).toMatchObject({ ...expected, name: 'Badasori', checkInTime: null });
  });

  test('bad profile input is refused with the field named, and nothing changes', async () => {
    const owner = await app().createProperty();
    await patch(app(), owner, profile);
    const before = await read(app(), owner);
    await expect400(await patch(app(), owner, { checkInTime: '25:00' }), 'checkInTime');
    await expect400(await patch(app(), owner, { checkOutTime: '11am' }), 'checkOutTime');
    await expect400(await patch(app(), owner, { images: ['http://badasori.example/front.jpg'] }), 'images.0');
    await expect400(await patch(app(), owner, { starRating: 6 }), 'starRating');
    await expect400(await patch(app(), owner, { starRating: 2.5 }), 'starRating');
    await expect400(await patch(app(), owner, { name: {} }), 'name');
    await expect400(await patch(app(), owner, { description: { fr: 'Cinq chambres' } }), 'description');
    await expect400(await patch(app(), owner, { website: 'http://badasori.example' }), 'website');
    await expect400(await patch(app(), owner, { amenities: Array.from({ length: 41 }, (_, i) => `Amenity ${i}`) }), 'amenities');
    await expect400(await patch(app(), owner, { status: 'closed' }), 'status');
    await expect400(await patch(app(), owner, { phone: 'call us' }), 'phone');
    // A bad field among good ones changes none of them.
    await expect400(await patch(app(), owner, { phone: '+82 2 000 0000', checkInTime: '7 pm' }), 'checkInTime');
    expect(await read(app(), owner)).toEqual(before);
  });

  test("guests read texts in their language, else the property's, else whichever the owner wrote", async () => {
    const t = app();
    const owner = await t.createProperty({ locale: 'en', ...profile });
    const roomType = await createRoomType(t, owner, { name: { en: 'Ocean room', ko: '오션룸' }, description: { en: 'Faces the sea' } });
    const rate = await createRate(t, owner, roomType.id, { name: { en: 'Flexible' }, description: 'Pay later' });
    const extra = (await json(await t.request('POST', `${ownerPath(owner)}/extras`, { key: owner.key, body: { name: { en: 'Breakfast', ko: '조식' }, price: 1_000, per: 'stay' } }))).extra;
    // Owners read the texts as they gave them.
    expect(roomType.name).toEqual({ en: 'Ocean room', ko: '오션룸' });
    expect((await json(await t.request('GET', `${ownerPath(owner)}/rates/${rate.id}`, { key: owner.key }))).rate.name).toEqual({ en: 'Flexible' });

    const property = await json(await t.request('GET', `${publicPath(owner)}?locale=ko`));
    expect(property).toMatchObject({
      name: '바다소리 펜션',
      description: 'Five rooms by the sea in Gangneung.',
      address: '강릉시 해안로 12',
      directions: profile.directions.ko,
      phone: profile.phone,
      website: profile.website,
      checkInTime: '15:00',
      checkOutTime: '11:00',
      amenities: profile.amenities,
      starRating: 3,
      images: profile.images,
      status: 'open',
    });
    expect(property.extras[0]).toMatchObject({ id: extra.id, name: '조식' });
    // Indonesian is not written: the property's language (English) is shown.
    expect(await json(await t.request('GET', `${publicPath(owner)}?locale=id`))).toMatchObject({ name: 'Pension Badasori', address: '12 Haean-ro, Gangneung' });

    const availability = await json(await t.request('GET', `${publicPath(owner)}/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}&adults=2&locale=ko&include=property`));
    expect(availability.roomTypes[0]).toMatchObject({ name: '오션룸', description: 'Faces the sea' });
    expect(availability.roomTypes[0].rates[0]).toMatchObject({ name: 'Flexible', description: 'Pay later' });
    expect(availability.property).toMatchObject({ name: '바다소리 펜션', status: 'open', checkInTime: '15:00', checkOutTime: '11:00' });
    // The widget's first answer stays small: the rest of the profile is in GET public property.
    expect(availability.property).not.toHaveProperty('address');
    expect(availability.property).not.toHaveProperty('images');

    const quote = await json(
      await t.request('POST', `${publicPath(owner)}/quotes`, { body: { ...stay, locale: 'ko', rooms: [{ rateId: rate.id, adults: 2, extras: [{ extraId: extra.id, quantity: 1 }] }] } }),
    );
    expect(quote.rooms[0]).toMatchObject({ roomTypeName: '오션룸', rateName: 'Flexible', extras: [{ name: '조식' }] });
  });

  test('a paused property shows its rates, but quotes and bookings answer 409 property_paused', async () => {
    const t = app();
    const owner = await t.createProperty();
    const rate = await createRate(t, owner, (await createRoomType(t, owner)).id);
    await patch(t, owner, { status: 'paused' });
    const availability = await t.request('GET', `${publicPath(owner)}/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}&adults=2&include=property`);
    expect(availability.status).toBe(200);
    const answer = await json(availability);
    expect(answer.property.status).toBe('paused');
    expect(answer.roomTypes[0].rates[0].available).toBe(true);
    const body = { ...stay, rooms: [{ rateId: rate.id, adults: 2 }] };
    await expectError(await t.request('POST', `${publicPath(owner)}/quotes`, { body }), 409, 'property_paused');
    await expectError(await t.request('POST', `${publicPath(owner)}/bookings`, { body: { ...body, guest } }), 409, 'property_paused');
    expect((await json(await t.request('GET', `${ownerPath(owner)}/bookings`, { key: owner.key }))).bookings).toHaveLength(0);
    await patch(t, owner, { status: 'open' });
    expect((await t.request('POST', `${publicPath(owner)}/quotes`, { body })).status).toBe(200);
  });

  test('a hidden property answers 404 to guests and on its page, as an unknown one, and stays the owner’s', async () => {
    const t = app();
    const owner = await t.createProperty();
    await createRate(t, owner, (await createRoomType(t, owner)).id);
    await patch(t, owner, { visible: false });
    await expectError(await t.request('GET', publicPath(owner)), 404);
    await expectError(await t.request('GET', `${publicPath(owner)}/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}&adults=2`), 404);
    expect((await t.request('GET', `/book/${owner.id}`)).status).toBe(404);
    expect((await t.request('GET', ownerPath(owner), { key: owner.key })).status).toBe(200);
    await patch(t, owner, { visible: true });
    expect((await t.request('GET', publicPath(owner))).status).toBe(200);
  });

  test('the hosted page shows the profile above the widget, in the guest’s language', async () => {
    const t = app();
    const owner = await t.createProperty({ locale: 'en', ...profile, description: { en: 'Five rooms by the sea.', ko: '바닷가 객실 다섯 개.' } });
    const html = await (await t.request('GET', `/book/${owner.id}?locale=ko`)).text();
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('<title>바다소리 펜션 · Book direct</title>');
    expect(html).toContain('<meta name="description" content="바닷가 객실 다섯 개." />');
    expect(html).toContain('<meta property="og:title" content="바다소리 펜션 · Book direct" />');
    expect(html).toContain('<meta property="og:image" content="https://badasori.example/front.jpg" />');
    const widget = html.indexOf('<direct-book');
    for (const shown of [
      '<h1>바다소리 펜션</h1>',
      '강릉시 해안로 12',
      'href="tel:+82331234567"',
      '15:00',
      '11:00',
      profile.directions.ko,
      '<li>Free parking</li>',
      'src="https://badasori.example/room.jpg"',
    ]) {
      expect(html.indexOf(shown), shown).toBeGreaterThan(-1);
      expect(html.indexOf(shown), shown).toBeLessThan(widget);
    }
    const english = await (await t.request('GET', `/book/${owner.id}`, { headers: { 'accept-language': 'en-US' } })).text();
    expect(english).toContain('<h1>Pension Badasori</h1>');
    expect(english).toContain('Getting here');
  });
});

describe.each(backends)('e-mails that carry the profile on %s', (_name, databaseUrl) => {
  let sent: OutgoingMail[] = [];
  const app = useMailApp(databaseUrl, (mail) => sent.push(mail));

  async function hotel(rate: Json = {}, property: Json = {}) {
    const t = app();
    sent = [];
    const owner = await t.createProperty({ paymentMode: 'manual', acceptedCardBrands: ['visa'], email: 'owner@badasori.example', locale: 'en', ...profile, ...property });
    const roomType = await createRoomType(t, owner, { name: { en: 'Ocean room', ko: '오션룸' } });
    const created = await createRate(t, owner, roomType.id, { nightlyPrice: 100_000, deposit: { type: 'first_night' }, ...rate });
    return { owner, rateId: created.id as string };
  }

  async function confirmed(h: { owner: Owner; rateId: string }, locale = 'en') {
    const t = app();
    const res = await t.request('POST', `${publicPath(h.owner)}/bookings`, { body: { ...stay, locale, rooms: [{ rateId: h.rateId, adults: 2 }], guest } });
    expect(res.status, await res.clone().text()).toBe(201);
    const { booking, clientToken } = await json(res);
    expect((await t.request('POST', `/api/v1/public/bookings/${booking.id}/card`, { key: clientToken, body: CARD })).status).toBe(200);
    await t.deliverMail();
    return booking.id as string;
  }

  const toGuest = () => sent.filter((m) => m.to === guest.email);
  const toOwner = () => sent.filter((m) => m.to === 'owner@badasori.example');

  test('the confirmation carries the address, phone, check-in and check-out times, directions and the policy in words', async () => {
    await confirmed(await hotel({ cancellationPolicy: { tiers: [{ daysBefore: 7, refundPercent: 100 }] } }));
    const [confirmation] = toGuest();
    for (const part of [confirmation!.text, confirmation!.html]) {
      expect(part).toContain('12 Haean-ro, Gangneung');
      expect(part).toContain('+82 33 123 4567');
      expect(part).toContain('15:00');
      expect(part).toContain('11:00');
      expect(part).toContain('Gangneung station, then bus 202 to Anmok beach.');
    }
    expect(confirmation!.text).toMatch(/Cancellation policy\n- .*(refund|cancel)/i);
    expect(confirmation!.text).not.toContain('non-refundable');
  });

  test('a non-refundable booking says so plainly, in its own sentence', async () => {
    await confirmed(await hotel({ refundable: false }));
    const [confirmation] = toGuest();
    expect(confirmation!.text).toContain('\n\nThis booking is non-refundable: if you cancel, nothing you paid is returned.\n');
  });

  test('a Korean guest reads the property, room and profile in Korean, with no particle placeholders', async () => {
    await confirmed(await hotel({ refundable: false }), 'ko');
    const [confirmation] = toGuest();
    expect(confirmation!.subject).toContain('바다소리 펜션');
    expect(confirmation!.from).toContain('바다소리 펜션');
    for (const shown of ['오션룸', '강릉시 해안로 12', '오시는 길', profile.directions.ko, '체크인 시간', '이 예약은 환불되지 않습니다.']) expect(confirmation!.text).toContain(shown);
    expect(confirmation!.text).not.toMatch(/\((을|를|으|이)\)/);
  });

  test('the guest gets a receipt when the owner records a payment', async () => {
    const h = await hotel();
    const id = await confirmed(h);
    sent = [];
    const res = await app().request('POST', `${ownerPath(h.owner)}/bookings/${id}/payments`, { key: h.owner.key, body: { amount: 50_000, method: 'bank_transfer' } });
    expect(res.status, await res.clone().text()).toBe(201);
    await app().deliverMail();
    const receipts = toGuest();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.subject).toContain('Payment received');
    expect(receipts[0]!.text).toContain('Amount received: $500.00');
    expect(receipts[0]!.text).toContain('Paid by: Bank transfer');
    // $2,000 stay, $1,000 deposit still to be charged by the property, $500 recorded now.
    expect(receipts[0]!.text).toContain('Paid so far: $500.00');
    expect(receipts[0]!.text).toMatch(/Balance[^:\n]*: \$500\.00/);
  });

  test('owner e-mails link to the booking in the console', async () => {
    const id = await confirmed(await hotel());
    const [notice] = toOwner();
    expect(notice!.text).toContain(`http://localhost/owner/bookings/${id}`);
    expect(notice!.html).toContain(`href="http://localhost/owner/bookings/${id}"`);
  });
});

describe('MAIL_FROM', () => {
  test('defaults to bookings@ the public host, so replies and SPF match the site guests booked on', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://book.badasori.example' }).MAIL_FROM).toBe('bookings@book.badasori.example');
    expect(loadConfig({ PUBLIC_URL: 'https://book.badasori.example', MAIL_FROM: 'Badasori <hello@badasori.example>' }).MAIL_FROM).toBe('Badasori <hello@badasori.example>');
    expect(loadConfig({}).MAIL_FROM).toBe('bookings@directbook.local');
  });
});

/** A test app whose mail goes to `deliver`, for the describe block. */
function useMailApp(databaseUrl: string | undefined, deliver: (mail: OutgoingMail) => void): () => TestApp {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp({ databaseUrl, now: '2026-11-24T03:00:00Z', mailTransport: { send: async (mail) => void deliver(mail) } });
  });
  afterAll(async () => {
    await t?.close();
  });
  return () => t!;
}
