// SPEC 2.17: the balance collected on its day, against the Stripe stand-in with the real SDK and a
// moved clock: 09:00 property time, daysBeforeArrival before check-in, off-session on the saved card
// under the idempotency key balance:{bookingId}; a refusal sends the guest to their manage page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { balanceJobHandler } from '../server/bookings/collect-balance.ts';
import type { JobHandler } from '../server/jobs/runner.ts';
import type { OutgoingMail } from '../server/mail/transport.ts';
import { BALANCE_JOB, balanceJobKey, type BalanceJobPayload } from '../server/store/balance-job.ts';
import { backends } from './support/api.ts';
import { CARD } from './support/manual-card.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { startStripeApp } from './stripe-app.ts';
import type { PaymentIntent, StripeStandIn } from './stripe-stand-in/server.ts';

const guest = { firstName: 'Yuna', lastName: 'Park', email: 'yuna@example.com' };
const OWNER = 'desk@hanok.example';
// Check-in 5 Dec in Seoul, collected 7 days before: 28 Nov 09:00 KST, which is midnight UTC.
const CHARGE_DAY = '2026-11-28T00:00:00.000Z';
const JUST_BEFORE = '2026-11-27T23:59:59.000Z';

/** The balance handler of the app `app()` returns, built when it runs (the app is made after its handlers). */
function balanceOf(app: () => TestApp): JobHandler<BalanceJobPayload> {
  return { run: (payload, job) => balanceJobHandler(app().deps).run(payload, job) };
}

describe.each(backends)('balance collection, on %s', (_name, databaseUrl) => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function start(options: { sqlitePath?: string } = {}) {
    const sent: OutgoingMail[] = [];
    const made: { app?: TestApp } = {};
    const started = await startStripeApp({
      app: { databaseUrl, ...options, mailTransport: { send: async (m) => void sent.push(m) }, jobHandlers: { [BALANCE_JOB]: balanceOf(() => made.app!) } },
    });
    made.app = started.t;
    closers.push(started.close);
    return { ...started, sent };
  }

  /** A hanok in Seoul: 2 nights at 250.00 with a 30% deposit, so 150.00 now and 350.00 later. */
  async function hanok(t: TestApp, property: Record<string, unknown> = {}) {
    const p = await t.createProperty({ paymentMode: 'stripe', email: OWNER, balanceCollection: { daysBeforeArrival: 7 }, ...property });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Ondol room', maxGuests: 2, units: 3 } })).json();
    const rate = await (
      await t.request('POST', `/api/v1/properties/${p.id}/rates`, {
        key: p.key,
        body: { roomTypeId: rt.roomType.id, name: 'Ondol room', nightlyPrice: 25_000, deposit: { type: 'percentage', percent: 30 } },
      })
    ).json();
    return { ...p, rateId: rate.rate.id as string };
  }

  /** A booking whose deposit the guest paid in the browser with `card` (3-D Secure completed if it asks). */
  async function confirmed(t: TestApp, stripe: StripeStandIn, owner: { id: string; rateId: string }, card = 'pm_card_visa', stay = { checkIn: '2026-12-05', checkOut: '2026-12-07' }) {
    const res = await t.request('POST', `/api/v1/public/properties/${owner.id}/bookings`, { body: { ...stay, rooms: [{ rateId: owner.rateId, adults: 2 }], guest } });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await res.json();
    const intentId = (await t.store.getBooking(body.booking.id))!.intentId!;
    const paid = await stripe.confirm(intentId, card);
    if (paid.status === 'requires_action') await stripe.completeAction(intentId);
    expect(await t.store.getBooking(body.booking.id)).toMatchObject({ status: 'confirmed', amountPaid: 15_000 });
    return { id: body.booking.id as string, token: body.clientToken as string, intentId };
  }

  const offSessionCharges = (stripe: StripeStandIn) => stripe.requests({ method: 'POST', path: '/v1/payment_intents' }).filter((r) => r.params['off_session'] === 'true');
  const ownerView = async (t: TestApp, owner: { id: string; key: string }, id: string) =>
    (await (await t.request('GET', `/api/v1/properties/${owner.id}/bookings/${id}`, { key: owner.key })).json()).booking;

  test('charges the balance off-session on the saved card at 09:00 property time on its day, and the owner and guest see it paid', async () => {
    const { t, stripe } = await start();
    const owner = await hanok(t);
    const b = await confirmed(t, stripe, owner);
    expect(await ownerView(t, owner, b.id)).toMatchObject({ balanceStatus: 'scheduled' });
    expect(await t.store.jobs.find(balanceJobKey(b.id))).toMatchObject({ kind: BALANCE_JOB, status: 'queued', runAt: new Date(CHARGE_DAY) });

    // Seoul's 08:59:59 on the 28th: already the 28th there, not yet nine o'clock.
    t.setNow(JUST_BEFORE);
    await t.runJobs();
    expect(offSessionCharges(stripe)).toHaveLength(0);

    t.setNow(CHARGE_DAY);
    await t.runJobs();
    const [charge] = offSessionCharges(stripe);
    const deposit = stripe.get<PaymentIntent>(b.intentId)!;
    expect(charge).toMatchObject({
      idempotencyKey: `balance:${b.id}`,
      params: { amount: '35000', currency: 'usd', confirm: 'true', customer: deposit.customer, payment_method: deposit.payment_method },
    });
    expect(await ownerView(t, owner, b.id)).toMatchObject({ balanceStatus: 'paid', amountPaid: 50_000 });
    const guestView = await (await t.request('GET', `/api/v1/public/bookings/${b.id}`, { key: b.token })).json();
    expect(guestView.booking).toMatchObject({ balanceStatus: 'paid', amountPaid: 50_000 });
    expect(await t.store.jobs.find(balanceJobKey(b.id))).toMatchObject({ status: 'done' });
  });

  test('two instances running the job, a run repeated after its lease lapsed and an answer lost on the way charge it exactly once', async () => {
    const dir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'directbook-balance-'));
    if (dir) closers.push(async () => rmSync(dir, { recursive: true, force: true }));
    const { t: a, stripe, payments } = await start({ ...(dir ? { sqlitePath: join(dir, 'directbook.sqlite') } : {}) });
    const made: { other?: TestApp } = {};
    const b = await createTestApp({ sameDatabaseAs: a, payments, jobHandlers: { [BALANCE_JOB]: balanceOf(() => made.other!) } });
    made.other = b;
    closers.push(() => b.close());
    const owner = await hanok(a);
    const booking = await confirmed(a, stripe, owner);
    a.setNow(CHARGE_DAY);
    b.setNow(CHARGE_DAY);
    // Stripe charges, but its answer never arrives: the SDK asks again with the same key.
    stripe.failNext(1, 'drop', { afterProcessing: true, path: '/v1/payment_intents' });

    // One process's two SQLite connections would wait on each other, so there the instances take turns.
    if (databaseUrl) await Promise.all([a.runJobs(), b.runJobs()]);
    else for (const instance of [a, b]) await instance.runJobs();
    // As if a's lease had lapsed mid-run: the same job runs again on both.
    const job = (await a.store.jobs.find(balanceJobKey(booking.id)))!;
    const claimed = { ...job, attempts: 0, lockedUntil: new Date(CHARGE_DAY) };
    await Promise.all([balanceJobHandler(a.deps).run({ bookingId: booking.id }, claimed), balanceJobHandler(b.deps).run({ bookingId: booking.id }, claimed)]);

    const charges = offSessionCharges(stripe);
    // Stripe ran the first request (whose answer was lost); every later one got its saved answer.
    expect(charges.filter((r) => !r.replayed)).toMatchObject([{ fault: 'drop' }]);
    expect(charges.length).toBeGreaterThan(1);
    expect(new Set(charges.map((r) => r.idempotencyKey))).toEqual(new Set([`balance:${booking.id}`]));
    expect(stripe.list<PaymentIntent>('payment_intent').filter((pi) => pi.metadata['purpose'] === 'balance')).toHaveLength(1);
    expect(await a.store.getBooking(booking.id)).toMatchObject({ amountPaid: 50_000, balanceStatus: 'paid' });
  });

  test('a declined card marks the balance failed, e-mails the guest the link to pay it on their manage page, and tells the owner', async () => {
    const { t, stripe, sent } = await start();
    const owner = await hanok(t);
    const b = await confirmed(t, stripe, owner, 'pm_card_authenticationRequiredChargeDeclinedInsufficientFunds');
    t.setNow(CHARGE_DAY);
    await t.runJobs();

    expect(offSessionCharges(stripe)).toHaveLength(1);
    expect(await ownerView(t, owner, b.id)).toMatchObject({ balanceStatus: 'failed', amountPaid: 15_000 });
    const toGuest = sent.filter((m) => m.to === guest.email && /balance/i.test(m.subject));
    expect(toGuest).toHaveLength(1);
    expect(toGuest[0]!.text).toContain(`http://localhost/manage/${b.id}#${b.token}`);
    expect(toGuest[0]!.text).toContain('could not charge the balance of $350.00');
    const toOwner = sent.filter((m) => m.to === OWNER && /balance/i.test(m.subject));
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0]!.text).toContain('card_declined');

    // Run again (a lapsed lease): no second charge attempt, no second e-mail.
    await balanceJobHandler(t.deps).run({ bookingId: b.id }, (await t.store.jobs.find(balanceJobKey(b.id)))! as never);
    await t.runJobs();
    expect(offSessionCharges(stripe)).toHaveLength(1);
    expect(sent.filter((m) => /balance/i.test(m.subject))).toHaveLength(2);

    // The guest pays on the manage page: the owner sees it paid.
    const { clientSecret } = await (await t.request('POST', `/api/v1/public/bookings/${b.id}/balance`, { key: b.token })).json();
    await stripe.succeed(clientSecret.slice(0, clientSecret.indexOf('_secret_')));
    expect(await ownerView(t, owner, b.id)).toMatchObject({ balanceStatus: 'paid', amountPaid: 50_000 });
  });

  test('a card whose bank wants 3-D Secure gets Stripe’s authentication_required, and the guest the same link', async () => {
    const { t, stripe, sent } = await start();
    const owner = await hanok(t);
    const b = await confirmed(t, stripe, owner, 'pm_card_authenticationRequired');
    t.setNow(CHARGE_DAY);
    await t.runJobs();

    const refused = stripe.list<PaymentIntent>('payment_intent').find((pi) => pi.metadata['purpose'] === 'balance')!;
    expect(refused).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'authentication_required', decline_code: 'authentication_required' } });
    expect(await ownerView(t, owner, b.id)).toMatchObject({ balanceStatus: 'failed' });
    const [toGuest] = sent.filter((m) => m.to === guest.email && /balance/i.test(m.subject));
    expect(toGuest!.text).toContain(`http://localhost/manage/${b.id}#${b.token}`);
    expect(toGuest!.text).toContain('Your bank asks you to confirm');
    expect(sent.find((m) => m.to === OWNER && /balance/i.test(m.subject))!.text).toContain('authentication_required');
  });

  test('a booking cancelled before its day is never charged: its job is cancelled, and a run that starts anyway does nothing', async () => {
    const { t, stripe } = await start();
    const owner = await hanok(t);
    const b = await confirmed(t, stripe, owner);
    const cancel = await t.request('POST', `/api/v1/properties/${owner.id}/bookings/${b.id}/cancel`, { key: owner.key, body: { scope: 'booking', refund: 'none' } });
    expect(cancel.status).toBe(200);
    expect(await t.store.jobs.find(balanceJobKey(b.id))).toMatchObject({ status: 'cancelled' });

    t.setNow(CHARGE_DAY);
    await t.runJobs();
    await balanceJobHandler(t.deps).run({ bookingId: b.id }, (await t.store.jobs.find(balanceJobKey(b.id)))! as never);
    expect(offSessionCharges(stripe)).toHaveLength(0);
    expect(await ownerView(t, owner, b.id)).toMatchObject({ status: 'cancelled', balanceStatus: null, amountPaid: 15_000 });
  });

  test('a booking made after its collection day is charged at once', async () => {
    const { t, stripe } = await start();
    const owner = await hanok(t, { balanceCollection: { daysBeforeArrival: 30 } });
    const b = await confirmed(t, stripe, owner);
    expect((await t.store.jobs.find(balanceJobKey(b.id)))!.runAt).toEqual(t.now());
    await t.runJobs();
    expect(offSessionCharges(stripe)).toHaveLength(1);
    expect(await t.store.getBooking(b.id)).toMatchObject({ amountPaid: 50_000, balanceStatus: 'paid' });
  });

  test('without balance collection, or with nothing left to pay, the balance is paid at the property and nothing is scheduled', async () => {
    const { t, stripe } = await start();
    const atProperty = await hanok(t, { balanceCollection: null });
    const b = await confirmed(t, stripe, atProperty);
    expect(await ownerView(t, atProperty, b.id)).toMatchObject({ balanceStatus: 'at_property' });
    expect(await t.store.jobs.find(balanceJobKey(b.id))).toBeUndefined();
    t.setNow(CHARGE_DAY);
    await t.runJobs();
    expect(offSessionCharges(stripe)).toHaveLength(0);
  });

  test('in manual mode the owner is reminded on the day to charge the balance to the stored card', async () => {
    const { t, sent } = await start();
    const p = await t.createProperty({ paymentMode: 'manual', acceptedCardBrands: ['visa'], email: OWNER, balanceCollection: { daysBeforeArrival: 0 } });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Ondol room', maxGuests: 2, units: 3 } })).json();
    const rate = await (
      await t.request('POST', `/api/v1/properties/${p.id}/rates`, { key: p.key, body: { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 25_000, deposit: { type: 'first_night' } } })
    ).json();
    const held = await (
      await t.request('POST', `/api/v1/public/properties/${p.id}/bookings`, { body: { checkIn: '2026-12-05', checkOut: '2026-12-07', rooms: [{ rateId: rate.rate.id, adults: 2 }], guest } })
    ).json();
    expect((await t.request('POST', `/api/v1/public/bookings/${held.booking.id}/card`, { key: held.clientToken, body: CARD })).status).toBe(200);
    expect(await ownerView(t, p, held.booking.id)).toMatchObject({ balanceStatus: 'at_property' });
    const reminders = () => sent.filter((m) => m.to === OWNER && /charge the balance/i.test(m.subject));

    t.setNow('2026-12-04T23:59:59Z');
    await t.runJobs();
    expect(reminders()).toHaveLength(0);
    t.setNow('2026-12-05T00:00:00Z');
    await t.runJobs();
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.text).toContain('Please charge the balance of $250.00 to the guest’s card (Visa •••• 1111)');
  });

  test('the owner sets, reads and clears balanceCollection, and a day count out of 0–60 is refused naming its path', async () => {
    const { t } = await start();
    const p = await t.createProperty({ balanceCollection: { daysBeforeArrival: 3 } });
    expect(p.property).toMatchObject({ balanceCollection: { daysBeforeArrival: 3 } });
    const patch = (body: unknown) => t.request('PATCH', `/api/v1/properties/${p.id}`, { key: p.key, body });
    expect((await (await patch({ balanceCollection: { daysBeforeArrival: 60 } })).json()).property.balanceCollection).toEqual({ daysBeforeArrival: 60 });
    expect((await (await patch({ balanceCollection: null })).json()).property.balanceCollection).toBeNull();
    expect((await (await t.request('GET', `/api/v1/properties/${p.id}`, { key: p.key })).json()).property.balanceCollection).toBeNull();
    for (const bad of [61, -1, 1.5, '3']) {
      const res = await patch({ balanceCollection: { daysBeforeArrival: bad } });
      expect(res.status).toBe(400);
      expect((await res.json()).error.details[0].path).toBe('balanceCollection.daysBeforeArrival');
    }
    expect((await t.createProperty()).property.balanceCollection).toBeNull();
  });
});
