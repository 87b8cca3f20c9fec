// SPEC 2.23 end to end in Chromium: the owner signs in to the console with their key, sets a
// Friday–Saturday price for a season and closes a date, and a guest in another tab sees both in the
// widget; the owner finds a booking by its reference and cancels it with a partial refund, which
// Stripe (the stand-in) makes; the owner adds an extra; a cookie without the CSRF token cannot write. Every screen is
// photographed at 375 and 1280 px into /tmp/shots/owner/ and checked with axe.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays, todayIn, weekdayOf } from '../../shared/dates.ts';
import type { PaymentIntent, Refund } from '../stripe-stand-in/server.ts';
import { api, createProperty, seriousViolations, useServerAndBrowser, WIDTHS } from './browser.ts';

const SHOTS = '/tmp/shots/owner';

describe('the owner console', () => {
  const violations: string[] = [];

  const e2e = useServerAndBrowser({ stripe: true });
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  /** The screen at both widths, photographed and checked; back at 375 px afterwards, as an owner on a phone. */
  async function shoot(page: Page, name: string) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true, animations: 'disabled' });
      violations.push(...(await seriousViolations(page)).map((v) => `${name} at ${width}px: ${v}`));
    }
    await page.setViewportSize({ width: 375, height: 900 });
  }

  test('an owner prices and closes dates a guest then sees, and cancels a booking found by its reference with a partial refund', async () => {
    const property = await createProperty(e2e.server.url, {
      name: 'Gangneung Pine Pension',
      paymentMode: 'stripe',
      allowedOrigins: [],
      rooms: [{ name: 'Ondol Room', units: 2, rate: 'Flexible', nightlyPrice: 20_000, deposit: { type: 'full' } }],
    });
    const today = todayIn('Asia/Seoul', new Date());
    // The next Friday at least two days ahead, and a closed date in its month before it when there is one.
    let friday = addDays(today, 2);
    while (weekdayOf(friday) !== 5) friday = addDays(friday, 1);
    const closed = friday.endsWith('-01') ? addDays(friday, 6) : addDays(friday, -1);

    // A guest's paid booking, made as the widget makes one: hold, Stripe, confirm.
    const checkIn = addDays(today, 20);
    const made = await fetch(`${e2e.server.url}/api/v1/public/properties/${property.id}/bookings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        checkIn,
        checkOut: addDays(checkIn, 2),
        rooms: [{ rateId: property.rateIds[0], adults: 2 }],
        guest: { firstName: 'Yuna', lastName: 'Park', email: 'yuna@example.com' },
      }),
    });
    expect(made.status).toBe(201);
    const { booking, clientToken } = await made.json();
    const intent = e2e.stripe.list<PaymentIntent>('payment_intent').find((i) => i.metadata['bookingId'] === booking.id)!;
    await e2e.stripe.succeed(intent.id);
    const confirmed = await fetch(`${e2e.server.url}/api/v1/public/bookings/${booking.id}/confirm`, { method: 'POST', headers: { Authorization: `Bearer ${clientToken}` } });
    expect((await confirmed.json()).booking).toMatchObject({ status: 'confirmed', amountPaid: 40_000 });

    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const cspViolations: string[] = [];
    page.on('console', (message) => message.text().includes('Content Security Policy') && cspViolations.push(message.text()));

    // Sign in with the key.
    await page.goto(`${e2e.server.url}/owner`);
    await page.getByRole('heading', { name: 'Sign in to your property' }).waitFor();
    await shoot(page, 'sign-in');
    await page.getByLabel('Property key').fill(property.key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Today/ }).waitFor();
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: '__Host-owner_session', httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    await shoot(page, 'today');

    // The calendar: a Friday–Saturday price for the season, then one date closed.
    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Calendar' }).waitFor();
    await page.locator('db-owner-calendar table').waitFor();
    await expect.poll(() => page.evaluate(() => document.querySelector('db-owner-app')!.shadowRoot!.activeElement?.shadowRoot?.activeElement?.tagName)).toBe('H1');
    await page.getByLabel('From', { exact: true }).fill(today);
    await page.getByLabel('To (included)').fill(addDays(today, 90));
    await page.getByRole('checkbox', { name: 'Fri' }).check();
    await page.getByRole('checkbox', { name: 'Sat' }).check();
    await page.getByLabel('Price', { exact: true }).fill('250');
    await page.getByRole('button', { name: 'Set price' }).click();
    await page.getByText('Price saved for Flexible.', { exact: true }).first().waitFor();
    await page.getByLabel('From', { exact: true }).fill(closed);
    await page.getByLabel('To (included)').fill(closed);
    await page.getByRole('checkbox', { name: 'Fri' }).uncheck();
    await page.getByRole('checkbox', { name: 'Sat' }).uncheck();
    await page.getByRole('button', { name: 'Close these dates' }).click();
    await page.getByText('Closures saved.', { exact: true }).first().waitFor();
    await shoot(page, 'calendar');

    const prices = await api(e2e.server.url, 'GET', `/api/v1/properties/${property.id}/rates/${property.rateIds[0]}/prices?from=${friday}&to=${addDays(friday, 2)}`, property.key);
    expect(prices.body.prices.map((p: { amount: number }) => p.amount)).toEqual([25_000, 25_000, 20_000]);

    // An extra the guest can add, priced in dollars as the owner types it.
    await page.getByRole('link', { name: 'Extras' }).click();
    await page.getByRole('heading', { name: 'Extras', level: 1 }).waitFor();
    await page.getByLabel('Name').fill('Barbecue set');
    await page.getByLabel('Price').fill('30');
    await page.getByLabel('Charged').selectOption('stay');
    await page.getByRole('button', { name: 'Add extra' }).click();
    await page.getByText('Barbecue set added.', { exact: true }).first().waitFor();
    await shoot(page, 'extras');
    const extras = await api(e2e.server.url, 'GET', `/api/v1/properties/${property.id}/extras`, property.key);
    expect(extras.body.extras).toMatchObject([{ name: 'Barbecue set', price: 3_000, per: 'stay' }]);

    // A guest in another tab: the Friday night at the season's price, and the closed date shown closed.
    const guest = await context.newPage();
    guest.setDefaultTimeout(30_000);
    await guest.goto(`${e2e.server.url}/book/${property.id}?checkIn=${friday}&checkOut=${addDays(friday, 1)}&locale=en`);
    await guest.locator('direct-book [part="price"]').first().waitFor();
    expect(await guest.locator('direct-book').textContent()).not.toBeNull();
    await expect.poll(() => guest.locator('direct-book [part="price"]').first().textContent()).toContain('$250.00');
    await guest.getByRole('button', { name: /^Dates/ }).click();
    const closedDay = guest.locator(`direct-book db-date-picker button[data-date="${closed}"]`);
    await closedDay.waitFor();
    expect(await closedDay.getAttribute('class')).toContain('closed');
    await guest.close();

    // The owner finds the booking by its reference and cancels it, giving back $50 of the $400 paid.
    await page.getByRole('link', { name: 'Bookings' }).click();
    await page.getByRole('heading', { name: 'Bookings' }).waitFor();
    await page.getByLabel('Search by reference, name or e-mail').fill(booking.reference);
    await expect.poll(() => page.locator('db-owner-bookings a.row').count()).toBe(1);
    await shoot(page, 'bookings');
    await page.locator('db-owner-bookings a.row').click();
    await page.getByRole('heading', { name: `Booking ${booking.reference}` }).waitFor();
    await page.getByText('Balance due').waitFor();
    await shoot(page, 'booking');
    await page.getByRole('radio', { name: 'An amount' }).check();
    await page.getByLabel('Amount to refund').fill('50.00');
    const refundsBefore = e2e.stripe.list('refund').length;
    await page.getByRole('button', { name: 'Cancel and refund' }).click();
    await page.getByText('Cancelled; $50.00 refunded.', { exact: true }).first().waitFor();
    const refunds = e2e.stripe.list<Refund>('refund').slice(refundsBefore);
    expect(refunds.map((r) => [r.amount, r.payment_intent])).toEqual([[5_000, intent.id]]);
    const after = await api(e2e.server.url, 'GET', `/api/v1/properties/${property.id}/bookings/${booking.id}`, property.key);
    expect(after.body.booking).toMatchObject({ status: 'cancelled', amountRefunded: 5_000 });
    await shoot(page, 'booking-cancelled');

    // The session cookie alone cannot write: the browser sends it, but without the token the API refuses.
    const forged = await page.evaluate(async (path) => {
      const res = await fetch(path, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Forged' }) });
      return { status: res.status, code: (await res.json()).error?.code };
    }, `/api/v1/properties/${property.id}`);
    expect(forged).toEqual({ status: 403, code: 'csrf' });
    const name = await api(e2e.server.url, 'GET', `/api/v1/properties/${property.id}`, property.key);
    expect(name.body.property.name).toBe('Gangneung Pine Pension');

    // Signing out ends the session: the cookie no longer reads anything.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to your property' }).waitFor();
    const afterSignOut = await page.evaluate(async (path) => (await fetch(path)).status, `/api/v1/properties/${property.id}`);
    expect(afterSignOut).toBe(401);
    await context.close();

    expect(cspViolations).toEqual([]);
    expect(violations).toEqual([]);
  }, 180_000);

  test('the Secure cookie works on http://127.0.0.1 too, as Chromium counts loopback as secure', async () => {
    const property = await createProperty(e2e.server.url, {
      name: 'Loopback Inn',
      paymentMode: 'manual',
      allowedOrigins: [],
      rooms: [{ name: 'Room', units: 1, rate: 'Standard', nightlyPrice: 10_000, deposit: { type: 'none' } }],
    });
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${e2e.server.url.replace('localhost', '127.0.0.1')}/owner`);
    await page.getByLabel('Property key').fill(property.key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /^Today/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: /^Today/ }).waitFor();
    expect(await page.locator('db-owner-app').evaluate((el) => el.shadowRoot!.querySelector('.property')!.textContent)).toBe('Loopback Inn');
    await context.close();
  }, 60_000);
});
