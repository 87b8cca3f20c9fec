// SPEC 2.14 and 2.23 end to end in Chromium: on a phone, the owner creates a promotion code in the
// console, and a guest on the hotel's own site types that code into the widget's "Have a code?" and
// sees the discounted price beside the price before it. The promotions and rates screens are
// checked with axe at both widths.
import { describe, expect, test } from 'vitest';
import { createProperty, ratesShown, seriousViolations, useServerAndBrowser, WIDTHS } from './browser.ts';

describe('the owner console sets up what guests see', () => {
  const e2e = useServerAndBrowser({ hotelSite: true });

  test('a code the owner creates on a phone takes its discount off the price a guest sees on the hotel’s site', async () => {
    const property = await createProperty(e2e.server.url, {
      name: 'Sokcho Seaside Pension',
      paymentMode: 'manual',
      allowedOrigins: [e2e.hotel.url],
      rooms: [{ name: 'Sea View Room', units: 2, rate: 'Flexible', nightlyPrice: 20_000, deposit: { type: 'none' } }],
    });
    const context = await e2e.browser.newContext({ viewport: { width: 375, height: 800 } });
    const owner = await context.newPage();
    owner.setDefaultTimeout(30_000);
    const violations: string[] = [];
    const checkAxe = async (screen: string) => {
      for (const width of WIDTHS) {
        await owner.setViewportSize({ width, height: 800 });
        violations.push(...(await seriousViolations(owner)).map((v) => `${screen} at ${width}px: ${v}`));
      }
      await owner.setViewportSize({ width: 375, height: 800 });
    };

    await owner.goto(`${e2e.server.url}/owner`);
    await owner.getByLabel('Property key').fill(property.key);
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner.getByRole('heading', { name: /^Today/ }).waitFor();

    await owner.getByRole('link', { name: 'Rates' }).click();
    await owner.getByRole('heading', { name: 'Rates', level: 1 }).waitFor();
    await owner.getByRole('link', { name: /Flexible/ }).waitFor();
    await checkAxe('rates');

    // The phone's nav scrolls sideways: Promotions is reached all the same.
    await owner.getByRole('link', { name: 'Promotions' }).click();
    await owner.getByRole('heading', { name: 'Promotions', level: 1 }).waitFor();
    await owner.getByText('No promotion codes yet.').waitFor();
    await owner.getByLabel('Code', { exact: true }).fill('SEASIDE15');
    await owner.getByLabel('Name', { exact: true }).fill('Seaside, 15% off');
    await owner.getByLabel('Percent off').fill('15');
    await owner.getByRole('button', { name: 'Create promotion' }).click();
    await owner.getByText('SEASIDE15 saved.', { exact: true }).first().waitFor();
    // Listed, and active: the owner could switch it off from here.
    await owner.getByRole('button', { name: 'Deactivate SEASIDE15' }).waitFor();
    await checkAxe('promotions');

    const guest = await context.newPage();
    guest.setDefaultTimeout(30_000);
    await guest.goto(`${e2e.hotel.url}/?property=${property.id}`);
    await ratesShown(guest).waitFor();
    const price = guest.locator('direct-book [part="rate-card"]').first().locator('[part="price"]');
    expect(await price.textContent()).toContain('$200.00');
    await guest.getByText('Have a code?').click();
    // Typed as guests type, in lower case: codes match whatever the case (SPEC 2.14).
    await guest.getByLabel('Promotion code').fill('seaside15');
    await guest.getByRole('button', { name: 'Apply' }).click();
    await guest
      .locator('direct-book db-promo')
      .getByText(/^Code seaside15 applied/)
      .waitFor();
    // One night at $200, 15% off: $170, with the price before it struck through.
    await expect.poll(() => price.textContent()).toMatch(/was\s*\$200\.00\s*\$170\.00/);
    await context.close();

    expect(violations).toEqual([]);
  }, 120_000);
});
