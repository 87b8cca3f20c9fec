// SPEC 4 and 2.8 (manual mode) end to end: a guest books on the demo page at / through the card
// frame, every step is checked with axe and photographed at phone and laptop widths.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ratesShown, screenshot, seriousViolations, useServerAndBrowser, WIDTHS } from './browser.ts';

const guest = { firstName: 'Sari', lastName: 'Wijaya', email: 'sari@example.com' };

describe('a guest books on the demo hotel page and leaves a card for the hotel', () => {
  const e2e = useServerAndBrowser();

  // The demo site's header is sticky: while the widget is photographed in pieces it would cover it.
  const UNSTICK_HEADER = '.site-header { position: static !important; }';

  /** Photographs the widget at each width and returns axe's serious findings at each. */
  async function step(page: Page, name: string, cardFrame?: Frame): Promise<string[]> {
    const found: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page.locator('direct-book'), `manual-${name}-${width}`, UNSTICK_HEADER);
      found.push(...(await seriousViolations(page)).map((v) => `${name} at ${width}px: ${v}`));
      if (cardFrame) found.push(...(await seriousViolations(cardFrame)).map((v) => `${name} at ${width}px, card frame: ${v}`));
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    return found;
  }

  test('the guest picks a suite, gives a card in the frame, sees the reference, and the booking is confirmed', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { booked: unknown[] }).booked = seen;
      document.addEventListener('directbook:booked', (e) => seen.push({ target: (e.target as Element).localName, detail: (e as CustomEvent).detail }));
    });
    const violations: string[] = [];

    // Rates on screen, timed from the navigation itself (performance.now() counts from it).
    await page.goto(`${e2e.server.url}/`, { waitUntil: 'commit' });
    const shownAt = await (
      await page.waitForFunction(
        () => {
          const step = document.querySelector('direct-book')?.shadowRoot?.querySelector('db-rates-step')?.shadowRoot;
          const list = step?.querySelector('db-rate-list')?.shadowRoot;
          return list?.querySelector('db-rate-card')?.shadowRoot?.querySelector('[part="price"]') ? performance.now() : 0;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      )
    ).jsonValue();
    const availability = await page.evaluate(() => {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('/availability?')) as PerformanceResourceTiming | undefined;
      return entry && { total: entry.duration, server: entry.responseStart - entry.requestStart };
    });
    expect(availability, 'the availability request was made').toBeDefined();
    console.log(
      `e2e timing: navigation to rates on screen ${Math.round(shownAt)} ms; availability request ${Math.round(availability!.total)} ms ` +
        `(${Math.round(availability!.server)} ms until the first byte)`,
    );
    await ratesShown(page).waitFor();
    violations.push(...(await step(page, '1-rates')));

    // The calendar, opened and closed with the keyboard's button.
    await page.getByRole('button', { name: /^Dates/ }).click();
    await page.locator('direct-book db-date-picker table').first().waitFor();
    violations.push(...(await step(page, '2-calendar')));
    await page.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Choose Suite stay' }).click();
    await page.getByText('1 room selected').waitFor();
    violations.push(...(await step(page, '3-room-chosen')));

    await page.locator('direct-book .footer').getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Review your stay' }).waitFor();
    await page.getByRole('checkbox', { name: /Breakfast/ }).check();
    await page.locator('direct-book db-summary').getByText('Breakfast').waitFor();
    violations.push(...(await step(page, '4-review')));

    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    await page.getByLabel('First name').fill(guest.firstName);
    await page.getByLabel('Last name').fill(guest.lastName);
    await page.getByLabel('Email').fill(guest.email);
    violations.push(...(await step(page, '5-details')));

    const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/public\/properties\/demo\/bookings$/.test(r.url()));
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    const { booking, clientToken } = await (await created).json();
    await page.getByRole('heading', { name: 'Payment' }).waitFor();
    await page.getByText('The property will charge $269.00').waitFor();

    // SPEC 2.8: the card is typed inside the frame served by the directbook server.
    const cardFrame = page.frameLocator('direct-book iframe[part="card-frame"]');
    await page.locator('direct-book .frame-box.ready').waitFor();
    const frame = page.frames().find((f) => new URL(f.url()).pathname === '/card-frame');
    expect(frame, 'the card frame is loaded').toBeDefined();
    expect(new URL(frame!.url()).origin, 'the card frame comes from the directbook server').toBe(e2e.server.url);
    violations.push(...(await step(page, '6-payment', frame)));
    const year = String((new Date().getFullYear() + 3) % 100).padStart(2, '0');
    await cardFrame.getByLabel('Card number').pressSequentially('4242 4242 4242 4242');
    await cardFrame.getByLabel('Expiry date').pressSequentially(`12${year}`);
    await cardFrame.getByLabel('Name on card').fill(`${guest.firstName} ${guest.lastName}`);
    await expect.poll(() => cardFrame.getByLabel('Expiry date').inputValue(), { timeout: 30_000 }).toBe(`12 / ${year}`);
    violations.push(...(await step(page, '7-card-entered', frame)));
    await cardFrame.getByRole('button', { name: 'Confirm booking' }).click();

    await page.getByRole('heading', { name: 'You’re booked' }).waitFor();
    const shownReference = await page.locator('direct-book [part="reference"]').textContent();
    expect(shownReference).toBe(booking.reference);
    violations.push(...(await step(page, '8-confirmation')));

    expect(await page.evaluate(() => (window as unknown as { booked: unknown[] }).booked)).toEqual([
      { target: 'direct-book', detail: { reference: booking.reference, total: booking.total, depositDue: 26_900, currency: 'USD' } },
    ]);
    const res = await fetch(`${e2e.server.url}/api/v1/public/bookings/${booking.id}`, { headers: { Authorization: `Bearer ${clientToken}` } });
    expect((await res.json()).booking).toMatchObject({ status: 'confirmed', reference: booking.reference, card: { brand: 'visa', last4: '4242' } });
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);
});
