// SPEC 2.7 and 4 end to end: two guests in two browsers want the hotel's last attic room at the
// same moment. The server holds it for one; the other is told it was just taken and keeps
// everything they had chosen and typed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ServerProcess } from '../server-process.ts';
import { createProperty, launchBrowser, ratesShown, screenshot, seriousViolations, startHotelSite, startTestServer, WIDTHS } from './browser.ts';
import { ensureBuilt } from '../support/build.ts';

const SOLD_OUT_NOTICE = 'Sorry, a room you chose was just booked by someone else. Your choices are kept: please check them and continue.';

describe('two guests want the last room at once', () => {
  let server: ServerProcess;
  let browser: Browser;
  let hotel: Awaited<ReturnType<typeof startHotelSite>>;

  beforeAll(async () => {
    ensureBuilt();
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    hotel = await startHotelSite(server.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hotel?.close();
    await server?.stop();
  });

  /** One guest in a browser of their own, up to the moment before "Continue to payment". */
  async function guestReadyToBook(url: string, guest: { firstName: string; lastName: string; email: string }) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const statuses: number[] = [];
    page.on('response', (r) => r.request().method() === 'POST' && /\/bookings$/.test(r.url()) && statuses.push(r.status()));
    await page.goto(url);
    await ratesShown(page).waitFor();
    const dates = await page.locator('direct-book #dates-toggle .field-value').textContent();
    await page.getByRole('button', { name: 'Choose Attic' }).click();
    await page.locator('direct-book .footer').getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Review your stay' }).waitFor();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByLabel('First name').fill(guest.firstName);
    await page.getByLabel('Last name').fill(guest.lastName);
    await page.getByLabel('Email').fill(guest.email);
    return { context, page, statuses, guest, dates };
  }

  /** Which screen the guest ended on after asking for the room. */
  async function outcome(page: Page): Promise<'payment' | 'sold out'> {
    const payment = page.getByRole('heading', { name: 'Payment' });
    const notice = page.getByText(SOLD_OUT_NOTICE);
    await payment.or(notice).waitFor();
    return (await payment.isVisible()) ? 'payment' : 'sold out';
  }

  test('one guest gets the room; the other sees it was just taken, with dates, party and details kept', async () => {
    const property = await createProperty(server.url, {
      name: 'Little Inn',
      paymentMode: 'manual',
      allowedOrigins: [hotel.url],
      rooms: [
        { name: 'Attic Room', units: 1, rate: 'Attic', nightlyPrice: 15_000, deposit: { type: 'none' } },
        { name: 'Garden Room', units: 3, rate: 'Garden', nightlyPrice: 12_000, deposit: { type: 'none' } },
      ],
    });
    const url = `${hotel.url}/?property=${property.id}`;
    const guests = await Promise.all([
      guestReadyToBook(url, { firstName: 'Mina', lastName: 'Kim', email: 'mina@example.com' }),
      guestReadyToBook(url, { firstName: 'Joon', lastName: 'Lee', email: 'joon@example.com' }),
    ]);

    // Both ask for the room at the same moment.
    await Promise.all(guests.map((g) => g.page.getByRole('button', { name: 'Continue to payment' }).click()));
    const outcomes = await Promise.all(guests.map((g) => outcome(g.page)));
    expect([...outcomes].sort()).toEqual(['payment', 'sold out']);
    expect(guests.flatMap((g) => g.statuses).sort()).toEqual([201, 409]);

    const loser = guests[outcomes.indexOf('sold out')]!;
    const { page } = loser;
    await page.getByRole('heading', { name: 'Choose your room' }).waitFor();
    // The attic is now shown as sold out; the dates and party on screen are the ones chosen.
    await page.locator('direct-book db-rate-card').filter({ hasText: 'Attic' }).getByText('Sold out').waitFor();
    expect(await page.locator('direct-book #dates-toggle .field-value').textContent()).toBe(loser.dates);
    expect(await page.locator('direct-book #guests-toggle .field-value').textContent()).toBe('2 adults');
    const found: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page.locator('direct-book'), `sold-out-notice-${width}`);
      found.push(...(await seriousViolations(page)).map((v) => `sold-out notice at ${width}px: ${v}`));
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(found).toEqual([]);

    // Another room, and the details typed before are still there.
    await page.getByRole('button', { name: 'Choose Garden' }).click();
    await page.locator('direct-book .footer').getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Review your stay' }).waitFor();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    expect(await page.getByLabel('First name').inputValue()).toBe(loser.guest.firstName);
    expect(await page.getByLabel('Last name').inputValue()).toBe(loser.guest.lastName);
    expect(await page.getByLabel('Email').inputValue()).toBe(loser.guest.email);
    await Promise.all(guests.map((g) => g.context.close()));
  }, 120_000);
});
