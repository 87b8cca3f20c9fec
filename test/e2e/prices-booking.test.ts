// SPEC 2.12–2.15 and 4 end to end: on a hotel's own site, a guest with a child arrives through a
// link carrying a promotion code, sees all-in prices with the price before the code struck through,
// gives the child's age, and pays through a test double of Stripe.js exactly the deposit the quote
// gave, with its tax, fee, inclusive VAT and discount as lines. Every new state is checked with axe
// and photographed at 320, 375 and 1280 px into SHOTS (outside the repository).
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Quote } from '../../shared/schemas/stay.ts';
import { ADMIN_TOKEN, api, ratesShown, seriousViolations, useServerAndBrowser } from './browser.ts';

const SHOTS = process.env['SHOTS_DIR'] ?? '/tmp/shots';
const SHOT_WIDTHS = [320, 375, 1280] as const;

/** Stands in for https://js.stripe.com: confirming settles the intent in the stand-in, as a card would. */
function stripeJsDouble() {
  const w = window as unknown as { Stripe: unknown; succeedIntent(id: string): Promise<string> };
  w.Stripe = () => {
    let clientSecret = '';
    const confirm = async () => {
      const id = clientSecret.slice(0, clientSecret.indexOf('_secret_'));
      return { paymentIntent: { id, status: await w.succeedIntent(id) } };
    };
    return {
      elements(options: { clientSecret: string }) {
        clientSecret = options.clientSecret;
        return {
          create: () => ({
            on: (event: string, callback: () => void) => event === 'ready' && setTimeout(callback),
            mount(target: HTMLElement) {
              target.innerHTML = '<p style="margin:0;padding:14px;border:1px solid #d0d5dd;border-radius:10px">Test card •••• 4242</p>';
            },
          }),
        };
      },
      confirmPayment: confirm,
      confirmSetup: confirm,
    };
  };
}

/** A stripe-mode hotel with a city tax, an inclusive VAT, a cleaning fee, child prices and a code. */
async function createPricedProperty(base: string, origin: string) {
  const created = await api(base, 'POST', '/api/v1/properties', ADMIN_TOKEN, {
    name: 'Harbour House',
    currency: 'USD',
    timezone: 'Asia/Seoul',
    locale: 'en',
    paymentMode: 'stripe',
    allowedOrigins: [origin],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id: string = created.body.property.id;
  const key: string = created.body.secretKey;
  const patched = await api(base, 'PATCH', `/api/v1/properties/${id}`, key, {
    taxes: [
      { name: 'City tax', type: 'per_person_night', amount: 200, childrenExempt: true },
      { name: 'VAT', type: 'percent', percent: 10, inclusive: true },
    ],
    fees: [{ name: 'Cleaning fee', amount: 2_500, per: 'stay' }],
    priceDisplay: 'total',
  });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  const type = await api(base, 'POST', `/api/v1/properties/${id}/room-types`, key, { name: 'Family Room', maxGuests: 4, baseOccupancy: 2, units: 2 });
  expect(type.status, JSON.stringify(type.body)).toBe(201);
  const rate = await api(base, 'POST', `/api/v1/properties/${id}/rates`, key, {
    roomTypeId: type.body.roomType.id,
    name: 'Family flexible',
    nightlyPrice: 20_000,
    deposit: { type: 'percentage', percent: 30 },
    childPrices: [
      { maxAge: 2, amount: 0 },
      { maxAge: 12, amount: 5_000 },
    ],
  });
  expect(rate.status, JSON.stringify(rate.body)).toBe(201);
  const promotion = await api(base, 'POST', `/api/v1/properties/${id}/promotions`, key, { code: 'SPRING', name: 'Spring, 10% off', discount: { type: 'percent', percent: 10 } });
  expect(promotion.status, JSON.stringify(promotion.body)).toBe(201);
  return { id };
}

describe('a guest with a child books with a promotion code, and pays the deposit the quote gave', () => {
  const e2e = useServerAndBrowser({ stripe: true, hotelSite: true });
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  /** Photographs the widget at each width into SHOTS and returns axe's serious findings at each. */
  async function shoot(page: Page, name: string): Promise<string[]> {
    const found: string[] = [];
    for (const width of SHOT_WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator('direct-book').screenshot({ path: `${SHOTS}/${name}-${width}.png`, animations: 'disabled' });
      found.push(...(await seriousViolations(page)).map((v) => `${name} at ${width}px: ${v}`));
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    return found;
  }

  test('child age, code, city tax, cleaning fee and inclusive VAT: the Stripe intent is the quoted deposit', async () => {
    const property = await createPricedProperty(e2e.server.url, e2e.hotel.url);
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.exposeFunction('succeedIntent', async (id: string) => (await e2e.stripe.succeed(id)).status);
    await page.addInitScript(stripeJsDouble);
    const violations: string[] = [];

    // The code arrives with the link (the widget reads `promo` from the page's address).
    const firstAnswer = page.waitForResponse((r) => r.url().includes('/availability?'));
    await page.goto(`${e2e.hotel.url}/?property=${property.id}&promo=SPRING`);
    expect(new URL((await firstAnswer).url()).searchParams.get('promoCode')).toBe('SPRING');
    await ratesShown(page).waitFor();
    const card = page.locator('direct-book [part="rate-card"]').first();
    // Two adults, one night: room $200 − 10% = $180, cleaning $25, city tax 2 × $2: $209 all-in.
    await expect.poll(() => card.locator('[part="price"]').textContent()).toMatch(/was\s*\$229\.00\s*\$209\.00/);
    await expect.poll(() => card.textContent()).toContain('incl. taxes and fees');
    await page.locator('direct-book db-promo').getByText('Code SPRING applied').waitFor();
    violations.push(...(await shoot(page, 'rates-with-promotion')));

    // A child of 7: the family rate prices children, so the guests panel asks the age first.
    await page.getByRole('button', { name: /^Guests/ }).click();
    await page.getByRole('button', { name: 'More: Children' }).click();
    await page.getByLabel('Age of child 1').waitFor();
    violations.push(...(await shoot(page, 'guests-child-age')));
    const withChild = page.waitForResponse((r) => r.url().includes('/availability?') && r.url().includes('childAges=7'));
    await page.getByLabel('Age of child 1').selectOption('7');
    await withChild;
    await page.getByRole('button', { name: 'Done' }).click();
    await page.locator('direct-book').getByText('2 adults, 1 child').first().waitFor();

    await page.getByRole('button', { name: 'Choose Family flexible' }).click();
    const quoted = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/properties/${property.id}/quotes`) && r.ok());
    await page.locator('direct-book .footer').getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Review your stay' }).waitFor();
    const quoteRequest = JSON.parse((await quoted).request().postData()!);
    expect(quoteRequest).toMatchObject({ promoCode: 'SPRING', rooms: [{ adults: 2, children: 1, childAges: [7] }] });
    const quote = (await (await quoted).json()) as Quote;
    const kinds = quote.lines.map((l) => l.kind);
    expect(kinds).toEqual(expect.arrayContaining(['room', 'discount', 'fee', 'tax']));
    expect(quote.lines.some((l) => l.included)).toBe(true);
    const summary = page.locator('direct-book db-summary').first();
    await summary.getByText('Cleaning fee').waitFor();
    await summary.getByText('City tax').waitFor();
    await summary.getByText(/^incl\. VAT/).waitFor();
    await summary.getByText(/^−\$/).waitFor();
    violations.push(...(await shoot(page, 'summary-with-lines')));

    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByLabel('First name').fill('Yuna');
    await page.getByLabel('Last name').fill('Park');
    await page.getByLabel('Email').fill('yuna@example.com');
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/properties/${property.id}/bookings`));
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    const createdResponse = await created;
    expect(JSON.parse(createdResponse.request().postData()!)).toMatchObject({ promoCode: 'SPRING', rooms: [{ childAges: [7] }] });
    const { booking, clientToken } = await createdResponse.json();
    expect(booking).toMatchObject({ total: quote.total, depositDue: quote.depositDue, lines: quote.lines });

    await page.locator('direct-book .element-box.ready').waitFor();
    const intent = e2e.stripe.requests({ method: 'POST', path: '/v1/payment_intents' })[0]!;
    expect(intent.params).toMatchObject({ amount: String(quote.depositDue), currency: 'usd' });
    const pay = `Pay ${new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(quote.depositDue / 100)}`;
    await page.getByRole('button', { name: pay }).click();
    await page.getByRole('heading', { name: 'You’re booked' }).waitFor();

    const res = await fetch(`${e2e.server.url}/api/v1/public/bookings/${booking.id}`, { headers: { Authorization: `Bearer ${clientToken}` } });
    expect((await res.json()).booking).toMatchObject({ status: 'confirmed', amountPaid: quote.depositDue, promoCode: 'SPRING' });
    expect(violations).toEqual([]);
    await context.close();
  }, 180_000);
});
