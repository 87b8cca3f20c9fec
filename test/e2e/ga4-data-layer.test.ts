// SPEC 4 end to end: on a page running Google Tag Manager, the built widget.js pushes the GA4
// e-commerce events of a whole booking into the page's dataLayer, amounts in major units.
import { describe, expect, test } from 'vitest';
import { ratesShown, useServerAndBrowser } from './browser.ts';

type Pushed = { event?: string; ecommerce: Record<string, unknown> | null };

describe('a guest books on a hotel page that runs Google Tag Manager', () => {
  const e2e = useServerAndBrowser();

  test('the dataLayer gets view_item_list, select_item, begin_checkout, add_payment_info and purchase', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    // As Tag Manager's snippet does, before any other script of the page.
    await page.addInitScript(() => ((window as unknown as { dataLayer: unknown[] }).dataLayer = []));
    await page.goto(`${e2e.server.url}/`);
    await ratesShown(page).waitFor();

    await page.getByRole('button', { name: 'Choose Suite stay' }).click();
    await page.getByText('1 room selected').waitFor();
    await page.locator('direct-book .footer').getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Review your stay' }).waitFor();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('heading', { name: 'Your details' }).waitFor();
    await page.getByLabel('First name').fill('Sari');
    await page.getByLabel('Last name').fill('Wijaya');
    await page.getByLabel('Email').fill('sari@example.com');
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/public\/properties\/demo\/bookings$/.test(r.url()));
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    const { booking } = await (await created).json();
    await page.getByRole('heading', { name: 'Payment' }).waitFor();

    const cardFrame = page.frameLocator('direct-book iframe[part="card-frame"]');
    await page.locator('direct-book .frame-box.ready').waitFor();
    const year = String((new Date().getFullYear() + 3) % 100).padStart(2, '0');
    await cardFrame.getByLabel('Card number').pressSequentially('4242 4242 4242 4242');
    await cardFrame.getByLabel('Expiry date').pressSequentially(`12${year}`);
    await cardFrame.getByLabel('Name on card').fill('Sari Wijaya');
    await expect.poll(() => cardFrame.getByLabel('Expiry date').inputValue(), { timeout: 30_000 }).toBe(`12 / ${year}`);
    await cardFrame.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { name: 'You’re booked' }).waitFor();

    const pushed = await page.evaluate(() => (window as unknown as { dataLayer: Pushed[] }).dataLayer.filter((e) => 'ecommerce' in e));
    const events = pushed.filter((e) => e.event);
    expect(events.map((e) => e.event)).toEqual(['view_item_list', 'select_item', 'begin_checkout', 'add_payment_info', 'purchase']);
    // Tag Manager merges what is pushed: every event comes right after the previous one is cleared.
    expect(pushed.map((e) => e.event ?? null)).toEqual(events.flatMap((e) => [null, e.event]));
    expect(pushed.filter((e) => !e.event).every((e) => e.ecommerce === null)).toBe(true);

    const [list, selected, checkout, payment, purchase] = events.map((e) => e.ecommerce!);
    const suite = (selected!.items as { price: number }[])[0]!;
    expect(suite).toMatchObject({ item_category: expect.any(String), quantity: 1 });
    expect(list!.items).toContainEqual(suite);
    expect(checkout).toMatchObject({ currency: 'USD', value: suite.price, items: [suite] });
    expect(payment).toMatchObject({ currency: 'USD', value: booking.total / 100 });
    expect(purchase).toEqual({ ...payment, transaction_id: booking.reference });
    await context.close();
  }, 120_000);
});
