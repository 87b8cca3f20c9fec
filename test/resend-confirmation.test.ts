// SPEC 2.23: the owner sends a guest's confirmation again, as a second e-mail the guest really gets.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OutgoingMail } from '../server/mail/transport.ts';
import { backends, DEFAULT_NOW, expectError, json } from './support/api.ts';
import { bookingWithCard, heldBooking, manualHotel } from './support/manual-card.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe.each(backends)('resending the confirmation on %s', (_name, databaseUrl) => {
  let t: TestApp;
  const sent: OutgoingMail[] = [];
  beforeAll(async () => {
    t = await createTestApp({ databaseUrl, now: DEFAULT_NOW, mailTransport: { send: async (m) => void sent.push(m) } });
  });
  afterAll(() => t.close());

  const resend = (hotel: { id: string; key: string }, bookingId: string) => t.request('POST', `/api/v1/properties/${hotel.id}/bookings/${bookingId}/confirmation/resend`, { key: hotel.key });
  const toGuest = () => sent.filter((m) => m.to === 'putri@example.com');

  test('the guest receives the confirmation a second time, with the same reference', async () => {
    const hotel = await manualHotel(t);
    const id = await bookingWithCard(t, hotel);
    await t.deliverMail();
    const first = toGuest().length;
    expect(first).toBe(1);

    const res = await resend(hotel, id);
    expect(res.status, await res.clone().text()).toBe(202);
    expect((await json(res)).booking).toMatchObject({ id, status: 'confirmed' });
    await t.deliverMail();

    const mails = toGuest();
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe(mails[0]!.subject);
    expect(mails[1]!.messageId).not.toBe(mails[0]!.messageId);

    // Each request is its own message: a third one reaches the guest too.
    expect((await resend(hotel, id)).status).toBe(202);
    await t.deliverMail();
    expect(toGuest()).toHaveLength(3);
  });

  test('a booking still on hold has no confirmation to resend, and nothing is sent', async () => {
    const hotel = await manualHotel(t);
    const { id } = await heldBooking(t, hotel);
    const before = sent.length;
    await expectError(await resend(hotel, id), 409, 'not_confirmed');
    await t.deliverMail();
    expect(sent).toHaveLength(before);
  });

  test("another property's booking is not found, and its guest is not mailed", async () => {
    const hotel = await manualHotel(t);
    const id = await bookingWithCard(t, hotel);
    await t.deliverMail();
    const stranger = await manualHotel(t);
    const before = sent.length;
    await expectError(await resend(stranger, id), 404);
    await t.deliverMail();
    expect(sent).toHaveLength(before);
  });
});
